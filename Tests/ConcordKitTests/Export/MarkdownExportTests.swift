import Foundation
import Testing

@testable import ConcordKit

@Suite struct MarkdownExportTests {
  @Test(arguments: [1, 2], ["en", "ru", "zh"])
  func markdownExportMatchesTheGoldenFile(revision: Int, language: String) throws {
    let declaration = try ExampleRevisions.load(revision)
    let markdown = Golden.string(try Exporter.export(declaration, as: .markdown(language: language)))
    try Golden.check(markdown, against: "rev-\(revision).\(language).md")
  }

  @Test func openParagraphsHaveOneOptionALineInEscapedBrackets() throws {
    let markdown = Golden.string(try Exporter.export(try ExampleRevisions.load(1), as: .markdown()))
    #expect(markdown.contains("**5.** \\[*Option 1*: The Member States oppose"))
    #expect(markdown.contains("lifting.\\]\n"))
    #expect(markdown.contains("\\\n*Option 2 (IRN)*: The Member States firmly oppose"))
    #expect(markdown.contains("\\\n*Delete (IND)*\\]"))
  }

  @Test func chineseLabelsKeepFullWidthPunctuationOutsideTheEmphasis() throws {
    let markdown = Golden.string(
      try Exporter.export(try ExampleRevisions.load(1), as: .markdown(language: "zh")))
    #expect(markdown.contains("\\[*备选案文1*：成员国"))
    #expect(markdown.contains("*备选案文2（IRN）*：The Member States"))
  }

  @Test func everythingMarkdownCouldReadAsSyntaxIsEscaped() {
    #expect(
      MarkdownFormatter.escaped("a *b* _c_ [d](e) <f> `g` & #h | ~i~ !j \\k")
        == "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\& \\#h \\| \\~i\\~ \\!j \\\\k")
    #expect(MarkdownFormatter.escaped("2025. A year") == "2025\\. A year")
    #expect(MarkdownFormatter.escaped("1) first") == "1\\) first")
    #expect(MarkdownFormatter.escaped("- item") == "\\- item")
    #expect(MarkdownFormatter.escaped("+ item") == "\\+ item")
    #expect(MarkdownFormatter.escaped("2025 was") == "2025 was")
  }

  @Test func notesFollowAThematicBreak() throws {
    let markdown = Golden.string(try Exporter.export(try ExampleRevisions.load(1), as: .markdown()))
    #expect(markdown.hasSuffix("\n\n---\n\n¹ Reservation (KGZ): Pending confirmation from capital.\n"))
    #expect(markdown.hasPrefix("# Tianjin Declaration of the Council of Heads of State"))
    #expect(
      markdown.contains("\n\n## Strengthening political mutual trust\n\n**1.** The Member States advocate"))
  }
}
