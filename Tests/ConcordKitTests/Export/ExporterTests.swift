import Foundation
import Testing

@testable import ConcordKit

@Suite struct ExporterTests {
  static let formats: [ExportFormat] = [
    .xml, .akomaNtoso(language: "zh"), .text(language: "ru", width: 60), .markdown(language: "zh"),
    .html(language: "ru"), .docx(language: "zh"),
  ]

  @Test(arguments: formats)
  func theSameRevisionAlwaysGivesTheSameBytes(format: ExportFormat) throws {
    let declaration = try ExampleRevisions.load(2)
    let previous = try ExampleRevisions.load(1)
    let first = try Exporter.export(declaration, as: format, against: previous)
    let second = try Exporter.export(
      try ExampleRevisions.load(2), as: format, against: try ExampleRevisions.load(1))
    #expect(first == second)
    #expect(!first.isEmpty)
  }

  @Test func xmlIsTheRevisionItself() throws {
    let declaration = try ExampleRevisions.load(1)
    let data = try Exporter.export(declaration, as: .xml)
    #expect(Golden.string(data) == (try DeclarationWriter().xml(declaration)))
    #expect(
      try DocumentReader().read(data, as: .declaration, displayPath: "export.xml").name == "declaration")
  }

  @Test func formatsWithoutRedlineIgnoreTheEarlierRevision() throws {
    let declaration = try ExampleRevisions.load(2)
    for format in [ExportFormat.text(), .markdown(), .xml] {
      let plain = try Exporter.export(declaration, as: format)
      let against = try Exporter.export(declaration, as: format, against: try ExampleRevisions.load(1))
      #expect(plain == against)
      #expect(!format.supportsRedline)
    }
  }

  @Test func aTextXMLCannotCarryIsAnError() throws {
    var declaration = EdgeCases.everything()
    declaration.update("op-3") { $0.options[0].texts["en"] = ClauseText(plain: "bell \u{7}") }
    #expect(throws: DiagnosticsError.self) { try Exporter.export(declaration, as: .akomaNtoso()) }
    #expect(throws: DiagnosticsError.self) { try Exporter.export(declaration, as: .html()) }
    #expect(throws: DiagnosticsError.self) { try Exporter.export(declaration, as: .docx()) }
  }

  @Test func theVocabularyFollowsCompilationTextConventions() {
    let option = Option(reference: .number(2), sponsors: ["IND", "PAK"], round: 1)
    #expect(Vocabulary("en").label(of: option) == "Option 2 (IND, PAK)")
    #expect(Vocabulary("ru").label(of: option) == "Вариант 2 (IND, PAK)")
    #expect(Vocabulary("zh").label(of: option) == "备选案文2（IND、PAK）")
    #expect(Vocabulary("en").label(of: Option(reference: .delete, sponsors: ["IND"])) == "Delete (IND)")
    #expect(Vocabulary("en").label(of: Option(reference: .current)) == "Option 1")
    let consolidated = Option(reference: .number(4), sponsors: [facilitatorCode], combines: [2, 3])
    #expect(Vocabulary("zh").label(of: consolidated) == "备选案文4（协调人，合并备选案文2和3）")
    #expect(Vocabulary("ar").isRightToLeft && !Vocabulary("zh-Hans").isRightToLeft)
  }
}

extension ExportFormat: CustomTestStringConvertible {
  public var testDescription: String { "\(self)" }
}
