/// Turns a minimal edit script into readable hunks, the way a drafter would mark up a text.
///
/// Two passes, each linear in the script's length and the number of tokens:
/// 1. **Slide**: a pure insertion or deletion that could sit at several places (inserting
///    "and x " into "a and b" can also read "a [and x ]and b") is moved to the place that
///    starts with a word and ends with a space; on ties the rightmost, where trimming the
///    common prefix puts it.
/// 2. **Merge**: changes separated only by white space, or by fewer unchanged words than the
///    smaller change holds, become one change ("note the importance of" → "stand for", not
///    word by word); in Han text a single kept character does not split a change either
///    ("深化[-文化-]{+人文+}合作", not "深化{+人+}文[-化-]合作").
/// The result is still an exact script: applying it to the old tokens gives the new ones.
enum Hunks {
  /// - Parameters:
  ///   - old, new: the tokens the script was computed on.
  ///   - oldIDs, newIDs: their ids (equal ids, equal text).
  static func readable(
    _ script: [Edit], old: [Token], new: [Token], oldIDs: [Int], newIDs: [Int]
  ) -> [Edit] {
    merged(slid(script, old: old, new: new, oldIDs: oldIDs, newIDs: newIDs), old: old, new: new)
  }

  // MARK: - Slide

  private static func slid(
    _ script: [Edit], old: [Token], new: [Token], oldIDs: [Int], newIDs: [Int]
  ) -> [Edit] {
    var edits = script
    for index in edits.indices where edits[index].operation != .equal {
      let isolated =
        (index == 0 || edits[index - 1].operation == .equal)
        && (index == edits.count - 1 || edits[index + 1].operation == .equal)
      guard isolated else { continue }
      let isInsertion = edits[index].operation == .insert
      slide(
        &edits, at: index, tokens: isInsertion ? new : old, ids: isInsertion ? newIDs : oldIDs)
    }
    return edits.filter { !$0.old.isEmpty || !$0.new.isEmpty }
  }

  /// Moves the run at `index` within the equal runs around it, keeping the script exact: a run
  /// can move one token left when its last token equals the token before it, and right when
  /// its first token equals the token after it.
  private static func slide(_ edits: inout [Edit], at index: Int, tokens: [Token], ids: [Int]) {
    let edit = edits[index]
    let run = edit.operation == .insert ? edit.new : edit.old
    let before = index > 0 ? edits[index - 1].old.count : 0
    let after = index + 1 < edits.count ? edits[index + 1].old.count : 0
    // Shifting left by s needs the s tokens before the run to equal its last s tokens.
    var leftmost = 0
    while leftmost < before, ids[run.upperBound - 1 - leftmost] == ids[run.lowerBound - 1 - leftmost] {
      leftmost += 1
    }
    var rightmost = 0
    while rightmost < after, ids[run.lowerBound + rightmost] == ids[run.upperBound + rightmost] {
      rightmost += 1
    }
    guard leftmost > 0 || rightmost > 0 else { return }
    var best = 0
    var bestScore = -1
    for shift in -leftmost...rightmost {
      let first = tokens[run.lowerBound + shift]
      let last = tokens[run.upperBound - 1 + shift]
      let score = (first.isSpace ? 0 : 2) + (last.isSpace ? 1 : 0)
      if score >= bestScore {
        best = shift
        bestScore = score
      }
    }
    // With no run before it, a run cannot move right: the tokens it passes would have nowhere
    // to go (a minimal script never asks for it: they would be a common prefix).
    guard best != 0, best < 0 || index > 0 else { return }
    func moved(_ range: Range<Int>, _ by: Int) -> Range<Int> {
      (range.lowerBound + by)..<(range.upperBound + by)
    }
    edits[index].old = moved(edit.old, best)
    edits[index].new = moved(edit.new, best)
    if index > 0 {
      edits[index - 1].old = edits[index - 1].old.lowerBound..<(edits[index - 1].old.upperBound + best)
      edits[index - 1].new = edits[index - 1].new.lowerBound..<(edits[index - 1].new.upperBound + best)
    }
    if index + 1 < edits.count {
      edits[index + 1].old = (edits[index + 1].old.lowerBound + best)..<edits[index + 1].old.upperBound
      edits[index + 1].new = (edits[index + 1].new.lowerBound + best)..<edits[index + 1].new.upperBound
    } else if best < 0 {
      // The last run moved left: the tokens it passed now follow it, in an equal run of their
      // own (without it "the end of the" → "the" lost its last "the" on both sides).
      edits.append(
        Edit(
          operation: .equal, old: (edit.old.upperBound + best)..<edit.old.upperBound,
          new: (edit.new.upperBound + best)..<edit.new.upperBound))
    }
  }

