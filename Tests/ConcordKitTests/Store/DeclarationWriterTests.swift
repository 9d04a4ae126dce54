import Foundation
import Testing

@testable import ConcordKit

/// A revision's paragraphs are written on every core, a run of them to a fragment, and put
/// in order: the bytes are those of writing them one after another, and a character XML
/// cannot carry is reported wherever it stands.
@Suite struct DeclarationWriterTests {
  /// The example's Rev.2 with its operative section grown to `count` paragraphs (many runs).
  static func large(_ count: Int) throws -> Declaration {
    var declaration = try ExampleRevisions.load(2)
    let template = try #require(declaration.sections.last?.paragraphs.first)
    declaration.sections[declaration.sections.count - 1].paragraphs = (0..<count).map { index in
      var paragraph = template
      paragraph.id = "p\(index)"
      paragraph.number = String(index + 1)
      return paragraph
    }
    return declaration
  }

  @Test func manyParagraphsReadBackAsWritten() throws {
    let declaration = try Self.large(500)
    let data = try DeclarationWriter().bytes(declaration)
    let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))
    #expect(reader.validate(data, as: .declaration, displayPath: "large.xml") == [])
    let back = try DeclarationDecoding.declaration(data, file: "large.xml", reader: reader)
    #expect(back.paragraphs == declaration.paragraphs)
    // Every paragraph indented as its section's children are.
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.components(separatedBy: "\n    <paragraph ").count - 1 == declaration.paragraphs.count)
  }

  @Test(arguments: [0, 250, 499])
  func aCharacterXMLCannotCarryIsReportedWhereverItStands(_ index: Int) throws {
    var declaration = try Self.large(500)
    let last = declaration.sections.count - 1
    declaration.sections[last].paragraphs[index].options[0].texts["en"] = ClauseText(plain: "bell \u{7} here")
    #expect(throws: DiagnosticsError.self) { try DeclarationWriter().bytes(declaration) }
  }
}
