import Testing

@testable import ConcordKit

/// Word-diff bugs the fuzzers found, pinned with readable texts.
@Suite struct WordDiffRegressionTests {
  @Test(arguments: [
    ("a b a", "a"), ("x' x", "x"), ("the end of the", "the"), ("a", "a b a"), ("stop. stop", "stop"),
  ])
  func aChangeThatSlidesIntoTheTextBeforeItKeepsTheWordsItSlidOver(_ old: String, _ new: String) {
    // Sliding a deletion at the end left over the same word dropped that word from both sides.
    let edits = ParagraphWords.edits(from: old, to: new)
    #expect(edits.filter { $0.operation != .insert }.map(\.text).joined() == old)
    #expect(edits.filter { $0.operation != .delete }.map(\.text).joined() == new)
  }
}
