import Testing

@testable import ConcordKit

private func kinds(_ changes: Changes) -> [String: ParagraphChange.Kind] {
  Dictionary(uniqueKeysWithValues: changes.paragraphs.map { ($0.id, $0.kind) })
}

@Test func identicalDeclarationsHaveNoChanges() {
  let declaration = Make.declaration(1, Make.numbered(["a", "b", "c"]))
  let changes = declaration.changes(to: declaration)
  #expect(changes.isEmpty)
  #expect(changes.renumbered.isEmpty)
  #expect(changes.lineage.map(\.id) == ["a", "b", "c"])
}

@Test func emptyDeclarationsHaveNoChangesAndNoLineage() {
  let empty = Make.declaration(0, [])
  let changes = empty.changes(to: empty)
  #expect(changes.isEmpty && changes.lineage.isEmpty)
}

@Test func fromNothingEveryParagraphIsAddedAndToNothingDeleted() {
  let declaration = Make.declaration(2, Make.numbered(["a", "b"]))
  let added = DeclarationDiff.changes(from: nil, to: declaration)
  #expect(added.from == nil && added.to == 2)
  #expect(added.paragraphs.map(\.kind) == [.added, .added])
  #expect(added.paragraphs[0].words[0].edits == [WordEdit(.insert, "Text of a.")])
  let deleted = DeclarationDiff.changes(from: declaration, to: nil)
  #expect(deleted.paragraphs.map(\.kind) == [.deleted, .deleted])
}

@Test func renumberingAloneIsLineageNotAChange() {
  let old = Make.declaration(1, Make.numbered(["a", "b", "c"]))
  var new = Make.declaration(
    2, [Make.paragraph("x", "1", "Inserted text.")] + Make.numbered(["a", "b", "c"]))
  for index in 1...3 { new.sections[0].paragraphs[index].number = String(index + 1) }
  let changes = old.changes(to: new)
  #expect(kinds(changes) == ["x": .added])
  #expect(changes.renumbered.map(\.id) == ["a", "b", "c"])
  #expect(
    changes.lineage.map { "\($0.fromNumber ?? "-")→\($0.toNumber ?? "-")" } == ["-→1", "1→2", "2→3", "3→4"])
}

@Test func eachKindOfChangeIsReportedOnceInNewDocumentOrder() {
  let old = Make.declaration(
    1,
    [
      Make.paragraph("keep", "1", "Kept text."),
      Make.paragraph("gone", "2", "Deleted text."),
      Make.paragraph("edit", "3", "<parties/> note the plan."),
      Make.paragraph("walk", "4", "Moving text."),
      Make.paragraph("open", "5", "Open text.", status: .open),
      Make.paragraph("last", "6", "Last text."),
    ])
  let new = Make.declaration(
    2,
    [
      Make.paragraph("walk", "1", "Moving text."),
      Make.paragraph("keep", "2", "Kept text."),
      Make.paragraph("edit", "3", "<parties/> welcome the plan."),
      Make.paragraph("new", "4", "Added text."),
      Make.paragraph("open", "5", "Open text.", status: .agreed),
      Make.paragraph("last", "6", "Last text."),
    ])
  let changes = old.changes(to: new)
  #expect(changes.paragraphs.map(\.id) == ["walk", "gone", "edit", "new", "open"])
  #expect(
    kinds(changes) == ["walk": .moved, "gone": .deleted, "edit": .changed, "new": .added, "open": .status])
  let edit = changes.paragraphs[2]
  #expect(
    edit.words.first?.edits == [
      WordEdit(.equal, "The Member States "), WordEdit(.delete, "note"), WordEdit(.insert, "welcome"),
      WordEdit(.equal, " the plan."),
    ])
  #expect(changes.paragraphs[4].details == [.status(from: .open, to: .agreed)])
}

@Test func aMovedParagraphWhoseTextChangedIsChangedAndMarkedMoved() {
  let old = Make.declaration(1, [Make.paragraph("a", "1", "One."), Make.paragraph("b", "2", "Two.")])
  let new = Make.declaration(
    2, [Make.paragraph("b", "1", "Two, amended."), Make.paragraph("a", "2", "One.")])
  let changes = old.changes(to: new)
  #expect(changes.paragraphs.map(\.id) == ["b"])
  #expect(changes.paragraphs[0].kind == .changed)
  #expect(changes.paragraphs[0].moved)
}

@Test func aParagraphThatChangesSectionHasMoved() {
  let paragraph = Make.paragraph("a", "1", "One.")
  let old = Make.declaration(1, sections: [("first", [paragraph]), ("second", [])])
  let new = Make.declaration(2, sections: [("first", []), ("second", [paragraph])])
  let change = old.changes(to: new).paragraphs.first
  #expect(change?.kind == .moved)
  #expect(change?.details == [.section(from: "first", to: "second")])
}

@Test func aChangeOfJoinersIsAStatusChangeThatRendersTheNewSubject() {
  let old = Make.declaration(1, [Make.paragraph("bri", "1", "<parties/> support the initiative.")])
  var new = old
  new.revision = 2
  new.sections[0].paragraphs[0].dissociations = [Standing(participant: "IND", round: 2)]
  let change = old.changes(to: new).paragraphs[0]
  #expect(change.kind == .status)
  #expect(change.details == [.dissociated("IND")])
  #expect(change.by == ["IND"])
  #expect(
    change.words[0].edits == [
      WordEdit(.delete, "The Member States"),
      WordEdit(.insert, "The Republic of Belarus and the People's Republic of China"),
      WordEdit(.equal, " support the initiative."),
    ])
}

