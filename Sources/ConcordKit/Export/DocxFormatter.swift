import Foundation

/// A Word document in one language: title, revision, headings, numbered paragraphs (the number,
/// a tab, a hanging indent), open paragraphs in square brackets with one option a line, notes
/// as real footnotes (`word/footnotes.xml`). Against an earlier revision, the changes are
/// tracked changes — `w:ins`/`w:del` runs, inserted or deleted paragraph marks — authored by
/// the members whose proposals made them, which Word and LibreOffice offer to accept or
/// reject. Their date is the revision's date, or none: nothing depends on the clock.
///
/// Linear in the size of the declaration. The package itself is `DocxPackage`.
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
}

// MARK: - word/document.xml

private struct DocumentWriter {
  let presentation: Presentation
  /// `w:id` of tracked changes: unique in the document.
  private var changeId = 0
  /// `w:id` of bookmarks: unique in the document.
  private var bookmarkId = 0
  private var vocabulary: Vocabulary { presentation.vocabulary }
  private var date: String? { presentation.declaration.date.map { "\($0)T00:00:00Z" } }

  init(presentation: Presentation) { self.presentation = presentation }

  mutating func document() -> Markup {
    var body = Markup("w:body")
    body.append(paragraph(style: "Title", [run(presentation.title)]))
    let line = vocabulary.revisionLine(presentation.declaration.revision, date: presentation.declaration.date)
    body.append(paragraph(style: "Subtitle", [run(line)]))
    if let previous = presentation.previousRevision {
      body.append(paragraph(style: "Subtitle", [run(vocabulary.changes(since: previous))]))
    }
    for section in presentation.sections {
      if let heading = section.heading {
        let mark = CirculatedMarks.Mark.section(revision: presentation.declaration.revision, id: section.id)
        body.append(
          paragraph(style: "Heading1", bookmarked(mark, [run(heading, language: section.headingLanguage)])))
      }
      for item in section.items {
        for paragraph in paragraphs(item, preamble: section.kind == .preamble) { body.append(paragraph) }
      }
    }
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
    for note in presentation.notes {
      let marker = Markup(
        "w:r", [],
        [
          .element(Markup("w:rPr", [], [.element(Markup("w:rStyle", [("w:val", "FootnoteReference")]))])),
          .element(Markup("w:footnoteRef")),
        ])
      let text = paragraph(style: "FootnoteText", [.element(marker), run(" " + note.text)])
      root.append(Markup("w:footnote", [("w:id", String(note.number))], [.element(text)]))
    }
    return root
  }

  // MARK: - Paragraphs

  /// One `w:p` per option; the first holds the number.
  private mutating func paragraphs(_ item: Presentation.Item, preamble: Bool) -> [Markup] {
    let authors = item.authors.isEmpty ? "Concord" : item.authors.joined(separator: ", ")
    var result: [Markup] = []
    for (index, entry) in item.entries.enumerated() {
      var runs: [Markup.Node] = []
      if index == 0, let number = item.number {
        let numberRuns = [run("\(number)."), .element(Markup("w:r", [], [.element(Markup("w:tab"))]))]
        switch item.change {
        case .added: runs.append(tracked("w:ins", numberRuns, author: authors))
        case .removed:
          let tab = Markup.Node.element(Markup("w:r", [], [.element(Markup("w:tab"))]))
          runs.append(tracked("w:del", [deletedRun("\(number)."), tab], author: authors))
        default: runs += numberRuns
        }
      }
      if item.isOpen, index == 0 { runs.append(run(vocabulary.openBracket)) }
      if let label = entry.label {
        let text = entry.isDeletion ? label : label + vocabulary.labelSeparator
        let labelRun = run(text, italic: !vocabulary.isChinese && !vocabulary.isRightToLeft)
        let isNew = entry.isNew && presentation.previousRevision != nil
        let author = entry.sponsors.isEmpty ? authors : entry.sponsors.joined(separator: ", ")
        runs.append(isNew ? tracked("w:ins", [labelRun], author: author) : labelRun)
      }
      let language = entry.language == presentation.language ? nil : entry.language
      for edit in entry.edits {
        switch edit.operation {
        case .equal: runs.append(run(edit.text, language: language))
        case .insert: runs.append(tracked("w:ins", [run(edit.text, language: language)], author: authors))
        case .delete:
          runs.append(tracked("w:del", [deletedRun(edit.text, language: language)], author: authors))
        }
      }
      if let note = entry.note { runs.append(footnoteReference(note)) }
      if index == item.entries.count - 1 {
        if item.isOpen { runs.append(run(vocabulary.closeBracket)) }
        for note in item.notes { runs.append(footnoteReference(note)) }
      }
      if !item.isRemoved {
        let revision = presentation.declaration.revision
        let mark: CirculatedMarks.Mark =
          index == 0
          ? .paragraph(revision: revision, id: item.id)
          : .option(revision: revision, option: entry.reference, id: item.id)
        runs = bookmarked(mark, runs)
      }
      let style = index > 0 ? "Option" : preamble ? "Preamble" : "Numbered"
      var mark: Markup?
      switch item.change {
      case .added: mark = trackedMark("w:ins", author: authors)
      case .removed: mark = trackedMark("w:del", author: authors)
      default: mark = nil
      }
      result.append(paragraph(style: style, runs, mark: mark))
    }
    return result
  }

