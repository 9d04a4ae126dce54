import Foundation

@testable import ConcordKit

/// The hand-written declaration files next to the diff tests.
enum DiffFixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func path(_ name: String) -> String { directory + "/" + name }

  static func declaration(_ name: String) throws -> Declaration {
    try RevisionStore.loadDeclaration(path(name))
  }
}

/// Small declarations built in code: one operative section unless told otherwise, English
/// unless texts in other languages are given.
enum Make {
  static let settings = Settings(
    id: "test", titles: ["en": "Test Declaration"], body: "Council", languages: ["en", "ru", "zh"],
    baseLanguage: "en", subjects: ["en": "The Member States", "ru": "Государства-члены", "zh": "成员国"])

  static let participants = [
    Participant(
      code: "BLR", status: .member,
      names: ["en": "the Republic of Belarus", "ru": "Республика Беларусь", "zh": "白俄罗斯共和国"]),
    Participant(
      code: "IND", status: .member,
      names: ["en": "the Republic of India", "ru": "Республика Индия", "zh": "印度共和国"]),
    Participant(
      code: "CHN", status: .member,
      names: ["en": "the People's Republic of China", "ru": "Китайская Народная Республика", "zh": "中华人民共和国"]),
  ]

  static func declaration(_ revision: Int, _ paragraphs: [Paragraph]) -> Declaration {
    declaration(revision, sections: [("operative", paragraphs)])
  }

  static func declaration(_ revision: Int, sections: [(String, [Paragraph])]) -> Declaration {
    Declaration(
      revision: revision, settings: settings, participants: participants,
      history: (0...revision).map { HistoryEntry(revision: $0) }, provenance: [],
      sections: sections.map { id, paragraphs in
        DeclarationSection(id: id, kind: .operative, headings: [:], paragraphs: paragraphs)
      })
  }

  /// A paragraph whose option 1 is `text` (source form: `<parties/>` allowed) in English, plus
  /// `texts` in other languages.
  static func paragraph(
    _ id: String, _ number: String?, _ text: String, texts: [String: String] = [:],
    status: Paragraph.Status = .agreed
  ) -> Paragraph {
    var all = texts.mapValues(ClauseText.init(source:))
    all["en"] = ClauseText(source: text)
    return Paragraph(
      id: id, number: number, status: status, since: 0,
      options: [Option(reference: .current, texts: all)])
  }

  /// Paragraphs p1…pn numbered 1…n, each with its own text.
  static func numbered(_ ids: [String]) -> [Paragraph] {
    ids.enumerated().map { index, id in paragraph(id, String(index + 1), "Text of \(id).") }
  }
}
