import Foundation

/// The files Concord writes into a workspace besides its revisions: a new workspace
/// (`concord init`), the clause files of an imported draft and the position files of an
/// imported edited copy (`concord import`). Every one is new, or (a translation's texts,
/// while no revision exists) a clause file rewritten atomically; nothing else is replaced.
public enum WorkspaceFolder {
  /// Creates a workspace from `WorkspaceTemplate` in a folder that does not exist or is
  /// empty, and returns the files written. Its id is the folder's name, which must be one
  /// (`[A-Za-z][A-Za-z0-9_.-]*`); the example is in `languages`, the first the base language.
  /// `empty`: workspace.xml, members.xml and an empty `clauses/`, ready for `concord import`.
  /// Both write the workspace's `.gitignore` and `.gitattributes`.
  @discardableResult
  public static func create(at path: String, empty: Bool = false, languages: [String] = ["en"]) throws
    -> [String]
  {
    if FileSystem.exists(path) {
      guard FileSystem.isDirectory(path) else {
        throw DiagnosticsError(Diagnostic(file: path, message: "exists and is not a folder"))
      }
      guard try FileSystem.names(in: path).isEmpty else {
        throw DiagnosticsError(
          Diagnostic(file: path, message: "folder is not empty; init only creates new workspaces"))
      }
    }
    let id = URL(fileURLWithPath: FileSystem.absolute(path)).standardizedFileURL.lastPathComponent
    guard WorkspaceTemplate.isValidId(id) else {
      throw DiagnosticsError(
        Diagnostic(
          file: path,
          message:
            "\"\(id)\" cannot be a workspace id, which init takes from the folder's name: start with a letter, then letters, digits, '_', '.' or '-'"
        ))
    }
    if let bad = languages.first(where: { !WorkspaceTemplate.isValidLanguage($0) }) {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "\"\(bad)\" is not a language code (en, ru, zh-Hans)"))
    }
    guard !languages.isEmpty, Set(languages).count == languages.count else {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "give each language once, the base language first"))
    }
    var written: [String] = []
    let files =
      (empty
        ? WorkspaceTemplate.emptyFiles(id: id, languages: languages)
        : WorkspaceTemplate.files(id: id, languages: languages)) + WorkspaceTemplate.gitFiles
    for (relative, text) in files {
      let file = FileSystem.join(path, relative)
      try writeNew(Data(text.utf8), to: file)
      written.append(file)
    }
    if empty {
      let clauses = FileSystem.join(path, WorkspaceLoader.clausesFolder)
      try makeFolder(clauses)
      written.append(clauses + "/")
    }
    return written
  }

  /// What an import wrote (or, dry, would write), and what it has to say.
  public struct ImportOutcome: Sendable {
    /// Paths of the files written, as the user named the workspace.
    public var written: [String] = []
    public var warnings: [String] = []
    /// A dry run: each file that would be written, with its bytes.
    public var preview: [(path: String, data: Data)] = []
    /// "IND: 3 amend, 1 delete" for an edited copy.
    public var summary: String?
  }

  /// `concord import <ws> <file> [--lang L]`: the zero draft into a workspace without clauses,
  /// or a translation's texts into its clauses while no revision exists.
  public static func importDraft(
    _ file: String, into path: String, language: String? = nil, dryRun: Bool = false,
    reader: DocumentReader = DocumentReader()
  ) throws -> ImportOutcome {
    let importer = DraftImport(reader: reader)
    let lines = try importer.lines(of: file)
    let lock = dryRun ? nil : try WorkspaceLock(workspace: path)
    defer { withExtendedLifetime(lock) {} }
    let settingsFile = FileSystem.join(path, WorkspaceLoader.workspaceFile)
    let settings = InputDecoding.settings(
      try reader.read(settingsFile, as: .workspace), file: settingsFile)
    let clauses = FileSystem.join(path, WorkspaceLoader.clausesFolder)
    let revisions = try RevisionStore(workspacePath: path, reader: reader).revisions()
    var outcome = ImportOutcome()
    let files: [DraftImport.File]
    let replace: Bool
    if let language, language != settings.baseLanguage {
      guard revisions.isEmpty else {
        throw DiagnosticsError(
          Diagnostic(
            file: FileSystem.join(path, RevisionStore.folder),
            message:
              "Rev.0 exists: a translation is imported before the first assemble, never into a revision"))
      }
      guard FileSystem.isDirectory(clauses), !(try FileSystem.names(in: clauses)).isEmpty else {
        throw DiagnosticsError(
          Diagnostic(file: clauses, message: "has no clauses yet: import the base-language draft first"))
      }
      let workspace = try WorkspaceLoader(reader: reader).load(path)
      files = try importer.translation(lines, path: file, language: language, workspace: workspace)
      replace = true
    } else {
      if FileSystem.isDirectory(clauses), !(try FileSystem.names(in: clauses)).isEmpty {
        throw DiagnosticsError(
          Diagnostic(
            file: clauses,
            message:
              "already holds clause files: a draft is imported once, into an empty clauses/ (ids are never regenerated)"
          ))
      }
      let draft = try importer.zeroDraft(lines, path: file, settings: settings)
      files = draft.files
      outcome.warnings = draft.warnings
      replace = false
    }
    for entry in files {
      let target = FileSystem.join(path, entry.relativePath)
      if dryRun {
        outcome.preview.append((target, entry.data))
      } else if replace {
        try AtomicFile.write(entry.data, to: target, mode: .replace)
        outcome.written.append(target)
      } else {
        try writeNew(entry.data, to: target)
        outcome.written.append(target)
      }
    }
    return outcome
  }

  /// `concord import <ws> <copy.docx> --as CODE`: CODE's edited copy of the latest revision
  /// becomes `positions/round-<latest+1>/CODE.xml`, checked as `assemble` would check it
  /// (schema, cross-checks, the merge) before it is written; never over an existing file.
  public static func importCopy(
    _ file: String, into path: String, as code: String, dryRun: Bool = false,
    reader: DocumentReader = DocumentReader()
  ) throws -> ImportOutcome {
    let package = try WordPackage(try reader.readFile(file, shownAs: file), path: file, reader: reader)
    let lock = dryRun ? nil : try WorkspaceLock(workspace: path)
    defer { withExtendedLifetime(lock) {} }
    let workspace = try WorkspaceLoader(reader: reader).load(path)
    guard workspace.participant(code) != nil else {
      throw DiagnosticsError(
        Diagnostic(
          file: FileSystem.join(path, WorkspaceLoader.membersFile),
          message: "has no participant \(code): add it before importing its copy"))
    }
    guard !(try RevisionStore(workspacePath: path, reader: reader).revisions()).isEmpty else {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "has no revision yet: assemble and circulate Rev.0 first"))
    }
    let declaration = try DeclarationSource.latest(of: path).load(reader: reader)
    let round = declaration.revision + 1
    let relative = "\(WorkspaceLoader.positionsFolder)/round-\(round)/\(code).xml"
    let target = FileSystem.join(path, relative)
    if FileSystem.exists(target) {
      throw DiagnosticsError(
        Diagnostic(
          file: target,
          message:
            "exists already: Concord never overwrites a position file (remove it first, if it is to be replaced)"
        ))
    }
    let copy = try EditedCopy(
      package: package, path: file, declaration: declaration, participant: code, round: round)
    let data = try PositionsFile.bytes(
      copy.positions, languages: workspace.settings.languages, path: target, reader: reader)
    try checkAsAssembleWould(
      data, at: target, relative: relative, in: workspace, after: declaration, reader: reader)
    var outcome = ImportOutcome()
    outcome.warnings = copy.notes
    outcome.summary = PositionsFile.summary(copy.positions)
    if dryRun {
      outcome.preview = [(target, data)]
    } else {
      try writeNew(data, to: target)
      outcome.written = [target]
    }
    return outcome
  }

  /// The position file read back, cross-checked with the workspace and merged into the next
  /// revision in memory: what `assemble` would refuse is refused now.
  private static func checkAsAssembleWould(
    _ data: Data, at target: String, relative: String, in workspace: Workspace,
    after declaration: Declaration,
    reader: DocumentReader
  ) throws {
    let root = try reader.read(data, as: .positions, displayPath: target)
    let positions = InputDecoding.positions(root, file: target)
    var trial = workspace
    let number = positions.round
    var round = trial.round(number) ?? Round(number: number, positions: [])
    round.positions.append(positions)
    let order = workspace.participants.map(\.code)
    round.positions.sort {
      (order.firstIndex(of: $0.participant) ?? 0) < (order.firstIndex(of: $1.participant) ?? 0)
    }
    trial.rounds.removeAll { $0.number == number }
    trial.rounds.append(round)
    trial.rounds.sort { $0.number < $1.number }
    var checks = CrossChecks(workspace: trial)
    checks.run()
    let problems = checks.diagnostics.filter { $0.severity == .error }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    _ = try Negotiation(trial).revision(after: declaration, round: round)
  }

  /// Writes a file that must not exist yet, atomically, creating its folder.
  static func writeNew(_ data: Data, to file: String) throws {
    try makeFolder(FileSystem.directory(of: file))
    try AtomicFile.write(data, to: file, mode: .createNew)
  }

  private static func makeFolder(_ folder: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DiagnosticsError(Diagnostic(file: folder, message: "cannot create the folder"))
    }
  }
}
