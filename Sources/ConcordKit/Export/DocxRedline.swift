/// A paragraph of `word/document.xml` ready to write: its runs, each as both revisions have it
/// (`.equal`), only the later one (`.insert`) or only the earlier one (`.delete`), and its
/// paragraph mark the same way.
struct DocxParagraph: Sendable {
  var style: String
  var mark: WordEdit.Operation
  /// Who inserted or deleted the paragraph.
  var author: String
  var bookmark: CirculatedMarks.Mark?
  var runs: [DocxRun]
}

struct DocxRun: Sendable {
  enum Content: Hashable, Sendable {
    case text(String)
    /// "12." and the tab after it.
    case number(String)
    /// A footnote reference, by the footnote's `w:id`.
    case note(Int)
  }

  var content: Content
  var operation: WordEdit.Operation
  var author: String
  var italic = false
  var language: String?
}

/// The paragraphs and footnotes of a Word document, and against an earlier revision every
/// difference between the two as tracked changes, so that "reject all" gives back the earlier
/// revision's own document and "accept all" this one's, paragraph numbers aside (a paragraph in
/// both shows its new number, untracked).
///
/// Both revisions are laid out as lines (`DocxLine`); lines are matched by key, and of the
/// matched ones those that kept their order (`ParagraphAlignment`'s longest increasing
/// subsequence) are compared piece by piece: brackets and labels that come or go, the text word
/// by word, footnote references by the notes' texts. Every other line is inserted or deleted
/// whole, runs and paragraph mark: an option dropped, a paragraph added, removed or moved, a
/// section heading that appears or disappears. A footnote whose reference is deleted keeps its
/// content in `word/footnotes.xml`.
///
/// Time O(n log n) in the number of lines, plus the word diffs of the texts that changed.
struct DocxRedline: Sendable {
  private(set) var paragraphs: [DocxParagraph] = []
  /// `w:id` and text: the later revision's notes (their numbers), then the earlier one's that
  /// only deleted references point to.
  private(set) var footnotes: [(id: Int, text: String)] = []
  private var authors: [String: String] = [:]
  /// The earlier revision's note numbers → their footnotes' ids here.
  private var earlierNotes: [Int: Int] = [:]
  private var nextFootnote = 1
  private let vocabulary: Vocabulary

  static let nobody = "Concord"

  init(_ presentation: Presentation) {
    vocabulary = presentation.vocabulary
    let new = DocxLine.lines(of: presentation)
    footnotes = presentation.notes.map { ($0.number, $0.text) }
    nextFootnote = (presentation.notes.map(\.number).max() ?? 0) + 1
    guard let previous = presentation.previous else {
      paragraphs = new.map { compare($0, $0, mark: .equal) }
      return
    }
    for item in presentation.items where !item.authors.isEmpty {
      authors[item.id] = item.authors.joined(separator: ", ")
    }
    let old = DocxLine.lines(of: Presentation(previous, language: presentation.language))
    let alignment = ParagraphAlignment(old: old.map(\.key), new: new.map(\.key))
    var nextOld = 0
    var nextNew = 0
    for (index, line) in new.enumerated() {
      guard let position = alignment.oldIndex[index], !alignment.moved[index] else { continue }
      for gone in old[nextOld..<position] {
        paragraphs.append(compare(gone, .nothing(like: gone), mark: .delete))
      }
      for added in new[nextNew..<index] {
        paragraphs.append(compare(.nothing(like: added), added, mark: .insert))
      }
      paragraphs.append(compare(old[position], line, mark: .equal))
      nextOld = position + 1
      nextNew = index + 1
    }
    for gone in old[nextOld...] { paragraphs.append(compare(gone, .nothing(like: gone), mark: .delete)) }
    for added in new[nextNew...] { paragraphs.append(compare(.nothing(like: added), added, mark: .insert)) }
  }

  // MARK: - Comparing two lines

