import Foundation

/// A delegation's edited copy of a circulated revision, read back as its positions.
///
/// Paragraphs are matched to the revision's by the bookmarks the export put in them
/// (`CirculatedMarks`), and by their text where an editor lost them. Then, per paragraph:
/// text changed → `amend` (the full new text, tracked changes accepted); gone → `delete`; new →
/// `insert` after the paragraph before it; moved → reported (positions have no move stance);
/// each Word comment → `comment`, or the stance it starts with (`StanceKeywords`).
///
/// A copy of another workspace, of another revision than the latest, or whose marks do not
/// fit the revision (unknown ids, one id twice, most texts unlike their paragraph's), is
/// refused. Linear in the paragraphs, plus the longest increasing subsequence for moves
/// (O(n log n)); pieces that lost their marks are matched by their words (`WordLikeness`).
struct EditedCopy {
  let package: WordPackage
  let path: String
  let declaration: Declaration
  /// The revision's paragraphs in document order (computed once: `Declaration.paragraphs`
  /// flattens the sections each time).
  let paragraphs: [Paragraph]
  /// Each paragraph's place in `paragraphs`, by id.
  let places: [String: Int]
  /// The package's comments by id (the first of an id, as Word reads them).
  let comments: [String: WordComment]
  let participant: String
  let round: Int

  var stances: [Stance] = []
  var notes: [String] = []

  /// One paragraph of the copy, after accepting its tracked changes.
  struct Piece {
    var paragraph: WordParagraph
    var text: String
    var comments: [String]
    var marks: [CirculatedMarks.Mark]
  }

  init(package: WordPackage, path: String, declaration: Declaration, participant: String, round: Int) throws {
    self.package = package
    self.path = path
    self.declaration = declaration
    self.paragraphs = declaration.paragraphs
    self.places = Dictionary(
      paragraphs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.comments = Dictionary(package.comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.participant = participant
    self.round = round
    try checkProvenance()
    try read()
  }

  var language: String {
    let stated = package.properties[WordPackage.languageProperty] ?? package.properties["core.language"]
    let languages = declaration.settings.languages
    return stated.flatMap { tag in languages.first { tag == $0 || tag.hasPrefix($0 + "-") } }
      ?? declaration.settings.baseLanguage
  }

  private func refuse(_ message: String) -> DiagnosticsError {
    DiagnosticsError(Diagnostic(file: path, message: message))
  }

  /// The copy must come from this workspace's latest revision.
  private func checkProvenance() throws {
    let settings = declaration.settings
    let marks = package.paragraphs.flatMap(\.bookmarks).compactMap(CirculatedMarks.mark)
    if let workspace = package.properties[WordPackage.workspaceProperty], workspace != settings.id {
      throw refuse(
        "was circulated by workspace \"\(workspace)\", not \"\(settings.id)\": import it into its own workspace"
      )
    }
    let stated = package.properties[WordPackage.revisionProperty].flatMap { Int($0) }
    guard let revision = stated ?? marks.first?.revision else {
      throw refuse(
        "carries no Concord paragraph ids: only a copy of a revision exported with `concord export --format docx` can be read back"
      )
    }
    if revision != declaration.revision {
      let age =
        revision < declaration.revision ? "an older revision" : "a revision this workspace does not have"
      throw refuse(
        "is a copy of Rev.\(revision), \(age); positions answer the latest revision, Rev.\(declaration.revision): circulate it and edit that copy"
      )
    }
    if let stray = marks.first(where: { $0.revision != revision }) {
      throw refuse(
        "mixes the paragraphs of Rev.\(stray.revision) into a copy of Rev.\(revision): its ids are scrambled")
    }
  }

  /// The copy's paragraphs with tracked changes accepted: a deleted paragraph mark joins a
  /// paragraph to the next; an emptied paragraph takes its marks with it.
  func acceptedPieces() -> [Piece] {
    var pieces: [Piece] = []
    var carried: Piece?
    for paragraph in package.paragraphs {
      var piece = Piece(
        paragraph: paragraph, text: paragraph.cleanText, comments: paragraph.comments,
        marks: paragraph.bookmarks.compactMap(CirculatedMarks.mark))
      if let previous = carried {
        piece.text = WordParagraph.clean(previous.text + " " + piece.text)
        piece.comments = previous.comments + piece.comments
        if !previous.text.isEmpty { piece.marks = previous.marks + piece.marks }
        carried = nil
      }
      if paragraph.markDeleted {
        carried = piece
        continue
      }
      pieces.append(piece)
    }
    if let carried { pieces.append(carried) }
    return pieces
  }
}
