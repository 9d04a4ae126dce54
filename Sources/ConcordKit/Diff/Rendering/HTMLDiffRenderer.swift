/// `concord diff --format html`: one self-contained page (no script, no external resource)
/// with a table of contents of the changed paragraphs, each paragraph as an inline redline and
/// side by side (a radio button switches between the two, in CSS), the paragraphs whose status
/// alone changed in a table, and the lineage of every paragraph.
///
/// The legislative convention: insertions underlined (`<ins>`), deletions struck through
/// (`<del>`), moved text double-underlined. Every text and attribute is escaped. Linear in the
/// output.
public struct HTMLDiffRenderer: Sendable {
  public init() {}

  public func render(_ changes: Changes) -> String {
    let title =
      "\(changes.workspace.isEmpty ? "" : changes.workspace + ": ")"
      + "\(TextDiffRenderer.revision(changes.from)) → \(TextDiffRenderer.revision(changes.to))"
    let full = changes.paragraphs.filter { !isBrief($0) }
    let brief = changes.paragraphs.filter(isBrief)
    var html = """
      <!DOCTYPE html>
      <html lang="\(escaped(changes.languages.first ?? "en"))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escaped(title))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <h1>\(escaped(title))</h1>
      <p class="summary">\(escaped(summary(changes)))</p>
      <input type="radio" name="view" id="view-inline" checked><label for="view-inline">Inline</label>
      <input type="radio" name="view" id="view-side"><label for="view-side">Side by side</label>
      <nav><h2>Changed paragraphs</h2><ol>\n
      """
    for change in full {
      html += "<li><a href=\"#\(escaped(anchor(change)))\">\(escaped(label(change)))</a> "
      html += "<span class=\"kind \(change.kind.rawValue)\">\(change.kind.rawValue)</span></li>\n"
    }
    if !brief.isEmpty {
      html += "<li><a href=\"#status-only\">Status changes only (\(brief.count))</a></li>\n"
    }
    html += "<li><a href=\"#lineage\">Lineage</a></li>\n</ol></nav>\n<main>\n"
    let sides = (TextDiffRenderer.revision(changes.from), TextDiffRenderer.revision(changes.to))
    for change in full { html += section(change, sides: sides) }
    if !brief.isEmpty { html += statusTable(brief) }
    html += lineageTable(changes)
    html += "</main>\n</body>\n</html>\n"
    return html
  }

  // MARK: - Paragraphs

  private func section(_ change: ParagraphChange, sides: (String, String)) -> String {
    var html = "<section class=\"change \(change.kind.rawValue)\" id=\"\(escaped(anchor(change)))\">\n"
    html +=
      "<h2>\(escaped(label(change))) <span class=\"kind \(change.kind.rawValue)\">\(change.kind.rawValue)</span></h2>\n"
    var meta = [TextDiffRenderer.numbers(change)]
    if !change.by.isEmpty { meta.append("by " + change.by.joined(separator: ", ")) }
    html += "<p class=\"meta\">\(escaped(meta.joined(separator: " · ")))</p>\n"
    if !change.details.isEmpty {
      html += "<ul class=\"details\">"
      for detail in change.details { html += "<li>\(escaped(detail.description))</li>" }
      html += "</ul>\n"
    }
    for words in change.words {
      let language = escaped(words.language)
      html += "<div class=\"language\" lang=\"\(language)\">\n<h3>\(language)"
      if words.translationPending {
        html += " <span class=\"pending\">translation pending: base-language text</span>"
      }
      html += "</h3>\n<p class=\"inline\">\(marked(words.edits, side: nil, moved: change.moved))</p>\n"
      html += "<table class=\"side\"><tr><th>\(escaped(sides.0))</th><th>\(escaped(sides.1))</th></tr>"
      html +=
        "<tr><td class=\"old\">\(marked(words.edits, side: .delete, moved: change.moved))</td>"
      html +=
        "<td class=\"new\">\(marked(words.edits, side: .insert, moved: change.moved))</td></tr></table>\n</div>\n"
    }
    return html + "</section>\n"
  }

  /// The edits as HTML: all of them (inline), or one side's (`.delete`: the old text with its
  /// deletions; `.insert`: the new text with its insertions).
  private func marked(_ edits: [WordEdit], side: WordEdit.Operation?, moved: Bool) -> String {
    var html = ""
    for edit in edits {
      switch edit.operation {
      case .equal: html += moved ? "<span class=\"moved\">\(escaped(edit.text))</span>" : escaped(edit.text)
      case .delete where side != .insert: html += "<del>\(escaped(edit.text))</del>"
      case .insert where side != .delete: html += "<ins>\(escaped(edit.text))</ins>"
      default: break
      }
    }
    return html
  }

