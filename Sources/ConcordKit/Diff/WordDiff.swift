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

/// The shortest edit script between two sequences of token ids.
///
/// Myers' O((N+M)D) algorithm in its linear-space form ("An O(ND) Difference Algorithm and
/// Its Variations", 1986, section 4b): common prefix and suffix are trimmed first, then the
/// middle snake of a shortest path splits the problem in two, recursively. Time O((N+M)D),
/// where D is the number of tokens inserted or deleted; space O(N+M); recursion depth
/// O(log D). The script is minimal (no shorter one exists) and depends only on the input:
/// where several minimal scripts exist the same one is always chosen, deletions before
/// insertions.
struct WordDiff {
  private let a: [Int]
  private let b: [Int]
  private var edits: [Edit] = []

  /// The edit script turning `old` into `new`: runs of one operation, adjacent runs of the same
  /// operation merged, and in each change the deletion before the insertion.
  static func script(from old: [Int], to new: [Int]) -> [Edit] {
    var diff = WordDiff(a: old, b: new)
    diff.compare(0..<old.count, 0..<new.count)
    return diff.edits
  }

  private init(a: [Int], b: [Int]) {
    self.a = a
    self.b = b
  }

  // MARK: - Divide and conquer

  private mutating func compare(_ x: Range<Int>, _ y: Range<Int>) {
    var x = x
    var y = y
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
    let tailX = (x.upperBound - suffix)..<x.upperBound
    let tailY = (y.upperBound - suffix)..<y.upperBound
    x = x.lowerBound..<(x.upperBound - suffix)
    y = y.lowerBound..<(y.upperBound - suffix)

    if x.isEmpty || y.isEmpty {
      emit(.delete, x, y.lowerBound..<y.lowerBound)
      emit(.insert, x.upperBound..<x.upperBound, y)
    } else if let (splitX, splitY) = middleSnake(x, y) {
      compare(x.lowerBound..<splitX, y.lowerBound..<splitY)
      compare(splitX..<x.upperBound, splitY..<y.upperBound)
    } else {
      emit(.delete, x, y.lowerBound..<y.lowerBound)
      emit(.insert, x.upperBound..<x.upperBound, y)
    }
    emit(.equal, tailX, tailY)
  }

  /// A point on a shortest edit path through the box `x` × `y`, found by running the forward
  /// and reverse searches of Myers' algorithm until they overlap; nil when nothing is common.
  /// Both ranges are non-empty and their first and last tokens differ, so the point always
  /// splits the box into two smaller ones.
  private func middleSnake(_ x: Range<Int>, _ y: Range<Int>) -> (Int, Int)? {
    let n = x.count
    let m = y.count
    let maxD = (n + m + 1) / 2
    let offset = maxD
    let width = 2 * maxD + 2
    var forward = [Int](repeating: -1, count: width)
    var reverse = [Int](repeating: -1, count: width)
    forward[offset + 1] = 0
    reverse[offset + 1] = 0
    let delta = n - m
    let frontOverlaps = delta % 2 != 0
    var k1Start = 0
    var k1End = 0
    var k2Start = 0
    var k2End = 0
    for d in 0..<maxD {
      // Forward paths, from the top left.
      var k1 = -d + k1Start
      while k1 <= d - k1End {
        let index = offset + k1
        var x1 =
          (k1 == -d || (k1 != d && forward[index - 1] < forward[index + 1]))
          ? forward[index + 1] : forward[index - 1] + 1
        var y1 = x1 - k1
        while x1 < n, y1 < m, a[x.lowerBound + x1] == b[y.lowerBound + y1] {
          x1 += 1
          y1 += 1
        }
        forward[index] = x1
        if x1 > n {
          k1End += 2
        } else if y1 > m {
          k1Start += 2
        } else if frontOverlaps {
          let k2Index = offset + delta - k1
          if k2Index >= 0, k2Index < width, reverse[k2Index] != -1, x1 >= n - reverse[k2Index] {
            return (x.lowerBound + x1, y.lowerBound + y1)
          }
        }
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
        while x2 < n, y2 < m, a[x.upperBound - 1 - x2] == b[y.upperBound - 1 - y2] {
          x2 += 1
          y2 += 1
        }
        reverse[index] = x2
        if x2 > n {
          k2End += 2
        } else if y2 > m {
          k2Start += 2
        } else if !frontOverlaps {
          let k1Index = offset + delta - k2
          if k1Index >= 0, k1Index < width, forward[k1Index] != -1 {
            let x1 = forward[k1Index]
            let y1 = offset + x1 - k1Index
            if x1 >= n - x2 { return (x.lowerBound + x1, y.lowerBound + y1) }
          }
        }
        k2 += 2
      }
    }
    return nil
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
