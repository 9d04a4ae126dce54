@testable import ConcordKit

/// Small declarations that reach the corners the example does not: right-to-left text, texts
/// that look like markup, a preamble paragraph with options, a consolidated option, a footnoted
/// dissociation, empty and headless sections, duplicate numbers, dates.
enum EdgeCases {
  static let settings = Settings(
    id: "edge-1", titles: ["en": "Declaration on <Edge> & \"Corner\" Cases", "ar": "إعلان بشأن الحالات"],
    body: "Council & Assembly", languages: ["en", "ar"], baseLanguage: "en",
    subjects: ["en": "The Member States", "ar": "الدول الأعضاء"])

  static let participants = [
    Participant(code: "AAA", status: .member, names: ["en": "the Republic of A & B", "ar": "جمهورية أ"]),
    Participant(code: "BBB", status: .member, names: ["en": "the <Kingdom> of B", "ar": "مملكة ب"]),
    Participant(code: "CCC", status: .observer, names: ["en": "the State of C"]),
  ]

  static func text(_ en: String, ar: String? = nil) -> [String: ClauseText] {
    var texts = ["en": ClauseText(source: en)]
    if let ar { texts["ar"] = ClauseText(source: ar) }
    return texts
  }

  /// Every corner at once.
  static func everything(revision: Int = 3, date: String? = "2025-09-01") -> Declaration {
    let preamble = DeclarationSection(
      id: "preamble", kind: .preamble, headings: [:],
      paragraphs: [
        Paragraph(
          id: "pre-1", status: .open, since: 0,
          options: [
            Option(
              reference: .current, texts: text("Recalling <b>bold</b> & \"quoted\" text,", ar: "إذ تشير،")),
            Option(
              reference: .number(2), sponsors: ["AAA", "BBB"], round: 1,
              texts: text("Recalling *stars* and [brackets],")),
            Option(reference: .delete, sponsors: ["BBB"], round: 1),
          ]),
        Paragraph(
          id: "pre-2", status: .agreed, since: 0,
          options: [Option(reference: .current, texts: text("- Determined,", ar: "وتصميما منها،"))]),
      ])
    let operative = DeclarationSection(
      id: "ops", kind: .operative, headings: ["en": "Operative <part>", "ar": "الجزء"],
      paragraphs: [
        Paragraph(
          id: "op-1", number: "1", status: .agreed, since: 0,
          options: [
            Option(reference: .current, texts: text("<parties/> agree & decide.", ar: "<parties/> تتفق."))
          ],
          dissociations: [Standing(participant: "BBB", round: 2)]),
        Paragraph(
          id: "op-2", number: "2", status: .agreedAdReferendum, since: 0,
          options: [Option(reference: .current, texts: text("No subject here.", ar: "لا فاعل هنا."))],
          dissociations: [Standing(participant: "AAA", round: 2)],
          reservations: [Standing(participant: "BBB", round: 2, note: "Pending <capital> & co.")]),
        Paragraph(
          id: "op-2a", number: "2bis", status: .open, since: 2, inserted: true,
          options: [
            Option(reference: .current, sponsors: ["AAA"], round: 2, texts: text("<parties/> welcome X.")),
            Option(reference: .number(2), sponsors: ["BBB"], round: 2, texts: text("<parties/> note X.")),
            Option(
              reference: .number(3), sponsors: ["BBB"], round: 2, texts: text("<parties/> take note of X.")),
            Option(
              reference: .number(4), sponsors: [facilitatorCode], round: 2, combines: [2, 3],
              texts: text("<parties/> duly note X.")),
          ]),
        Paragraph(
          id: "op-3", number: "3", status: .agreed, since: 0,
          options: [Option(reference: .current, texts: text("Third.", ar: "ثالثا."))]),
        Paragraph(
          id: "op-3-dup", number: "3", status: .agreed, since: 0,
          options: [Option(reference: .current, texts: text("Third again.", ar: "ثالثا مرة أخرى."))]),
      ])
    let headless = DeclarationSection(
      id: "tail", kind: .operative, headings: [:],
      paragraphs: [
        Paragraph(
          id: "op-4", number: "4", status: .draft, since: 0,
          options: [Option(reference: .current, texts: text("Fourth.", ar: "رابعا."))])
      ])
    let empty = DeclarationSection(id: "empty", kind: .operative, headings: ["en": "Empty"], paragraphs: [])
    return Declaration(
      revision: revision, date: date, settings: settings, participants: participants,
      history: (0...revision).map {
        HistoryEntry(
          revision: $0, date: $0 == revision ? date : nil, participants: $0 == 0 ? [] : ["AAA", "CCC"])
      },
      provenance: [], sections: [preamble, operative, headless, empty])
  }

  /// An earlier revision of `everything`: a paragraph since removed, other texts.
  static func earlier() -> Declaration {
    var declaration = everything(revision: 2, date: nil)
    declaration.update("op-1") {
      $0.options = [
        Option(
          reference: .current, texts: text("<parties/> agree and decide now.", ar: "<parties/> تتفق الآن."))
      ]
    }
    declaration.update("op-3") { $0.options[0].texts["en"] = ClauseText(source: "The third.") }
    declaration.sections[0].paragraphs.insert(
      Paragraph(
        id: "pre-0", status: .open, since: 0,
        options: [
          Option(reference: .current, texts: text("Gone first,")),
          Option(reference: .delete, sponsors: ["AAA"], round: 1),
        ]), at: 0)
    declaration.sections[1].paragraphs.insert(
      Paragraph(
        id: "op-gone", number: "2", status: .open, since: 0,
        options: [Option(reference: .current, texts: text("Gone & forgotten.", ar: "ذهب."))]), at: 1)
    declaration.sections[1].paragraphs.removeAll { $0.id == "op-2a" }
    return declaration
  }

  static func onlyPreamble() -> Declaration {
    var declaration = everything()
    declaration.sections = [declaration.sections[0]]
    return declaration
  }

  static func onlyOperative() -> Declaration {
    var declaration = everything()
    declaration.sections.removeFirst()
    return declaration
  }

  static var all: [(String, Declaration, Declaration?)] {
    [
      ("everything", everything(), nil), ("everything against earlier", everything(), earlier()),
      ("only preamble", onlyPreamble(), nil), ("only operative", onlyOperative(), earlier()),
      ("undated", everything(revision: 1, date: nil), nil),
    ]
  }
}
