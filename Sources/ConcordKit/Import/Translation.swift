import Foundation

/// A translation of the zero draft: its paragraphs become language L's texts of the clauses
/// already in the workspace, matched in order by structure — sections, their headings, the
/// preamble's paragraphs and the operative ones — never by guessing at meaning. If anything
/// does not line up, nothing is taken: the error names the first paragraph of each side that
/// does not match.
extension DraftImport {
  /// The workspace's clause files rewritten with the translation's texts in `language`.
  func translation(_ lines: [DraftLine], path: String, language: String, workspace: Workspace) throws
    -> [File]
  {
    let settings = workspace.settings
    guard settings.languages.contains(language) else {
      throw DiagnosticsError(
        Diagnostic(
          file: path,
          message:
            "--lang \(language) is not a language of the workspace (\(settings.languages.joined(separator: " ")) in workspace.xml)"
        ))
    }
    if let section = workspace.sections.first(where: { $0.clauses.contains { $0.texts[language] != nil } }) {
      throw DiagnosticsError(
        Diagnostic(
          file: section.location.file,
          message: "already has \(language) texts: a translation is imported once, into clauses without it"))
    }
    let structure = DraftStructure(lines, subject: settings.subjects[language])
    let theirs = Self.outline(
      structure.parts.map {
        ($0.kind, $0.heading, $0.headingPlace, $0.clauses.map { ($0.text.source, $0.place) })
      })
    let ours = Self.outline(
      workspace.sections.map { section in
        (
          section.kind, section.headings[settings.baseLanguage], "section \(section.id)",
          section.clauses.map { ($0.texts[settings.baseLanguage]?.source ?? "", "clause \($0.id)") }
        )
      })
    for index in 0..<max(theirs.count, ours.count) {
      let mine = index < theirs.count ? theirs[index] : nil
      let other = index < ours.count ? ours[index] : nil
      guard let mine, let other, mine.shape == other.shape else {
        let left = mine.map { "\($0.place) (\($0.shape): “\($0.excerpt)”)" } ?? "its end"
        let right = other.map { "\($0.place) (\($0.shape): “\($0.excerpt)”)" } ?? "their end"
        throw DiagnosticsError(
          Diagnostic(
            file: path,
            message:
              "does not line up with the clauses: the file's \(left) stands where the workspace has \(right); nothing imported"
          ))
      }
    }
    var files: [File] = []
    for (index, section) in workspace.sections.enumerated() {
      var translated = section
      let part = structure.parts[index]
      if let heading = part.heading, section.headings[settings.baseLanguage] != nil {
        translated.headings[language] = heading
      }
      for (number, clause) in part.clauses.enumerated() {
        translated.clauses[number].texts[language] = clause.text
      }
      let relative =
        "\(WorkspaceLoader.clausesFolder)/\((section.location.file as NSString).lastPathComponent)"
      files.append(
        File(
          relativePath: relative,
          data: try ClauseFile.bytes(
            translated, languages: settings.languages, path: relative, reader: reader)))
    }
    return files
  }

  private struct Piece {
    var shape: String
    var place: String
    var excerpt: String
  }

  /// Sections flattened to the pieces that must line up: a heading, then each clause.
  private static func outline(_ sections: [(SectionKind, String?, String?, [(String, String)])]) -> [Piece] {
    var pieces: [Piece] = []
    var operative = 0
    for (kind, heading, place, clauses) in sections {
      if let heading {
        pieces.append(Piece(shape: "a heading", place: place ?? "heading", excerpt: excerpt(heading)))
      }
      for (text, clausePlace) in clauses {
        if kind == .operative {
          operative += 1
          pieces.append(
            Piece(shape: "operative paragraph \(operative)", place: clausePlace, excerpt: excerpt(text)))
        } else {
          pieces.append(Piece(shape: "a preamble paragraph", place: clausePlace, excerpt: excerpt(text)))
        }
      }
    }
    return pieces
  }

  private static func excerpt(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "<parties/>", with: "…")
    return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
  }
}
