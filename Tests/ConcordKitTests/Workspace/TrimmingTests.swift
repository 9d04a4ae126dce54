import Testing

@testable import ConcordKit

/// `trimmed` skips its character-by-character look when a text starts and ends with a visible
/// ASCII character: the answer is the same as the look's, whatever the text.
@Suite struct TrimmingTests {
  static func slowly(_ text: String) -> String {
    var result = Substring(text)
    while result.first?.isWhitespace == true { result = result.dropFirst() }
    while result.last?.isWhitespace == true { result = result.dropLast() }
    return String(result)
  }

  @Test(arguments: [
    "", " ", "a", " a ", "\u{00A0}a\u{00A0}", "\u{3000}会议\u{3000}", "a\u{0301}", "e\u{0301} ", "\r\nx\r\n",
    "x\r\n", "\u{2028}x", "x\u{2029}", "Agreed.", "(a)", "\u{0600}1", "1\u{0600}", "\tnote\t", "~", "\u{7F}x",
    "x\u{7F}", "\u{85}x\u{85}",
  ])
  func trimmingIsTheCharacterLook(_ text: String) {
    #expect(text.trimmed == Self.slowly(text))
  }
}
