import Testing

@testable import ConcordKit

/// The word diff past its budget (`WordDiff.exactBudget`): long sequences that differ
/// everywhere still give an exact script, and paragraph-sized ones never reach the budget.
@Suite struct BoundedWordDiffTests {
  /// Checks that `script` is exact: runs that start where the last one ended, never two of one
  /// operation in a row, equal runs that are equal, and both sides rebuilt.
  private func expectExact(_ script: [Edit], _ old: [Int], _ new: [Int]) {
    var rebuilt: (old: [Int], new: [Int]) = ([], [])
    for (edit, next) in zip(script, script.dropFirst()) { #expect(edit.operation != next.operation) }
    for edit in script {
      #expect(edit.old.lowerBound == rebuilt.old.count && edit.new.lowerBound == rebuilt.new.count)
      if edit.operation == .equal { #expect(Array(old[edit.old]) == Array(new[edit.new])) }
      if edit.operation == .delete { #expect(edit.new.isEmpty) }
      if edit.operation == .insert { #expect(edit.old.isEmpty) }
      rebuilt.old += old[edit.old]
      rebuilt.new += new[edit.new]
    }
    #expect(rebuilt.old == old)
    #expect(rebuilt.new == new)
  }

  private func changed(_ script: [Edit]) -> Int {
    script.filter { $0.operation != .equal }.reduce(0) { $0 + $1.old.count + $1.new.count }
  }

  @Test(arguments: [2, 16, 1000])
  func unrelatedSequencesFarPastTheBudgetGiveAnExactScript(_ alphabet: Int) {
    var random = SeededGenerator(seed: UInt64(alphabet))
    let old = (0..<60_000).map { _ in Int.random(in: 0..<alphabet, using: &random) }
    let new = (0..<50_000).map { _ in Int.random(in: 0..<alphabet, using: &random) }
    expectExact(WordDiff.script(from: old, to: new), old, new)
  }

  @Test func aSequenceAgainstItselfReversedOrRepeatedGivesAnExactScript() {
    let old = Array(0..<40_000).map { $0 % 997 }
    expectExact(WordDiff.script(from: old, to: old.reversed()), old, old.reversed())
    let runs = [Int](repeating: 7, count: 50_000)
    let fewer = [Int](repeating: 7, count: 20_000) + [8] + [Int](repeating: 7, count: 10_000)
    let script = WordDiff.script(from: runs, to: fewer)
    expectExact(script, runs, fewer)
    #expect(changed(script) == 20_000 + 1, "still minimal: a run of one token costs no search")
  }

  @Test func editsScatteredThroughALongSequenceStayMinimal() {
    // 1,000 replacements in 100,000 tokens: about 2,000 differences, far within the budget.
    var random = SeededGenerator(seed: 9)
    let old = (0..<100_000).map { _ in Int.random(in: 0..<50_000, using: &random) }
    var new = old
    for index in stride(from: 50, to: new.count, by: 100) { new[index] = -index }
    let script = WordDiff.script(from: old, to: new)
    expectExact(script, old, new)
    #expect(changed(script) == 2 * 1_000)
  }

  @Test func aLongChangeEveryOtherHanCharacterReadsAsOneChange() {
    // Every other character replaced: the kept single characters between the changes are
    // absorbed, however many there are (the merge pass was once quadratic here).
    let old = String(repeating: "合作", count: 20_000)
    let new = String(repeating: "发作", count: 20_000)
    let edits = ParagraphWords.edits(from: old, to: new)
    #expect(edits.filter { $0.operation != .insert }.map(\.text).joined() == old)
    #expect(edits.filter { $0.operation != .delete }.map(\.text).joined() == new)
    #expect(edits.map(\.operation) == [.delete, .insert, .equal])
  }

  @Test func hunksAreCheckedForTouchingAsAllPairsWould() {
    var random = SeededGenerator(seed: 5)
    for _ in 0..<500 {
      func hunks(_ count: Int) -> [Hunk] {
        var start = Int.random(in: 0...3, using: &random)
        return (0..<count).map { _ in
          let hunk = Hunk(start: start, end: start + Int.random(in: 0...3, using: &random), replacement: [])
          start = hunk.end + Int.random(in: 1...4, using: &random)
          return hunk
        }
      }
      let combined = hunks(Int.random(in: 0...8, using: &random))
      let own = hunks(Int.random(in: 0...8, using: &random))
      let allPairs = own.allSatisfy { hunk in combined.allSatisfy { !hunk.touches($0) } }
      #expect(Hunk.isClear(own, of: combined) == allPairs, "\(own) against \(combined)")
      let merged = Hunk.merged(combined, own)
      #expect(merged.map(\.start) == (combined + own).map(\.start).sorted())
    }
  }
}
