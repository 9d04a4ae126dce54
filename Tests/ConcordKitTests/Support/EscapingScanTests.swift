import Testing

@testable import ConcordKit

/// The escaper looks for the bytes that matter eight at a time: each is found wherever it
/// stands, at every offset in a word and in the bytes after the last whole word.
@Suite struct EscapingScanTests {
  static let cases: [(String, String)] = [
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"), ("\r", "&#13;"),
    ("\n", "&#10;"), ("\t", "&#9;"),
  ]

  @Test(arguments: 0..<cases.count)
  func aSpecialByteIsFoundAtEveryOffset(_ index: Int) {
    let (character, reference) = Self.cases[index]
    for before in 0..<20 {
      for after in [0, 1, 7, 8, 9] {
        let text = String(repeating: "a", count: before) + character + String(repeating: "é", count: after)
        let escaped = Escaping.escape(text, [.quotes, .apostrophes, .whitespace]) { _ in }
        #expect(escaped == text.replacing(character, with: reference), "\(before) \(after)")
      }
    }
  }

  @Test func aRefusedCharacterIsFoundAtEveryOffset() {
    for refused in ["\u{1}", "\u{FFFE}", "\u{FFFF}"] {
      for before in 0..<20 {
        var found: [Unicode.Scalar] = []
        let text = String(repeating: "a", count: before) + refused + "bcdefghij"
        let escaped = Escaping.escape(text, .text) { found.append($0) }
        #expect(found == Array(refused.unicodeScalars) && escaped == text.replacing(refused, with: ""))
      }
    }
  }

  @Test func textWithNothingToEscapeIsItself() {
    let text = String(repeating: "Плотность 密度 density ", count: 20)
    #expect(
      Escaping.escape(text, [.quotes, .apostrophes, .whitespace]) { _ in Issue.record("refused") } == text)
  }
}

/// JSON's quoting finds a quote, a backslash or a control wherever it stands.
@Suite struct JSONQuotingScanTests {
  @Test(arguments: [("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{1}", "\\u0001")])
  func aByteToEscapeIsFoundAtEveryOffset(_ character: String, _ escaped: String) {
    for before in 0..<20 {
      for after in [0, 1, 8, 9] {
        let text = String(repeating: "a", count: before) + character + String(repeating: "я", count: after)
        let json = JSONWriter()
        json.value(text)
        #expect(json.output == "\"" + text.replacing(character, with: escaped) + "\"", "\(before) \(after)")
      }
    }
  }
}
