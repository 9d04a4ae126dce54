import Foundation

/// A Word document as Concord reads it: its paragraphs, styles, lists, comments and
/// properties. Every part goes through `DocumentReader`'s fence (size limit, UTF-8 only, no
/// `<!DOCTYPE`, libxml2's limits) after `DocxArchive` has inflated it under its own limits.
struct WordPackage: Sendable {
  var paragraphs: [WordParagraph]
  var styles: WordStyles
  var numbering: WordNumbering
  var comments: [WordComment]
  var properties: [String: String]

  /// The custom properties a circulated Concord document carries.
  static let workspaceProperty = "concord.workspace"
  static let revisionProperty = "concord.revision"
  static let languageProperty = "concord.language"

  init(_ data: Data, path: String, reader: DocumentReader) throws {
    var archive = try DocxArchive(data, path: path, limits: .init(reading: reader.limits))
    let document = WordDocumentReader()
    let parts = WordPartReader()
    for name in [
      DocxArchive.styles, DocxArchive.numbering, DocxArchive.comments, DocxArchive.customProperties,
      DocxArchive.coreProperties,
    ] {
      guard let bytes = try archive.part(name) else { continue }
      try reader.readForeign(bytes, displayPath: "\(path)[\(name)]", into: parts)
    }
    guard let bytes = try archive.part(DocxArchive.document) else {
      throw DocxArchive.error(path, "has no \(DocxArchive.document)")
    }
    try reader.readForeign(bytes, displayPath: "\(path)[\(DocxArchive.document)]", into: document)
    paragraphs = document.paragraphs
    styles = parts.styles
    numbering = parts.numbering
    comments = parts.comments
    properties = parts.properties
  }

  /// The heading level of a paragraph (0 for a top heading), by its own outline level or its
  /// style's.
  func headingLevel(of paragraph: WordParagraph) -> Int? {
    if let level = paragraph.outlineLevel { return level < 9 ? level : nil }
    return styles.outlineLevel(of: paragraph.style)
  }

  /// Whether Word numbers the paragraph: its own `w:numPr`, or its style's.
  func isNumbered(_ paragraph: WordParagraph) -> Bool {
    if let own = paragraph.numbering { return numbering.numbers(own.id, level: own.level) }
    guard let inherited = styles.numbering(of: paragraph.style) else { return false }
    return numbering.numbers(inherited.id, level: inherited.level)
  }

  /// The paragraphs in the shape every draft reader gives: title, headings, numbered and plain
  /// paragraphs, empty ones left out. Tracked changes are taken as accepted.
  func draftLines() -> [DraftLine] {
    var lines: [DraftLine] = []
    var joined: WordParagraph?
    for var paragraph in paragraphs {
      // A deleted paragraph mark joins the paragraph to the next, as "accept all" does.
      if let previous = joined {
        paragraph.text = previous.text + paragraph.text
        joined = nil
      }
      if paragraph.markDeleted {
        joined = paragraph
        continue
      }
      let text = paragraph.cleanText
      guard !text.isEmpty else { continue }
      let place = "paragraph \(paragraph.index)"
      let kind: DraftLine.Kind
      if styles.isTitle(paragraph.style) {
        kind = .title
      } else if let level = headingLevel(of: paragraph) {
        kind = .heading(level: level + 1)
      } else if isNumbered(paragraph) {
        kind = .numbered
      } else {
        kind = .plain
      }
      lines.append(DraftLine(kind: kind, text: text, place: place, tracked: paragraph.hasTrackedChanges))
    }
    return lines
  }
}
