import Testing

@testable import ConcordKit

/// A delegation's copy whose marks were lost is matched by words: the indexed search must
/// find exactly what comparing with every paragraph finds (the most alike first in order,
/// when alike enough), ties, empty texts and Han characters included.
@Suite struct WordLikenessTests {
  private static let vocabulary =
    [
      "the", "Member", "States", "welcome", "cooperation", "of", "trade", "and", "security", "合", "作",
      "安", "全", "2025", "peace", "Council", "shall", "review", "its", "work",
    ] + (0..<40).map { "word\($0)" }

  /// Text `i`: up to twelve words, spread over the vocabulary by arithmetic (no generator).
  private static func text(_ i: Int) -> String {
    (0..<(i % 13)).map { j in vocabulary[(i * (j + 3) + j * j) % vocabulary.count] }
      .joined(separator: i % 4 == 0 ? ", " : " ")
  }

  /// What the matcher did before the index: every candidate compared.
  private static func bruteForce(_ text: String, _ texts: [(Int, String)], excluding: Set<Int>) -> (
    Int, Double
  )? {
    let best = texts.filter { !excluding.contains($0.0) }.map { ($0.0, WordLikeness.likeness(text, $0.1)) }
      .max { $0.1 < $1.1 }
    guard let best, best.1 >= 0.7 else { return nil }
    return best
  }

  @Test func theIndexFindsWhatComparingWithEveryTextFinds() {
    let texts = (0..<240).map { ($0 * 3, Self.text($0)) }
    let likeness = WordLikeness(texts)
    var queries = (0..<240).map(Self.text)
    queries += (0..<240).map { Self.text($0) + " cooperation" }
    queries += (0..<240).map { Self.text($0).split(separator: " ").dropFirst().joined(separator: " ") }
    queries += (0..<240).map { Self.text($0 * 7 + 1).uppercased() }
    queries += ["", "   ", "合作", "合 作 安 全", "peace Council shall review its work"]
    var found = 0
    for (number, query) in queries.enumerated() {
      let excluded = Set(stride(from: number % 5, to: 720, by: 5).map { $0 * 3 })
      let expected = Self.bruteForce(query, texts, excluding: excluded)
      let actual = likeness.best(for: query, atLeast: 0.7, excluding: excluded)
      #expect(actual?.0 == expected?.0, "query \(number): “\(query)”")
      #expect(actual?.1 == expected?.1, "query \(number): “\(query)”")
      if expected != nil { found += 1 }
    }
    // Most queries have a match, some none: both kinds are checked.
    #expect(found > 300)
    #expect(found < queries.count)
  }

  @Test func anEmptyTextIsLikeTheFirstWordlessOne() {
    let likeness = WordLikeness([(0, "peace"), (1, "—"), (2, "")])
    #expect(likeness.best(for: "", atLeast: 0.7, excluding: [])?.0 == 1)
    #expect(likeness.best(for: " ", atLeast: 0.7, excluding: [1])?.0 == 2)
    #expect(likeness.best(for: "", atLeast: 0.7, excluding: [1, 2]) == nil)
  }
}
