import Foundation
import Testing

@testable import ConcordKit

/// White-space folding reads eight bytes at a time where it can: it must fold exactly as the
/// plain definition does (every run of Unicode white space becomes one space), whatever the
/// mix of scripts, spaces and where the runs fall against the eight-byte words.
@Suite struct ClauseTextTests {
  static let pieces: [String] = [
    "a", "word", " ", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}",
    "\u{200A}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "。", "，", "я", "Жизнь", "中国", "é",
    "\u{2010}", "\u{E1}", "\u{1E00}", "\u{3001}", ".",
  ]

  /// The definition: every maximal run of White_Space scalars is one space.
  static func folded(_ text: String) -> String {
    var result = ""
    var inSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        if !inSpace { result += " " }
        inSpace = true
      } else {
        result.unicodeScalars.append(scalar)
        inSpace = false
      }
    }
    return result
  }

  @Test func foldingMatchesTheDefinitionOnRandomMixedTexts() {
    var random = SeededGenerator(seed: 7)
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...24, using: &random)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
      #expect(text.foldingWhitespace == Self.folded(text), "\(text.unicodeScalars.map { $0.value })")
      let trimmed = Self.folded(text).trimmingCharacters(in: .whitespaces)
      let clause = ClauseText(plain: text)
      #expect(clause.segments == (trimmed.isEmpty ? [] : [.text(trimmed)]))
    }
  }

  @Test func textAlreadyNormalIsKeptAsItIs() {
    let text = "The Member States reaffirm, 成员国重申。 Государства-члены подтверждают."
    #expect(ClauseText(plain: text).segments == [.text(text)])
    #expect(ClauseText(source: "<parties/> agree.").segments == [.parties, .text(" agree.")])
  }
}
