import Foundation
import Testing

@testable import ConcordKit

/// What the reader refuses before or besides the schema: broken XML, wrong document kinds,
/// encodings other than UTF-8, empty and oversized files. Each gives one clear diagnostic.
@Suite struct DocumentReaderTests {
  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  /// The diagnostics of validating `text` written to a temporary `name`, with the file shown
  /// by its name only.
  func diagnostics(of text: String, name: String = "doc.xml", reader: DocumentReader? = nil) throws
    -> [String]
  {
    try diagnostics(of: Data(text.utf8), name: name, reader: reader)
  }

  func diagnostics(of bytes: Data, name: String = "doc.xml", reader: DocumentReader? = nil) throws
    -> [String]
  {
    let folder = try TemporaryFolder()
    let path = folder.path + "/" + name
    try bytes.write(to: URL(fileURLWithPath: path))
    return (reader ?? self.reader).validate(path, displayPath: name).map(\.description)
  }

  static let section = """
    <?xml version="1.0" encoding="UTF-8"?>
    <section xmlns="urn:concord:1" id="economy" kind="operative">
      <clause id="eco-trade">
        <text xml:lang="en">Trade.</text>
      </clause>
    </section>

    """

  @Test func referencesAndCDATAAreReadAsTheCharactersTheyStandFor() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <workspace xmlns="urn:concord:1" id="w">
        <title xml:lang="en">R&amp;D &lt;b&gt; &#x41;&#66; <![CDATA[<raw> & more]]> end</title>
        <body>Council &amp;amp; &#38; co</body>
        <languages base="en">en</languages>
        <consensus silence="consent"/>
        <subject xml:lang="en">The Member States</subject>
      </workspace>

      """
    let root = try reader.read(Data(text.utf8), displayPath: "w.xml")
    #expect(root.elements(named: "title").first?.text == "R&D <b> AB <raw> & more end")
    #expect(root.elements(named: "body").first?.text == "Council &amp; & co")
    let attributes = text.replacingOccurrences(of: "id=\"w\"", with: "id=\"a&amp;b&#38;c&amp;#38;\"")
    // The schema refuses "&" in an id: read the tree without it to see the value.
    let tree = Data(attributes.utf8).withUnsafeBytes {
      LibXML2.read($0, path: "w.xml", schema: nil, buildTree: true).root
    }
    #expect(tree?[attribute: "id"] == "a&b&c&#38;")
  }

  @Test func aMismatchedEndTagIsReportedWhereItStands() throws {
    let text = Self.section.replacingOccurrences(of: "Trade.</text>", with: "Trade.</txt>")
    #expect(
      try diagnostics(of: text) == [
        "doc.xml:4:37: error: Opening and ending tag mismatch: text line 4 and txt"
      ])
  }

  @Test func aSecondRootElementIsExtraContent() throws {
    #expect(
      try diagnostics(of: Self.section + "<section/>\n") == [
        "doc.xml:7:1: error: Extra content at the end of the document"
      ])
  }

  @Test func invalidUTF8IsReportedOnOneLineAtTheByte() throws {
    var bytes = Data(Self.section.utf8)
    let offset = try #require(Self.section.range(of: "Trade.")).lowerBound.utf16Offset(in: Self.section)
    bytes[offset + 2] = 0xFF
    let found = try diagnostics(of: bytes)
    #expect(
      found == [
        "doc.xml:4:27: error: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0x64 0x65 0x2E"
      ])
  }

  @Test func aControlCharacterIsNotXML() throws {
    let text = Self.section.replacingOccurrences(of: "Trade.", with: "Trade \u{1}.")
    #expect(try diagnostics(of: text) == ["doc.xml:4:31: error: PCDATA invalid Char value 1"])
  }

  @Test func aDocumentInAnotherNamespaceIsNotAConcordDocument() throws {
    let text = Self.section.replacingOccurrences(of: "urn:concord:1", with: "urn:example")
    #expect(
      try diagnostics(of: text) == [
        #"doc.xml:2:1: error: expected a Concord document in namespace urn:concord:1, found <section xmlns="urn:example">"#
      ])
  }

  @Test func anUnknownRootElementIsNotAConcordDocument() throws {
    #expect(
      try diagnostics(of: "<?xml version=\"1.0\"?>\n\n  <agenda xmlns=\"urn:concord:1\"/>\n") == [
        #"doc.xml:3:3: error: expected a Concord document in namespace urn:concord:1, found <agenda xmlns="urn:concord:1">"#
      ])
  }

  @Test func readingAsTheWrongKindNamesBothKinds() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("doc.xml", Self.section)
    #expect {
      try reader.read(path, as: .positions, displayPath: "doc.xml")
    } throws: { error in
      (error as? DiagnosticsError)?.description
        == "doc.xml:2:1: error: expected a <positions> document, found <section>"
    }
  }

  @Test func anEmptyFileIsNotADocument() throws {
    #expect(try diagnostics(of: " \n\t\n") == ["doc.xml: error: the file is empty; expected an XML document"])
    #expect(try diagnostics(of: "") == ["doc.xml: error: the file is empty; expected an XML document"])
  }

  @Test func utf16IsRefusedWithAHint() throws {
    let bytes = Data([0xFF, 0xFE] + Self.section.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(
      try diagnostics(of: bytes) == [
        "doc.xml:1:1: error: the file is UTF-16 or UTF-32; Concord reads UTF-8 only (re-save it as UTF-8)"
      ])
  }

  @Test func aFileOverTheSizeLimitIsNotRead() throws {
    let small = DocumentReader(schemas: SchemaLibrary(source: .embedded), limits: Limits(maxInputBytes: 100))
    let size = Self.section.utf8.count
    let found = try diagnostics(of: Self.section, reader: small)
    #expect(
      found == [
        "doc.xml: error: file is \(size) bytes, over the limit of 100 bytes (set CONCORD_MAX_INPUT_BYTES to raise it)"
      ])
  }

  @Test func aMissingFileAndAFolderAreNamedAsSuch() throws {
    let folder = try TemporaryFolder()
    #expect(reader.validate(folder.path + "/none.xml").map(\.message) == ["no such file"])
    #expect(reader.validate(folder.path).map(\.message) == ["is a directory, expected a file"])
  }

  @Test func readingBuildsTheTreeWithLinesColumnsAndMixedContent() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "doc.xml", Self.section.replacingOccurrences(of: "Trade.", with: "<parties/> trade &amp; invest."))
    let root = try reader.read(path, as: .section)
    let clause = try #require(root.elements(named: "clause").first)
    let text = try #require(clause.elements(named: "text").first)
    #expect(root[attribute: "id"] == "economy")
    #expect((clause.line, clause.column) == (3, 3))
    #expect((text.line, text.column) == (4, 5))
    #expect(text.language == "en")
    #expect(text.children.count == 2)
    #expect(text.text == " trade & invest.")
  }
}