  private func statusTable(_ changes: [ParagraphChange]) -> String {
    var html = "<section id=\"status-only\"><h2>Status changes only</h2>\n<table class=\"status\">"
    html += "<tr><th>No.</th><th>Paragraph</th><th>Change</th><th>By</th></tr>\n"
    for change in changes {
      html += "<tr id=\"\(escaped(anchor(change)))\"><td>\(escaped(TextDiffRenderer.numbers(change)))</td>"
      html += "<td><code>\(escaped(change.id))</code></td>"
      html += "<td>\(escaped(change.details.map(\.description).joined(separator: "; ")))</td>"
      html += "<td>\(escaped(change.by.joined(separator: ", ")))</td></tr>\n"
    }
    return html + "</table></section>\n"
  }

  private func lineageTable(_ changes: Changes) -> String {
    var html = "<section id=\"lineage\"><details><summary>Lineage: every paragraph's number in "
    html +=
      "\(escaped(TextDiffRenderer.revision(changes.from))) and \(escaped(TextDiffRenderer.revision(changes.to))) "
    html += "(\(changes.renumbered.count) renumbered)</summary>\n<table class=\"lineage\">"
    html += "<tr><th>Paragraph</th><th>\(escaped(TextDiffRenderer.revision(changes.from)))</th>"
    html += "<th>\(escaped(TextDiffRenderer.revision(changes.to)))</th><th>Change</th><th>By</th></tr>\n"
    for entry in changes.lineage {
      html += "<tr><td><code>\(escaped(entry.id))</code></td>"
      html += "<td>\(escaped(TextDiffRenderer.number(entry.fromNumber, present: entry.inOld)))</td>"
      html += "<td>\(escaped(TextDiffRenderer.number(entry.toNumber, present: entry.inNew)))</td>"
      html +=
        "<td>\(escaped(entry.change?.rawValue ?? ""))</td><td>\(escaped(entry.by.joined(separator: ", ")))</td></tr>\n"
    }
    return html + "</table></details></section>\n"
  }

  // MARK: - Pieces

  /// Status-only changes that touch no wording go in one table rather than a section each.
  private func isBrief(_ change: ParagraphChange) -> Bool {
    change.kind == .status && !change.words.contains(where: \.hasEdits)
  }

  private func anchor(_ change: ParagraphChange) -> String { "p-" + change.id }

  private func label(_ change: ParagraphChange) -> String {
    let number = change.toNumber ?? change.fromNumber
    return number.map { "\($0). \(change.id)" } ?? change.id
  }

  private func summary(_ changes: Changes) -> String {
    let counts = ParagraphChange.Kind.allCases.map { "\(changes.count(of: $0)) \($0.rawValue)" }
    return counts.joined(separator: ", ") + "; \(changes.renumbered.count) renumbered"
  }

  /// Text and attribute values alike: `& < > " '` become references.
  private func escaped(_ text: String) -> String { HTMLEscaping.escape(text) }

  static let style = """

    body { font: 16px/1.5 "Noto Serif", "Noto Serif CJK SC", Georgia, serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
    h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-bottom: .25rem; } h3 { font-size: .9rem; margin: .5rem 0 0; color: #555; }
    code, .meta, .kind, nav, table.status, table.lineage, table.side th, .summary, label { font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; }
    ins { text-decoration: underline; background: #e6f4ea; color: #0a5c2b; }
    del { text-decoration: line-through; background: #fce8e6; color: #a50e0e; }
    .moved { text-decoration: underline double; }
    .kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; padding: 0 .3rem; border-radius: 3px; background: #eee; }
    .kind.added { background: #e6f4ea; } .kind.deleted { background: #fce8e6; } .kind.changed { background: #fff4d6; } .kind.moved { background: #e8eaf6; }
    .meta, .details { color: #555; font-size: .9rem; margin: 0; }
    .pending { font-weight: normal; color: #a15c00; }
    section.change { border-top: 1px solid #ddd; padding-top: .5rem; margin-top: 1rem; }
    table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; text-align: left; }
    table.side td { width: 50%; }
    #view-inline:checked ~ main table.side { display: none; }
    #view-side:checked ~ main p.inline { display: none; }

    """
}
