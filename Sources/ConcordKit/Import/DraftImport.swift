import Foundation

/// A draft declaration read from a `.docx`, `.md` or `.txt` file into the clause files of a
/// workspace: the zero draft (`sections(...)`), or with a language, a translation of the
/// clauses already there (`Translation`).
public struct DraftImport: Sendable {
  /// One clause file to write: its path relative to the workspace, and its bytes.
  public struct File: Hashable, Sendable {
    public var relativePath: String
    public var data: Data
  }

  public var reader: DocumentReader

  public init(reader: DocumentReader = DocumentReader()) { self.reader = reader }

  /// The kinds of file a draft can come in, by extension.
  public enum Format: String, Sendable, CaseIterable {
    case docx, md, txt

    public init?(path: String) {
      let name = path.lowercased()
      if name.hasSuffix(".markdown") {
        self = .md
        return
      }
      guard let dot = name.lastIndex(of: ".") else { return nil }
      self.init(rawValue: String(name[name.index(after: dot)...]))
    }
  }

  /// The file's paragraphs as draft lines.
  func lines(of path: String) throws -> [DraftLine] {
    guard let format = Format(path: path) else {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "is not a draft Concord reads: give a .docx, .md or .txt file"))
    }
    let data = try reader.readFile(path, shownAs: path)
    if format == .docx { return try WordPackage(data, path: path, reader: reader).draftLines() }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "is not UTF-8 text: save it as UTF-8 (Concord reads UTF-8 only)"))
    }
    if text.unicodeScalars.contains(where: { $0.value == 0 }) {
      throw DiagnosticsError(Diagnostic(file: path, message: "contains a NUL byte: is it a binary file?"))
    }
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    return format == .md ? PlainDrafts.markdown(body) : PlainDrafts.text(body)
  }

  /// The zero draft's clause files from `path`, for a workspace that has no clauses yet; and
  /// the warnings to show (tracked changes accepted, unnumbered operative paragraphs).
  func zeroDraft(_ lines: [DraftLine], path: String, settings: Settings) throws -> (
    files: [File], warnings: [String]
  ) {
    let language = settings.baseLanguage
    let structure = DraftStructure(lines, subject: settings.subjects[language])
    guard !structure.parts.isEmpty, structure.parts.contains(where: { !$0.clauses.isEmpty }) else {
      throw DiagnosticsError(Diagnostic(file: path, message: "holds no paragraph to import"))
    }
    var files: [File] = []
    for (index, part) in structure.parts.enumerated() {
      let section = Section(
        id: part.id, kind: part.kind, headings: part.heading.map { [language: $0] } ?? [:],
        clauses: part.clauses.enumerated().map { number, clause in
          Clause(
            id: "\(part.id)-\(number + 1)", texts: [language: clause.text],
            location: SourceLocation(file: path))
        }, location: SourceLocation(file: path))
      let name = String(format: "clauses/%02d-%@.xml", index + 1, part.id)
      files.append(
        File(
          relativePath: name,
          data: try ClauseFile.bytes(section, languages: settings.languages, path: name, reader: reader)))
    }
    return (files, structure.warnings.map { "\(path): warning: \($0)" })
  }
}

/// A section written as its clause file, and checked against `section.xsd` before anyone
/// writes it.
enum ClauseFile {
  static func bytes(_ section: Section, languages: [String], path: String, reader: DocumentReader) throws
    -> Data
  {
    var writer = XMLWriter()
    writer.start(
      "section", [("xmlns", XML.concordNamespace), ("id", section.id), ("kind", section.kind.rawValue)])
    for (language, heading) in section.headings.inOrder(of: languages) {
      writer.element("heading", [("xml:lang", language)], text: heading)
    }
    for clause in section.clauses {
      writer.start("clause", [("id", clause.id)])
      for (language, text) in clause.texts.inOrder(of: languages) {
        writer.element("text", [("xml:lang", language)], text: text)
      }
      writer.end()
    }
    writer.end()
    if let problem = writer.problems.first {
      throw DiagnosticsError(Diagnostic(file: path, message: problem))
    }
    let errors = reader.validate(writer.data, as: .section, displayPath: path)
    if !errors.isEmpty { throw DiagnosticsError(errors) }
    return writer.data
  }
}
