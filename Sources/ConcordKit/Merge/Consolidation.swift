/// Consolidated options: when amendments to one paragraph edit disjoint spans of its current
/// text, one more option applies them all, offered by the facilitator.
///
/// Each amendment is compared word by word with the current text (base language) by the word
/// diff of `Diff/`, giving hunks — replaced spans of the current text. Amendments whose hunks
/// neither overlap nor touch are combined greedily in option order; two or more make a
/// consolidated option. Other languages are combined the same way where every combined
/// amendment has them; elsewhere the consolidated option has no text (translation pending).
/// Cost: one word diff per amendment and language (bounded, see `WordDiff`), and for each
/// amendment a look-up of its hunks among those already combined, O(h log H).
enum Consolidation {
  /// The consolidated texts of `candidates` (number, texts) against `current`, and the
  /// numbers combined; nil when fewer than two amendments can be combined.
  static func consolidate(
    current: [String: ClauseText], candidates: [(number: Int, texts: [String: ClauseText])],
    baseLanguage: String, languages: [String]
  ) -> (combines: [Int], texts: [String: ClauseText])? {
    guard let base = current[baseLanguage] else { return nil }
    var chosen: [(number: Int, texts: [String: ClauseText])] = []
    var hunks: [Hunk] = []
    for candidate in candidates {
      guard let text = candidate.texts[baseLanguage] else { continue }
      let own = Hunk.hunks(from: base.source, to: text.source)
      guard !own.isEmpty, Hunk.isClear(own, of: hunks) else { continue }
      chosen.append(candidate)
      hunks = Hunk.merged(hunks, own)
    }
    guard chosen.count >= 2 else { return nil }
    var texts: [String: ClauseText] = [:]
    for language in languages {
      guard let currentText = current[language] else { continue }
      var all: [Hunk] = []
      var complete = true
      for candidate in chosen {
        guard let text = candidate.texts[language] else {
          complete = false
          break
        }
        let own = Hunk.hunks(from: currentText.source, to: text.source)
        guard Hunk.isClear(own, of: all) else {
          complete = false
          break
        }
        all = Hunk.merged(all, own)
      }
      if complete { texts[language] = ClauseText(source: Hunk.apply(all, to: currentText.source)) }
    }
    guard texts[baseLanguage] != nil else { return nil }
    return (chosen.map(\.number), texts)
  }
}

/// A replaced span `[start, end)` of the original text's UTF-8 bytes, and what replaces it.
struct Hunk {
  var start: Int
  var end: Int
  var replacement: [UInt8]

  /// Overlapping or adjacent hunks cannot be applied independently.
  func touches(_ other: Hunk) -> Bool { start <= other.end && other.start <= end }

  /// The changes that turn `old` into `new`: each run of deletions and insertions between
  /// unchanged tokens is one hunk.
  static func hunks(from old: String, to new: String) -> [Hunk] {
    let diff = TokenDiff(from: old, to: new)
    var result: [Hunk] = []
    var open: Hunk?
    for edit in diff.script {
      switch edit.operation {
      case .equal:
        if let hunk = open { result.append(hunk) }
        open = nil
      case .delete, .insert:
        var hunk =
          open
          ?? Hunk(
            start: diff.oldOffset(edit.old.lowerBound), end: diff.oldOffset(edit.old.lowerBound),
            replacement: [])
        if edit.operation == .delete {
          hunk.end = diff.oldOffset(edit.old.upperBound)
        } else {
          hunk.replacement += diff.newBytes(edit.new)
        }
        open = hunk
      }
    }
    if let hunk = open { result.append(hunk) }
    return result
  }

  /// Whether no hunk of `hunks` touches one of `others`, which are sorted by start and touch
  /// none of each other: each hunk needs comparing only with the two of `others` that start
  /// nearest it, found by binary search. O(h log H).
  static func isClear(_ hunks: [Hunk], of others: [Hunk]) -> Bool {
    hunks.allSatisfy { hunk in
      // The first of `others` that starts after `hunk` does, and the one before it.
      var (low, high) = (0, others.count)
      while low < high {
        let middle = (low + high) / 2
        if others[middle].start <= hunk.start { low = middle + 1 } else { high = middle }
      }
      return (low == others.count || !hunk.touches(others[low]))
        && (low == 0 || !hunk.touches(others[low - 1]))
    }
  }

  /// Two lists of hunks sorted by start, as one (stable: `first`'s before `second`'s on ties).
  static func merged(_ first: [Hunk], _ second: [Hunk]) -> [Hunk] {
    var result: [Hunk] = []
    result.reserveCapacity(first.count + second.count)
    var (i, j) = (0, 0)
    while i < first.count || j < second.count {
      if j == second.count || (i < first.count && first[i].start <= second[j].start) {
        result.append(first[i])
        i += 1
      } else {
        result.append(second[j])
        j += 1
      }
    }
    return result
  }

  /// `text` with every hunk applied (hunks must not touch one another).
  static func apply(_ hunks: [Hunk], to text: String) -> String {
    let bytes = Array(text.utf8)
    var result: [UInt8] = []
    var index = 0
    for hunk in hunks.sorted(by: { $0.start < $1.start }) {
      result += bytes[index..<hunk.start]
      result += hunk.replacement
      index = hunk.end
    }
    result += bytes[index...]
    return String(decoding: result, as: UTF8.self)
  }
}
