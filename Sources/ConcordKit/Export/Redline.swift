extension [WordEdit] {
  /// The new text: every run but the deleted ones.
  var newText: String { filter { $0.operation != .delete }.map(\.text).joined() }
  var hasChanges: Bool { contains { $0.operation != .equal } }
}

/// Word-level differences between two texts: the one seam through which the exporters call a
/// word diff.
protocol WordDiffing: Sendable {
  /// Runs that turn `old` into `new`: joined, the equal and deleted runs give `old`, the equal
  /// and inserted runs give `new`.
  func edits(from old: String, to new: String) -> [WordEdit]
}

/// What the redline formats (Akoma Ntoso, HTML, DOCX) compare a revision against.
struct Redline: Sendable {
  /// The word diff every export uses: the one `concord diff` uses.
  static let wordDiff: any WordDiffing = TextWordDiff()

  let previous: Declaration
  let differ: any WordDiffing
  private let previousParagraphs: [String: Paragraph]

  init(previous: Declaration, differ: any WordDiffing = Redline.wordDiff) {
    self.previous = previous
    self.differ = differ
    var paragraphs: [String: Paragraph] = [:]
    for paragraph in previous.paragraphs { paragraphs[paragraph.id] = paragraph }
    self.previousParagraphs = paragraphs
  }

  func previousParagraph(_ id: String) -> Paragraph? { previousParagraphs[id] }

  /// The previous text of `reference` of paragraph `id` in `language`, rendered; nil when the
  /// paragraph or option did not exist (or was deletion).
  func previousText(of id: String, option reference: OptionReference, in language: String)
    -> String?
  {
    guard let paragraph = previousParagraphs[id], let option = paragraph.option(reference),
      !option.isDeletion
    else { return nil }
    return previous.renderedText(of: paragraph, option: option, in: language).text
  }

  /// The paragraphs of the previous revision that this one no longer has, each with the id of
  /// the paragraph it followed that still exists (nil: none before it did) and the section
  /// it stood in. Linear in the number of paragraphs.
  func removedParagraphs(keeping ids: Set<String>) -> [(
    anchor: String?, section: String, paragraph: Paragraph
  )] {
    var result: [(anchor: String?, section: String, paragraph: Paragraph)] = []
    var anchor: String?
    for section in previous.sections {
      for paragraph in section.paragraphs {
        if ids.contains(paragraph.id) {
          anchor = paragraph.id
        } else {
          result.append((anchor, section.id, paragraph))
        }
      }
    }
    return result
  }
}

/// `concord diff`'s word diff (Diff/WordDiff: Myers, byte-level tokens, readable hunks) on
/// rendered texts.
struct TextWordDiff: WordDiffing {
  func edits(from old: String, to new: String) -> [WordEdit] { ParagraphWords.edits(from: old, to: new) }
}

// MARK: - The first word diff

/// The word diff the exports used before the diff branch landed; kept for its tests.
///
/// Tokens are runs of white space, runs of other characters, and single Han (CJK) characters,
/// so Chinese is compared character by character. The edit script is the standard library's
/// `difference(from:)` (Myers), O((N + M) · D) time for N and M tokens and D differences.
/// Runs are then grouped so that a changed phrase reads as one deletion then one insertion.
struct StandardLibraryWordDiff: WordDiffing {
  func edits(from old: String, to new: String) -> [WordEdit] {
    if old == new { return old.isEmpty ? [] : [WordEdit(.equal, old)] }
    let a = Self.tokens(old)
    let b = Self.tokens(new)
    let difference = b.difference(from: a)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var raw: [WordEdit] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, removed.contains(i) {
        raw.append(WordEdit(.delete, a[i]))
        i += 1
      } else if j < b.count, inserted.contains(j) {
        raw.append(WordEdit(.insert, b[j]))
        j += 1
      } else if i < a.count, j < b.count {
        raw.append(WordEdit(.equal, a[i]))
        i += 1
        j += 1
      } else {
        break
      }
    }
    return Self.grouped(raw)
  }

  static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var currentIsSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isIdeographic {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        tokens.append(String(scalar))
        continue
      }
      let isSpace = scalar.properties.isWhitespace
      if !current.isEmpty, isSpace != currentIsSpace {
        tokens.append(current)
        current = ""
      }
      current.unicodeScalars.append(scalar)
      currentIsSpace = isSpace
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  /// White space alone between two changes joins them; within each changed stretch the
  /// deletions come first, then the insertions; neighbouring runs of one kind are merged.
  private static func grouped(_ raw: [WordEdit]) -> [WordEdit] {
    var edits: [WordEdit] = []
    for (index, edit) in raw.enumerated() {
      let joinsChanges =
        edit.operation == .equal && edit.text.allSatisfy(\.isWhitespace) && index > 0
        && index < raw.count - 1 && raw[index - 1].operation != .equal
        && raw[index + 1].operation != .equal
      if joinsChanges {
        edits.append(WordEdit(.delete, edit.text))
        edits.append(WordEdit(.insert, edit.text))
      } else {
        edits.append(edit)
      }
    }
    var result: [WordEdit] = []
    var deleted = ""
    var added = ""
    func flush() {
      if !deleted.isEmpty { result.append(WordEdit(.delete, deleted)) }
      if !added.isEmpty { result.append(WordEdit(.insert, added)) }
      deleted = ""
      added = ""
    }
    for edit in edits {
      switch edit.operation {
      case .delete: deleted += edit.text
      case .insert: added += edit.text
      case .equal:
        flush()
        if let last = result.last, last.operation == .equal {
          result[result.count - 1].text += edit.text
        } else {
          result.append(edit)
        }
      }
    }
    flush()
    return result
  }
}
