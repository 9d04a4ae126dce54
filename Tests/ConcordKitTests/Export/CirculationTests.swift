import Foundation
import Testing

@testable import ConcordKit

/// What a circulated document carries (SPEC §6): the symbol with `/Rev.N`, the date, the
/// language and page numbers, in HTML and DOCX; labels in the six UN languages; Arabic right
/// to left.
@Suite struct CirculationTests {
  static func circulated() throws -> Declaration {
    var declaration = try ExampleRevisions.load(2)
    declaration.settings.symbol = "SCO/CHS/2025/DD"
    declaration.date = "2025-09-01"
    return declaration
  }

  func part(_ data: Data, _ name: String) throws -> String {
    let entries = try DocxPackage.entries(of: data)
    return String(decoding: try #require(entries[name], "no \(name)"), as: UTF8.self)
  }

  @Test func theHTMLCarriesSymbolDateLanguageAndPageNumbers() throws {
    let declaration = try Self.circulated()
    let pages: [(String, String, String)] = [
      ("en", "English", #"content: "Page " counter(page) " of " counter(pages)"#),
      ("ru", "Русский", #"content: "Стр. " counter(page) " из " counter(pages)"#),
      ("zh", "中文", #"content: "第" counter(page) "页，共" counter(pages) "页""#),
    ]
    for (language, name, pageNumbers) in pages {
      let html = Golden.string(try Exporter.export(declaration, as: .html(language: language)))
      #expect(html.contains("<span class=\"symbol\" dir=\"ltr\">SCO/CHS/2025/DD/Rev.2</span>"), "\(language)")
      #expect(html.contains("<span class=\"date\" dir=\"ltr\">2025-09-01</span>"))
      #expect(html.contains("<span class=\"language\">\(name)</span>"))
      #expect(html.contains("@page { @bottom-center { \(pageNumbers)"), "\(language)")
      #expect(html.contains("<thead>"), "the running head repeats as the frame's head on every printed page")
    }
  }

  @Test func theDOCXHasAHeaderAndAFooterWithPageFields() throws {
    let data = try Exporter.export(try Self.circulated(), as: .docx(language: "ru"))
    let header = try part(data, "word/header1.xml")
    #expect(header.contains(">SCO/CHS/2025/DD/Rev.2</w:t>"))
    #expect(header.contains(">2025-09-01</w:t>") && header.contains(">Русский</w:t>"))
    let footer = try part(data, "word/footer1.xml")
    #expect(footer.contains("<w:fldSimple w:instr=\" PAGE \">"))
    #expect(footer.contains("<w:fldSimple w:instr=\" NUMPAGES \">"))
    #expect(footer.contains(">Стр. </w:t>") && footer.contains("> из </w:t>"))
    let document = try part(data, "word/document.xml")
    #expect(document.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"))
    #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"))
    let relationships = try part(data, "word/_rels/document.xml.rels")
    #expect(
      relationships.contains("Target=\"header1.xml\"") && relationships.contains("Target=\"footer1.xml\""))
    #expect(try part(data, "[Content_Types].xml").contains("/word/footer1.xml"))
  }

  @Test func withoutASymbolTheHeaderNamesTheRevisionInTheLanguage() throws {
    let declaration = try ExampleRevisions.load(2)
    let header = try part(try Exporter.export(declaration, as: .docx(language: "zh")), "word/header1.xml")
    #expect(header.contains(">第2稿</w:t>"))
  }

  @Test func labelsExistInTheSixLanguages() {
    let option = Option(reference: .number(2), sponsors: ["IND"], round: 1)
    let deletion = Option(reference: .delete, sponsors: ["PAK"], round: 1)
    let expected: [(String, String, String)] = [
      ("ar", "الخيار 2 (IND)", "حذف (PAK)"), ("zh", "备选案文2（IND）", "删除（PAK）"),
      ("en", "Option 2 (IND)", "Delete (PAK)"), ("fr", "Option 2 (IND)", "Supprimer (PAK)"),
      ("ru", "Вариант 2 (IND)", "Исключить (PAK)"), ("es", "Opción 2 (IND)", "Suprimir (PAK)"),
    ]
    for (language, optionLabel, deleteLabel) in expected {
      let vocabulary = Vocabulary(language)
      #expect(vocabulary.label(of: option) == optionLabel)
      #expect(vocabulary.label(of: deletion) == deleteLabel)
      #expect(vocabulary.wordsLanguage == language)
      #expect(!vocabulary.reservation(by: "KGZ", note: "").hasPrefix("Reservation") || language == "en")
    }
  }
}

/// A workspace negotiated in Arabic (English second): exported right to left.
@Suite struct ArabicExportTests {
  static func revisions() throws -> [Declaration] {
    let location = SourceLocation(file: "test")
    let settings = Settings(
      id: "ar-test", titles: ["ar": "إعلان المجلس", "en": "Declaration of the Council"], body: "Council",
      languages: ["ar", "en"], baseLanguage: "ar",
      subjects: ["ar": "الدول الأعضاء", "en": "The Member States"], symbol: "ORG/2025/DD")
    let section = Section(
      id: "main", kind: .operative, headings: ["ar": "التعاون", "en": "Cooperation"],
      clauses: [
        Clause(
          id: "p1",
          texts: [
            "ar": ClauseText(source: "<parties/> تؤكد دعمها لمبادرة SCO منذ عام 2001."),
            "en": ClauseText(source: "<parties/> reaffirm their support for the SCO initiative since 2001."),
          ], location: location)
      ], location: location)
    var workspace = Workspace(
      path: "test", settings: settings, participants: MergeFixture.participants, sections: [section],
      rounds: [],
      inputs: [])
    workspace.rounds = [
      MergeFixture.round(
        1, [("AAA", [("p1", .amend(["ar": ClauseText(source: "<parties/> تؤكد دعمها الكامل.")]))])])
    ]
    return try Negotiation(workspace).revisions()
  }

  @Test func theHTMLIsRightToLeftWithArabicLabels() throws {
    let revisions = try Self.revisions()
    let html = Golden.string(try Exporter.export(revisions[1], as: .html()))
    #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(html.contains("الخيار 2 (AAA)"))
    #expect(html.contains("<span class=\"symbol\" dir=\"ltr\">ORG/2025/DD/Rev.1</span>"))
    #expect(html.contains("<span class=\"language\">العربية</span>"))
    #expect(html.contains(#"content: "الصفحة " counter(page) " من " counter(pages)"#))
    // The English text still awaiting its Arabic translation is marked as English, left to right.
    let english = Golden.string(try Exporter.export(revisions[1], as: .html(language: "en")))
    #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
  }

  @Test func theDOCXIsRightToLeftWithLatinCodesKeptInOrder() throws {
    let revisions = try Self.revisions()
    let entries = try DocxPackage.entries(of: try Exporter.export(revisions[1], as: .docx()))
    let document = String(decoding: try #require(entries["word/document.xml"]), as: UTF8.self)
    #expect(document.contains("<w:bidi/>"))
    #expect(document.contains("<w:rtl/>"))
    let header = String(decoding: try #require(entries["word/header1.xml"]), as: UTF8.self)
    #expect(header.contains("<w:bidi/>"))
    // The symbol is Latin: no w:rtl on its run; the language's name is Arabic: w:rtl.
    let symbolRun = try #require(header.range(of: "ORG/2025/DD/Rev.1"))
    let before = header[..<symbolRun.lowerBound]
    let runStart = try #require(before.range(of: "<w:r>", options: .backwards))
    #expect(!header[runStart.lowerBound..<symbolRun.lowerBound].contains("<w:rtl/>"))
    #expect(
      header.contains(
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/><w:rtl/></w:rPr><w:t xml:space=\"preserve\">العربية"))
    let footer = String(decoding: try #require(entries["word/footer1.xml"]), as: UTF8.self)
    #expect(footer.contains("الصفحة ") && footer.contains("NUMPAGES"))
  }
}

/// Typography: no synthetic italics or letter-spaced justification for Han, hyphenation for
/// Russian, an untranslated mark unlike an insertion, and a pending translation in a redline
/// shown as it was.
@Suite struct TypographyTests {
  @Test func theStyleSheetSparesHanAndHyphenatesRussian() throws {
    let html = Golden.string(try Exporter.export(try ExampleRevisions.load(2), as: .html(language: "zh")))
    #expect(html.contains(".label:lang(zh), .label:lang(ja), .label:lang(ar) { font-style: normal;"))
    #expect(html.contains(".body:lang(zh), .body:lang(ja) { text-align: start; }"))
    #expect(html.contains(".body:lang(ru) { hyphens: auto; }"))
    #expect(html.contains(".pending, .outdated { border: 1px dashed"))
  }

  @Test func aPendingTranslationInARedlineShowsTheOldTextUnchangedAndMarksTheParagraph() throws {
    let rev1 = try ExampleRevisions.load(1)
    let rev2 = try ExampleRevisions.load(2)
    let html = Golden.string(try Exporter.export(rev2, as: .html(language: "zh"), against: rev1))
    let start = try #require(html.range(of: "id=\"p-eco-digital\""))
    let end = try #require(html.range(of: "</div>\n", range: start.upperBound..<html.endIndex))
    let paragraph = String(html[start.lowerBound..<end.lowerBound])
    #expect(!paragraph.contains("<del>") && !paragraph.contains("<ins>"), "\(paragraph)")
    #expect(
      paragraph.contains("<span class=\"pending-mark\" dir=\"ltr\">[EN]</span><span class=\"outdated\">"))
    #expect(html.contains("class=\"para agreed translation-pending\" id=\"p-eco-digital\""))
    let old = try #require(rev1.paragraph("eco-digital")?.current?.text(in: "zh"))
    #expect(paragraph.contains(old.rendered(subject: "成员国")))
  }

  @Test func theDOCXBoxesUntranslatedTextAndSparesChineseLabels() throws {
    let zh = try DocxPackage.entries(
      of: try Exporter.export(try ExampleRevisions.load(2), as: .docx(language: "zh")))
    let document = String(decoding: try #require(zh["word/document.xml"]), as: UTF8.self)
    #expect(document.contains("<w:bdr w:val=\"dashed\""))
    #expect(document.contains("<w:rFonts w:hint=\"eastAsia\"/>"))
    #expect(!document.contains("<w:i/>"))
    // Only text in another language is boxed: a Chinese heading is not.
    let heading = try #require(document.range(of: "<w:pStyle w:val=\"Heading1\"/>"))
    let headingEnd = try #require(document.range(of: "</w:p>", range: heading.upperBound..<document.endIndex))
    #expect(!document[heading.upperBound..<headingEnd.lowerBound].contains("w:bdr"))
    let ru = try DocxPackage.entries(
      of: try Exporter.export(try ExampleRevisions.load(2), as: .docx(language: "ru")))
    #expect(
      String(decoding: try #require(ru["word/settings.xml"]), as: UTF8.self).contains("<w:autoHyphenation/>"))
  }
}