  // MARK: - Merge

  /// A change: what it deletes and what it inserts (either may be empty).
  private struct Change {
    var old: Range<Int>
    var new: Range<Int>
  }

  /// One item of the script as the merge pass sees it: an equal run or a change, linked to its
  /// neighbours.
  private struct Item {
    var equal: Edit?
    var change: Change?
    var previous: Int
    var next: Int
    /// For an equal run: its weight, and whether it holds only Han characters and punctuation.
    var kept = 0
    var ideographic = false
  }

  /// Absorbing an equal run only ever makes the changes around every other run larger, so an
  /// absorbable run stays absorbable: whatever the order, the runs absorbed in the end are the
  /// same. A work list visits each run once, and again only when a change next to it grew, so
  /// the pass is linear in the script's length.
  private static func merged(_ script: [Edit], old: [Token], new: [Token]) -> [Edit] {
    let weights = Weights(old: old, new: new)
    var items = linked(script, old: old)
    var pending = Array(items.indices.reversed())
    while let index = pending.popLast() {
      let item = items[index]
      guard item.equal != nil, item.previous >= 0, item.next < items.count,
        let left = items[item.previous].change, let right = items[item.next].change
      else { continue }
      let kept = item.kept
      let smaller = min(weights.size(left), weights.size(right))
      guard kept == 0 || kept < smaller || (item.ideographic && kept == 1) else { continue }
      let (leftIndex, rightIndex) = (item.previous, item.next)
      items[leftIndex].change = Change(
        old: left.old.lowerBound..<right.old.upperBound, new: left.new.lowerBound..<right.new.upperBound)
      let after = items[rightIndex].next
      items[leftIndex].next = after
      if after < items.count { items[after].previous = leftIndex }
      items[index].equal = nil
      items[rightIndex].change = nil
      // The runs either side of the grown change may now be absorbed.
      if after < items.count { pending.append(after) }
      if items[leftIndex].previous >= 0 { pending.append(items[leftIndex].previous) }
    }
    var result: [Edit] = []
    var index = 0
    while index < items.count {
      let item = items[index]
      if let equal = item.equal { result.append(equal) }
      if let change = item.change {
        if !change.old.isEmpty {
          result.append(
            Edit(operation: .delete, old: change.old, new: change.new.lowerBound..<change.new.lowerBound))
        }
        if !change.new.isEmpty {
          result.append(
            Edit(operation: .insert, old: change.old.upperBound..<change.old.upperBound, new: change.new))
        }
      }
      index = item.next
    }
    return result
  }

  /// Alternate equal runs and changes, linked in a list.
  private static func linked(_ script: [Edit], old: [Token]) -> [Item] {
    var items: [Item] = []
    for edit in script {
      if edit.operation == .equal {
        let tokens = old[edit.old]
        items.append(
          Item(
            equal: edit, change: nil, previous: items.count - 1, next: items.count + 1,
            kept: weight(tokens), ideographic: tokens.allSatisfy { $0.kind != .word && $0.kind != .parties }))
      } else if let last = items.last, let change = last.change {
        items[items.count - 1].change = Change(
          old: change.old.lowerBound..<max(change.old.upperBound, edit.old.upperBound),
          new: change.new.lowerBound..<max(change.new.upperBound, edit.new.upperBound))
      } else {
        items.append(
          Item(
            equal: nil, change: Change(old: edit.old, new: edit.new), previous: items.count - 1,
            next: items.count + 1))
      }
    }
    return items
  }

  /// Tokens other than white space.
  private static func weight(_ tokens: ArraySlice<Token>) -> Int {
    tokens.reduce(0) { $0 + ($1.isSpace ? 0 : 1) }
  }

  /// Tokens other than white space in any range of either side, in constant time (prefix sums).
  private struct Weights {
    private var old: [Int]
    private var new: [Int]

    init(old: [Token], new: [Token]) {
      func sums(_ tokens: [Token]) -> [Int] {
        var result = [0]
        result.reserveCapacity(tokens.count + 1)
        for token in tokens { result.append(result[result.count - 1] + (token.isSpace ? 0 : 1)) }
        return result
      }
      self.old = sums(old)
      self.new = sums(new)
    }

    /// The larger of what a change deletes and what it inserts, in tokens other than space.
    func size(_ change: Change) -> Int {
      max(
        old[change.old.upperBound] - old[change.old.lowerBound],
        new[change.new.upperBound] - new[change.new.lowerBound])
    }
  }
}
