import Foundation

@testable import ConcordKit

/// Rev.0, Rev.1 and Rev.2 of the example workspace, built in code from its clauses and
/// positions as `Drafts/sco-2025/NEGOTIATION.md` describes them, so the export tests do not
/// depend on the merge. `Fixtures/sco-2025/rev-<n>.xml` hold the same revisions as files.
enum ExampleRevisions {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let workspacePath = repository.appendingPathComponent("Drafts/sco-2025").path
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// The revisions as stored in the fixtures (read and validated like any revision file).
  static func load(_ revision: Int) throws -> Declaration {
    try RevisionStore.loadDeclaration(fixture("sco-2025/rev-\(revision).xml"))
  }

  static func build() throws -> [Declaration] {
    let workspace = try WorkspaceLoader().load(workspacePath)
    let rev0 = zeroDraft(workspace)
    let rev1 = revision1(from: rev0, workspace)
    let rev2 = revision2(from: rev1, workspace)
    return [rev0, rev1, rev2]
  }

  // MARK: - Rev.0

  static func zeroDraft(_ workspace: Workspace) -> Declaration {
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

  // MARK: - Rev.1

  static func revision1(from rev0: Declaration, _ workspace: Workspace) -> Declaration {
    var rev = rev0
    rev.revision = 1
    rev.history.append(
      HistoryEntry(
        revision: 1, participants: ["BLR", "IND", "IRN", "KAZ", "CHN", "KGZ", "PAK", "RUS", "UZB", "MNG"]))
    rev.update { paragraph in
      paragraph.status = paragraph.status == .draft ? .agreed : paragraph.status
    }
    func propose(_ id: String, _ code: String, sponsors: [String]? = nil) {
      let texts = amendment(workspace, round: 1, code, id)
      rev.update(id) { paragraph in
        paragraph.status = .open
        let number = paragraph.options.count + 1
        paragraph.options.append(
          Option(reference: .number(number), sponsors: sponsors ?? [code], round: 1, texts: texts))
      }
    }
    propose("pol-sanctions", "IRN")
    propose("eco-year", "CHN")
    propose("eco-transport", "KAZ", sponsors: ["KAZ", "UZB"])
    propose("eco-digital", "PAK")
    propose("eco-digital", "RUS")
    propose("eco-climate", "PAK")
    let consolidated = ClauseText(
      source:
        "<parties/> stand for deepening practical cooperation in the digital economy, including e-commerce, artificial intelligence and the digital transformation of traditional industries, and will work to narrow the digital divide between and within countries, including through capacity-building and the transfer of technologies on mutually agreed terms."
    )
    rev.update("eco-digital") { paragraph in
      paragraph.options.append(
        Option(
          reference: .number(4), sponsors: [facilitatorCode], round: 1, combines: [2, 3],
          texts: ["en": consolidated]))
    }
    rev.update("eco-currencies") { paragraph in
      paragraph.status = .open
      paragraph.options.append(Option(reference: .delete, sponsors: ["IND"], round: 1))
    }
    rev.update("eco-bri") { $0.dissociations = [Standing(participant: "IND", round: 1)] }
    rev.update("eco-energy") {
      $0.comments = [Standing(participant: "MNG", round: 1, note: comment(workspace, 1, "MNG", "eco-energy"))]
    }
    rev.update("org-budget") { paragraph in
      paragraph.status = .agreedAdReferendum
      paragraph.reservations = [
        Standing(participant: "KGZ", round: 1, note: "Pending confirmation from capital.")
      ]
    }
    let inserted = Paragraph(
      id: "ind-1", number: "14bis", status: .open, since: 1, inserted: true,
      options: [
        Option(
          reference: .current, sponsors: ["IND"], round: 1, texts: insertion(workspace, 1, "IND", "ind-1"))
      ],
      changes: [Change(revision: 1, by: ["IND"])])
    rev.insert(inserted, after: "sec-terrorism")
    return rev
  }

  // MARK: - Rev.2

  static func revision2(from rev1: Declaration, _ workspace: Workspace) -> Declaration {
    var rev = rev1
    rev.revision = 2
    rev.history.append(
      HistoryEntry(
        revision: 2, participants: ["BLR", "IND", "IRN", "KAZ", "CHN", "KGZ", "PAK", "RUS", "UZB", "TUR"]))
    rev.update("pol-sanctions") { paragraph in
      paragraph.options.append(
        Option(
          reference: .number(3), sponsors: ["IND"], round: 2,
          texts: amendment(workspace, round: 2, "IND", "pol-sanctions")))
    }
    func resolve(_ id: String, to reference: OptionReference, by: [String]) {
      rev.update(id) { paragraph in
        guard var chosen = paragraph.option(reference) else { return }
        chosen.reference = .current
        chosen.sponsors = []
        chosen.combines = []
        paragraph.options = [chosen]
        paragraph.status = .agreed
        paragraph.inserted = false
        if reference != .current { paragraph.changes.append(Change(revision: 2, by: by)) }
      }
    }
    resolve("ind-1", to: .current, by: [])
    resolve("eco-year", to: .number(2), by: ["CHN"])
    resolve("eco-currencies", to: .current, by: [])
    resolve("eco-transport", to: .number(2), by: ["KAZ", "UZB"])
    resolve("eco-digital", to: .number(4), by: ["PAK", "RUS"])
    rev.update("eco-transport") {
      $0.comments.append(
        Standing(participant: "TUR", round: 2, note: comment(workspace, 2, "TUR", "eco-transport")))
    }
    rev.update("org-budget") { paragraph in
      paragraph.status = .agreed
      paragraph.reservations = []
    }
    rev.renumber()
    return rev
  }

  // MARK: - Reading the positions

  static func stance(_ workspace: Workspace, _ round: Int, _ code: String, _ id: String) -> Stance.Action? {
    workspace.round(round)?.positions.first { $0.participant == code }?.stances.first { $0.paragraph == id }?
      .action
  }

  static func amendment(_ workspace: Workspace, round: Int, _ code: String, _ id: String) -> [String:
    ClauseText]
  {
    if case .amend(let texts)? = stance(workspace, round, code, id) { return texts }
    return [:]
  }

  static func insertion(_ workspace: Workspace, _ round: Int, _ code: String, _ id: String) -> [String:
    ClauseText]
  {
    if case .insert(_, let texts)? = stance(workspace, round, code, id) { return texts }
    return [:]
  }

  static func comment(_ workspace: Workspace, _ round: Int, _ code: String, _ id: String) -> String {
    if case .comment(let text)? = stance(workspace, round, code, id) { return text }
    return ""
  }
}

extension Declaration {
  mutating func update(_ id: String? = nil, _ change: (inout Paragraph) -> Void) {
    for s in sections.indices {
      for p in sections[s].paragraphs.indices where id == nil || sections[s].paragraphs[p].id == id {
        change(&sections[s].paragraphs[p])
      }
    }
  }

  mutating func insert(_ paragraph: Paragraph, after id: String) {
    for s in sections.indices {
      if let index = sections[s].paragraphs.firstIndex(where: { $0.id == id }) {
        sections[s].paragraphs.insert(paragraph, at: index + 1)
      }
    }
  }

  /// Operative paragraphs 1, 2, … in order (inserted ones were agreed by now).
  mutating func renumber() {
    var number = 0
    for s in sections.indices where sections[s].kind == .operative {
      for p in sections[s].paragraphs.indices {
        number += 1
        sections[s].paragraphs[p].number = String(number)
      }
    }
  }
}
