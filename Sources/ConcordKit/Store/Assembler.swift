import Foundation

/// `concord assemble`: writes every revision that is due — Rev.0 when there is none, then
/// Rev.k for each round k with positions and no revision yet — each from Rev.k-1 and round k.
///
/// Under the workspace lock; each revision is validated against the schema before it is
/// written, written atomically, and never overwritten. Before adding anything it checks that
/// the inputs of the revisions already written have not changed since.
public struct Assembler: Sendable {
  public var loader: WorkspaceLoader

  public init(loader: WorkspaceLoader = WorkspaceLoader()) { self.loader = loader }

  public struct Report: Sendable {
    /// Revisions written by this run, in order.
    public var written: [Declaration]
    /// The latest revision on disk after the run.
    public var current: Int
    /// Problems that did not stop the run.
    public var warnings: [Diagnostic]
  }

  /// - Parameters:
  ///   - waiting: how long to wait, in seconds, for another process writing the workspace to
  ///     finish; by default none (the workspace is reported busy at once).
  ///   - progress: told what is being done ("merging round 2"), for a progress line.
  public func assemble(
    _ path: String, until: Int? = nil, date: String? = nil, waiting: Double = 0,
    progress: ProgressHandler? = nil
  ) throws -> Report {
    let lock = try WorkspaceLock(workspace: path, waiting: waiting)
    defer { withExtendedLifetime(lock) {} }
    let workspace = try loader.load(path, progress: progress)
    let store = RevisionStore(workspacePath: path, reader: loader.reader)
    try FileManager.default.createDirectory(
      atPath: store.folderPath, withIntermediateDirectories: true)
    AtomicFile.removeLeftovers(in: store.folderPath)

    let existing = try store.revisions()
    for (index, number) in existing.enumerated() where number != index {
      throw DiagnosticsError(
        Diagnostic(
          file: store.path(of: number),
          message: "Rev.\(index) is missing before Rev.\(number): revisions are numbered from 0 without gaps")
      )
    }
    var warnings: [Diagnostic] = []
    var latest: Declaration?
    // The SHA-256 of the latest revision's file: the next revision's provenance names it.
    var latestDigest: String?
    for number in existing {
      progress?("checking Rev.\(number)")
      let (declaration, sha256) = try store.loadWithDigest(number)
      warnings += try checkInputs(
        of: declaration, previousDigest: latestDigest, in: workspace, store: store)
      latest = declaration
      latestDigest = sha256
    }

    var written: [Declaration] = []
    let limit = until ?? Int.max
    if latest == nil, limit >= 0 {
      let zero = ZeroDraft.declaration(from: workspace, date: date)
      progress?("writing Rev.0")
      latestDigest = try write(zero, store: store)
      written.append(zero)
      latest = zero
    }
    while let previous = latest, let previousDigest = latestDigest, previous.revision < limit,
      let round = workspace.round(previous.revision + 1)
    {
      let provenance =
        workspace.inputs(of: [.workspace, .members])
        + [
          InputDigest(
            kind: .revision, path: "\(RevisionStore.folder)/\(RevisionStore.fileName(of: previous.revision))",
            sha256: previousDigest)
        ] + workspace.inputs(of: [.positions], round: round.number)
      let merger = RoundMerger(
        previous: previous, round: round, settings: workspace.settings,
        participants: workspace.participants)
      progress?("merging round \(round.number) (\(previous.paragraphs.count) paragraphs)")
      let next = try merger.merge(date: date, provenance: provenance)
      progress?("writing Rev.\(next.revision)")
      latestDigest = try write(next, store: store)
      written.append(next)
      latest = next
    }
    return Report(written: written, current: latest?.revision ?? -1, warnings: warnings)
  }

  // MARK: - Writing

  /// Writes a revision and returns the SHA-256 of what it wrote.
  private func write(_ declaration: Declaration, store: RevisionStore) throws -> String {
    let data = try DeclarationWriter().bytes(declaration)
    let path = store.path(of: declaration.revision)
    // What is written must read back valid: check before it reaches the disk.
    let problems = loader.reader.validate(data, as: .declaration, displayPath: path)
    guard problems.isEmpty else { throw DiagnosticsError(problems) }
    try AtomicFile.write(data, to: path, mode: .createNew)
    return Digest.sha256(data)
  }

  // MARK: - Provenance

  /// Compares the inputs a revision was assembled from with the files as they are now.
  /// Changed negotiation inputs (clauses, positions, the previous revision) are errors:
  /// the revision would no longer follow from them. Changed settings are warnings.
  /// `previousDigest` is the SHA-256 of the revision before it, as read from disk.
  private func checkInputs(
    of declaration: Declaration, previousDigest: String?, in workspace: Workspace, store: RevisionStore
  ) throws -> [Diagnostic] {
    let revision = declaration.revision
    let revisionFile = store.path(of: revision)
    let kinds: Set<InputDigest.Kind> = revision == 0 ? [.clauses] : [.positions]
    let recorded = Dictionary(
      declaration.provenance.filter { kinds.contains($0.kind) }.map { ($0.path, $0.sha256) },
      uniquingKeysWith: { first, _ in first })
    let now = Dictionary(
      workspace.inputs(of: kinds, round: revision == 0 ? nil : revision).map { ($0.path, $0.sha256) },
      uniquingKeysWith: { first, _ in first })
    var errors: [Diagnostic] = []
    let advice = "revisions are immutable: put new positions in a new round"
    for (path, sha) in recorded.sorted(by: { $0.key < $1.key }) {
      let file = FileSystem.join(workspace.path, path)
      if let current = now[path] {
        if current != sha {
          errors.append(
            Diagnostic(file: file, message: "changed after Rev.\(revision) was assembled from it; \(advice)"))
        }
      } else {
        errors.append(
          Diagnostic(file: file, message: "removed after Rev.\(revision) was assembled from it; \(advice)"))
      }
    }
    for path in now.keys.sorted() where recorded[path] == nil {
      errors.append(
        Diagnostic(
          file: FileSystem.join(workspace.path, path),
          message: "added after Rev.\(revision) was assembled without it; \(advice)"))
    }
    if revision > 0,
      let previous = declaration.provenance.first(where: { $0.kind == .revision }),
      previous.sha256 != previousDigest
    {
      errors.append(
        Diagnostic(
          file: FileSystem.join(workspace.path, previous.path),
          message: "differs from the file Rev.\(revision) was assembled from"))
    }
    guard errors.isEmpty else { throw DiagnosticsError(errors) }
    var warnings: [Diagnostic] = []
    for input in declaration.provenance where input.kind == .workspace || input.kind == .members {
      let now = workspace.inputs.first { $0.path == input.path }
      if now?.sha256 != input.sha256 {
        warnings.append(
          Diagnostic(
            file: revisionFile, severity: .warning,
            message: "\(input.path) changed since Rev.\(revision); new revisions use the file as it is now"))
      }
    }
    return warnings
  }
}