@Test func optionsProposedAndDroppedAreStatusChangesWithTheirSponsors() {
  var old = Make.declaration(1, [Make.paragraph("p", "1", "Text.", status: .open)])
  var new = old
  new.revision = 2
  old.sections[0].paragraphs[0].options.append(Option(reference: .delete, sponsors: ["CHN"], round: 1))
  new.sections[0].paragraphs[0].options.append(
    Option(
      reference: .number(2), sponsors: ["IND", "BLR"], round: 2, texts: ["en": ClauseText(plain: "Other.")]))
  let change = old.changes(to: new).paragraphs[0]
  #expect(change.kind == .status)
  #expect(
    change.details == [
      .proposed(.number(2), sponsors: ["IND", "BLR"]), .dropped(.delete, sponsors: ["CHN"]),
    ])
  #expect(change.by == ["BLR", "IND"])
}

@Test func aParagraphResolvedToAProposalNamesItAndItsSponsors() throws {
  let old = try DiffFixture.declaration("small-rev3.xml")
  let new = try DiffFixture.declaration("small-rev4.xml")
  let trade = try #require(old.changes(to: new).paragraphs.first { $0.id == "op-trade" })
  #expect(trade.kind == .changed)
  #expect(trade.by == ["IND"])
  #expect(
    trade.details == [
      .status(from: .open, to: .agreed), .resolved(.number(2), sponsors: ["IND"]),
      .translationPending("ru"), .translationPending("zh"),
    ])
  #expect(trade.translationPending == ["ru", "zh"])
  #expect(
    trade.words[0].edits == [
      WordEdit(.equal, "The Member States support an open"),
      WordEdit(.insert, ", transparent and non-discriminatory"),
      WordEdit(.equal, " multilateral trading system."),
    ])
  // A pending translation: the base-language text stands in, whole.
  #expect(trade.words[1].edits.map(\.operation) == [.delete, .insert])
}

@Test func theSmallFixturesShowEveryKindAndTheirLineage() throws {
  let changes = try DiffFixture.declaration("small-rev3.xml").changes(
    to: DiffFixture.declaration("small-rev4.xml"))
  #expect(changes.from == 3 && changes.to == 4)
  #expect(
    changes.paragraphs.map { "\($0.id) \($0.kind.rawValue)" } == [
      "pre-spirit changed", "op-charter status", "op-tourism added", "op-trade changed",
      "op-energy deleted", "op-culture changed", "op-next status", "op-youth moved",
    ])
  #expect(changes.lineage.map(\.id) == changes.paragraphs.map(\.id))
  let byID = Dictionary(uniqueKeysWithValues: changes.lineage.map { ($0.id, $0) })
  #expect(byID["op-culture"]?.fromNumber == "5" && byID["op-culture"]?.toNumber == "3")
  #expect(byID["op-culture"]?.by == ["BLR", "CHN"])
  #expect(byID["op-energy"]?.inNew == false && byID["op-energy"]?.by == ["CHN"])
  let culture = try #require(changes.paragraphs.first { $0.id == "op-culture" })
  #expect(culture.words.map(\.hasEdits) == [false, true, true])
}

@Test func proposersComeFromChangesInsideTheRange() {
  var old = Make.declaration(1, [Make.paragraph("p", "1", "Old text.")])
  old.sections[0].paragraphs[0].changes = [ChangeRecord(revision: 1, by: ["CHN"])]
  var new = Make.declaration(3, [Make.paragraph("p", "1", "New text.")])
  new.sections[0].paragraphs[0].changes = [
    ChangeRecord(revision: 1, by: ["CHN"]), ChangeRecord(revision: 2, by: ["IND"]),
    ChangeRecord(revision: 3, by: ["BLR", "IND"]),
  ]
  #expect(old.changes(to: new).paragraphs[0].by == ["BLR", "IND"])
}

@Test func theSameDeclarationsAlwaysGiveTheSameChanges() throws {
  let old = try DiffFixture.declaration("small-rev3.xml")
  let new = try DiffFixture.declaration("small-rev4.xml")
  let first = JSONDiffRenderer().render(old.changes(to: new))
  for _ in 0..<5 { #expect(JSONDiffRenderer().render(old.changes(to: new)) == first) }
}

@Test func aMoveAmongInsertionsAndDeletionsIsTheOnlyMove() {
  let old = Make.declaration(1, Make.numbered(["a", "b", "c", "d", "e", "f"]))
  let new = Make.declaration(
    2,
    [
      Make.paragraph("a", "1", "Text of a."), Make.paragraph("x", "2", "Inserted x."),
      Make.paragraph("e", "3", "Text of e."), Make.paragraph("c", "4", "Text of c."),
      Make.paragraph("y", "5", "Inserted y."), Make.paragraph("d", "6", "Text of d."),
      Make.paragraph("f", "7", "Text of f."),
    ])
  let changes = old.changes(to: new)
  #expect(kinds(changes) == ["x": .added, "e": .moved, "b": .deleted, "y": .added])
  #expect(changes.paragraphs.map(\.id) == ["b", "x", "e", "y"])
}

@Test func textsAreComparedByTheirBytes() {
  // "é" precomposed, then as e + combining acute: canonically equal strings, different bytes.
  let old = Make.declaration(1, [Make.paragraph("p", "1", "Caf\u{E9} culture.")])
  let new = Make.declaration(2, [Make.paragraph("p", "1", "Cafe\u{301} culture.")])
  #expect("Caf\u{E9}" == "Cafe\u{301}")
  #expect(old.changes(to: new).paragraphs.map(\.kind) == [.changed])
  #expect(old.changes(to: old).isEmpty)
}
