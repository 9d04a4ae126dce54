import Foundation

/// A Word document in one language: title, revision, headings, numbered paragraphs (the number,
/// a tab, a hanging indent), open paragraphs in square brackets with one option a line, notes
/// as real footnotes (`word/footnotes.xml`). Against an earlier revision, every difference is a
/// tracked change (`DocxRedline`) — `w:ins`/`w:del` runs, inserted or deleted paragraph marks —
/// authored by the members whose proposals made it, so that Word's and LibreOffice's "reject
/// all" give back the earlier revision and "accept all" this one. Their date is the revision's
/// date, or a fixed one when it has none: nothing depends on the clock.
///
/// Linear in the size of the declaration (and O(n log n) to match two revisions' paragraphs).
/// The package itself is `DocxPackage`.
struct DocxFormatter: Sendable {
  static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  func docx(_ presentation: Presentation) throws -> Data {
    var writer = DocumentWriter(presentation: presentation)
    let document = try MarkupSerializer.document(
      writer.document(), dialect: .xml, inlineElements: Self.inline)
    let footnotes = try MarkupSerializer.document(
      writer.footnotes(), dialect: .xml, inlineElements: Self.inline)
    return try DocxPackage(presentation: presentation).archive(document: document, footnotes: footnotes)
  }

  /// Written on one line: a run's text must keep its spaces exactly.
  static let inline: Set<String> = ["w:t", "w:delText", "w:r"]

  /// The date of tracked changes in a revision that has none: the ZIP entries' date.
  static let undatedChange = "1980-01-01T00:00:00Z"
}

// MARK: - word/document.xml

private struct DocumentWriter {
  let presentation: Presentation
  let redline: DocxRedline
  /// `w:id` of tracked changes and bookmarks: one sequence, as ISO/IEC 29500 has annotation ids
  /// unique across the document.
  private var annotationId = 0
  private var vocabulary: Vocabulary { presentation.vocabulary }
  private let date: String

  init(presentation: Presentation) {
    self.presentation = presentation
    self.redline = DocxRedline(presentation)
    self.date = presentation.declaration.date.map { "\($0)T00:00:00Z" } ?? DocxFormatter.undatedChange
  }

  mutating func document() -> Markup {
    var body = Markup("w:body")
    for paragraph in redline.paragraphs { body.append(self.paragraph(paragraph)) }
    body.append(DocxPackage.sectionProperties(rightToLeft: vocabulary.isRightToLeft))
    return Markup(
      "w:document", [("xmlns:w", DocxFormatter.namespace), ("xmlns:r", DocxPackage.relationshipsNamespace)],
      [.element(body)])
  }

  func footnotes() -> Markup {
    var root = Markup(
      "w:footnotes", [("xmlns:w", DocxFormatter.namespace), ("xmlns:r", DocxPackage.relationshipsNamespace)])
    root.append(
      Markup(
        "w:footnote", [("w:type", "separator"), ("w:id", "-1")],
        [.element(Markup("w:p", [], [.element(Markup("w:r", [], [.element(Markup("w:separator"))]))]))]))
    root.append(
      Markup(
        "w:footnote", [("w:type", "continuationSeparator"), ("w:id", "0")],
        [
          .element(
            Markup("w:p", [], [.element(Markup("w:r", [], [.element(Markup("w:continuationSeparator"))]))]))
        ]))
    for note in redline.footnotes {
      let marker = Markup(
        "w:r", [],
        [
          .element(Markup("w:rPr", [], [.element(Markup("w:rStyle", [("w:val", "FootnoteReference")]))])),
          .element(Markup("w:footnoteRef")),
        ])
      let text = paragraph(style: "FootnoteText", [.element(marker), run(" " + note.text)])
      root.append(Markup("w:footnote", [("w:id", String(note.id))], [.element(text)]))
    }
    return root
  }

  // MARK: - Paragraphs

  /// A paragraph's runs inside the bookmark that carries its id, neighbouring runs inserted (or
  /// deleted) by the same authors in one `w:ins` (`w:del`): one change to accept or reject; an
  /// inserted or deleted paragraph mark in `w:pPr/w:rPr`.
  private mutating func paragraph(_ paragraph: DocxParagraph) -> Markup {
    var runs: [Markup.Node] = []
    var group: (operation: WordEdit.Operation, author: String, nodes: [Markup.Node])?
    for run in paragraph.runs + [DocxRun(content: .text(""), operation: .equal, author: "")] {
      if let open = group, open.operation != run.operation || open.author != run.author {
        runs.append(tracked(open.operation == .insert ? "w:ins" : "w:del", open.nodes, author: open.author))
        group = nil
      }
      if run.operation == .equal {
        if case .text(let text) = run.content, text.isEmpty { continue }
        runs += nodes(run)
      } else {
        group = (run.operation, run.author, (group?.nodes ?? []) + nodes(run))
      }
    }
    if let mark = paragraph.bookmark { runs = bookmarked(mark, runs) }
    let mark: Markup? =
      switch paragraph.mark {
      case .equal: nil
      case .insert: trackedMark("w:ins", author: paragraph.author)
      case .delete: trackedMark("w:del", author: paragraph.author)
      }
    return self.paragraph(style: paragraph.style, runs, mark: mark)
  }

