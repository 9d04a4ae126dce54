import Foundation

/// The one home of revisions on disk: `revisions/rev-<n>.xml` in a workspace.
///
/// Everything that reads or writes a revision goes through here: the file names and their
/// sequence, references (`3`, `rev-3`, `latest~1`) with one set of messages, the readers
/// (whole, streaming decode, outline for comparing) and the one writer, which never
/// overwrites a revision.
public struct RevisionStore: Sendable {
  public static let folder = "revisions"

  public let workspacePath: String
  public var reader: DocumentReader

  public init(workspacePath: String, reader: DocumentReader = DocumentReader()) {
    self.workspacePath = workspacePath
    self.reader = reader
  }

  public var folderPath: String { FileSystem.join(workspacePath, Self.folder) }

  public static func fileName(of revision: Int) -> String { "rev-\(revision).xml" }

  /// `rev-12.xml` → 12; nil for any other name (temporary files included).
  public static func revisionNumber(ofFile name: String) -> Int? {
    guard name.hasPrefix("rev-"), name.hasSuffix(".xml") else { return nil }
    let digits = name.dropFirst(4).dropLast(4)
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      let number = Int(digits), "rev-\(number).xml" == name
    else { return nil }
    return number
  }

  public func path(of revision: Int) -> String {
    FileSystem.join(folderPath, Self.fileName(of: revision))
  }

  /// The path of a revision relative to the workspace, as provenance records it.
  public static func relativePath(of revision: Int) -> String { "\(folder)/\(fileName(of: revision))" }

  /// The revision numbers on disk, ascending, as they are (gaps included).
  public func revisions() throws -> [Int] {
    guard FileSystem.isDirectory(folderPath) else {
      // A file (or a link to nothing) where the folder should be: say so, rather than take
      // the workspace for one without revisions and fail later on a raw system error.
      if FileSystem.exists(folderPath)
        || (try? FileManager.default.destinationOfSymbolicLink(atPath: folderPath)) != nil
      {
        throw DiagnosticsError(
          Diagnostic(
            file: folderPath, message: "is not a folder: revisions are kept in the folder revisions/"))
      }
      return []
    }
    return try FileSystem.names(in: folderPath).compactMap(Self.revisionNumber(ofFile:)).sorted()
  }

  /// The revisions on disk, checked to run from Rev.0 without gaps; the first file out of
  /// line is named.
  public func sequence() throws -> [Int] {
    let numbers = try revisions()
    for (index, number) in numbers.enumerated() where number != index {
      throw DiagnosticsError(
        Diagnostic(
          file: path(of: number),
          message: "Rev.\(index) is missing before Rev.\(number): revisions are numbered from 0 without gaps")
      )
    }
    return numbers
  }

  /// The revision a reference names among those on disk (latest when nil).
  ///
  /// In a workspace (a folder with `workspace.xml`) the revisions are checked as a chain
  /// first (`RevisionChain`): a gap, a planted, renamed or edited revision stops every
  /// command that reads them. A bare folder of revision files is read as it is.
  public func resolve(_ reference: RevisionReference?) throws -> Int {
    try resolve(reference, onEveryCore: true)
  }

  /// - Parameter onEveryCore: the chain's files read on every core, or on this thread alone.
  func resolve(_ reference: RevisionReference?, onEveryCore: Bool) throws -> Int {
    if let problem = WorkspaceLoader.folderProblem(workspacePath) { throw DiagnosticsError(problem) }
    let numbers =
      try isWorkspace ? RevisionChain(self, onEveryCore: onEveryCore).links.map(\.head.revision) : revisions()
    return try (reference ?? .latest(back: 0)).resolve(among: numbers, workspace: workspacePath)
  }

  /// The revision a reference names, read and validated, with the chain checked (`resolve`
  /// and `load`), on two cores: the revision is decoded on one, while the other checks the
  /// chain and then validates the revision. The chain's verdict comes first, then
  /// validation's, as if they ran one after the other.
  public func load(_ reference: RevisionReference?) throws -> Declaration {
    try load(reference, meanwhile: { _ in }).declaration
  }

