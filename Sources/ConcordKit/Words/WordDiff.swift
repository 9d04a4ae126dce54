/// One run of an edit script: tokens kept, deleted from the old sequence, or inserted from the
/// new one, as ranges of positions in each.
struct Edit: Hashable, Sendable {
  enum Operation: String, Hashable, Sendable { case equal, delete, insert }

  var operation: Operation
  /// Positions in the old sequence (empty for an insertion, placed where it happens).
  var old: Range<Int>
  /// Positions in the new sequence (empty for a deletion, placed where it happens).
  var new: Range<Int>
}

/// The edit script between two sequences of token ids: minimal within a cost budget, exact
/// whatever the input.
///
/// Myers' O((N+M)D) algorithm in its linear-space form ("An O(ND) Difference Algorithm and
/// Its Variations", 1986, section 4b): common prefix and suffix are trimmed first, then the
/// middle snake of a shortest path splits the problem in two, and so on (an explicit stack of
/// boxes, never deep recursion). Time O((N+M)D), where D is the number of tokens inserted or
/// deleted; space O(N+M). Where several minimal scripts exist the same one is always chosen,
/// deletions before insertions; the script depends only on the input.
///
/// The cost is bounded the way git's xdiff bounds it (`xdl_split`, the `XDL_MAX_COST`
/// heuristic). Every diagonal the searches visit and every token they compare is a step,
/// counted against `exactBudget` (2²⁴ steps; D differences take about D² steps, so texts with
/// up to some 4,000 differences, far beyond any real paragraph, are diffed minimally). Once it
/// is spent, each search stops after `heuristicCost` differences and splits its box at the
/// furthest point either search reached (the most tokens consumed): the script stays exact
/// but no longer minimal. Once `heuristicBudget` is spent too, each box left is one deletion
/// and one insertion after its common prefix and suffix. Whatever the input: time
/// O(N + M + B), B the two budgets, and space O(N + M).
struct WordDiff {
  /// Steps taken while the script is minimal.
  static let exactBudget = 1 << 24
  /// Steps taken after it, in searches cut short at `heuristicCost` differences.
  static let heuristicBudget = 1 << 24
  /// Differences a search may try, past the exact budget, before it splits at its best point.
  static let heuristicCost = 64

  // Buffers valid for the length of `script(from:to:)`, read without bounds checks in the
  // searches' inner loops.
  private let a: UnsafeBufferPointer<Int>
  private let b: UnsafeBufferPointer<Int>
  /// The furthest-reaching paths of the forward and reverse searches by diagonal (`center` is
  /// diagonal 0), shared by every search and all -1 between searches.
  private let forward: UnsafeMutableBufferPointer<Int>
  private let reverse: UnsafeMutableBufferPointer<Int>
  private let center: Int
  private var edits: [Edit] = []
  private var exactLeft = WordDiff.exactBudget
  private var heuristicLeft = WordDiff.heuristicBudget

  /// The edit script turning `old` into `new`: runs of one operation, adjacent runs of the same
  /// operation merged, and in each change the deletion before the insertion.
  static func script(from old: [Int], to new: [Int]) -> [Edit] {
    let center = (old.count + new.count + 1) / 2 + 2
    var forward = [Int](repeating: -1, count: 2 * center + 2)
    var reverse = forward
    return old.withUnsafeBufferPointer { a in
      new.withUnsafeBufferPointer { b in
        forward.withUnsafeMutableBufferPointer { forward in
          reverse.withUnsafeMutableBufferPointer { reverse in
            var diff = WordDiff(a: a, b: b, forward: forward, reverse: reverse, center: center)
            diff.run()
            return diff.edits
          }
        }
      }
    }
  }

  private init(
    a: UnsafeBufferPointer<Int>, b: UnsafeBufferPointer<Int>, forward: UnsafeMutableBufferPointer<Int>,
    reverse: UnsafeMutableBufferPointer<Int>, center: Int
  ) {
    (self.a, self.b, self.forward, self.reverse, self.center) = (a, b, forward, reverse, center)
  }

  // MARK: - Divide and conquer

  private enum Task {
    case compare(Range<Int>, Range<Int>)
    case equal(Range<Int>, Range<Int>)
  }

