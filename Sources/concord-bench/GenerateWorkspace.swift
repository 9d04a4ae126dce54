import ArgumentParser
import ConcordKit
import Foundation

/// A valid synthetic workspace: N clauses in a preamble and five operative sections, P
/// participants, L languages, R rounds in which every member takes positions on a share of
/// the paragraphs. Each round is drawn against the revision it answers (computed with
/// Concord's own merger), so every position is valid. Seeded: same arguments, same files.
struct GenerateWorkspace: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workspace", abstract: "Write a synthetic workspace.")

  @Argument(help: "The folder to create.")
  var output: String

  @Option(help: "Number of clauses in the zero draft.")
  var paragraphs = 1000

  @Option(help: "Number of participants (10 members, 2 observers, the rest dialogue partners).")
  var participants = 26

  @Option(help: "Languages, comma-separated: en (Latin), ru (Cyrillic), zh (Han).")
  var languages = "en,ru,zh"

  @Option(help: "Rounds of positions.")
  var rounds = 1

  @Option(help: "Share of paragraphs each member takes a position on, per round.")
  var share = 0.1

  @Option(help: "Mean words per paragraph and language (Han: twice as many characters).")
  var words = 18

  @Option(help: "Random seed.")
  var seed: UInt64 = 2025

  func validate() throws {
    guard words >= 4 else { throw ValidationError("--words must be at least 4.") }
    guard paragraphs >= 6 else { throw ValidationError("--paragraphs must be at least 6.") }
    guard participants >= 1, participants <= 17_576 else {
      throw ValidationError("--participants: 1 to 17576.")
    }
    guard (0...1).contains(share) else { throw ValidationError("--share is between 0 and 1.") }
  }

  func run() throws {
    let workspace = try WorkspaceGenerator(
      paragraphs: paragraphs, participants: participants,
      languages: languages.split(separator: ",").map(String.init), rounds: rounds, share: share,
      words: words, seed: seed
    ).write(to: output)
    print(
      "wrote \(output): \(paragraphs) clauses, \(workspace.participants.count) participants, \(rounds) round(s)"
    )
  }
}

struct WorkspaceGenerator {
  var paragraphs: Int
  var participants: Int
  var languages: [String]
  var rounds: Int
  var share: Double
  var words = 18
  var seed: UInt64

  func write(to folder: String) throws -> Workspace {
    var text = TextGenerator(seed: seed)
    let people = (0..<participants).map { index -> Participant in
      let code = Self.code(index)
      let status: Participant.Status = index < 10 ? .member : index < 12 ? .observer : .partner
      var names: [String: String] = [:]
      for language in languages {
        names[language] =
          language == "zh"
          ? "\(code)共和国" : language == "ru" ? "Республика \(code)" : "the Republic of \(code)"
      }
      return Participant(code: code, status: status, names: names)
    }
    let settings = Settings(
      id: "synthetic-\(paragraphs)",
      titles: Dictionary(uniqueKeysWithValues: languages.map { ($0, "Synthetic Declaration (\($0))") }),
      body: "Synthetic Council", languages: languages, baseLanguage: languages.first ?? "en",
      subjects: Dictionary(
        uniqueKeysWithValues: languages.map {
          ($0, $0 == "zh" ? "成员国" : $0 == "ru" ? "Государства-члены" : "The Member States")
        }))

    let preambleCount = max(1, paragraphs / 20)
    let perSection = (paragraphs - preambleCount + 4) / 5
    var sections: [Section] = []
    var made = 0
    for s in 0..<6 {
      let count = s == 0 ? preambleCount : min(perSection, paragraphs - made)
      let clauses = (0..<count).map { i -> Clause in
        let id = "p\(made + i + 1)"
        var texts: [String: ClauseText] = [:]
        let words = words / 2 + text.next(words + 1)
        let subject = s > 0 && text.chance(0.8)
        for language in languages {
          let sentence = text.sentence(language, words: words)
          texts[language] =
            subject ? ClauseText([.parties, .text(" " + sentence)]) : ClauseText(plain: sentence)
        }
        return Clause(id: id, texts: texts, location: SourceLocation(file: ""))
      }
      made += count
      sections.append(
        Section(
          id: s == 0 ? "preamble" : "section-\(s)", kind: s == 0 ? .preamble : .operative,
          headings: s == 0 ? [:] : Dictionary(uniqueKeysWithValues: languages.map { ($0, "Section \(s)") }),
          clauses: clauses, location: SourceLocation(file: "")))
    }
    var workspace = Workspace(
      path: folder, settings: settings, participants: people, sections: sections, rounds: [], inputs: [])
    try save(workspace, to: folder)

    var revision = Negotiation(workspace).zeroDraft()
    for k in 1...max(rounds, 1) where rounds > 0 {
      let round = draw(round: k, against: revision, people: people, text: &text)
      try save(round, to: folder)
      workspace.rounds.append(round)
      revision = try Negotiation(workspace).revision(after: revision) ?? revision
    }
    return workspace
  }

  // MARK: - Rounds

