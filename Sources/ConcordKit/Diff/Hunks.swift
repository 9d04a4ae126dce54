/// Turns a minimal edit script into readable hunks, the way a drafter would mark up a text.
///
/// Two passes, each linear in the script's length (the merge pass repeats while it finds
/// something to merge, at most once per change):
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

  private static func merged(_ script: [Edit], old: [Token], new: [Token]) -> [Edit] {
    // Alternate equal runs and changes.
    var items: [(equal: Edit?, change: Change?)] = []
    for edit in script {
      if edit.operation == .equal {
        items.append((edit, nil))
      } else if let last = items.last, let change = last.change {
        items[items.count - 1].change = Change(
          old: change.old.lowerBound..<max(change.old.upperBound, edit.old.upperBound),
          new: change.new.lowerBound..<max(change.new.upperBound, edit.new.upperBound))
      } else {
        items.append((nil, Change(old: edit.old, new: edit.new)))
      }
    }
    var changed = true
    while changed {
      changed = false
      var index = 1
      while index + 1 < items.count {
        if let equal = items[index].equal, let left = items[index - 1].change,
          let right = items[index + 1].change,
          shouldAbsorb(equal.old, between: left, and: right, old: old, new: new)
        {
          items[index - 1].change = Change(
            old: left.old.lowerBound..<right.old.upperBound,
            new: left.new.lowerBound..<right.new.upperBound)
          items.removeSubrange(index...(index + 1))
          changed = true
        } else {
          index += 1
        }
      }
    }
    var result: [Edit] = []
    for item in items {
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
    }
    return result
  }

  private static func shouldAbsorb(
    _ equal: Range<Int>, between left: Change, and right: Change, old: [Token], new: [Token]
  ) -> Bool {
    let kept = weight(old[equal])
    if kept == 0 { return true }
    let leftSize = max(weight(old[left.old]), weight(new[left.new]))
    let rightSize = max(weight(old[right.old]), weight(new[right.new]))
    // A Han character weighs less than a word: "文化" → "人文" reads as one change, not as
    // "人" inserted and "化" deleted around a kept "文".
    let ideographic = old[equal].allSatisfy { $0.kind != .word && $0.kind != .parties }
    return kept < min(leftSize, rightSize) || (ideographic && kept == 1)
  }

  /// Tokens other than white space.
  private static func weight(_ tokens: ArraySlice<Token>) -> Int {
    tokens.reduce(0) { $0 + ($1.isSpace ? 0 : 1) }
  }
}
