import Foundation

/// A self-contained, printable HTML page in one language: the style sheet inside (A4 print
/// rules), `lang` and `dir` on the document and on any text in another language, so that the
/// browser picks right-to-left layout and CJK fonts itself. Clean, or a redline when the
/// presentation was built against an earlier revision: insertions `<ins>` (underlined),
/// deletions `<del>` (struck through).
///
/// Written with `HTMLWriter`, which escapes every text and attribute; the output is also
/// well-formed XML. Linear in the size of the declaration.
struct HTMLFormatter: Sendable {
  /// Shown above the text on screen, never printed.
  var links: [DocumentLink] = []

  func html(_ presentation: Presentation) throws -> String {
    try page(presentation).output
  }

  /// The same page, as the bytes of a file: made from its segments, no String or joined
  /// buffer on the way.
  func data(_ presentation: Presentation) throws -> Data {
    try page(presentation).data
  }

  private func page(_ presentation: Presentation) throws -> HTMLWriter {
    let vocabulary = presentation.vocabulary
    let revision = vocabulary.revision(presentation.declaration.revision)
    let page = HTMLWriter.page(
      language: presentation.language, direction: vocabulary.isRightToLeft ? "rtl" : "ltr",
      title: "\(presentation.title) — \(revision)",
      style: StyleSheet.document(language: presentation.language),
      body: [("class", presentation.previousRevision == nil ? "clean" : "redline")]
    ) { html in
      if !links.isEmpty {
        html.element("nav", [("class", "links"), ("lang", "en"), ("dir", "ltr")]) { html in
          for (index, link) in links.enumerated() {
            if index > 0 { html.text(" · ") }
            html.element("a", [("href", link.href)], text: link.label)
          }
        }
      }
      // A table's head repeats on every printed page (a fixed element does not keep out of
      // the text in Chromium's print): the running head is the frame's head, the text its body.
      html.block("table", [("class", "frame"), ("role", "presentation")]) { html in
        html.block("thead") { html in
          html.block("tr") { html in html.block("td") { runningHead(presentation, &$0) } }
        }
        html.block("tbody") { html in
          html.block("tr") { html in
            html.block("td") { html in
              html.block("article", [("class", "declaration")]) { html in
                header(presentation, revision: revision, &html)
                for section in presentation.sections { self.section(section, presentation, &html) }
                notes(presentation, &html)
              }
            }
          }
        }
      }
    }
    if let problem = page.problems.first {
      throw DiagnosticsError(Diagnostic(file: "<export>", message: problem))
    }
    return page
  }

  // MARK: - Header, sections and notes

  /// What a circulated document carries at the top of every page: the document symbol with
  /// its `/Rev.N` (or the revision, when the workspace names no symbol), the date and the
  /// language. On screen a bar above the text; in print, at the top of every page (the page
  /// numbers are the style sheet's `@page` margin boxes).
  private func runningHead(_ presentation: Presentation, _ html: inout HTMLWriter) {
    let vocabulary = presentation.vocabulary
    let declaration = presentation.declaration
    html.block("div", [("class", "running-head")]) { html in
      let symbol = declaration.settings.symbol.map { "\($0)/Rev.\(declaration.revision)" }
      html.element(
        "span", [("class", "symbol"), ("dir", "ltr")],
        text: symbol ?? vocabulary.revision(declaration.revision))
      html.element("span", [("class", "date"), ("dir", "ltr")], text: declaration.date ?? "")
      html.element("span", [("class", "language")], text: vocabulary.languageName)
    }
  }

  private func header(_ presentation: Presentation, revision: String, _ html: inout HTMLWriter) {
    html.block("header") { html in
      html.element("h1", text: presentation.title)
      let declaration = presentation.declaration
      let line = presentation.vocabulary.revisionLine(declaration.revision, date: declaration.date)
      html.element("p", [("class", "revision")], text: line)
      if let previous = presentation.previousRevision {
        html.element("p", [("class", "legend")]) {
          words(presentation.vocabulary.changes(since: previous), presentation, &$0)
        }
      }
    }
  }

  private func section(
    _ section: Presentation.Section, _ presentation: Presentation, _ html: inout HTMLWriter
  ) {
    html.block("section", [("class", section.kind.rawValue), ("id", "section-\(section.id)")]) { html in
      if let heading = section.heading {
        html.element("h2", language(section.headingLanguage, in: presentation), text: heading)
      }
      for item in section.items { paragraph(item, presentation, &html) }
    }
  }

  private func notes(_ presentation: Presentation, _ html: inout HTMLWriter) {
    guard !presentation.notes.isEmpty else { return }
    html.block("footer", [("class", "notes")]) { html in
      html.block("ol") { html in
        for note in presentation.notes {
          html.element("li", [("id", "note-\(note.number)")]) { html in
            noteText(note, presentation, &html)
            html.text(" ")
            html.element("a", [("href", "#ref-\(note.number)")], text: "↩")
          }
        }
      }
    }
  }