  /// Compares the whole sequences box by box, in the order of the recursive algorithm: a box's
  /// common prefix, its left half, its right half, then its common suffix.
  private mutating func run() {
    var tasks: [Task] = [.compare(0..<a.count, 0..<b.count)]
    while let task = tasks.popLast() {
      switch task {
      case .equal(let x, let y): emit(.equal, x, y)
      case .compare(var x, var y):
        // Common prefix.
        var prefix = 0
        while prefix < x.count, prefix < y.count, a[x.lowerBound + prefix] == b[y.lowerBound + prefix] {
          prefix += 1
        }
        emit(.equal, x.lowerBound..<(x.lowerBound + prefix), y.lowerBound..<(y.lowerBound + prefix))
        x = (x.lowerBound + prefix)..<x.upperBound
        y = (y.lowerBound + prefix)..<y.upperBound
        // Common suffix, emitted after the middle.
        var suffix = 0
        while suffix < x.count, suffix < y.count,
          a[x.upperBound - 1 - suffix] == b[y.upperBound - 1 - suffix]
        {
          suffix += 1
        }
        tasks.append(.equal((x.upperBound - suffix)..<x.upperBound, (y.upperBound - suffix)..<y.upperBound))
        x = x.lowerBound..<(x.upperBound - suffix)
        y = y.lowerBound..<(y.upperBound - suffix)
        if !x.isEmpty, !y.isEmpty, let (splitX, splitY) = split(x, y) {
          tasks.append(.compare(splitX..<x.upperBound, splitY..<y.upperBound))
          tasks.append(.compare(x.lowerBound..<splitX, y.lowerBound..<splitY))
        } else {
          emit(.delete, x, y.lowerBound..<y.lowerBound)
          emit(.insert, x.upperBound..<x.upperBound, y)
        }
      }
    }
  }

  /// Where to split the box `x` × `y` (both non-empty, their first and last tokens different):
  /// a point on a shortest edit path while the exact budget lasts, the furthest point reached
  /// after it; nil to replace the box whole (nothing in common, or every budget spent).
  private mutating func split(_ x: Range<Int>, _ y: Range<Int>) -> (Int, Int)? {
    while exactLeft > 0 || heuristicLeft > 0 {
      let exact = exactLeft > 0
      let (outcome, steps) = middleSnake(
        x, y, depth: exact ? Int.max : Self.heuristicCost, allowance: exact ? exactLeft : heuristicLeft)
      if exact { exactLeft -= steps } else { heuristicLeft -= steps }
      switch outcome {
      case .split(let splitX, let splitY): return (splitX, splitY)
      case .disjoint: return nil
      // The budget ran out before the search got anywhere: search again on the next one.
      case .exhausted: continue
      }
    }
    return nil
  }

  // MARK: - Middle snake

  private enum Outcome {
    case split(Int, Int)
    /// No path found within the box's bound on differences: nothing is common.
    case disjoint
    case exhausted
  }

