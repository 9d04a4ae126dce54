import Foundation
import Testing

@testable import ConcordKit

/// A revision is read as its schema reads it: attribute values of token types (every Concord
/// attribute but the provenance path) with white space collapsed.
@Suite struct DeclarationDecodingTests {
  @Test func spacesAroundAttributeValuesChangeNothing() throws {
    let fixture = Fixtures.path("declaration/valid-rev-1.xml")
    let original = try String(contentsOfFile: fixture, encoding: .utf8)
    // Pad every attribute value but the namespace, the provenance path and dates (libxml2 2.9
    // refuses a padded xs:date): `a="v w"` → `a="  v \n w\t"`.
    let attribute = #/ (?<name>[a-z]+)="(?<value>[^"]*)"/#
    let spaced = original.replacing(attribute) { match in
      let name = match.output.name
      guard !["xmlns", "path", "version", "encoding", "date"].contains(name), !match.output.value.isEmpty
      else { return match.output.0 }
      return " \(name)=\"  \(match.output.value.replacing(" ", with: " \n "))\t\""
    }
    #expect(spaced != original)
    let folder = try TemporaryFolder()
    let path = folder.path + "/spaced.xml"
    try Data(spaced.utf8).write(to: URL(fileURLWithPath: path))
    let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))
    #expect(reader.validate(path) == [])
    let padded = try RevisionStore.loadDeclaration(path, reader: reader)
    let plain = try RevisionStore.loadDeclaration(fixture, reader: reader)
    #expect(padded == plain)
    #expect(DeclarationDiff.changes(from: plain, to: padded).paragraphs.isEmpty)
  }

  @Test func collapsingKeepsWhatNeedsNothing() {
    #expect(XML.collapsed("p1") == "p1")
    #expect(XML.collapsed("AAA BBB") == "AAA BBB")
    #expect(XML.collapsed(" \tAAA \n BBB\r\n") == "AAA BBB")
    #expect(XML.collapsed("") == "")
    #expect(XML.collapsed("   ") == "")
  }
  /// Paragraphs are decoded from their events as the parser meets them, and a whole tree by
  /// replaying its events: both give the same declaration, and it writes back byte for byte.
  @Test func eventsAndATreeDecodeAlikeAndWriteBackTheSameBytes() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path)
    let reader = DocumentReader()
    var files = (0...2).map { workspace.file("revisions/rev-\($0).xml") }
    files.append(Fixtures.path("declaration/valid-rev-1.xml"))
    for file in files {
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      let fromEvents = try DeclarationDecoding.declaration(data, file: file, reader: reader)
      let fromTree = DeclarationDecoding.declaration(
        try reader.read(data, as: .declaration, displayPath: file), file: file)
      #expect(fromEvents == fromTree, "\(file)")
      #expect(fromEvents.paragraphs.contains { !$0.options.isEmpty }, "\(file)")
      if file.contains("/revisions/") {
        #expect(try DeclarationWriter().xml(fromEvents) == String(decoding: data, as: UTF8.self), "\(file)")
      }
    }
  }

  /// What a paragraph holds, read from its events: notes folded, each text per language with
  /// its placeholders, standings apart, and whatever the writer never writes passed over.
  @Test func aParagraphsEventsGiveEveryPart() {
    func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [XML.Node] = [])
      -> XML.Node
    {
      .element(
        XML.Element(
          name: name, attributes: attributes.map { XML.Attribute(name: $0.0, namespace: nil, value: $0.1) },
          children: children))
    }
    let language = { (code: String) in XML.Attribute(name: "lang", namespace: XML.xmlNamespace, value: code) }
    var text = XML.Element(
      name: "text", children: [.text("Welcomes "), element("parties"), .text(" and")])
    text.attributes = [language("en")]
    var russian = XML.Element(name: "text", children: [.text("Приветствует")])
    russian.attributes = [language("ru")]
    guard
      case .element(let paragraphElement) = element(
        "paragraph", [("id", "p1"), ("status", "open"), ("since", "2"), ("number", "4")],
        [
          .text("\n  "),
          element(
            "option", [("n", "2"), ("sponsors", "AAA BBB"), ("round", "2")],
            [.element(text), .element(russian), .text("stray")]),
          element(
            "reservation", [("participant", "CCC"), ("round", "1")],
            [.text("  Pending\n  "), element("b", [], [.text("review ")])]),
          element("stance", [("participant", "AAA"), ("kind", "support"), ("option", "2")]),
          element("unknown", [], [.text("ignored")]),
          element("change", [("revision", "2"), ("by", "AAA")]),
          element("comment", [("participant", "DDD"), ("round", "2")], [.text("Noted.")]),
          element("dissociation", [("participant", "EEE"), ("round", "1")]),
        ])
    else { return }
    let paragraph = ParagraphReader.paragraph(paragraphElement)
    #expect(paragraph.id == "p1")
    #expect(paragraph.number == "4")
    #expect(paragraph.status == .open)
    #expect(paragraph.since == 2)
    #expect(paragraph.options.count == 1)
    #expect(paragraph.options.first?.reference == .number(2))
    #expect(paragraph.options.first?.sponsors == ["AAA", "BBB"])
    #expect(
      paragraph.options.first?.texts["en"] == ClauseText([.text("Welcomes "), .parties, .text(" and")]))
    #expect(paragraph.options.first?.texts["ru"] == ClauseText(plain: "Приветствует"))
    #expect(paragraph.reservations == [Standing(participant: "CCC", round: 1, note: "Pending review")])
    #expect(paragraph.comments == [Standing(participant: "DDD", round: 2, note: "Noted.")])
    #expect(paragraph.dissociations == [Standing(participant: "EEE", round: 1)])
    #expect(paragraph.stances == [RecordedStance(participant: "AAA", kind: .support, option: .number(2))])
    #expect(paragraph.changes == [ChangeRecord(revision: 2, by: ["AAA"])])
  }
}
