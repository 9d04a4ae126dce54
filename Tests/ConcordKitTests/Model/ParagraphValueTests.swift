import Testing

@testable import ConcordKit

/// A paragraph keeps its fields in one shared box until it is changed: a copy changed in any
/// field, in any way (set, appended to, changed in place), leaves the original as it was.
@Suite struct ParagraphValueTests {
  static let original = Paragraph(
    id: "p1", number: "1", status: .open, since: 0,
    options: [Option(reference: .current, texts: ["en": ClauseText(plain: "We agree.")])],
    dissociations: [Standing(participant: "AAA", round: 1)],
    reservations: [Standing(participant: "BBB", round: 1)],
    stances: [RecordedStance(participant: "AAA", kind: .support)],
    comments: [Standing(participant: "CCC", round: 1)],
    changes: [ChangeRecord(revision: 1, by: ["AAA"])])

  static let changes: [(String, @Sendable (inout Paragraph) -> Void)] = [
    ("id", { $0.id = "p2" }), ("id in place", { $0.id += "x" }), ("number", { $0.number = nil }),
    ("status", { $0.status = .agreed }), ("since", { $0.since = 3 }), ("inserted", { $0.inserted = true }),
    ("options", { $0.options.append(Option(reference: .delete)) }),
    ("an option in place", { $0.options[0].sponsors = ["AAA"] }),
    ("dissociations", { $0.dissociations.removeAll() }), ("reservations", { $0.reservations[0].note = "n" }),
    ("stances", { $0.stances.append(RecordedStance(participant: "BBB", kind: .amend)) }),
    ("comments", { $0.comments = [] }), ("changes", { $0.changes[0].by.append("BBB") }),
  ]

  @Test(arguments: 0..<changes.count)
  func aChangedCopyLeavesTheOriginalAsItWas(_ index: Int) {
    let original = Self.original
    let before = Paragraph(
      id: original.id, number: original.number, status: original.status, since: original.since,
      inserted: original.inserted, options: original.options, dissociations: original.dissociations,
      reservations: original.reservations, stances: original.stances, comments: original.comments,
      changes: original.changes)
    var copy = original
    Self.changes[index].1(&copy)
    #expect(copy != original, "\(Self.changes[index].0)")
    #expect(original == before, "\(Self.changes[index].0)")
    #expect(original.hashValue == before.hashValue)
  }

  @Test func aParagraphInAnArrayChangesInPlaceAndItsCopiesDoNot() {
    var revisions = [[Self.original]]
    revisions.append(revisions[0])
    revisions[1][0].status = .agreed
    revisions[1][0].options[0].texts["ru"] = ClauseText(plain: "Мы согласны.")
    #expect(revisions[0][0] == Self.original)
    #expect(revisions[1][0].status == .agreed && revisions[1][0].options[0].texts.count == 2)
  }
}