  /// A point on a shortest edit path through the box `x` × `y`, found by running the forward
  /// and reverse searches of Myers' algorithm until they overlap. Cut short after `depth`
  /// differences or `allowance` steps, it gives the furthest point either search reached
  /// instead (`.exhausted` when neither got anywhere). Both ranges are non-empty and their
  /// first and last tokens differ, so the point always splits the box into two smaller ones.
  /// Also returns the steps taken.
  private func middleSnake(
    _ x: Range<Int>, _ y: Range<Int>, depth: Int, allowance: Int
  ) -> (Outcome, steps: Int) {
    let n = x.count
    let m = y.count
    let maxD = (n + m + 1) / 2
    let offset = center
    let width = forward.count
    forward[offset + 1] = 0
    reverse[offset + 1] = 0
    let delta = n - m
    let frontOverlaps = delta % 2 != 0
    var (k1Start, k1End, k2Start, k2End) = (0, 0, 0, 0)
    var steps = 0
    var d = 0
    defer { clear(through: d) }
    while d < min(maxD, depth) {
      // Forward paths, from the top left.
      var k1 = -d + k1Start
      while k1 <= d - k1End {
        let index = offset + k1
        var x1 =
          (k1 == -d || (k1 != d && forward[index - 1] < forward[index + 1]))
          ? forward[index + 1] : forward[index - 1] + 1
        var y1 = x1 - k1
        let start = x1
        while x1 < n, y1 < m, a[x.lowerBound + x1] == b[y.lowerBound + y1] {
          x1 += 1
          y1 += 1
        }
        forward[index] = x1
        steps += 1 + x1 - start
        if x1 > n {
          k1End += 2
        } else if y1 > m {
          k1Start += 2
        } else if frontOverlaps {
          let k2Index = offset + delta - k1
          if k2Index >= 0, k2Index < width, reverse[k2Index] != -1, x1 >= n - reverse[k2Index] {
            return (.split(x.lowerBound + x1, y.lowerBound + y1), steps)
          }
        }
        if steps > allowance { return (furthest(x, y, d, steps: steps, allowance: allowance), steps) }
        k1 += 2
      }
      // Reverse paths, from the bottom right.
      var k2 = -d + k2Start
      while k2 <= d - k2End {
        let index = offset + k2
        var x2 =
          (k2 == -d || (k2 != d && reverse[index - 1] < reverse[index + 1]))
          ? reverse[index + 1] : reverse[index - 1] + 1
        var y2 = x2 - k2
        let start = x2
        while x2 < n, y2 < m, a[x.upperBound - 1 - x2] == b[y.upperBound - 1 - y2] {
          x2 += 1
          y2 += 1
        }
        reverse[index] = x2
        steps += 1 + x2 - start
        if x2 > n {
          k2End += 2
        } else if y2 > m {
          k2Start += 2
        } else if !frontOverlaps {
          let k1Index = offset + delta - k2
          if k1Index >= 0, k1Index < width, forward[k1Index] != -1 {
            let x1 = forward[k1Index]
            let y1 = offset + x1 - k1Index
            if x1 >= n - x2 { return (.split(x.lowerBound + x1, y.lowerBound + y1), steps) }
          }
        }
        if steps > allowance { return (furthest(x, y, d, steps: steps, allowance: allowance), steps) }
        k2 += 2
      }
      d += 1
    }
    return (d == maxD ? .disjoint : furthest(x, y, d, steps: steps, allowance: allowance), steps)
  }

  /// The furthest point reached in a search cut short at difference `d`: of the points either
  /// search reached on any diagonal, the one that leaves the fewest tokens to compare (the
  /// forward one on ties).
  private func furthest(_ x: Range<Int>, _ y: Range<Int>, _ d: Int, steps: Int, allowance: Int) -> Outcome {
    let (n, m) = (x.count, y.count)
    var best: (progress: Int, x: Int, y: Int) = (0, 0, 0)
    /// A path's end on diagonal `k`, `reached` tokens of the old side in from its corner.
    func consider(_ reached: Int, _ k: Int, isForward: Bool) {
      guard reached >= 0 else { return }
      // Clamped to the box, as xdiff does: a path may have stepped past its edge.
      var (px, py) = (min(reached, n), min(reached, n) - k)
      if py > m { (px, py) = (m + k, m) }
      guard px >= 0, py >= 0, px <= n, px + py > best.progress, px + py < n + m else { return }
      best = isForward ? (px + py, px, py) : (px + py, n - px, m - py)
    }
    for k in max(-d, 1 - center)...min(d, center - 1) {
      consider(forward[center + k], k, isForward: true)
      consider(reverse[center + k], k, isForward: false)
    }
    guard best.progress > 0 else { return steps > allowance ? .exhausted : .disjoint }
    return .split(x.lowerBound + best.x, y.lowerBound + best.y)
  }

  /// Sets every entry a search up to difference `d` may have written back to -1.
  private func clear(through d: Int) {
    let low = max(center - d - 2, 0)
    let high = min(center + d + 2, forward.count - 1)
    for index in low...high {
      forward[index] = -1
      reverse[index] = -1
    }
  }

  /// Appends a run, merging it into the last one when they share an operation. A deletion that
  /// follows an insertion is placed before it, so each change reads "old, then new".
  private mutating func emit(_ operation: Edit.Operation, _ old: Range<Int>, _ new: Range<Int>) {
    guard !old.isEmpty || !new.isEmpty else { return }
    if let last = edits.last, last.operation == operation {
      edits[edits.count - 1].old = last.old.lowerBound..<old.upperBound
      edits[edits.count - 1].new = last.new.lowerBound..<new.upperBound
      return
    }
    if operation == .delete, let last = edits.last, last.operation == .insert {
      let insertion = edits.removeLast()
      emit(.delete, old, insertion.new.lowerBound..<insertion.new.lowerBound)
      edits.append(
        Edit(operation: .insert, old: old.upperBound..<old.upperBound, new: insertion.new))
      return
    }
    edits.append(Edit(operation: operation, old: old, new: new))
  }
}
