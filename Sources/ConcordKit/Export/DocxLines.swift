/// One paragraph of a Word document as one revision shows it, in the pieces a redline compares
/// one by one: the number, the opening bracket, the option's label, the text, the text's
/// translation-pending note, the closing bracket and the paragraph's notes. The title, the
/// revision line and section headings are lines with a text alone.
///
/// Lines are matched across revisions by `key`: the same paragraph's same option in the same
/// kind of place (an option proposed anew under a reused number is another line), the same
/// section's heading.
struct DocxLine: Sendable {
  var key: String
  /// The paragraph style: `Title`, `Subtitle`, `Heading1`, `Preamble`, `Numbered`, `Option`.
  var style: String
  /// The bookmark that carries the paragraph's id (`CirculatedMarks`), for the revision shown.
  var bookmark: CirculatedMarks.Mark?
  /// The id of the declaration's paragraph the line belongs to.
  var paragraph: String?
  var number: String?
  var opens = false
  var closes = false
  /// "Option 2 (IND): ", "Delete (IND)"; italic.
  var label = ""
  /// The sponsors of the option, who author its label when it is new.
  var sponsors: [String] = []
  var text = ""
  /// The language of the text, when it is not the document's (a heading always says it).
  var language: String?
  /// The presentation's word edits from the earlier revision's text to `text`, when it has
  /// them (the same as comparing the two lines' texts).
  var edits: [WordEdit] = []
  var note: Presentation.Note?
  var notes: [Presentation.Note] = []

  init(key: String, style: String, text: String = "") {
    self.key = key
    self.style = style
    self.text = text
  }

  /// The line that a paragraph inserted or deleted whole is compared with: nothing in it.
  static func nothing(like line: DocxLine) -> DocxLine {
    DocxLine(key: line.key, style: line.style)
  }

  /// Every paragraph `presentation` shows, in document order; paragraphs removed since an
  /// earlier revision left out. Linear in the size of the declaration.
  static func lines(of presentation: Presentation) -> [DocxLine] {
    let vocabulary = presentation.vocabulary
    let revision = presentation.declaration.revision
    var lines = [DocxLine(key: "title", style: "Title", text: presentation.title)]
    let subtitle = vocabulary.revisionLine(revision, date: presentation.declaration.date)
    lines.append(DocxLine(key: "subtitle", style: "Subtitle", text: subtitle))
    for section in presentation.sections {
      if let heading = section.heading {
        var line = DocxLine(key: "heading\u{1F}" + section.id, style: "Heading1", text: heading)
        line.bookmark = .section(revision: revision, id: section.id)
        line.language = section.headingLanguage
        lines.append(line)
      }
      for item in section.items where !item.isRemoved {
        for index in item.entries.indices {
          lines.append(
            line(item, index, preamble: section.kind == .preamble, presentation: presentation))
        }
      }
    }
    return lines
  }

  /// Entry `index` of `item`: the first holds the number and the opening bracket, the last the
  /// closing bracket and the paragraph's notes.
  private static func line(
    _ item: Presentation.Item, _ index: Int, preamble: Bool, presentation: Presentation
  ) -> DocxLine {
    let entry = item.entries[index]
    let vocabulary = presentation.vocabulary
    let style = index > 0 ? "Option" : preamble ? "Preamble" : "Numbered"
    let sponsors = entry.reference == .current ? "" : entry.sponsors.joined(separator: ",")
    let key = ["entry", item.id, entry.reference.description, sponsors, style].joined(separator: "\u{1F}")
    var line = DocxLine(key: key, style: style, text: entry.text)
    let revision = presentation.declaration.revision
    line.bookmark =
      index == 0
      ? .paragraph(revision: revision, id: item.id)
      : .option(revision: revision, option: entry.reference, id: item.id)
    line.paragraph = item.id
    line.number = index == 0 ? item.number : nil
    line.opens = item.isOpen && index == 0
    line.closes = item.isOpen && index == item.entries.count - 1
    if let label = entry.label {
      line.label = entry.isDeletion ? label : label + vocabulary.labelSeparator
    }
    line.sponsors = entry.sponsors
    line.language = entry.language == presentation.language ? nil : entry.language
    line.edits = entry.edits
    line.note = entry.note
    line.notes = index == item.entries.count - 1 ? item.notes : []
    return line
  }
}
