extension [WordEdit] {
  /// The new text: every run but the deleted ones.
  var newText: String { filter { $0.operation != .delete }.map(\.text).joined() }
  var hasChanges: Bool { contains { $0.operation != .equal } }
}

/// What the redline formats (Akoma Ntoso, HTML, DOCX) compare a revision against.
struct Redline: Sendable {
  let previous: Declaration
  private let previousParagraphs: [String: Paragraph]

  init(previous: Declaration) {
    self.previous = previous
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

  /// The previous text of `reference` of paragraph `id` in `language` when it was a
  /// translation there (not the base text shown for a pending one); nil otherwise.
  func previousTranslation(of id: String, option reference: OptionReference, in language: String)
    -> String?
  {
    guard let paragraph = previousParagraphs[id], let option = paragraph.option(reference),
      !option.isDeletion, option.text(in: language) != nil
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

  /// Runs that turn `old` into `new` (rendered texts), by `concord diff`'s word diff: joined,
  /// the equal and deleted runs give `old`, the equal and inserted runs give `new`.
  func edits(from old: String, to new: String) -> [WordEdit] { ParagraphWords.edits(from: old, to: new) }
}
