/// Consolidated options: when amendments to one paragraph edit disjoint spans of its current
/// text, one more option applies them all, offered by the facilitator.
///
/// Each amendment is compared word by word with the current text (base language), giving
/// hunks — replaced spans of the current text. Amendments whose hunks neither overlap nor
/// touch are combined greedily in option order; two or more make a consolidated option.
/// Other languages are combined the same way where every combined amendment has them;
/// elsewhere the consolidated option has no text (translation pending).
/// Cost: one word diff per amendment, O((N+M)·D) each.
enum Consolidation {
  /// The consolidated texts of `candidates` (number, texts) against `current`, and the
  /// numbers combined; nil when fewer than two amendments can be combined.
  static func consolidate(
    current: [String: ClauseText], candidates: [(number: Int, texts: [String: ClauseText])],
    baseLanguage: String, languages: [String]
  ) -> (combines: [Int], texts: [String: ClauseText])? {
    guard let base = current[baseLanguage] else { return nil }
    let original = Tokens.split(base.source)
    var chosen: [(number: Int, texts: [String: ClauseText])] = []
    var hunks: [Hunk] = []
    for candidate in candidates {
      guard let text = candidate.texts[baseLanguage] else { continue }
      let own = Hunk.hunks(from: original, to: Tokens.split(text.source))
      guard !own.isEmpty, own.allSatisfy({ hunk in hunks.allSatisfy { !hunk.touches($0) } })
      else { continue }
      chosen.append(candidate)
      hunks += own
    }
    guard chosen.count >= 2 else { return nil }
    var texts: [String: ClauseText] = [:]
    for language in languages {
      guard let currentText = current[language] else { continue }
      let tokens = Tokens.split(currentText.source)
      var all: [Hunk] = []
      var complete = true
      for candidate in chosen {
        guard let text = candidate.texts[language] else {
          complete = false
          break
        }
        let own = Hunk.hunks(from: tokens, to: Tokens.split(text.source))
        if !own.allSatisfy({ hunk in all.allSatisfy { !hunk.touches($0) } }) {
          complete = false
          break
        }
        all += own
      }
      if complete { texts[language] = ClauseText(source: Hunk.apply(all, to: tokens)) }
    }
    guard texts[baseLanguage] != nil else { return nil }
    return (chosen.map(\.number), texts)
  }
}

/// A replaced span `[start, end)` of the original tokens and what replaces it.
struct Hunk {
  var start: Int
  var end: Int
  var replacement: [Substring]

  /// Overlapping or adjacent hunks cannot be applied independently.
  func touches(_ other: Hunk) -> Bool { start <= other.end && other.start <= end }

  static func hunks(from old: [Substring], to new: [Substring]) -> [Hunk] {
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var result: [Hunk] = []
    var i = 0
    var j = 0
    var open: Hunk?
    while i < old.count || j < new.count {
      if i < old.count, removed.contains(i) {
        if open == nil { open = Hunk(start: i, end: i, replacement: []) }
        i += 1
        open?.end = i
      } else if j < new.count, inserted.contains(j) {
        if open == nil { open = Hunk(start: i, end: i, replacement: []) }
        open?.replacement.append(new[j])
        j += 1
      } else {
        if let hunk = open { result.append(hunk) }
        open = nil
        i += 1
        j += 1
      }
    }
    if let hunk = open { result.append(hunk) }
    return result
  }

  static func apply(_ hunks: [Hunk], to tokens: [Substring]) -> String {
    var result = ""
    var index = 0
    for hunk in hunks.sorted(by: { $0.start < $1.start }) {
      result += tokens[index..<hunk.start].joined()
      result += hunk.replacement.joined()
      index = hunk.end
    }
    result += tokens[index...].joined()
    return result
  }
}

/// Words, single punctuation marks, runs of white space, single Han characters and the
/// `<parties/>` placeholder, as tokens whose concatenation is the text.
enum Tokens {
  static func split(_ text: String) -> [Substring] {
    var tokens: [Substring] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      var end = text.index(after: index)
      if character == "<", text[index...].hasPrefix("<parties/>") {
        end = text.index(index, offsetBy: "<parties/>".count)
      } else if character.isWhitespace {
        while end < text.endIndex, text[end].isWhitespace { end = text.index(after: end) }
      } else if isWordCharacter(character), !isHan(character) {
        while end < text.endIndex, isWordCharacter(text[end]), !isHan(text[end]) {
          end = text.index(after: end)
        }
      }
      tokens.append(text[index..<end])
      index = end
    }
    return tokens
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "-" || character == "’"
  }

  static func isHan(_ character: Character) -> Bool {
    character.unicodeScalars.first?.properties.isIdeographic ?? false
  }
}
