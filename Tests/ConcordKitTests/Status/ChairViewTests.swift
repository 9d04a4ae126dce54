import Foundation
import Testing

@testable import ConcordKit

/// The chair's view: every member in the matrix (one who filed nothing too), what each said,
/// who answered each round, and who (or whose silence) keeps each open paragraph open.
@Suite struct ChairViewTests {
  typealias F = MergeFixture

  static func report(_ silence: Settings.Silence, _ rounds: [Round]) throws -> StatusReport {
    let revisions = try F.assemble(F.workspace(silence), rounds)
    let last = try #require(revisions.last)
    return StatusReport(declaration: last, history: revisions)
  }

  /// CCC files nothing in either round.
  static let consentRounds = [
    F.round(
      1,
      [("AAA", [("p1", .amend(F.text("<parties/> support trade.")))]), ("BBB", [("p1", .support(.current))])]),
    F.round(2, [("AAA", [("p1", .support(.number(2)))]), ("BBB", [("p1", .support(.current))])]),
  ]

  @Test func underConsentASilentMemberIsInTheMatrixAndHoldsNothing() throws {
    let report = try Self.report(.consent, Self.consentRounds)
    #expect(report.matrixParticipants.map(\.code) == ["AAA", "BBB", "CCC"])
    let p1 = try #require(report.declaration.paragraph("p1"))
    #expect(p1.status == .open)
    #expect(report.cell(of: "AAA", on: p1) == "S2")
    #expect(report.cell(of: "BBB", on: p1) == "S")
    #expect(report.cell(of: "CCC", on: p1) == "·")
    #expect(report.rounds.map(\.notAnswered) == [["CCC"], ["CCC"]])
    let hold = try #require(report.holds.first { $0.paragraph.id == "p1" })
    #expect(hold.holders == [.init(code: "AAA", cell: "S2"), .init(code: "BBB", cell: "S")])
    #expect(hold.silent.isEmpty)

    let text = StatusText.render(report)
    #expect(text.contains("Round 2 (on Rev.1): 2 of 3 members answered (AAA, BBB); not answered: CCC"))
    #expect(text.contains("1 p1: held open by AAA (S2), BBB (S)"))
    #expect(text.contains("AAA BBB CCC"))
    #expect(text.contains("  Main\n  1 "))
    let p1Row = try #require(text.split(separator: "\n").first { $0.hasPrefix("  p1 ") })
    #expect(p1Row.split(separator: " ").dropFirst() == ["S2", "S", "·"])
  }

  @Test func underObjectionTheSilenceOfAMemberKeepsAParagraphOpen() throws {
    let report = try Self.report(
      .objection,
      [F.round(1, [("AAA", [("p1", .support(.current))]), ("BBB", [("p1", .support(.current))])])])
    let p1 = try #require(report.declaration.paragraph("p1"))
    #expect(p1.status == .open)
    let hold = try #require(report.holds.first { $0.paragraph.id == "p1" })
    #expect(hold.holders.isEmpty)
    #expect(hold.silent == ["CCC"])
    let p2 = try #require(report.holds.first { $0.paragraph.id == "p2" })
    #expect(p2.silent == ["AAA", "BBB", "CCC"])
    let text = StatusText.render(report)
    #expect(text.contains("Held open (silence=objection)"))
    #expect(text.contains("1 p1: kept open by the silence of CCC"))

    let html = StatusHTML.render(report)
    #expect(html.contains("<td class=\"cell s-silent\" title=\"CCC: silent\">·</td>"))
    #expect(html.contains("not answered: CCC"))
  }

  @Test func theJSONHasTheTitleSummaryRoundsAndHolds() throws {
    let report = try Self.report(.consent, Self.consentRounds)
    let json = StatusJSON.render(report)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["title"] as? String == "Test Declaration")
    #expect(object["revision"] as? Int == 2)
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["open"] == 1 && summary["paragraphs"] == 4 && summary["agreed"] == 3)
    let rounds = try #require(object["rounds"] as? [[String: Any]])
    #expect(rounds.map { $0["notAnswered"] as? [String] ?? [] } == [["CCC"], ["CCC"]])
    let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
    let p1 = try #require(paragraphs.first { $0["id"] as? String == "p1" })
    #expect(p1["section"] as? String == "main")
    #expect((p1["matrix"] as? [String: String]) == ["AAA": "S2", "BBB": "S", "CCC": "·"])
    let held = try #require(p1["heldOpenBy"] as? [[String: String]])
    #expect(held.map { $0["participant"] ?? "" } == ["AAA", "BBB"])
  }

  @Test func theChartHasNumbersOnItsBars() throws {
    let report = try Self.report(.consent, Self.consentRounds)
    let html = StatusHTML.render(report)
    #expect(html.contains("class=\"count\">3</text>"))
    #expect(html.contains("class=\"total\">4</text>"))
  }

  /// A matrix row's stances, found in one look through the paragraph's stances, are each
  /// participant's as `stance(of:on:)` finds it: the first stance, else the first comment.
  @Test func aRowsStancesAreEachParticipantsStance() throws {
    let report = try Self.report(.consent, Self.consentRounds)
    var paragraph = try #require(report.declaration.paragraph("p1"))
    paragraph.stances = [
      RecordedStance(participant: "AAA", kind: .comment), RecordedStance(participant: "BBB", kind: .comment),
      RecordedStance(participant: "AAA", kind: .support, option: .number(2)),
      RecordedStance(participant: "BBB", kind: .comment), RecordedStance(participant: "AAA", kind: .amend),
      RecordedStance(participant: "DDD", kind: .delete),
    ]
    let codes = ["AAA", "BBB", "CCC", "DDD"]
    let row = report.stances(of: codes, on: paragraph)
    #expect(row == codes.map { report.stance(of: $0, on: paragraph) })
    #expect(row.map(StatusReport.cell) == ["S2", "C", "·", "D"])
    // Columns made once for every row; a code named twice is two columns alike.
    let columns = StatusReport.MatrixColumns(["DDD", "AAA", "DDD", "EEE"])
    #expect(columns.row(of: paragraph) == columns.codes.map { report.stance(of: $0, on: paragraph) })
  }
}