  private func draw(
    round k: Int, against revision: Declaration, people: [Participant], text: inout TextGenerator
  ) -> Round {
    let base = languages.first ?? "en"
    var positions: [Positions] = []
    for person in people {
      var stances: [Stance] = []
      let chance = person.isMember ? share : share / 4
      var inserted = 0
      for paragraph in revision.paragraphs where text.chance(chance) {
        let location = SourceLocation(file: "")
        guard person.isMember else {
          stances.append(
            Stance(
              paragraph: paragraph.id, action: .comment("A comment by \(person.code)."), location: location))
          continue
        }
        let roll = text.next(100)
        let action: Stance.Action
        switch roll {
        case 0..<45:
          let option = paragraph.options[text.next(paragraph.options.count)].reference
          action = .support(option)
        case 45..<65:
          let current = paragraph.current?.texts[base]?.source ?? ""
          action = .amend([base: ClauseText(source: text.edit(current, language: base))])
        case 65..<70:
          action = .delete
        case 70..<75:
          inserted += 1
          stances.append(
            Stance(
              paragraph: "\(person.code.lowercased())-\(k)-\(inserted)",
              action: .insert(
                after: paragraph.id,
                texts: [base: ClauseText([.parties, .text(" " + text.sentence(base, words: words))])]),
              location: location))
          continue
        case 75..<85:
          action = .dissociate(.current)
        case 85..<95:
          action = .reserve(.current, note: "Pending confirmation from capital.")
        default:
          action = .comment("Under consideration.")
        }
        stances.append(Stance(paragraph: paragraph.id, action: action, location: location))
      }
      positions.append(
        Positions(
          participant: person.code, round: k, answers: k - 1, stances: stances,
          location: SourceLocation(file: "")))
    }
    return Round(number: k, positions: positions)
  }

  // MARK: - Files

  private func save(_ workspace: Workspace, to folder: String) throws {
    var xml = XMLWriter()
    let settings = workspace.settings
    xml.start("workspace", [("xmlns", "urn:concord:1"), ("id", settings.id)])
    for language in languages {
      xml.element("title", [("xml:lang", language)], text: settings.titles[language] ?? "")
    }
    xml.element("body", text: settings.body)
    xml.element("languages", [("base", settings.baseLanguage)], text: languages.joined(separator: " "))
    xml.empty("consensus", [("silence", "consent")])
    for language in languages {
      xml.element("subject", [("xml:lang", language)], text: settings.subject(in: language))
    }
    xml.end()
    try writeFile(xml.output, to: folder + "/workspace.xml")

    xml = XMLWriter()
    xml.start("members", [("xmlns", "urn:concord:1")])
    for person in workspace.participants {
      xml.start("participant", [("code", person.code), ("status", person.status.rawValue)])
      for language in languages {
        xml.element("name", [("xml:lang", language)], text: person.names[language] ?? person.code)
      }
      xml.end()
    }
    xml.end()
    try writeFile(xml.output, to: folder + "/members.xml")

    for (index, section) in workspace.sections.enumerated() {
      xml = XMLWriter()
      xml.start("section", [("xmlns", "urn:concord:1"), ("id", section.id), ("kind", section.kind.rawValue)])
      for language in languages {
        if let heading = section.headings[language] {
          xml.element("heading", [("xml:lang", language)], text: heading)
        }
      }
      for clause in section.clauses {
        xml.start("clause", [("id", clause.id)])
        for language in languages {
          if let text = clause.texts[language] { xml.element("text", [("xml:lang", language)], text: text) }
        }
        xml.end()
      }
      xml.end()
      try writeFile(
        xml.output, to: folder + "/clauses/\(String(format: "%02d", index + 1))-\(section.id).xml")
    }
  }

  private func save(_ round: Round, to folder: String) throws {
    for positions in round.positions {
      var xml = XMLWriter()
      xml.start(
        "positions",
        [
          ("xmlns", "urn:concord:1"), ("participant", positions.participant), ("round", String(round.number)),
          ("answers", String(round.number - 1)),
        ])
      for stance in positions.stances {
        switch stance.action {
        case .support(let option):
          xml.empty(
            "support",
            [("paragraph", stance.paragraph), ("option", option == .current ? nil : option.description)])
        case .amend(let texts):
          xml.start("amend", [("paragraph", stance.paragraph)])
          for (language, text) in texts.sorted(by: { $0.key < $1.key }) {
            xml.element("text", [("xml:lang", language)], text: text)
          }
          xml.end()
        case .delete: xml.empty("delete", [("paragraph", stance.paragraph)])
        case .insert(let after, let texts):
          xml.start("insert", [("id", stance.paragraph), ("after", after)])
          for (language, text) in texts.sorted(by: { $0.key < $1.key }) {
            xml.element("text", [("xml:lang", language)], text: text)
          }
          xml.end()
        case .dissociate: xml.empty("dissociate", [("paragraph", stance.paragraph)])
        case .reserve(_, let note): xml.element("reserve", [("paragraph", stance.paragraph)], text: note)
        case .withdraw(let option):
          xml.empty("withdraw", [("paragraph", stance.paragraph), ("option", option.description)])
        case .comment(let note): xml.element("comment", [("paragraph", stance.paragraph)], text: note)
        }
      }
      xml.end()
      try writeFile(xml.output, to: folder + "/positions/round-\(round.number)/\(positions.participant).xml")
    }
  }

  static func code(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return String([letters[index / 676 % 26], letters[index / 26 % 26], letters[index % 26]])
  }
}

func writeFile(_ text: String, to path: String) throws {
  let url = URL(fileURLWithPath: path)
  try FileManager.default.createDirectory(
    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url)
}
