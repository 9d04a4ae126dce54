import Foundation

/// `concord assemble`: writes every revision that is due — Rev.0 when there is none, then
/// Rev.k for each round k with positions and no revision yet — each from Rev.k-1 and round k.
///
/// Under the workspace lock: when no input changed since the latest revision and no round is
/// due, digests say so (`NothingDue`). Otherwise the plan (`AssemblyPlan`) checks the revisions already written
/// and makes the due ones in memory, each validated against the schema; only when all of them
/// could be made is anything written, each revision atomically and never over another.
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
    if let problem = WorkspaceLoader.folderProblem(path) { throw DiagnosticsError(problem) }
    // A workspace this process cannot write (read-only media, another user's) can still be
    // checked: only writing needs the lock.
    let lock = try WorkspaceLock(workspace: path, waiting: waiting, unlessReadOnly: true)
    defer { withExtendedLifetime(lock) {} }
    let store = RevisionStore(workspacePath: path, reader: loader.reader)
    if lock != nil { AtomicFile.removeLeftovers(in: store.folderPath) }
    var chain: RevisionChain?
    if until == nil {
      progress?("checking the revisions")
      switch NothingDue.verdict(path, store: store) {
      case .current(let current): return Report(written: [], current: current, warnings: [])
      case .undecided(let checked): chain = checked
      }
    }
    let workspace = try loader.load(path, progress: progress)
    let plan = try AssemblyPlan.make(
      for: workspace, store: store, chain: chain, until: until, date: date, progress: progress)
    if lock == nil, let first = plan.due.first {
      throw DiagnosticsError(
        Diagnostic(
          file: path,
          message: "Rev.\(first.declaration.revision) is due, but the workspace cannot be written (read-only)"
        ))
    }
    for (revision, bytes) in plan.due {
      progress?("writing Rev.\(revision.revision)")
      try store.write(bytes, revision: revision.revision)
    }
    let current = plan.due.last?.declaration.revision ?? plan.latest?.revision ?? -1
    return Report(written: plan.due.map(\.declaration), current: current, warnings: plan.warnings)
  }
}
