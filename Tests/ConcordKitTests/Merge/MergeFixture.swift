@testable import ConcordKit

/// Small workspaces built in code: three members (AAA, BBB, CCC in protocol order) and an
/// observer (OBS), English, Russian and Chinese, one preamble and one operative section.
enum MergeFixture {
  static let languages = ["en", "ru", "zh"]

  static let participants: [Participant] = [
    Participant(
      code: "AAA", status: .member,
      names: ["en": "the Republic of Aland", "ru": "Республика Аланд", "zh": "阿兰共和国"]),
    Participant(
      code: "BBB", status: .member,
      names: ["en": "the Kingdom of Bora", "ru": "Королевство Бора", "zh": "博拉王国"]),
    Participant(
      code: "CCC", status: .member,
      names: ["en": "the Republic of Cora", "ru": "Республика Кора", "zh": "科拉共和国"]),
    Participant(code: "OBS", status: .observer, names: ["en": "Observia", "ru": "Обсервия", "zh": "观察国"]),
  ]

  static func settings(_ silence: Settings.Silence = .consent) -> Settings {
    Settings(
      id: "test", titles: ["en": "Test Declaration"], body: "Council", languages: languages,
      baseLanguage: "en", silence: silence,
      subjects: ["en": "The Member States", "ru": "Государства-члены", "zh": "成员国"])
  }

  /// Paragraph texts: `p1`…`pN` in the operative section, `pre` in the preamble.
  static func workspace(
    _ silence: Settings.Silence = .consent, operative: [(String, String)] = defaultClauses
  ) -> Workspace {
    let location = SourceLocation(file: "test")
    let preamble = Section(
      id: "preamble", kind: .preamble,
      clauses: [
        Clause(id: "pre", texts: ["en": ClauseText(plain: "Recalling the Charter,")], location: location)
      ],
      location: location)
    let body = Section(
      id: "main", kind: .operative, headings: ["en": "Main"],
      clauses: operative.map { id, text in
        Clause(id: id, texts: ["en": ClauseText(source: text)], location: location)
      }, location: location)
    return Workspace(
      path: "test", settings: settings(silence), participants: participants,
      sections: [preamble, body], rounds: [], inputs: [])
  }

  static let defaultClauses: [(String, String)] = [
    ("p1", "<parties/> support cooperation in trade and investment."),
    ("p2", "<parties/> note the importance of the digital economy for growth."),
    ("p3", "The next meeting will be held in 2026."),
  ]

  /// One round: positions per participant code, each a list of stances.
  static func round(_ number: Int, _ positions: [(String, [(String, Stance.Action)])]) -> Round {
    Round(
      number: number,
      positions: positions.map { code, stances in
        Positions(
          participant: code, round: number, answers: number - 1,
          stances: stances.enumerated().map { index, stance in
            Stance(
              paragraph: stance.0, action: stance.1,
              location: SourceLocation(file: "\(code).xml", line: index + 3, column: 3))
          }, location: SourceLocation(file: "\(code).xml", line: 2, column: 1))
      })
  }

  static func text(_ source: String) -> [String: ClauseText] { ["en": ClauseText(source: source)] }

  /// Rev.0 and each round merged in turn; returns every revision.
  static func assemble(_ workspace: Workspace, _ rounds: [Round]) throws -> [Declaration] {
    var workspace = workspace
    workspace.rounds = rounds
    return try Negotiation(workspace).revisions()
  }
}

extension Declaration {
  func paragraph(_ id: String) -> Paragraph? { paragraphs.first { $0.id == id } }
}
