/// A declaration as a command names it: a revision of a workspace, or any declaration file.
public enum DeclarationSource: Hashable, Sendable {
  case revision(workspace: String, RevisionReference)
  case file(String)

  /// What `argument` names: in a workspace, a revision (`3`, `rev-3`, `latest~1`) or else a
  /// file that exists; without one, a file.
  public init(_ argument: String, in workspace: String?) throws {
    if let workspace {
      if let reference = RevisionReference(argument) {
        self = .revision(workspace: workspace, reference)
        return
      }
      guard FileSystem.isRegularFile(argument) else {
        throw DiagnosticsError(
          Diagnostic(
            file: workspace,
            message:
              "\"\(argument)\" is neither a revision (3, rev-3, latest, latest~1) nor a declaration file"))
      }
    }
    self = .file(argument)
  }

  /// The latest revision of a workspace, or the file itself.
  public static func latest(of path: String) -> DeclarationSource {
    FileSystem.isDirectory(path) ? .revision(workspace: path, .latest(back: 0)) : .file(path)
  }

  /// Reads, validates and decodes it.
  public func load(reader: DocumentReader = DocumentReader()) throws -> Declaration {
    try load(reader: reader, meanwhile: { _ in }).declaration
  }

  /// The same, and `work` done with the declaration while it is still being validated
  /// (`RevisionStore.load(_:meanwhile:)`): given only with a declaration that passed; nil
  /// when it could not run early.
  public func load<T>(
    reader: DocumentReader = DocumentReader(), meanwhile work: @escaping @Sendable (Declaration) -> T
  )
    throws -> (declaration: Declaration, meanwhile: T?)
  {
    switch self {
    case .file(let path):
      return try DeclarationDecoding.declaration(
        reader.readFile(path, shownAs: path), file: path, reader: reader, meanwhile: work)
    case .revision(let workspace, let reference):
      return try RevisionStore(workspacePath: workspace, reader: reader).load(reference, meanwhile: work)
    }
  }

  /// Reads and validates it for comparing.
  ///
  /// A workspace's revision that its successor vouches for (the chain recorded its digest,
  /// and its bytes still have it) is not validated again: Concord validated it when it wrote
  /// it. The latest revision, and any loose file, is validated.
  /// - Parameter chain: the workspace's chain when the caller has checked it already.
  public func outline(reader: DocumentReader = DocumentReader(), chain: RevisionChain? = nil) throws
    -> DeclarationOutline
  {
    switch self {
    case .file(let path): return try RevisionStore.outline(path, reader: reader)
    case .revision(let workspace, let reference):
      let store = RevisionStore(workspacePath: workspace, reader: reader)
      guard store.isWorkspace else { return try store.outline(store.resolve(reference)) }
      let links = try (chain ?? RevisionChain(store)).links
      let revision = try reference.resolve(among: links.map(\.head.revision), workspace: workspace)
      let successor = links.first { $0.head.revision == revision + 1 }
      let proven = successor?.head.provenance.first { $0.kind == .revision }?.sha256
      return try store.outline(revision, proven: proven)
    }
  }
}

extension DeclarationSource {
  /// The same workspace's revision `number` (nil: this source as it is). Only a workspace has
  /// revisions to choose from.
  public func revision(_ number: Int?) throws -> DeclarationSource {
    guard let number else { return self }
    guard case .revision(let workspace, _) = self else {
      throw DiagnosticsError(
        Diagnostic(file: "concord", message: "a revision number needs a workspace folder, not a file"))
    }
    return .revision(workspace: workspace, .number(number))
  }
}
