import Testing

@testable import ConcordKit

/// The length of a longest common subsequence, by dynamic programming: the reference the
/// word diff's minimality is checked against.
private func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
  var row = [Int](repeating: 0, count: b.count + 1)
  for x in a {
    var diagonal = 0
    for j in 1...max(b.count, 1) where j <= b.count {
      let above = row[j]
      row[j] = x == b[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
      diagonal = above
    }
  }
  return row[b.count]
}

/// Applies a script to `old`, checking it against `new` as it goes.
private func apply(_ script: [Edit], _ old: [Int], _ new: [Int]) -> [Int] {
  var result: [Int] = []
  for edit in script {
    switch edit.operation {
    case .equal:
      #expect(Array(old[edit.old]) == Array(new[edit.new]))
      result += old[edit.old]
    case .insert: result += new[edit.new]
    case .delete: break
    }
  }
  return result
}

@Test func scriptsAreMinimalAndExactOnThousandsOfRandomPairs() {
  var random = SeededGenerator(seed: 42)
  for _ in 0..<3000 {
    let alphabet = Int.random(in: 1...6, using: &random)
    let a = (0..<Int.random(in: 0...14, using: &random)).map { _ in
      Int.random(in: 0..<alphabet, using: &random)
    }
    let b = (0..<Int.random(in: 0...14, using: &random)).map { _ in
      Int.random(in: 0..<alphabet, using: &random)
    }
    let script = WordDiff.script(from: a, to: b)
    #expect(apply(script, a, b) == b)
    let edits = script.filter { $0.operation != .equal }.reduce(0) { $0 + $1.old.count + $1.new.count }
    #expect(edits == a.count + b.count - 2 * lcsLength(a, b), "a: \(a) b: \(b)")
  }
}

@Test func identicalSequencesGiveOneEqualRun() {
  #expect(
    WordDiff.script(from: [1, 2, 3], to: [1, 2, 3]) == [Edit(operation: .equal, old: 0..<3, new: 0..<3)])
}

@Test func emptySequencesGiveAnEmptyScriptOrOneRun() {
  #expect(WordDiff.script(from: [], to: []).isEmpty)
  #expect(WordDiff.script(from: [], to: [7, 8]) == [Edit(operation: .insert, old: 0..<0, new: 0..<2)])
  #expect(WordDiff.script(from: [7, 8], to: []) == [Edit(operation: .delete, old: 0..<2, new: 0..<0)])
}

@Test func eachChangeListsItsDeletionBeforeItsInsertion() {
  let script = WordDiff.script(from: [1, 2, 3], to: [1, 9, 3])
  #expect(script.map(\.operation) == [.equal, .delete, .insert, .equal])
}

@Test func theSameInputAlwaysGivesTheSameScript() {
  let a = [1, 2, 3, 1, 2, 3, 4, 5, 1, 2]
  let b = [2, 1, 3, 3, 2, 1, 5, 4, 2, 1]
  let first = WordDiff.script(from: a, to: b)
  for _ in 0..<10 { #expect(WordDiff.script(from: a, to: b) == first) }
}

@Test func longSequencesWithFewEditsDiffCorrectly() {
  let a = Array(0..<20_000)
  var b = a
  b.remove(at: 10_000)
  b.insert(-1, at: 5_000)
  b[15_000] = -2
  let script = WordDiff.script(from: a, to: b)
  #expect(apply(script, a, b) == b)
  #expect(script.filter { $0.operation != .equal }.reduce(0) { $0 + $1.old.count + $1.new.count } == 4)
}
