import Foundation

/// What `concord assemble` would do to a workspace, worked out without writing anything: the
/// revisions on disk checked (their sequence, and that each still follows from the inputs it
/// records), and the revisions that are due, made in memory (`Negotiation`) with their bytes.
///
/// `assemble` writes what it plans; `validate` reports what stops it: one set of checks, so
/// the two never disagree.
struct AssemblyPlan {
  /// The latest revision on disk: decoded when a round is due, else its head alone.
  var latest: Declaration?
  /// The revisions to write, in order, with their bytes (empty bytes when not encoded).
  var due: [(declaration: Declaration, bytes: Data)]
  /// Problems that do not stop assembling.
  var warnings: [Diagnostic]

  /// - Parameter encoding: whether to write each due revision's bytes (and validate them),
  ///   which the next revision's provenance needs; `validate` does without.
  static func make(
    for workspace: Workspace, store: RevisionStore, chain checked: RevisionChain? = nil,
    until: Int? = nil, date: String? = nil, encoding: Bool = true, progress: ProgressHandler? = nil
  ) throws -> AssemblyPlan {
    progress?("checking the revisions")
    let chain = try checked ?? RevisionChain(store)
    var warnings: [Diagnostic] = []
    for link in chain.links {
      warnings += try ProvenanceCheck(workspace: workspace, store: store).check(link.head)
    }
    // The latest revision is decoded whole only when a round is due to be merged into it.
    var latest: Declaration?
    var latestFile: InputDigest?
    if let last = chain.links.last {
      if last.head.revision < (until ?? Int.max), workspace.round(last.head.revision + 1) != nil {
        progress?("reading Rev.\(last.head.revision)")
        latest = try store.load(last.head.revision)
      } else {
        latest = last.head
      }
      latestFile = InputDigest(
        kind: .revision, path: RevisionStore.relativePath(of: last.head.revision), sha256: last.sha256)
    }
    var due: [(declaration: Declaration, bytes: Data)] = []
    _ = try Negotiation(workspace).revisions(
      after: latest, latestFile: latestFile, until: until, date: date, progress: progress
    ) { revision in
      guard encoding else {
        due.append((revision, Data()))
        return nil
      }
      let bytes = try store.encode(revision)
      due.append((revision, bytes))
      return InputDigest(
        kind: .revision, path: RevisionStore.relativePath(of: revision.revision),
        sha256: ContentDigest.recorded(in: bytes) ?? Digest.sha256(bytes))
    }
    return AssemblyPlan(latest: latest, due: due, warnings: warnings)
  }
}

/// Compares the inputs a revision was assembled from with the files as they are now. Changed
/// negotiation inputs (clauses, positions, the previous revision) are errors: the revision
/// would no longer follow from them. Changed settings are warnings.
struct ProvenanceCheck {
  let workspace: Workspace
  let store: RevisionStore

  /// (That each revision follows from the file before it, `RevisionChain` checks.)
  func check(_ declaration: Declaration) throws -> [Diagnostic] {
    let revision = declaration.revision
    let kinds: Set<InputDigest.Kind> = revision == 0 ? [.clauses] : [.positions]
    let recorded = digests(declaration.provenance.filter { kinds.contains($0.kind) })
    let now = digests(workspace.inputs(of: kinds, round: revision == 0 ? nil : revision))
    var errors: [Diagnostic] = []
    let advice = "revisions are immutable: put new positions in a new round"
    func report(_ path: String, _ message: String) {
      errors.append(Diagnostic(file: FileSystem.join(workspace.path, path), message: message))
    }
    for (path, sha) in recorded.sorted(by: { $0.key < $1.key }) {
      if let current = now[path] {
        if current != sha { report(path, "changed after Rev.\(revision) was assembled from it; \(advice)") }
      } else {
        report(path, "removed after Rev.\(revision) was assembled from it; \(advice)")
      }
    }
    for path in now.keys.sorted() where recorded[path] == nil {
      report(path, "added after Rev.\(revision) was assembled without it; \(advice)")
    }
    guard errors.isEmpty else { throw DiagnosticsError(errors) }
    return settingsWarnings(declaration)
  }

  /// Settings and participants may change between rounds (a name corrected): a warning.
  private func settingsWarnings(_ declaration: Declaration) -> [Diagnostic] {
    declaration.provenance.filter { $0.kind == .workspace || $0.kind == .members }.compactMap { input in
      let now = workspace.inputs.first { $0.path == input.path }
      guard now?.sha256 != input.sha256 else { return nil }
      return Diagnostic(
        file: store.path(of: declaration.revision), severity: .warning,
        message:
          "\(input.path) changed since Rev.\(declaration.revision); new revisions use the file as it is now")
    }
  }

  private func digests(_ inputs: [InputDigest]) -> [String: String] {
    Dictionary(inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
  }
}