  // MARK: - Paragraphs

  private func paragraph(_ item: Presentation.Item, _ presentation: Presentation, _ html: inout HTMLWriter) {
    let pending = item.entries.contains(where: \.isPendingTranslation) ? "translation-pending" : nil
    let classes = [
      "para", item.status?.rawValue, item.change == .unchanged ? nil : item.change.rawValue, pending,
    ]
    .compactMap { $0 }.joined(separator: " ")
    let attributes: HTMLWriter.Attributes = [
      ("class", classes), ("id", item.isRemoved ? "removed-\(item.id)" : "p-\(item.id)"),
      ("data-changed-by", item.authors.isEmpty ? nil : item.authors.joined(separator: " ")),
    ]
    html.block("div", attributes) { html in
      html.element("span", [("class", "num")]) { html in
        guard let value = item.number else { return }
        switch item.change {
        case .removed: html.element("del", text: "\(value).")
        case .added: html.element("ins", text: "\(value).")
        default: html.text("\(value).")
        }
      }
      html.block("div", [("class", "body")]) { html in
        for (index, entry) in item.entries.enumerated() {
          html.element("p") { line(&$0, entry, index: index, of: item, presentation) }
        }
      }
    }
  }

  /// One option of the paragraph: its bracket, label, text and note references.
  private func line(
    _ html: inout HTMLWriter, _ entry: Presentation.Entry, index: Int, of item: Presentation.Item,
    _ presentation: Presentation
  ) {
    let vocabulary = presentation.vocabulary
    let isLast = index == item.entries.count - 1
    if item.isOpen, index == 0 { html.element("span", [("class", "bracket")], text: vocabulary.openBracket) }
    if let label = entry.label {
      let text = entry.isDeletion ? label : label + vocabulary.labelSeparator
      let writeLabel: (inout HTMLWriter) -> Void = { html in
        html.element("em", [("class", "label")]) { words(text, presentation, &$0) }
      }
      if entry.isNew && presentation.previousRevision != nil {
        html.element("ins", [], writeLabel)
      } else {
        writeLabel(&html)
      }
    }
    runs(entry, presentation, &html)
    if let note = entry.note { reference(note, &html) }
    if item.isOpen, isLast { html.element("span", [("class", "bracket")], text: vocabulary.closeBracket) }
    if isLast {
      for note in item.notes { reference(note, &html) }
    }
  }

  /// The entry's text as runs of plain, inserted and deleted text, wrapped in a `lang`
  /// span when it is not in the page's language.
  private func runs(_ entry: Presentation.Entry, _ presentation: Presentation, _ html: inout HTMLWriter) {
    let write: (inout HTMLWriter) -> Void = { html in
      for edit in entry.edits {
        switch edit.operation {
        case .equal: html.text(edit.text)
        case .insert: html.element("ins", text: edit.text)
        case .delete: html.element("del", text: edit.text)
        }
      }
    }
    // Untranslated: a dashed box and the original's code, "[EN]", which read in black and
    // white as well as in colour and never look like an insertion's underline.
    let mark = presentation.vocabulary.untranslatedMark(original: presentation.baseLanguage)
    if entry.isPendingTranslation {
      html.element("span", [("class", "pending-mark"), ("dir", "ltr")], text: mark)
    }
    guard entry.language != presentation.language else {
      guard entry.isPendingTranslation else { return write(&html) }
      return html.element("span", [("class", "outdated")], write)
    }
    html.element("span", [("class", "pending")] + language(entry.language, in: presentation), write)
  }

  /// Words the export adds (labels, legend): marked with their language when the vocabulary
  /// has none of its own for the page's and falls back to English.
  private func words(_ text: String, _ presentation: Presentation, _ html: inout HTMLWriter) {
    let language = presentation.vocabulary.wordsLanguage
    guard language != presentation.language else { return html.text(text) }
    html.element("span", self.language(language, in: presentation), text: text)
  }

  /// A note's text, marked like `words` unless it is in the page's script (a dissociation
  /// footnote, a reservation's own note).
  private func noteText(_ note: Presentation.Note, _ presentation: Presentation, _ html: inout HTMLWriter) {
    let ownWords = presentation.vocabulary.wordsLanguage == presentation.language
    if ownWords || Vocabulary.hasRightToLeftLetters(note.text) {
      html.text(note.text)
    } else {
      words(note.text, presentation, &html)
    }
  }

  private func reference(_ note: Presentation.Note, _ html: inout HTMLWriter) {
    html.element("sup", [("class", "note-ref")]) {
      $0.element(
        "a", [("href", "#note-\(note.number)"), ("id", "ref-\(note.number)")], text: String(note.number))
    }
  }

  /// `lang` (and `dir`) for text in another language than the page's.
  private func language(_ code: String, in presentation: Presentation) -> [(String, String?)] {
    guard code != presentation.language else { return [] }
    return [("lang", code), ("dir", Vocabulary(code).isRightToLeft ? "rtl" : "ltr")]
  }
}
