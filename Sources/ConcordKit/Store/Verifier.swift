import Foundation

/// `concord verify`: checks the revisions as a chain (`RevisionChain`), then rebuilds every
/// revision from the inputs recorded in it — Rev.0 from the clauses, Rev.k from the file of
/// Rev.k-1 and round k — and compares the bytes with the file on disk.
///
/// A revision whose recorded inputs are no longer the files on disk cannot be rebuilt; that
/// is reported too. Linear in the revisions' sizes: each is read, decoded and rebuilt once.
public struct Verifier: Sendable {
  public var loader: WorkspaceLoader

  public init(loader: WorkspaceLoader = WorkspaceLoader()) { self.loader = loader }

  public struct Report: Sendable {
    /// The revisions rebuilt byte for byte.
    public var verified: [Int]
    public var diagnostics: [Diagnostic]
    public var isIntact: Bool { diagnostics.allSatisfy { $0.severity != .error } }
  }

  public func verify(_ path: String, progress: ProgressHandler? = nil) throws -> Report {
    let workspace = try loader.load(path, progress: progress)
    let store = RevisionStore(workspacePath: path, reader: loader.reader)
    let chain = try RevisionChain(store)
    let negotiation = Negotiation(workspace)
    var report = Report(verified: [], diagnostics: [])
    var previous: (declaration: Declaration, file: InputDigest)?
    for link in chain.links {
      let revision = link.head.revision
      progress?("rebuilding Rev.\(revision)")
      let changed = changedInputs(of: link.head, in: workspace)
      if !changed.isEmpty {
        report.diagnostics += changed
      } else if let rebuilt = try rebuild(revision, date: link.head.date, after: previous, negotiation) {
        let file = try store.reader.readFile(store.path(of: revision), shownAs: store.path(of: revision))
        let bytes = try store.encode(rebuilt)
        if bytes == file {
          report.verified.append(revision)
        } else {
          report.diagnostics.append(difference(between: file, and: bytes, at: store.path(of: revision)))
        }
      }
      previous = (
        try store.load(revision),
        InputDigest(kind: .revision, path: RevisionStore.relativePath(of: revision), sha256: link.sha256)
      )
    }
    return report
  }

  // MARK: - Rebuilding

  private func rebuild(
    _ revision: Int, date: String?, after previous: (declaration: Declaration, file: InputDigest)?,
    _ negotiation: Negotiation
  ) throws -> Declaration? {
    guard let previous else { return negotiation.zeroDraft(date: date) }
    return try negotiation.revision(after: previous.declaration, previousFile: previous.file, date: date)
  }

  /// The recorded inputs (other than the previous revision, which the chain vouches for) that
  /// are no longer the files on disk, and the files of its round added since.
  private func changedInputs(of head: Declaration, in workspace: Workspace) -> [Diagnostic] {
    let recorded = head.provenance.filter { $0.kind != .revision }
    let kinds = Set(recorded.map(\.kind)).union(head.revision == 0 ? [.clauses] : [.positions])
    let now = workspace.inputs(of: kinds, round: head.revision == 0 ? nil : head.revision)
    let nowByPath = Dictionary(now.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
    let recordedPaths = Set(recorded.map(\.path))
    var problems: [Diagnostic] = []
    func report(_ path: String, _ what: String) {
      problems.append(
        Diagnostic(
          file: FileSystem.join(workspace.path, path),
          message:
            "\(what) since Rev.\(head.revision) was assembled: Rev.\(head.revision) cannot be rebuilt from it"
        ))
    }
    for input in recorded {
      switch nowByPath[input.path] {
      case nil: report(input.path, "removed")
      case .some(let sha) where sha != input.sha256: report(input.path, "changed")
      default: break
      }
    }
    for input in now where !recordedPaths.contains(input.path) { report(input.path, "added") }
    return problems
  }

  /// Where the file first differs from its rebuild.
  private func difference(between file: Data, and rebuilt: Data, at path: String) -> Diagnostic {
    let offset =
      zip(file, rebuilt).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(file.count, rebuilt.count)
    let line = file.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
    return Diagnostic(
      file: path, line: line, column: 1,
      message: "differs from its rebuild from the inputs recorded in it, from this line on")
  }
}
