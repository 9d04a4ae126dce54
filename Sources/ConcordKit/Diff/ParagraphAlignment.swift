/// Which paragraphs of two revisions are the same paragraph, and which of those moved.
///
/// Paragraphs are matched by id (ids never change, numbers do). Of the matched paragraphs, the
/// largest set that kept its relative order stays put — a longest increasing subsequence of
/// their old positions taken in new order — and only the others count as moved. So an insertion
/// moves nothing, and swapping two paragraphs moves one of them, not everything after it.
///
/// Time O(n log n) for n paragraphs (one pass to index, patience sorting for the subsequence);
/// space O(n).
struct ParagraphAlignment: Hashable, Sendable {
  /// For each new paragraph, its old position; nil when it was added.
  var oldIndex: [Int?]
  /// For each old paragraph, its new position; nil when it was deleted.
  var newIndex: [Int?]
  /// For each new paragraph, whether it moved among the others.
  var moved: [Bool]

  init(old: [String], new: [String]) {
    var oldPositions: [String: Int] = [:]
    oldPositions.reserveCapacity(old.count)
    for (index, id) in old.enumerated() where oldPositions[id] == nil { oldPositions[id] = index }
    var oldIndex = [Int?](repeating: nil, count: new.count)
    var newIndex = [Int?](repeating: nil, count: old.count)
    for (index, id) in new.enumerated() {
      guard let position = oldPositions[id], newIndex[position] == nil else { continue }
      oldIndex[index] = position
      newIndex[position] = index
    }
    let matched = oldIndex.indices.filter { oldIndex[$0] != nil }
    let kept = Self.longestIncreasingSubsequence(matched.map { oldIndex[$0] ?? 0 })
    var moved = [Bool](repeating: false, count: new.count)
    for index in matched { moved[index] = true }
    for position in kept { moved[matched[position]] = false }
    self.oldIndex = oldIndex
    self.newIndex = newIndex
    self.moved = moved
  }

  /// The positions in `values` of one longest strictly increasing subsequence, ascending.
  ///
  /// Patience sorting: `tails[k]` is the position of the smallest value that ends an increasing
  /// subsequence of length k+1, found by binary search; links to predecessors rebuild the
  /// subsequence. O(n log n). Of several longest subsequences, the one ending with the smallest
  /// values is kept, so the same input always gives the same answer.
  static func longestIncreasingSubsequence(_ values: [Int]) -> [Int] {
    var tails: [Int] = []
    var previous = [Int](repeating: -1, count: values.count)
    for (position, value) in values.enumerated() {
      var low = 0
      var high = tails.count
      while low < high {
        let middle = (low + high) / 2
        if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
      }
      if low > 0 { previous[position] = tails[low - 1] }
      if low == tails.count { tails.append(position) } else { tails[low] = position }
    }
    var result: [Int] = []
    var position = tails.last ?? -1
    while position >= 0 {
      result.append(position)
      position = previous[position]
    }
    return result.reversed()
  }
}
