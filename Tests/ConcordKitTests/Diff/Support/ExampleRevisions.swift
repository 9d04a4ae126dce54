import Foundation

@testable import ConcordKit

/// Rev.0, Rev.1 and Rev.2 of `Drafts/sco-2025`, built by hand from the zero draft and the
/// position files as `NEGOTIATION.md` describes them (`concord assemble` is not on this
/// branch): what the diff of the example workspace is checked against.
struct ExampleRevisions {
  let workspace: Workspace

  init() throws {
    workspace = try WorkspaceLoader().load(DiffFixture.packageRoot + "/Drafts/sco-2025")
  }

  /// Every clause as a draft paragraph with one option; operative paragraphs numbered 1…63.
  var rev0: Declaration {
    var number = 0
    let sections = workspace.sections.map { section in
      DeclarationSection(
        id: section.id, kind: section.kind, headings: section.headings,
        paragraphs: section.clauses.map { clause in
          var label: String?
          if section.kind == .operative {
            number += 1
            label = String(number)
          }
          return Paragraph(
            id: clause.id, number: label, status: .draft, since: 0,
            options: [Option(reference: .current, texts: clause.texts)])
        })
    }
    return Declaration(
      revision: 0, settings: workspace.settings, participants: workspace.participants,
      history: [HistoryEntry(revision: 0)], provenance: [], sections: sections)
  }

  var rev1: Declaration {
    var declaration = rev0
    declaration.revision = 1
    declaration.history.append(HistoryEntry(revision: 1))
    declaration.update { paragraph in
      paragraph.status = .agreed
      switch paragraph.id {
      case "pol-sanctions":
        paragraph.status = .open
        paragraph.options.append(proposal(2, "IRN", round: 1, on: "pol-sanctions"))
      case "eco-year":
        paragraph.status = .open
        paragraph.options.append(proposal(2, "CHN", round: 1, on: "eco-year"))
      case "eco-bri":
        paragraph.dissociations = [Standing(participant: "IND", round: 1)]
      case "eco-currencies":
        paragraph.status = .open
        paragraph.options.append(Option(reference: .delete, sponsors: ["IND"], round: 1))
      case "eco-transport":
        paragraph.status = .open
        var option = proposal(2, "KAZ", round: 1, on: "eco-transport")
        option.sponsors = ["KAZ", "UZB"]
        paragraph.options.append(option)
      case "eco-energy":
        paragraph.comments = [Standing(participant: "MNG", round: 1, note: "comment")]
      case "eco-digital":
        paragraph.status = .open
        paragraph.options += [
          proposal(2, "PAK", round: 1, on: "eco-digital"),
          proposal(3, "RUS", round: 1, on: "eco-digital"),
          Option(
            reference: .number(4), sponsors: [facilitatorCode], round: 1, combines: [2, 3],
            texts: ["en": ClauseText(source: Self.consolidatedDigital)]),
        ]
      case "eco-climate":
        paragraph.status = .open
        paragraph.options.append(proposal(2, "PAK", round: 1, on: "eco-climate"))
      case "org-budget":
        paragraph.status = .agreedAdReferendum
        paragraph.reservations = [
          Standing(participant: "KGZ", round: 1, note: "Pending confirmation from capital.")
        ]
      default: break
      }
    }
    let inserted = Paragraph(
      id: "ind-1", number: "14bis", status: .open, since: 1, inserted: true,
      options: [Option(reference: .current, sponsors: ["IND"], round: 1, texts: insertion("ind-1"))],
      changes: [Change(revision: 1, by: ["IND"])])
    declaration.insert(inserted, after: "sec-terrorism")
    return declaration
  }

  var rev2: Declaration {
    var declaration = rev1
    declaration.revision = 2
    declaration.history.append(HistoryEntry(revision: 2))
    declaration.update { paragraph in
      paragraph.comments = []
      switch paragraph.id {
      case "pol-sanctions":
        paragraph.options.append(proposal(3, "IND", round: 2, on: "pol-sanctions"))
      case "ind-1":
        paragraph.status = .agreed
        paragraph.inserted = false
      case "eco-year", "eco-transport", "eco-digital":
        let chosen = paragraph.options[paragraph.id == "eco-digital" ? 3 : 1]
        let by = paragraph.id == "eco-digital" ? ["PAK", "RUS"] : chosen.sponsors
        paragraph.options = [Option(reference: .current, sponsors: chosen.sponsors, round: 1, texts: chosen.texts)]
        paragraph.status = .agreed
        paragraph.changes.append(Change(revision: 2, by: by))
      case "eco-currencies":
        paragraph.options = [paragraph.options[0]]
        paragraph.status = .agreed
      case "org-budget":
        paragraph.status = .agreed
        paragraph.reservations = []
      default: break
      }
    }
    declaration.renumber()
    return declaration
  }

  static let consolidatedDigital =
    "<parties/> stand for deepening practical cooperation in the digital economy, including e-commerce, artificial intelligence and the digital transformation of traditional industries, and will work to narrow the digital divide between and within countries, including through capacity-building and the transfer of technologies on mutually agreed terms."

  // MARK: - From the position files

  private func proposal(_ number: Int, _ sponsor: String, round: Int, on paragraph: String) -> Option {
    Option(reference: .number(number), sponsors: [sponsor], round: round, texts: amendment(sponsor, round, paragraph))
  }

  private func amendment(_ participant: String, _ round: Int, _ paragraph: String) -> [String: ClauseText] {
    for stance in stances(participant, round) where stance.paragraph == paragraph {
      if case .amend(let texts) = stance.action { return texts }
    }
    return [:]
  }

  private func insertion(_ id: String) -> [String: ClauseText] {
    for stance in stances("IND", 1) where stance.paragraph == id {
      if case .insert(_, let texts) = stance.action { return texts }
    }
    return [:]
  }

  private func stances(_ participant: String, _ round: Int) -> [Stance] {
    workspace.round(round)?.positions.first { $0.participant == participant }?.stances ?? []
  }
}

extension Declaration {
  fileprivate mutating func update(_ body: (inout Paragraph) -> Void) {
    for s in sections.indices {
      for p in sections[s].paragraphs.indices { body(&sections[s].paragraphs[p]) }
    }
  }

  fileprivate mutating func insert(_ paragraph: Paragraph, after id: String) {
    for s in sections.indices {
      if let index = sections[s].paragraphs.firstIndex(where: { $0.id == id }) {
        sections[s].paragraphs.insert(paragraph, at: index + 1)
      }
    }
  }

  /// Operative paragraphs 1, 2, … in order (no paragraph is inserted-and-open in Rev.2).
  fileprivate mutating func renumber() {
    var number = 0
    update { paragraph in
      guard paragraph.number != nil else { return }
      number += 1
      paragraph.number = String(number)
    }
  }
}
