import Testing

@testable import ConcordKit

@Suite struct RedlineTests {
  /// The exports' word diff, as `Redline.edits` calls it.
  let diff = ParagraphWords.self

  func reconstructs(_ old: String, _ new: String) -> Bool {
    let edits = diff.edits(from: old, to: new)
    let before = edits.filter { $0.operation != .insert }.map(\.text).joined()
    return before == old && edits.newText == new
  }

  @Test func aChangedPhraseIsOneDeletionThenOneInsertion() {
    let edits = diff.edits(
      from: "The Member States note the importance of deepening cooperation.",
      to: "The Member States stand for deepening practical cooperation.")
    #expect(
      edits == [
        WordEdit(.equal, "The Member States "), WordEdit(.delete, "note the importance of"),
        WordEdit(.insert, "stand for"), WordEdit(.equal, " deepening "), WordEdit(.insert, "practical "),
        WordEdit(.equal, "cooperation."),
      ])
  }

  @Test func chineseIsComparedCharacterByCharacter() {
    let edits = diff.edits(from: "成员国指出合作的重要性", to: "成员国主张深化合作")
    #expect(edits.first == WordEdit(.equal, "成员国"))
    #expect(reconstructs("成员国指出合作的重要性", "成员国主张深化合作"))
  }

  @Test func editsAlwaysRebuildBothTexts() {
    let pairs = [
      ("", "new text"), ("old text", ""), ("same", "same"), ("a b c d", "d c b a"),
      ("The Member States, firmly,", "The Member States firmly"), ("  spaced  out ", "spaced out"),
      ("Государства-члены подтверждают", "Государства-члены вновь подтверждают"),
    ]
    for (old, new) in pairs { #expect(reconstructs(old, new), "\(old) → \(new)") }
  }

  @Test func identicalTextsAreOneEqualRun() {
    #expect(diff.edits(from: "same text", to: "same text") == [WordEdit(.equal, "same text")])
    #expect(diff.edits(from: "", to: "") == [])
  }

  @Test func removedParagraphsStandAfterTheParagraphTheyFollowed() throws {
    let rev1 = try ExampleRevisions.load(1)
    var rev2 = try ExampleRevisions.load(2)
    for s in rev2.sections.indices {
      rev2.sections[s].paragraphs.removeAll { $0.id == "eco-currencies" || $0.id == "pre-meeting" }
    }
    let presentation = Presentation(rev2, language: "en", against: rev1)
    let ids = presentation.items.map(\.id)
    let removed = presentation.items.filter(\.isRemoved).map(\.id)
    #expect(removed == ["pre-meeting", "eco-currencies"])
    #expect(ids.first == "pre-meeting")
    let index = try #require(ids.firstIndex(of: "eco-currencies"))
    #expect(ids[index - 1] == "eco-partnership")
    let item = presentation.items[index]
    #expect(item.entries.first?.edits.first?.operation == .delete)
    #expect(item.authors == ["IND"])
  }

  @Test func changedParagraphsNameWhoseProposalsChangedThem() throws {
    let presentation = Presentation(
      try ExampleRevisions.load(2), language: "en", against: try ExampleRevisions.load(1))
    let byId = Dictionary(uniqueKeysWithValues: presentation.items.map { ($0.id, $0) })
    #expect(byId["eco-digital"]?.change == .changed)
    #expect(byId["eco-digital"]?.authors == ["PAK", "RUS"])
    #expect(byId["eco-year"]?.authors == ["CHN"])
    #expect(byId["pol-sanctions"]?.authors == ["IND"])
    #expect(byId["pol-sanctions"]?.entries.map(\.isNew) == [false, false, true])
    #expect(byId["ind-1"]?.change == .unchanged)
    #expect(byId["pol-un"]?.change == .unchanged)
  }

  @Test func anInsertedParagraphIsWhollyInserted() throws {
    let presentation = Presentation(
      try ExampleRevisions.load(1), language: "en", against: try ExampleRevisions.load(0))
    let item = try #require(presentation.items.first { $0.id == "ind-1" })
    #expect(item.change == .added)
    #expect(item.authors == ["IND"])
    #expect(item.entries.first?.edits.map(\.operation) == [.insert])
  }
}
