import Foundation

/// What `concord diff` compares: two declaration files, two revisions of a workspace, or what
/// git hands an external diff driver.
public struct DiffInputs: Hashable, Sendable {
  /// One side of the comparison; nil for no document (git's `/dev/null` for a file added or
  /// deleted).
  public typealias Side = DeclarationSource?

  public var old: Side
  public var new: Side

  public init(old: Side, new: Side) {
    self.old = old
    self.new = new
  }

  /// From the command line: `A.xml B.xml`, `<ws>` (latest~1 against latest), `<ws> <A>`
  /// (A against latest) or `<ws> <A> <B>`. In a workspace a reference that names an existing
  /// file is read as that file.
  public init(arguments: [String]) throws {
    guard (1...3).contains(arguments.count) else {
      throw DiagnosticsError(
        Diagnostic(
          file: "concord diff",
          message: "expected two declaration files, or a workspace and up to two revisions"))
    }
    let first = arguments[0]
    if FileSystem.isDirectory(first) {
      let old = arguments.count > 1 ? arguments[1] : "latest~1"
      let new = arguments.count > 2 ? arguments[2] : "latest"
      self.init(
        old: try DeclarationSource(old, in: first), new: try DeclarationSource(new, in: first))
    } else if arguments.count == 2 {
      self.init(old: .file(first), new: .file(arguments[1]))
    } else {
      throw DiagnosticsError(
        Diagnostic(
          file: first,
          message: "not a workspace folder (expected <workspace> [A] [B], or two declaration files)"))
    }
  }

  /// From git's external diff interface (`GitDriverArguments`: 7 arguments, or 9 for a
  /// rename), taking the two files as git gives them. `GitDriver` does more: it shows a new
  /// `rev-N.xml` against the revision before it and falls back to a line diff.
  public init(gitExternal arguments: [String]) throws {
    let request = try GitDriverArguments(arguments)
    self.init(
      old: request.old?.file.map(DeclarationSource.file), new: request.new?.file.map(DeclarationSource.file))
  }

  /// Reads both sides (at the same time, on two threads: reading and validating is most of the
  /// work on large files). Reports the problems of both when both fail.
  public func load(reader: DocumentReader = DocumentReader()) throws -> (
    old: DeclarationOutline?, new: DeclarationOutline?
  ) {
    let sides = [old, new]
    let results =
      try sharedWorkspace(reader: reader).map { try Self.load(sides, checking: $0, reader: reader) }
      ?? parallelMap(count: 2) { index in Result { try sides[index]?.outline(reader: reader) } }
    var diagnostics: [Diagnostic] = []
    var declarations: [DeclarationOutline?] = []
    for result in results {
      switch result {
      case .success(let declaration): declarations.append(declaration)
      case .failure(let error as DiagnosticsError):
        diagnostics += error.diagnostics
        declarations.append(nil)
      case .failure(let error):
        diagnostics.append(Diagnostic(file: "concord diff", message: "\(error)"))
        declarations.append(nil)
      }
    }
    if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
    return (declarations[0], declarations[1])
  }

  /// The workspace both sides are revisions of, when they are of one (its chain is then
  /// checked once, not once a side).
  private func sharedWorkspace(reader: DocumentReader) -> RevisionStore? {
    let workspaces = Set(
      [old, new].compactMap { side -> String? in
        if case .revision(let workspace, _)? = side { workspace } else { nil }
      })
    guard workspaces.count == 1, let workspace = workspaces.first else { return nil }
    let store = RevisionStore(workspacePath: workspace, reader: reader)
    return store.isWorkspace ? store : nil
  }

  /// Both sides from one workspace's revisions, its chain checked first. A side that names the
  /// latest revision on disk has no successor to vouch for its bytes, so it is validated
  /// whatever the chain finds: it is read while the chain is checked, and kept when the chain
  /// agrees it is that revision. The chain's verdict still comes first.
  private static func load(_ sides: [Side], checking store: RevisionStore, reader: DocumentReader) throws
    -> [Result<DeclarationOutline?, Error>]
  {
    let onDisk = (try? store.revisions()) ?? []
    let early: [Int?] = sides.map { side in
      guard case .revision(let workspace, let reference)? = side,
        let number = try? reference.resolve(among: onDisk, workspace: workspace), number == onDisk.last
      else { return nil }
      return number
    }
    let (checked, read) = concurrently(
      { () throws -> (RevisionChain, [Result<DeclarationOutline?, Error>?]) in
        let chain = try RevisionChain(store)
        return (
          chain,
          parallelMap(count: sides.count) { index in
            early[index] == nil ? Result { try sides[index]?.outline(reader: reader, chain: chain) } : nil
          }
        )
      },
      {
        parallelMap(count: sides.count) { index in
          early[index].map { number in Result { try Optional(store.outline(number)) } }
        }
      })
    let (chain, late) = try checked.get()
    let ahead = try read.get()
    return sides.indices.map { index in
      if let result = late[index] { return result }
      guard case .revision(let workspace, let reference)? = sides[index], let number = early[index],
        let resolved = try? reference.resolve(among: chain.links.map(\.head.revision), workspace: workspace),
        resolved == number, chain.latest == number, let result = ahead[index]
      else { return Result { try sides[index]?.outline(reader: reader, chain: chain) } }
      return result
    }
  }
}