  /// The runs that turn `old` into `new`, in the order a line has its pieces.
  private mutating func compare(_ old: DocxLine, _ new: DocxLine, mark: WordEdit.Operation) -> DocxParagraph {
    let author = (new.paragraph ?? old.paragraph).flatMap { authors[$0] } ?? Self.nobody
    var runs: [DocxRun] = []
    switch (old.number, new.number) {
    case (_, let number?):
      runs.append(
        DocxRun(content: .number(number), operation: old.number == nil ? .insert : .equal, author: author))
    case (let number?, nil):
      runs.append(DocxRun(content: .number(number), operation: .delete, author: author))
    case (nil, nil): break
    }
    runs += toggled(vocabulary.openBracket, old.opens, new.opens, author: author)
    let labelAuthor = new.sponsors.isEmpty ? author : new.sponsors.joined(separator: ", ")
    for edit in Self.edits(from: old.label, to: new.label) {
      let by = edit.operation == .insert ? labelAuthor : author
      runs.append(DocxRun(content: .text(edit.text), operation: edit.operation, author: by, italic: true))
    }
    let textEdits =
      new.edits.oldText == old.text && new.edits.newText == new.text
      ? new.edits : Self.edits(from: old.text, to: new.text)
    for edit in textEdits where !edit.text.isEmpty {
      let language = edit.operation == .delete ? old.language : new.language
      runs.append(
        DocxRun(content: .text(edit.text), operation: edit.operation, author: author, language: language))
    }
    runs += notes(old.note.map { [$0] } ?? [], new.note.map { [$0] } ?? [], author: author)
    runs += toggled(vocabulary.closeBracket, old.closes, new.closes, author: author)
    runs += notes(old.notes, new.notes, author: author)
    let style = mark == .delete ? old.style : new.style
    return DocxParagraph(
      style: style, mark: mark, author: author, bookmark: mark == .delete ? nil : new.bookmark, runs: runs)
  }

  /// A bracket that both lines have, or one of them.
  private func toggled(_ text: String, _ old: Bool, _ new: Bool, author: String) -> [DocxRun] {
    switch (old, new) {
    case (true, true): [DocxRun(content: .text(text), operation: .equal, author: author)]
    case (true, false): [DocxRun(content: .text(text), operation: .delete, author: author)]
    case (false, true): [DocxRun(content: .text(text), operation: .insert, author: author)]
    case (false, false): []
    }
  }

  /// Footnote references, matched by the notes' texts: the common start stays, the rest of the
  /// earlier ones are deleted and the rest of the later ones inserted.
  private mutating func notes(
    _ old: [Presentation.Note], _ new: [Presentation.Note], author: String
  ) -> [DocxRun] {
    var common = 0
    while common < min(old.count, new.count), old[common].text == new[common].text { common += 1 }
    var runs = new[..<common].map { DocxRun(content: .note($0.number), operation: .equal, author: author) }
    for note in old[common...] {
      runs.append(DocxRun(content: .note(earlierFootnote(note)), operation: .delete, author: author))
    }
    for note in new[common...] {
      runs.append(DocxRun(content: .note(note.number), operation: .insert, author: author))
    }
    return runs
  }

  /// The footnote a deleted reference to an earlier note points to: added once, after the
  /// later revision's own.
  private mutating func earlierFootnote(_ note: Presentation.Note) -> Int {
    if let id = earlierNotes[note.number] { return id }
    let id = nextFootnote
    nextFootnote += 1
    footnotes.append((id, note.text))
    earlierNotes[note.number] = id
    return id
  }

  /// The word edits from `old` to `new`, without diffing texts that are the same.
  private static func edits(from old: String, to new: String) -> [WordEdit] {
    if old == new { return old.isEmpty ? [] : [WordEdit(.equal, old)] }
    if old.isEmpty { return [WordEdit(.insert, new)] }
    if new.isEmpty { return [WordEdit(.delete, old)] }
    return ParagraphWords.edits(from: old, to: new)
  }
}

extension [WordEdit] {
  /// The old text: every run but the inserted ones.
  var oldText: String { filter { $0.operation != .insert }.map(\.text).joined() }
}
