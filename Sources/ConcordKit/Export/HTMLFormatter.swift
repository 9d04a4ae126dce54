/// A self-contained, printable HTML page in one language: the style sheet inside (A4 print
/// rules), `lang` and `dir` on the document and on any text in another language, so that the
/// browser picks right-to-left layout and CJK fonts itself. Clean, or a redline when the
/// presentation was built against an earlier revision: insertions `<ins>` (underlined),
/// deletions `<del>` (struck through).
///
/// Every text and attribute is escaped (`MarkupSerializer`); the output is also well-formed
/// XML. Linear in the size of the declaration.
struct HTMLFormatter: Sendable {
  func html(_ presentation: Presentation) throws -> String {
    let vocabulary = presentation.vocabulary
    let language = presentation.language
    let revision = vocabulary.revision(presentation.declaration.revision)
    var head = Markup("head")
    head.append(Markup("meta", [("charset", "utf-8")]))
    head.append(Markup("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]))
    head.append(Markup("meta", [("name", "generator"), ("content", "Concord")]))
    head.append(Markup("title", text: "\(presentation.title) — \(revision)"))
    head.append(Markup("style", [], [.raw(HTMLStyle.sheet)]))

    var article = Markup("article", [("class", "declaration")])
    var header = Markup("header")
    header.append(Markup("h1", text: presentation.title))
    var line = revision
    if let date = presentation.declaration.date { line += " (\(date))" }
    header.append(Markup("p", [("class", "revision")], text: line))
    if let previous = presentation.previousRevision {
      header.append(
        Markup("p", [("class", "legend")], [words(vocabulary.changes(since: previous), presentation)]))
    }
    article.append(header)
    for section in presentation.sections {
      article.append(self.section(section, presentation: presentation))
    }
    if !presentation.notes.isEmpty {
      var list = Markup("ol")
      for note in presentation.notes {
        list.append(
          Markup(
            "li", [("id", "note-\(note.number)")],
            [
              noteText(note, presentation), .text(" "),
              .element(Markup("a", [("href", "#ref-\(note.number)")], text: "↩")),
            ]))
      }
      article.append(Markup("footer", [("class", "notes")], [.element(list)]))
    }
    var body = Markup("body", [("class", presentation.previousRevision == nil ? "clean" : "redline")])
    body.append(article)
    let root = Markup(
      "html", [("lang", language), ("dir", vocabulary.isRightToLeft ? "rtl" : "ltr")],
      [.element(head), .element(body)])
    return try MarkupSerializer.document(root, dialect: .html, inlineElements: Self.inline)
  }

  private static let inline: Set<String> = ["p", "h1", "h2", "li", "span", "em", "ins", "del", "sup", "a"]

  // MARK: - Sections and paragraphs

  private func section(_ section: Presentation.Section, presentation: Presentation) -> Markup {
    var element = Markup("section", [("class", section.kind.rawValue), ("id", "section-\(section.id)")])
    if let heading = section.heading {
      element.append(Markup("h2", language(section.headingLanguage, in: presentation), text: heading))
    }
    for item in section.items { element.append(paragraph(item, presentation: presentation)) }
    return element
  }

  private func paragraph(_ item: Presentation.Item, presentation: Presentation) -> Markup {
    let vocabulary = presentation.vocabulary
    let classes = ["para", item.status?.rawValue, item.change == .unchanged ? nil : item.change.rawValue]
      .compactMap { $0 }.joined(separator: " ")
    var element = Markup(
      "div",
      [
        ("class", classes), ("id", item.isRemoved ? "removed-\(item.id)" : "p-\(item.id)"),
        ("data-changed-by", item.authors.isEmpty ? nil : item.authors.joined(separator: " ")),
      ])
    var number = Markup("span", [("class", "num")])
    if let value = item.number {
      let text = "\(value)."
      switch item.change {
      case .removed: number.append(Markup("del", text: text))
      case .added: number.append(Markup("ins", text: text))
      default: number.append(text)
      }
    }
    element.append(number)
    var body = Markup("div", [("class", "body")])
    for (index, entry) in item.entries.enumerated() {
      var line = Markup("p")
      if item.isOpen, index == 0 {
        line.append(Markup("span", [("class", "bracket")], text: vocabulary.openBracket))
      }
      if let label = entry.label {
        let text = entry.isDeletion ? label : label + vocabulary.labelSeparator
        let em = Markup("em", [("class", "label")], [words(text, presentation)])
        if entry.isNew && presentation.previousRevision != nil {
          line.append(Markup("ins", [], [.element(em)]))
        } else {
          line.append(em)
        }
      }
      line.append(contentsOf: runs(entry, presentation: presentation))
      if let note = entry.note { line.append(reference(note)) }
      if item.isOpen, index == item.entries.count - 1 {
        line.append(Markup("span", [("class", "bracket")], text: vocabulary.closeBracket))
      }
      if index == item.entries.count - 1 {
        for note in item.notes { line.append(reference(note)) }
      }
      body.append(line)
    }
    element.append(body)
    return element
  }

  /// The entry's text as runs of plain, inserted and deleted text, wrapped in a `lang`
  /// span when it is not in the page's language.
  private func runs(_ entry: Presentation.Entry, presentation: Presentation) -> [Markup.Node] {
    let nodes: [Markup.Node] = entry.edits.map { edit in
      switch edit.operation {
      case .equal: .text(edit.text)
      case .insert: .element(Markup("ins", text: edit.text))
      case .delete: .element(Markup("del", text: edit.text))
      }
    }
    guard entry.language != presentation.language else { return nodes }
    return [
      .element(Markup("span", [("class", "pending")] + language(entry.language, in: presentation), nodes))
    ]
  }

  /// Words the export adds (labels, legend): marked with their language when the vocabulary
  /// has none of its own for the page's and falls back to English.
  private func words(_ text: String, _ presentation: Presentation) -> Markup.Node {
    let language = presentation.vocabulary.wordsLanguage
    guard language != presentation.language else { return .text(text) }
    return .element(Markup("span", self.language(language, in: presentation), text: text))
  }

  /// A note's text, marked like `words` unless it is in the page's script (a dissociation
  /// footnote, a reservation's own note).
  private func noteText(_ note: Presentation.Note, _ presentation: Presentation) -> Markup.Node {
    let ownWords = presentation.vocabulary.wordsLanguage == presentation.language
    return ownWords || Vocabulary.hasRightToLeftLetters(note.text)
      ? .text(note.text) : words(note.text, presentation)
  }

  private func reference(_ note: Presentation.Note) -> Markup {
    Markup(
      "sup", [("class", "note-ref")],
      [
        .element(
          Markup(
            "a", [("href", "#note-\(note.number)"), ("id", "ref-\(note.number)")], text: String(note.number)))
      ])
  }

  /// `lang` (and `dir`) for text in another language than the page's.
  private func language(_ code: String, in presentation: Presentation) -> [(String, String?)] {
    guard code != presentation.language else { return [] }
    return [("lang", code), ("dir", Vocabulary(code).isRightToLeft ? "rtl" : "ltr")]
  }
}
