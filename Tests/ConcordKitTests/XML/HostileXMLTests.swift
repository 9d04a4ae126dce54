import Foundation
import Testing

@testable import ConcordKit

/// Documents written to attack the reader: external entities that would read a local file or
/// the network, entity expansion bombs, parameter entities, XInclude, and an encoding trick
/// that hides a `<!DOCTYPE` from a byte-level check. Every one is rejected, and the secret a
/// local file holds never reaches a diagnostic or a tree.
@Suite struct HostileXMLTests {
  static let secret = "TOP-SECRET-7f3a9c"

  /// A temporary folder holding `secret.txt`, and the documents of a test.
  let folder: TemporaryFolder
  let secretPath: String
  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  init() throws {
    folder = try TemporaryFolder()
    secretPath = try folder.write("secret.txt", Self.secret + "\n")
  }

  /// A section whose one clause text is `content`, after `prolog`.
  func section(prolog: String, content: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    \(prolog)
    <section xmlns="urn:concord:1" id="economy" kind="operative">
      <clause id="eco-trade">
        <text xml:lang="en">\(content)</text>
      </clause>
    </section>

    """
  }

  /// Everything the reader says about `text`, by both entry points (validation and reading).
  func everythingSaid(about text: String, name: String = "hostile.xml") throws -> (
    diagnostics: [Diagnostic], output: String
  ) {
    let path = try folder.write(name, text)
    let validated = reader.validate(path)
    var output = validated.map(\.description).joined(separator: "\n")
    do {
      let root = try reader.read(path)
      output += "\n" + "\(root)"
    } catch {
      output += "\n" + "\(error)"
    }
    return (validated, output)
  }

  static let doctypeRefused =
    "document type declarations (<!DOCTYPE>) are not accepted: Concord documents need none, and they carry entity expansion and external entities"

  @Test func anExternalEntityReadingALocalFileIsRejectedAndTheSecretNeverShows() throws {
    let text = section(
      prolog: "<!DOCTYPE section [ <!ENTITY s SYSTEM \"file://\(secretPath)\"> ]>", content: "&s;")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(diagnostics.map(\.message) == [Self.doctypeRefused])
    #expect(diagnostics.map(\.line) == [2])
    #expect(!output.contains(Self.secret))
  }

  @Test func anExternalEntityByRelativePathIsRejected() throws {
    let text = section(prolog: "<!DOCTYPE section [ <!ENTITY s SYSTEM \"secret.txt\"> ]>", content: "&s;")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(diagnostics.map(\.message) == [Self.doctypeRefused])
    #expect(!output.contains(Self.secret))
  }

  @Test func aNetworkExternalEntityIsRejected() throws {
    let text = section(
      prolog: "<!DOCTYPE section [ <!ENTITY s SYSTEM \"http://127.0.0.1:9/secret\"> ]>", content: "&s;")
    #expect(try everythingSaid(about: text).diagnostics.map(\.message) == [Self.doctypeRefused])
  }

  @Test func anExternalDTDIsRejected() throws {
    let text = section(prolog: "<!DOCTYPE section SYSTEM \"http://127.0.0.1:9/concord.dtd\">", content: "x")
    #expect(try everythingSaid(about: text).diagnostics.map(\.message) == [Self.doctypeRefused])
  }

  @Test func aParameterEntityIsRejected() throws {
    let text = section(
      prolog: """
        <!DOCTYPE section [
          <!ENTITY % file SYSTEM "file://\(secretPath)">
          <!ENTITY % wrap "<!ENTITY leak '%file;'>">
          %wrap;
        ]>
        """,
      content: "&leak;")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(diagnostics.map(\.message) == [Self.doctypeRefused])
    #expect(!output.contains(Self.secret))
  }

  @Test(.timeLimit(.minutes(1)))
  func aBillionLaughsBombIsRejectedBeforeAnyExpansion() throws {
    var entities = "<!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      let previous = String(repeating: "&lol\(level - 1);", count: 10)
      entities += "  <!ENTITY lol\(level) \"\(previous)\">\n"
    }
    let text = section(prolog: "<!DOCTYPE section [\n  \(entities)]>", content: "&lol9;")
    let (diagnostics, _) = try everythingSaid(about: text)
    #expect(diagnostics.map(\.message) == [Self.doctypeRefused])
  }

  @Test func aDoctypeAfterCommentsAndAByteOrderMarkIsStillFound() throws {
    let text =
      "\u{FEFF}"
      + section(
        prolog:
          "<!-- a comment -->\n<?pi data?>\n<!DOCTYPE section [ <!ENTITY s SYSTEM \"file://\(secretPath)\"> ]>",
        content: "&s;")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(
      diagnostics.map(\.description) == ["\(folder.path)/hostile.xml:4:1: error: \(Self.doctypeRefused)"])
    #expect(!output.contains(Self.secret))
  }

  @Test func aLowerCaseDoctypeIsMalformed() throws {
    let text = section(
      prolog: "<!doctype section [ <!ENTITY s SYSTEM \"file://\(secretPath)\"> ]>", content: "&s;")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(diagnostics.first?.message == "StartTag: invalid element name")
    #expect(!output.contains(Self.secret))
  }

  /// xmllint honours `encoding="UTF-7"` and reads the secret through this document; Concord
  /// reads every document as UTF-8, so the encoded `<!DOCTYPE` stays plain text.
  @Test func aDoctypeHiddenInUTF7IsNotDecoded() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-7"?>
      +ADw-!DOCTYPE section +AFs- +ADw-!ENTITY s SYSTEM +ACI-file://\(secretPath)+ACI-+AD4- +AF0-+AD4-
      <section xmlns="urn:concord:1" id="economy" kind="operative"><clause id="eco-trade"><text xml:lang="en">&s;</text></clause></section>

      """
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(!diagnostics.isEmpty)
    #expect(!output.contains(Self.secret))
  }

