/// `concord diff --format html`: one self-contained page (no script, no external resource)
/// with a table of contents of the changed paragraphs, each paragraph as an inline redline and
/// side by side (a radio button switches between the two, in CSS), the paragraphs whose status
/// alone changed in a table, and the lineage of every paragraph.
///
/// The legislative convention: insertions underlined (`<ins>`), deletions struck through
/// (`<del>`), moved text double-underlined. Written with `HTMLWriter`: every text and attribute
/// is escaped, quotes too. A character HTML cannot carry cannot come from a revision (the reader
/// refuses it); were one there, it would be left out. Linear in the output.
public struct HTMLDiffRenderer: Sendable {
  public init() {}

  public func render(_ changes: Changes) -> String { String(decoding: utf8(changes), as: UTF8.self) }

  /// The same page, as UTF-8 bytes.
  public func utf8(_ changes: Changes) -> [UInt8] { page(changes).bytes }

  /// The same page, in the segments the command writes one after another (its long tables
  /// as their parts were written, never copied into one buffer).
  public func segments(_ changes: Changes) -> [[UInt8]] { page(changes).segments }

  private func page(_ changes: Changes) -> HTMLWriter {
    let title =
      "\(changes.workspace.isEmpty ? "" : changes.workspace + ": ")"
      + "\(TextDiffRenderer.revision(changes.from)) → \(TextDiffRenderer.revision(changes.to))"
    let full = changes.paragraphs.filter { !isBrief($0) }
    let brief = changes.paragraphs.filter(isBrief)
    let sides = (TextDiffRenderer.revision(changes.from), TextDiffRenderer.revision(changes.to))
    let page = HTMLWriter.page(
      language: changes.languages.first ?? "en", title: title, style: .diff, quotesInText: true
    ) { html in
      html.element("h1", text: title)
      html.element("p", [("class", "summary")], text: summary(changes))
      html.empty("input", [("type", "radio"), ("name", "view"), ("id", "view-inline"), ("checked", "")])
      html.element("label", [("for", "view-inline")], text: "Inline")
      html.text(" ")
      html.empty("input", [("type", "radio"), ("name", "view"), ("id", "view-side")])
      html.element("label", [("for", "view-side")], text: "Side by side")
      contents(full, brief: brief.count, &html)
      html.block("main") { html in
        for change in full { section(change, sides: sides, &html) }
        if !brief.isEmpty { statusTable(brief, &html) }
        lineageTable(changes, &html)
      }
    }
    return page
  }

  // MARK: - Paragraphs

  private func contents(_ full: [ParagraphChange], brief: Int, _ html: inout HTMLWriter) {
    html.block("nav") { html in
      html.element("h2", text: "Changed paragraphs")
      html.block("ol") { html in
        for change in full {
          html.element("li") { html in
            html.element("a", [("href", "#" + anchor(change))], text: label(change))
            html.text(" ")
            kind(change, &html)
          }
        }
        if brief > 0 {
          html.element("li") {
            $0.element("a", [("href", "#status-only")], text: "Status changes only (\(brief))")
          }
        }
        html.element("li") { $0.element("a", [("href", "#lineage")], text: "Lineage") }
      }
    }
  }

  private func section(_ change: ParagraphChange, sides: (String, String), _ html: inout HTMLWriter) {
    html.block("section", [("class", "change \(change.kind.rawValue)"), ("id", anchor(change))]) { html in
      html.element("h2") { html in
        html.text(label(change) + " ")
        kind(change, &html)
      }
      var meta = [TextDiffRenderer.numbers(change)]
      if !change.by.isEmpty { meta.append("by " + change.by.joined(separator: ", ")) }
      html.element("p", [("class", "meta")], text: meta.joined(separator: " · "))
      if !change.details.isEmpty {
        html.block("ul", [("class", "details")]) { html in
          for detail in change.details { html.element("li", text: detail.description) }
        }
      }
      for words in change.words { language(words, moved: change.moved, sides: sides, &html) }
    }
  }