  private func paragraph(style: String, _ runs: [Markup.Node], mark: Markup? = nil) -> Markup {
    var properties = Markup("w:pPr", [], [.element(Markup("w:pStyle", [("w:val", style)]))])
    if vocabulary.isRightToLeft { properties.append(Markup("w:bidi")) }
    if let mark { properties.append(Markup("w:rPr", [], [.element(mark)])) }
    return Markup("w:p", [], [.element(properties)] + runs)
  }

  private func run(_ text: String, italic: Bool = false, language: String? = nil) -> Markup.Node {
    .element(
      Markup(
        "w:r", [],
        runProperties(italic: italic, language: language, text: text) + [
          .element(Markup("w:t", [("xml:space", "preserve")], text: text))
        ]))
  }

  private func deletedRun(_ text: String, language: String? = nil) -> Markup.Node {
    .element(
      Markup(
        "w:r", [],
        runProperties(italic: false, language: language, text: text) + [
          .element(Markup("w:delText", [("xml:space", "preserve")], text: text))
        ]))
  }

  /// Italic labels; `w:rtl` only on runs of right-to-left letters (English words in an Arabic
  /// document stay left to right); `w:lang` on text in another language than the document's.
  private func runProperties(italic: Bool, language: String?, text: String) -> [Markup.Node] {
    var properties: [Markup.Node] = []
    // Ambiguous-width punctuation (“ ” ‘ ’) in the East Asian font, in a Chinese document.
    if vocabulary.isChinese { properties.append(.element(Markup("w:rFonts", [("w:hint", "eastAsia")]))) }
    if italic { properties.append(.element(Markup("w:i"))) }
    if Vocabulary.hasRightToLeftLetters(text) { properties.append(.element(Markup("w:rtl"))) }
    if let language {
      // Untranslated text: a dashed box, not an insertion's underline (DocxHeaderFooter.pendingBorder).
      if language != presentation.language { properties.append(.element(DocxHeaderFooter.pendingBorder)) }
      properties.append(.element(Markup("w:lang", [("w:val", DocxPackage.languageTag(language))])))
    }
    return properties.isEmpty ? [] : [.element(Markup("w:rPr", [], properties))]
  }

  private func footnoteReference(_ note: Presentation.Note) -> Markup.Node {
    .element(
      Markup(
        "w:r", [],
        [
          .element(Markup("w:rPr", [], [.element(Markup("w:rStyle", [("w:val", "FootnoteReference")]))])),
          .element(Markup("w:footnoteReference", [("w:id", String(note.number))])),
        ]))
  }

  /// Runs inside an invisible bookmark that carries the paragraph's id and revision, so that
  /// an edited copy can be read back (`concord import --as`).
  private mutating func bookmarked(_ mark: CirculatedMarks.Mark, _ runs: [Markup.Node]) -> [Markup.Node] {
    bookmarkId += 1
    let id = String(bookmarkId)
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
    changeId += 1
    return [("w:id", String(changeId)), ("w:author", author), ("w:date", date)]
  }
}
