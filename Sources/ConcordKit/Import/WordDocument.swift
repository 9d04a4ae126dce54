/// A paragraph of `word/document.xml` as Concord reads it: its style, numbering and outline
/// level, its text with tracked changes accepted, and what marks it (bookmarks, comments).
struct WordParagraph: Hashable, Sendable {
  /// 1-based, in document order: how messages name it.
  var index: Int
  var style: String?
  var outlineLevel: Int?
  /// `w:numPr`: the list (`w:numId`, "0" for none) and the level.
  var numbering: (id: String, level: Int)? {
    get { numberingID.map { ($0, numberingLevel) } }
    set {
      numberingID = newValue?.id
      numberingLevel = newValue?.level ?? 0
    }
  }
  var numberingID: String?
  var numberingLevel = 0
  /// The text with insertions kept and deletions dropped (what "accept all" gives).
  var text = ""
  /// The text with insertions dropped and deletions kept (what "reject all" gives).
  var originalText = ""
  /// The text of the italic runs that open the paragraph (an option's label).
  var italicPrefix = ""
  var hasTrackedChanges = false
  /// The paragraph mark is a tracked deletion: accepted, the paragraph joins the next one.
  var markDeleted = false
  /// Names of the bookmarks that start in the paragraph (or just before it).
  var bookmarks: [String] = []
  /// Ids of the comments anchored in it.
  var comments: [String] = []

  init(index: Int) { self.index = index }

  static func == (a: WordParagraph, b: WordParagraph) -> Bool {
    a.index == b.index && a.text == b.text && a.bookmarks == b.bookmarks && a.style == b.style
  }
  func hash(into hasher: inout Hasher) { hasher.combine(index) }

  /// The accepted text, cleaned of what Word puts in text that is no part of it: soft hyphens
  /// and zero-width characters dropped, every kind of space one space, ends trimmed.
  var cleanText: String { Self.clean(text) }

  static func clean(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var space = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
      default: break
      }
      if scalar.properties.isWhitespace {
        space = true
        continue
      }
      if space, !scalars.isEmpty { scalars.append(" ") }
      space = false
      scalars.append(scalar)
    }
    return String(scalars)
  }
}

/// Reads `word/document.xml`'s events into paragraphs. Word's noise never reaches the text:
/// revision ids, proofing marks, bookmarks, smart tags, content controls and hyperlinks are
/// looked through; a field gives its result, never its instruction; tabs and breaks are spaces;
/// footnote and comment references, drawings and text boxes give nothing; `w:moveFrom` counts
/// as deleted and `w:moveTo` as inserted.
final class WordDocumentReader: XMLEventConsumer {
  private(set) var paragraphs: [WordParagraph] = []
  private var current: WordParagraph?
  /// Bookmarks and comment starts met between paragraphs: they belong to the next one.
  private var pendingBookmarks: [String] = []
  private var pendingComments: [String] = []
  private var names: [String] = []
  private var inserted = 0
  private var deleted = 0
  /// Open complex fields: whether each is still in its instruction part.
  private var fields: [Bool] = []
  private var runItalic = false
  private var sawNonItalic = false

  var wantsColumns: Bool { false }

  static let skipped: Set<String> = [
    "pPrChange", "rPrChange", "sectPr", "tblPrChange", "drawing", "pict", "object", "AlternateContent",
    "txbxContent", "instrText", "delInstrText", "footnoteReference", "endnoteReference", "tblPr", "tcPr",
    "trPr", "tblGrid",
  ]

  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    let name = element.name
    let parent = names.last
    // A skipped element still ends: its name stays on the stack until then.
    names.append(name)
    if Self.skipped.contains(name) { return false }
    switch name {
    case "p":
      current = WordParagraph(index: paragraphs.count + 1)
      current?.bookmarks = pendingBookmarks
      current?.comments = pendingComments
      pendingBookmarks = []
      pendingComments = []
      sawNonItalic = false
    case "pStyle" where parent == "pPr": current?.style = value(element)
    case "outlineLvl" where parent == "pPr": current?.outlineLevel = value(element).flatMap { Int($0) }
    case "numId" where parent == "numPr": current?.numberingID = value(element)
    case "ilvl" where parent == "numPr": current?.numberingLevel = value(element).flatMap { Int($0) } ?? 0
    case "del" where parent == "rPr", "ins" where parent == "rPr":
      // A paragraph mark inserted or deleted (a run's own w:rPr holds none).
      guard names.dropLast(2).last == "pPr" else { break }
      current?.hasTrackedChanges = true
      if name == "del" { current?.markDeleted = true }
    case "ins", "moveTo":
      inserted += 1
      current?.hasTrackedChanges = true
    case "del", "moveFrom":
      deleted += 1
      current?.hasTrackedChanges = true
    case "r": runItalic = false
    case "i" where parent == "rPr": runItalic = value(element) != "0" && value(element) != "false"
    // An option's label in a Chinese or Arabic copy: upright, in its own character style.
    case "rStyle" where parent == "rPr" && value(element) == CirculatedMarks.optionLabelStyle:
      runItalic = true
    case "bookmarkStart":
      if let bookmark = value(element, "name") { addBookmark(bookmark) }
    case "commentRangeStart", "commentReference":
      if let id = value(element, "id") { addComment(id) }
    case "fldChar":
      switch value(element, "fldCharType") {
      case "begin": fields.append(true)
      case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
      case "end": _ = fields.popLast()
      default: break
      }
    case "tab" where parent == "r", "br" where parent == "r", "cr" where parent == "r",
      "ptab" where parent == "r":
      append(" ")
    case "noBreakHyphen" where parent == "r": append("-")
    default: break
    }
    return true
  }

  func text(_ text: String) {
    guard let name = names.last else { return }
    if name == "t" {
      append(text)
    } else if name == "delText" {
      guard fields.last != true else { return }
      current?.originalText += text
    }
  }

  func end(at offset: Int) {
    guard let name = names.popLast() else { return }
    switch name {
    case "p":
      if let paragraph = current { paragraphs.append(paragraph) }
      current = nil
    case "ins", "moveTo": if names.last != "rPr" { inserted = max(0, inserted - 1) }
    case "del", "moveFrom": if names.last != "rPr" { deleted = max(0, deleted - 1) }
    default: break
    }
  }

  // MARK: - Helpers

  private func append(_ text: String) {
    guard fields.last != true, current != nil else { return }
    if deleted == 0 {
      current?.text += text
      if runItalic, !sawNonItalic {
        current?.italicPrefix += text
      } else if text.contains(where: \.isLetter) {
        sawNonItalic = true
      }
    }
    if inserted == 0 { current?.originalText += text }
  }

  private func addBookmark(_ name: String) {
    if current != nil { current?.bookmarks.append(name) } else { pendingBookmarks.append(name) }
  }

  private func addComment(_ id: String) {
    if current != nil {
      if current?.comments.contains(id) == false { current?.comments.append(id) }
    } else if !pendingComments.contains(id) {
      pendingComments.append(id)
    }
  }

  private func value(_ element: XML.Element, _ name: String = "val") -> String? {
    element.attributes.first { $0.name == name }?.value
  }
}
