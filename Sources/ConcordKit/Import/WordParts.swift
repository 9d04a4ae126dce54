/// What Concord reads from the parts of a Word package beside `word/document.xml`.
///
/// Headings are found by the style definitions, never by the names Word shows (which follow
/// the user's language): a style with `w:outlineLvl`, itself or through `w:basedOn`, or one of
/// the built-in styles, whose `w:name` is always the English "heading 1" … "heading 9" (and
/// "Title") in the file, whatever the UI language.
struct WordStyles: Sendable {
  struct Style: Sendable {
    var name: String?
    var basedOn: String?
    var outlineLevel: Int?
    var numberingID: String?
    var numberingLevel = 0
  }

  var styles: [String: Style] = [:]

  /// The outline level of a paragraph style (0 for a top heading), following `w:basedOn`.
  func outlineLevel(of id: String?) -> Int? {
    var seen: Set<String> = []
    var next = id
    while let styleID = next, !seen.contains(styleID) {
      seen.insert(styleID)
      let style = styles[styleID]
      if let level = style?.outlineLevel { return level < 9 ? level : nil }
      if let level = Self.builtInHeadingLevel(id: styleID, name: style?.name) { return level }
      next = style?.basedOn
    }
    return nil
  }

  func isTitle(_ id: String?) -> Bool {
    guard let id else { return false }
    let name = styles[id]?.name?.lowercased()
    return id == "Title" || name == "title" || id == "Subtitle" || name == "subtitle"
  }

  /// The list a paragraph style numbers its paragraphs with, following `w:basedOn`.
  func numbering(of id: String?) -> (id: String, level: Int)? {
    var seen: Set<String> = []
    var next = id
    while let styleID = next, !seen.contains(styleID), let style = styles[styleID] {
      seen.insert(styleID)
      if let numbering = style.numberingID { return (numbering, style.numberingLevel) }
      next = style.basedOn
    }
    return nil
  }

  private static func builtInHeadingLevel(id: String, name: String?) -> Int? {
    for candidate in [name?.lowercased().replacingOccurrences(of: " ", with: ""), id.lowercased()] {
      guard let candidate, candidate.hasPrefix("heading"), let level = Int(candidate.dropFirst(7)),
        (1...9).contains(level)
      else { continue }
      return level - 1
    }
    return nil
  }
}

/// `word/numbering.xml`: which lists count (decimal, letters, roman) and which are bullets.
struct WordNumbering: Sendable {
  /// `w:numId` → `w:abstractNumId`.
  var lists: [String: String] = [:]
  /// `w:abstractNumId` → level → `w:numFmt`.
  var formats: [String: [Int: String]] = [:]
  var isPresent = false

  /// Whether list `id` at `level` numbers its paragraphs (bullets and "none" do not).
  func numbers(_ id: String, level: Int) -> Bool {
    guard id != "0" else { return false }
    guard isPresent else { return true }
    guard let abstract = lists[id], let format = formats[abstract]?[level] ?? formats[abstract]?[0] else {
      return false
    }
    return format != "bullet" && format != "none"
  }
}

/// One comment of `word/comments.xml`.
struct WordComment: Hashable, Sendable {
  var id: String
  var author: String
  var text: String
}

/// Reads `word/styles.xml`, `word/numbering.xml`, `word/comments.xml` and the document
/// properties: one consumer for all, since each needs a few elements only.
final class WordPartReader: XMLEventConsumer {
  private(set) var styles = WordStyles()
  private(set) var numbering = WordNumbering()
  private(set) var comments: [WordComment] = []
  /// Custom properties (`docProps/custom.xml`) and core ones (`docProps/core.xml`), by name.
  private(set) var properties: [String: String] = [:]
  private var names: [String] = []
  private var style: (id: String, style: WordStyles.Style)?
  private var abstract: String?
  private var level: Int?
  private var num: String?
  private var comment: WordComment?
  private var property: String?
  private var propertyText = ""

  var wantsColumns: Bool { false }

  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    let parent = names.last
    names.append(element.name)
    let value = attribute(element, "val")
    switch element.name {
    case "style": style = attribute(element, "styleId").map { ($0, WordStyles.Style()) }
    case "name" where parent == "style": style?.style.name = value
    case "basedOn" where parent == "style": style?.style.basedOn = value
    case "outlineLvl" where parent == "pPr": style?.style.outlineLevel = value.flatMap { Int($0) }
    case "numId" where parent == "numPr": style?.style.numberingID = value
    case "ilvl" where parent == "numPr": style?.style.numberingLevel = value.flatMap { Int($0) } ?? 0
    case "numbering": numbering.isPresent = true
    case "abstractNum": abstract = attribute(element, "abstractNumId")
    case "lvl": level = attribute(element, "ilvl").flatMap { Int($0) }
    case "numFmt" where parent == "lvl":
      if let abstract, let level, let value { numbering.formats[abstract, default: [:]][level] = value }
    case "num": num = attribute(element, "numId")
    case "abstractNumId" where parent == "num":
      if let num, let value { numbering.lists[num] = value }
    case "comment":
      comment = attribute(element, "id").map {
        WordComment(id: $0, author: attribute(element, "author") ?? "", text: "")
      }
    case "p" where comment != nil:
      if comment?.text.isEmpty == false { comment?.text += "\n" }
    case "tab", "br": if comment != nil { comment?.text += " " }
    case "property": property = attribute(element, "name")
    case "language" where names.count == 2, "revision" where names.count == 2, "title" where names.count == 2:
      property = "core." + element.name
    default: break
    }
    propertyText = ""
    return true
  }

  func text(_ text: String) {
    if comment != nil, names.last == "t" { comment?.text += text }
    if property != nil { propertyText += text }
  }

  func end(at offset: Int) {
    let name = names.popLast()
    switch name {
    case "style":
      if let style { styles.styles[style.id] = style.style }
      style = nil
    case "comment":
      if let comment { comments.append(comment) }
      comment = nil
    case "property":
      if let property { properties[property] = propertyText }
      property = nil
    case "language", "revision", "title":
      if let property, property.hasPrefix("core.") { properties[property] = propertyText }
      property = nil
    case "abstractNum": abstract = nil
    case "num": num = nil
    default: break
    }
  }

  private func attribute(_ element: XML.Element, _ name: String) -> String? {
    element.attributes.first { $0.name == name }?.value
  }
}