  /// One language of a changed paragraph: inline, and side by side.
  private func language(
    _ words: LanguageWords, moved: Bool, sides: (String, String), _ html: inout HTMLWriter
  ) {
    html.block("div", [("class", "language"), ("lang", words.language)]) { html in
      html.element("h3") { html in
        html.text(words.language)
        if words.translationPending {
          html.text(" ")
          html.element("span", [("class", "pending")], text: "translation pending: base-language text")
        }
      }
      html.element("p", [("class", "inline")]) { marked(words.edits, side: nil, moved: moved, &$0) }
      html.block("table", [("class", "side")]) { html in
        headings([sides.0, sides.1], &html)
        html.block("tr") { html in
          html.element("td", [("class", "old")]) { marked(words.edits, side: .delete, moved: moved, &$0) }
          html.element("td", [("class", "new")]) { marked(words.edits, side: .insert, moved: moved, &$0) }
        }
      }
    }
  }

  /// The edits: all of them (inline), or one side's (`.delete`: the old text with its
  /// deletions; `.insert`: the new text with its insertions).
  private func marked(_ edits: [WordEdit], side: WordEdit.Operation?, moved: Bool, _ html: inout HTMLWriter) {
    for edit in edits {
      switch edit.operation {
      case .equal where moved: html.element("span", [("class", "moved")], text: edit.text)
      case .equal: html.text(edit.text)
      case .delete where side != .insert: html.element("del", text: edit.text)
      case .insert where side != .delete: html.element("ins", text: edit.text)
      default: break
      }
    }
  }

  // MARK: - Tables

  private func statusTable(_ changes: [ParagraphChange], _ html: inout HTMLWriter) {
    html.block("section", [("id", "status-only")]) { html in
      html.element("h2", text: "Status changes only")
      html.block("table", [("class", "status")]) { html in
        headings(["No.", "Paragraph", "Change", "By"], &html)
        for change in changes {
          html.block("tr", [("id", anchor(change))]) { html in
            html.element("td", text: TextDiffRenderer.numbers(change))
            html.element("td") { $0.element("code", text: change.id) }
            html.element("td", text: change.details.map(\.description).joined(separator: "; "))
            html.element("td", text: change.by.joined(separator: ", "))
          }
        }
      }
    }
  }

  private func lineageTable(_ changes: Changes, _ html: inout HTMLWriter) {
    let from = TextDiffRenderer.revision(changes.from)
    let to = TextDiffRenderer.revision(changes.to)
    html.block("section", [("id", "lineage")]) { html in
      html.block("details") { html in
        html.element(
          "summary",
          text:
            "Lineage: every paragraph's number in \(from) and \(to) (\(changes.renumbered.count) renumbered)")
        html.block("table", [("class", "lineage")]) { html in
          headings(["Paragraph", from, to, "Change", "By"], &html)
          for entry in changes.lineage {
            html.block("tr") { html in
              html.element("td") { $0.element("code", text: entry.id) }
              html.element("td", text: TextDiffRenderer.number(entry.fromNumber, present: entry.inOld))
              html.element("td", text: TextDiffRenderer.number(entry.toNumber, present: entry.inNew))
              html.element("td", text: entry.change?.rawValue ?? "")
              html.element("td", text: entry.by.joined(separator: ", "))
            }
          }
        }
      }
    }
  }

  private func headings(_ cells: [String], _ html: inout HTMLWriter) {
    html.block("tr") { html in
      for cell in cells { html.element("th", text: cell) }
    }
  }

  // MARK: - Pieces

  /// Status-only changes that touch no wording go in one table rather than a section each.
  private func isBrief(_ change: ParagraphChange) -> Bool {
    change.kind == .status && !change.words.contains(where: \.hasEdits)
  }

  private func anchor(_ change: ParagraphChange) -> String { "p-" + change.id }

  private func kind(_ change: ParagraphChange, _ html: inout HTMLWriter) {
    html.element("span", [("class", "kind \(change.kind.rawValue)")], text: change.kind.rawValue)
  }

  private func label(_ change: ParagraphChange) -> String {
    let number = change.toNumber ?? change.fromNumber
    return number.map { "\($0). \(change.id)" } ?? change.id
  }

  private func summary(_ changes: Changes) -> String {
    let counts = ParagraphChange.Kind.allCases.map { "\(changes.count(of: $0)) \($0.rawValue)" }
    return counts.joined(separator: ", ") + "; \(changes.renumbered.count) renumbered"
  }
}