  /// The `w:r` elements of one run: its text (`w:delText` when deleted), a number and its tab,
  /// or a footnote reference.
  private func nodes(_ run: DocxRun) -> [Markup.Node] {
    let deleted = run.operation == .delete
    switch run.content {
    case .text(let text):
      return [self.run(text, italic: run.italic, language: run.language, deleted: deleted)]
    case .number(let number):
      return [
        self.run("\(number).", deleted: deleted), .element(Markup("w:r", [], [.element(Markup("w:tab"))])),
      ]
    case .note(let id): return [footnoteReference(id)]
    }
  }

  private func paragraph(style: String, _ runs: [Markup.Node], mark: Markup? = nil) -> Markup {
    var properties = Markup("w:pPr", [], [.element(Markup("w:pStyle", [("w:val", style)]))])
    if vocabulary.isRightToLeft { properties.append(Markup("w:bidi")) }
    if let mark { properties.append(Markup("w:rPr", [], [.element(mark)])) }
    return Markup("w:p", [], [.element(properties)] + runs)
  }

  private func run(
    _ text: String, italic: Bool = false, language: String? = nil, deleted: Bool = false
  ) -> Markup.Node {
    .element(
      Markup(
        "w:r", [],
        runProperties(italic: italic, language: language, text: text) + [
          .element(Markup(deleted ? "w:delText" : "w:t", [("xml:space", "preserve")], text: text))
        ]))
  }

  /// Italic labels; `w:rtl` only on runs of right-to-left letters (English words in an Arabic
  /// document stay left to right); `w:lang` on text in another language than the document's.
  private func runProperties(italic: Bool, language: String?, text: String) -> [Markup.Node] {
    // In the schema's order: rStyle, rFonts, i, bdr, rtl, lang.
    var properties: [Markup.Node] = []
    let upright = vocabulary.isChinese || vocabulary.isRightToLeft
    // No synthetic italics for Han or Arabic labels: an upright, bold character style.
    if italic, upright {
      properties.append(.element(Markup("w:rStyle", [("w:val", CirculatedMarks.optionLabelStyle)])))
    }
    // Ambiguous-width punctuation (“ ” ‘ ’) in the East Asian font, in a Chinese document.
    if vocabulary.isChinese { properties.append(.element(Markup("w:rFonts", [("w:hint", "eastAsia")]))) }
    if italic, !upright { properties.append(.element(Markup("w:i"))) }
    // Untranslated text: a dashed box, not an insertion's underline.
    if let language, language != presentation.language {
      properties.append(.element(DocxHeaderFooter.pendingBorder))
    }
    if Vocabulary.hasRightToLeftLetters(text) { properties.append(.element(Markup("w:rtl"))) }
    if let language {
      properties.append(.element(Markup("w:lang", [("w:val", DocxPackage.languageTag(language))])))
    }
    return properties.isEmpty ? [] : [.element(Markup("w:rPr", [], properties))]
  }

  private func footnoteReference(_ id: Int) -> Markup.Node {
    .element(
      Markup(
        "w:r", [],
        [
          .element(Markup("w:rPr", [], [.element(Markup("w:rStyle", [("w:val", "FootnoteReference")]))])),
          .element(Markup("w:footnoteReference", [("w:id", String(id))])),
        ]))
  }

  /// Runs inside an invisible bookmark that carries the paragraph's id and revision, so that
  /// an edited copy can be read back (`concord import --as`).
  private mutating func bookmarked(_ mark: CirculatedMarks.Mark, _ runs: [Markup.Node]) -> [Markup.Node] {
    annotationId += 1
    let id = String(annotationId)
    return [.element(Markup("w:bookmarkStart", [("w:id", id), ("w:name", CirculatedMarks.name(mark))]))]
      + runs
      + [.element(Markup("w:bookmarkEnd", [("w:id", id)]))]
  }

  /// `<w:ins w:id w:author w:date>` around runs.
  private mutating func tracked(_ name: String, _ runs: [Markup.Node], author: String) -> Markup.Node {
    .element(Markup(name, changeAttributes(author: author), runs))
  }

  /// An inserted or deleted paragraph mark.
  private mutating func trackedMark(_ name: String, author: String) -> Markup {
    Markup(name, changeAttributes(author: author))
  }

  private mutating func changeAttributes(author: String) -> [(String, String?)] {
    annotationId += 1
    return [("w:id", String(annotationId)), ("w:author", author), ("w:date", date)]
  }
}