  @Test func anXIncludeIsNotProcessedAndBreaksTheSchema() throws {
    let text = section(prolog: "", content: "<xi:include href=\"\(secretPath)\" parse=\"text\"/>")
      .replacingOccurrences(
        of: "xmlns=\"urn:concord:1\"",
        with: "xmlns=\"urn:concord:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"")
    let (diagnostics, output) = try everythingSaid(about: text)
    #expect(
      diagnostics.map(\.description) == [
        "\(folder.path)/hostile.xml:5:25: error: Element '{http://www.w3.org/2001/XInclude}include': This element is not expected. Expected is ( parties )."
      ])
    #expect(!output.contains(Self.secret))
  }

  @Test func anUndeclaredEntityIsAnErrorNotAnEmptyString() throws {
    let (diagnostics, _) = try everythingSaid(about: section(prolog: "", content: "a &s; b"))
    #expect(
      diagnostics.map(\.description) == ["\(folder.path)/hostile.xml:5:30: error: Entity 's' not defined"])
  }

  /// Behind the `<!DOCTYPE` check, libxml2 itself is called without entity substitution and
  /// with a loader that refuses everything but schemas: the entity is not expanded.
  @Test func behindTheDoctypeCheckLibxml2StillLoadsNoExternalEntity() throws {
    let text = section(
      prolog: "<!DOCTYPE section [ <!ENTITY s SYSTEM \"file://\(secretPath)\"> ]>", content: "&s;")
    let bytes = Array(text.utf8)
    let (root, diagnostics) = bytes.withUnsafeBytes { buffer in
      LibXML2.read(buffer, path: "hostile.xml", schema: nil, buildTree: true)
    }
    #expect(!"\(String(describing: root))".contains(Self.secret))
    #expect(!diagnostics.map(\.description).joined().contains(Self.secret))
  }

  @Test(.timeLimit(.minutes(1)))
  func behindTheDoctypeCheckLibxml2StillRefusesTheBomb() throws {
    var entities = "<!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      entities += "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level - 1);", count: 10))\">\n"
    }
    let text = section(prolog: "<!DOCTYPE section [\n\(entities)]>", content: "&lol9;")
    let bytes = Array(text.utf8)
    let (root, _) = bytes.withUnsafeBytes { buffer in
      LibXML2.read(buffer, path: "bomb.xml", schema: nil, buildTree: true)
    }
    let expanded = root.map { $0.text.count } ?? 0
    #expect(expanded < 1_000_000)
  }

  @Test func aHostileFileInAWorkspaceFailsTheWorkspaceWithoutLeaking() throws {
    let workspace = try ScratchWorkspace()
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      with:
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE positions [ <!ENTITY s SYSTEM \"file://\(secretPath)\"> ]>\n"
    )
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "<support paragraph=\"eco-next\"/>",
      with: "<comment paragraph=\"eco-next\">&s;</comment>")
    let diagnostics = workspace.diagnostics()
    #expect(
      diagnostics == ["\(workspace.file("positions/round-1/BBB.xml")):2:1: error: \(Self.doctypeRefused)"])
    #expect(!diagnostics.joined().contains(Self.secret))
  }
}
