import Testing

@testable import ConcordKit

private func movedIDs(_ old: [String], _ new: [String]) -> [String] {
  let alignment = ParagraphAlignment(old: old, new: new)
  return new.indices.filter { alignment.moved[$0] }.map { new[$0] }
}

@Test func anInsertionMovesNothing() {
  #expect(movedIDs(["a", "b", "c", "d"], ["a", "x", "b", "c", "d"]).isEmpty)
}

@Test func aDeletionMovesNothing() {
  #expect(movedIDs(["a", "b", "c", "d"], ["a", "c", "d"]).isEmpty)
}

@Test func swappingTwoParagraphsMovesOneOfThem() {
  #expect(movedIDs(["a", "b", "c", "d"], ["a", "c", "b", "d"]).count == 1)
}

@Test func aParagraphMovedToTheEndIsTheOnlyOneMoved() {
  #expect(movedIDs(["a", "b", "c", "d", "e"], ["b", "c", "d", "e", "a"]) == ["a"])
}

@Test func movesAmongInsertionsAndDeletionsAreFoundAlone() {
  // x and y are inserted, b deleted, and e moved up among them.
  #expect(movedIDs(["a", "b", "c", "d", "e", "f"], ["a", "x", "e", "c", "y", "d", "f"]) == ["e"])
}

@Test func theLongestIncreasingSubsequenceIsLongestAndStable() {
  let values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
  let positions = ParagraphAlignment.longestIncreasingSubsequence(values)
  #expect(positions.map { values[$0] } == [1, 2, 3, 5, 7, 9])
  #expect(ParagraphAlignment.longestIncreasingSubsequence([]) == [])
}

@Test func matchedAndUnmatchedParagraphsAreIndexedBothWays() {
  let alignment = ParagraphAlignment(old: ["a", "b", "c"], new: ["c", "d", "a"])
  #expect(alignment.oldIndex == [2, nil, 0])
  #expect(alignment.newIndex == [2, nil, 0])
}