  /// `load(reference)`, and `work` done with the revision as soon as it is decoded, while it
  /// is still being checked and validated on the other core: what a command makes of it (a
  /// report) is ready when the checks end. `work`'s result is given only with a revision
  /// that passed them; nil when it could not run early (do it then).
  public func load<T>(_ reference: RevisionReference?, meanwhile work: @escaping @Sendable (Declaration) -> T)
    throws -> (declaration: Declaration, meanwhile: T?)
  {
    let named = try? (reference ?? .latest(back: 0)).resolve(among: revisions(), workspace: workspacePath)
    let file = named.map(path(of:)) ?? ""
    guard let named, let data = try? reader.readFile(file, shownAs: file) else {
      return (try load(resolve(reference)), nil)
    }
    var resolved = named
    let (declaration, done) = try DeclarationDecoding.declaration(
      consume data, file: file, reader: reader, meanwhile: work
    ) {
      resolved = try resolve(reference, onEveryCore: false)
    }
    return resolved == named ? (try numbered(declaration, named), done) : (try load(resolved), nil)
  }

  /// Whether the folder is a workspace (it has `workspace.xml`), whose revisions form a chain.
  public var isWorkspace: Bool {
    FileSystem.isRegularFile(FileSystem.join(workspacePath, WorkspaceLoader.workspaceFile))
  }

  // MARK: - Reading

  /// Reads and validates one revision.
  public func load(_ revision: Int) throws -> Declaration {
    try numbered(Self.loadDeclaration(path(of: revision), reader: reader), revision)
  }

  /// One revision read for comparing (`DeclarationOutline`).
  /// - Parameter proven: the seal that the revision's successor records for it (the chain
  ///   checked it): bytes whose content still gives it, and that carry it, were validated
  ///   when Concord wrote them, and are not validated again.
  public func outline(_ revision: Int, proven: String? = nil) throws -> DeclarationOutline {
    let file = path(of: revision)
    let data = try reader.readFile(file, shownAs: file)
    let seal = proven == nil ? nil : ContentDigest.seal(of: data)
    let validating = seal == nil || seal?.recorded != proven || seal?.computed != proven
    let outline = try DeclarationOutline(data, file: file, reader: reader, validating: validating)
    _ = try numbered(outline.head, revision)
    return outline
  }

  /// A revision file holds the revision its name gives (a copy of `rev-1.xml` saved as
  /// `rev-2.xml` is not Rev.2).
  func numbered(_ declaration: Declaration, _ revision: Int) throws -> Declaration {
    guard declaration.revision == revision else {
      throw DiagnosticsError(
        Diagnostic(
          file: path(of: revision),
          message:
            "holds Rev.\(declaration.revision) (revision=\"\(declaration.revision)\"), not Rev.\(revision): a revision file's name and number must agree"
        ))
    }
    return declaration
  }

  /// Reads and validates any declaration file (in one pass: for files read while others are;
  /// `DeclarationSource.load` reads one alone on two cores).
  public static func loadDeclaration(_ path: String, reader: DocumentReader = DocumentReader()) throws
    -> Declaration
  {
    let data = try reader.readFile(path, shownAs: path)
    return try DeclarationDecoding.declaration(data, file: path, reader: reader)
  }

  /// Any declaration file read for comparing.
  public static func outline(_ path: String, reader: DocumentReader = DocumentReader()) throws
    -> DeclarationOutline
  {
    try DeclarationOutline(try reader.readFile(path, shownAs: path), file: path, reader: reader)
  }

  /// Validates every revision file on disk against the schema (but those `except` names);
  /// returns the files and the problems found.
  func validateFiles(except proven: Set<Int> = []) -> (files: [String], diagnostics: [Diagnostic]) {
    let numbers: [Int]
    do {
      numbers = try revisions()
    } catch {
      return ([], DiagnosticsError.diagnostics(of: error, file: folderPath))
    }
    let files = numbers.map(path(of:))
    let checked = numbers.filter { !proven.contains($0) }.map(path(of:))
    return (files, checked.flatMap { reader.validate($0) })
  }

  // MARK: - Writing

  /// The bytes of a revision as Concord writes it, checked against the schema before they
  /// reach the disk.
  public func encode(_ declaration: Declaration) throws -> Data {
    let data = try DeclarationWriter().bytes(declaration)
    let problems = reader.validate(data, as: .declaration, displayPath: path(of: declaration.revision))
    guard problems.isEmpty else { throw DiagnosticsError(problems) }
    return data
  }

  /// Writes a revision's bytes atomically; never over an existing revision.
  func write(_ data: Data, revision: Int) throws {
    try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
    try AtomicFile.write(data, to: path(of: revision), mode: .createNew)
  }
}
