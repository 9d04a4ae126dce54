import Testing

@testable import ConcordKit

@Test func fromRev0ToRev2TheExampleShowsTheNegotiatedChangesAndNothingElse() throws {
  let example = try AssembledExample()
  let changes = example.rev0.changes(to: example.rev2)
  #expect(changes.count(of: .added) == 1)
  #expect(changes.count(of: .deleted) == 0)
  #expect(changes.count(of: .moved) == 0)
  let changed = changes.paragraphs.filter { $0.kind == .changed }
  #expect(changed.map(\.id) == ["eco-year", "eco-transport", "eco-digital"])
  #expect(changed.map(\.by) == [["CHN"], ["KAZ", "UZB"], ["PAK", "RUS"]])
  // Every other paragraph went from draft to its status in Rev.2; beyond that only these.
  let notable = changes.paragraphs.filter { change in
    change.kind == .status && change.details.count > 1
  }
  #expect(notable.map(\.id) == ["pol-sanctions", "eco-bri", "eco-climate"])
  let sanctions = try #require(notable.first)
  #expect(
    sanctions.details == [
      .status(from: .draft, to: .open), .proposed(.number(2), sponsors: ["IRN"]),
      .proposed(.number(3), sponsors: ["IND"]),
    ])
  let added = try #require(changes.paragraphs.first { $0.kind == .added })
  #expect(added.id == "ind-1" && added.toNumber == "15" && added.by == ["IND"])
  #expect(added.translationPending == ["ru", "zh"])
  // Renumbering: every operative paragraph after sec-terrorism (14) moves up by one.
  #expect(changes.renumbered.count == 49)
  #expect(TextDiffRenderer.renumbering(changes.renumbered) == ["15–63 → 16–64"])
}

@Test func fromRev1ToRev2OnlyTheParagraphsRound2TouchedChange() throws {
  let example = try AssembledExample()
  let changes = example.rev1.changes(to: example.rev2)
  #expect(
    changes.paragraphs.map { "\($0.id) \($0.kind.rawValue)" } == [
      "pol-sanctions status", "ind-1 status", "eco-year changed", "eco-currencies status",
      "eco-transport changed", "eco-digital changed", "org-budget status",
    ])
  let digital = try #require(changes.paragraphs.first { $0.id == "eco-digital" })
  #expect(digital.details.contains(.resolved(.number(4), sponsors: [facilitatorCode])))
  #expect(
    digital.words[0].edits == [
      WordEdit(.equal, "The Member States "),
      WordEdit(.delete, "note the importance of"),
      WordEdit(.insert, "stand for"),
      WordEdit(.equal, " deepening "),
      WordEdit(.insert, "practical "),
      WordEdit(
        .equal,
        "cooperation in the digital economy, including e-commerce, artificial intelligence and the digital transformation of traditional industries, and will work to narrow the digital divide between and within countries"
      ),
      WordEdit(
        .insert,
        ", including through capacity-building and the transfer of technologies on mutually agreed terms"),
      WordEdit(.equal, "."),
    ])
  #expect(TextDiffRenderer.renumbering(changes.renumbered) == ["14bis → 15", "15–63 → 16–64"])
  let indian = try #require(changes.paragraphs.first { $0.id == "ind-1" })
  #expect(indian.fromNumber == "14bis" && indian.toNumber == "15")
  #expect(
    changes.paragraphs.first { $0.id == "org-budget" }?.details == [
      .status(from: .agreedAdReferendum, to: .agreed), .reservationLifted("KGZ"),
    ])
}
