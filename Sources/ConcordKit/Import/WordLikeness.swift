/// How alike two texts are: the words they share over the larger one's words (a Han character
/// counts as a word), from 0 to 1; and, among many texts, the one most like a given text.
///
/// Matching every piece of a delegation's copy whose marks were lost against every paragraph
/// compared each pair's words afresh (a 2,000-paragraph copy without its bookmarks took a
/// minute). `WordLikeness` keeps each paragraph's words and an index from each word to the
/// paragraphs that have it, and compares a text only with the paragraphs that share one of its
/// rarest words: a paragraph that shares none cannot reach the threshold (prefix filtering).
/// The answer is the one comparing with every paragraph would give.
struct WordLikeness {
  /// The candidates' numbers, by position (the order given).
  private let numbers: [Int]
  /// Each candidate's words, as word numbers, ascending.
  private let words: [[Int]]
  /// For each word number, the positions of the candidates that have it, ascending.
  private let holders: [[Int]]
  private let wordNumbers: [String: Int]
  /// The positions of the candidates with no word at all: as like an empty text as can be.
  private let wordless: [Int]

  /// - Parameter texts: the candidates, each with the number it is known by, in order.
  init(_ texts: [(Int, String)]) {
    var wordNumbers: [String: Int] = [:]
    var holders: [[Int]] = []
    var words: [[Int]] = []
    for (position, (_, text)) in texts.enumerated() {
      let numbered = Self.words(of: text).map { word in
        if let number = wordNumbers[word] { return number }
        wordNumbers[word] = holders.count
        holders.append([])
        return holders.count - 1
      }.sorted()
      for word in numbered { holders[word].append(position) }
      words.append(numbered)
    }
    self.numbers = texts.map(\.0)
    self.words = words
    self.holders = holders
    self.wordNumbers = wordNumbers
    self.wordless = words.indices.filter { words[$0].isEmpty }
  }

  /// The candidate most like `text` (the first of those alike, in the order given) when it
  /// is at least `threshold` (above 0) alike, leaving out those `excluded`.
  func best(for text: String, atLeast threshold: Double, excluding excluded: Set<Int>) -> (Int, Double)? {
    let all = Self.words(of: text)
    guard !all.isEmpty else {
      return wordless.lazy.map { numbers[$0] }.first { !excluded.contains($0) }.map { ($0, 1) }
    }
    // Words no candidate has count in the text's size, and are shared with none.
    let known = all.compactMap { wordNumbers[$0] }.sorted()
    let count = all.count
    // Alike by `threshold` shares at least this many words (a word fewer, for rounding):
    // so it has one of any `count - shared + 1` of the text's words; the rarest are probed.
    let shared = max(1, Int((threshold * Double(count)).rounded(.down)) - 1)
    let probes = count - shared + 1 - (count - known.count)
    guard probes > 0 else { return nil }
    let rarest = known.sorted { (holders[$0].count, $0) < (holders[$1].count, $1) }.prefix(probes)
    var candidates = Set<Int>()
    for word in rarest { candidates.formUnion(holders[word]) }
    var best: (Int, Double)?
    for position in candidates.sorted() where !excluded.contains(numbers[position]) {
      let theirs = words[position]
      // Sharing `shared` words with the larger of the two needs sizes within reach.
      guard theirs.count >= shared, Double(theirs.count) * threshold <= Double(count) + 1 else { continue }
      let longer = max(count, theirs.count)
      let likeness = Double(Self.common(known, theirs)) / Double(longer)
      if likeness >= threshold, likeness > best?.1 ?? -1 { best = (numbers[position], likeness) }
    }
    return best
  }

  /// How many numbers two ascending lists share.
  private static func common(_ a: [Int], _ b: [Int]) -> Int {
    var (i, j, shared) = (0, 0, 0)
    while i < a.count, j < b.count {
      if a[i] == b[j] {
        shared += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return shared
  }

  /// How alike two texts are, 0 to 1.
  static func likeness(_ a: String, _ b: String) -> Double { likeness(words(of: a), words(of: b)) }

  private static func likeness(_ left: Set<String>, _ right: Set<String>) -> Double {
    let longer = max(left.count, right.count)
    return longer == 0 ? 1 : Double(left.intersection(right).count) / Double(longer)
  }

  /// The text's words, lower-cased: runs of letters and digits, and each Han character.
  static func words(of text: String) -> Set<String> {
    var result: Set<String> = []
    var word = ""
    for character in text.lowercased() {
      if character.unicodeScalars.contains(where: \.properties.isIdeographic) {
        result.insert(String(character))
      } else if character.isLetter || character.isNumber {
        word.append(character)
        continue
      }
      if !word.isEmpty { result.insert(word) }
      word = ""
    }
    if !word.isEmpty { result.insert(word) }
    return result
  }
}
