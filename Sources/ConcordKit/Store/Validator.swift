/// `concord validate`: files against their schemas; workspaces also for references.
public struct Validator: Sendable {
  public var loader: WorkspaceLoader

  public init(loader: WorkspaceLoader = WorkspaceLoader()) { self.loader = loader }

  public struct Report: Sendable {
    /// The files checked.
    public var files: [String]
    public var diagnostics: [Diagnostic]
    public var isValid: Bool { diagnostics.allSatisfy { $0.severity != .error } }
  }

  /// Validates each path: a folder as a workspace (every file, cross-checks, and the
  /// revisions it holds), a file against the schema its root element names.
  /// Files are validated on every core, and reported in the order given.
  public func validate(_ paths: [String]) -> Report {
    var report = Report(files: [], diagnostics: [])
    let reader = loader.reader
    let files = parallelMap(count: paths.count) { index -> [Diagnostic]? in
      FileSystem.isDirectory(paths[index]) ? nil : reader.validate(paths[index])
    }
    for (path, diagnostics) in zip(paths, files) {
      if let diagnostics {
        report.files.append(path)
        report.diagnostics += diagnostics
      } else {
        validateWorkspace(path, into: &report)
      }
    }
    report.diagnostics = report.diagnostics.removingRepeats()
    return report
  }

  /// Every file of the workspace against its schema, the cross-checks, the revisions on
  /// disk, and everything `assemble` would check before writing (the revisions' sequence and
  /// provenance, and the merge of every round that is due): what `assemble` refuses,
  /// `validate` reports, in the same words.
  private func validateWorkspace(_ path: String, into report: inout Report) {
    let reading = loader.read(path)
    report.files += (reading.workspace?.inputs ?? []).map { FileSystem.join(path, $0.path) }
    report.diagnostics += reading.diagnostics
    let store = RevisionStore(workspacePath: path, reader: loader.reader)
    // An intact chain vouches for every revision but the latest (each one's bytes are those
    // its successor was assembled from, validated when Concord wrote them); a broken one
    // has every file validated, to say precisely what is wrong.
    let chain = store.isWorkspace ? try? RevisionChain(store) : nil
    let proven = Set((chain?.links.dropLast() ?? []).map(\.head.revision))
    let revisions = store.validateFiles(except: proven)
    report.files += revisions.files
    report.diagnostics += revisions.diagnostics
    // What positions refer to is judged by the merge, which needs every file read and at
    // least one member; a place a cross-check already reported is not reported again.
    let reported = Set(report.diagnostics.map(Place.init))
    guard let workspace = reading.workspace, reading.isComplete,
      workspace.participants.contains(where: \.isMember)
    else {
      // The revisions can still be checked as a chain.
      do {
        if store.isWorkspace { _ = try RevisionChain(store) }
      } catch {
        report.diagnostics += DiagnosticsError.diagnostics(of: error, file: path)
      }
      return
    }
    do {
      report.diagnostics += try AssemblyPlan.make(
        for: workspace, store: store, chain: chain, encoding: false
      ).warnings
    } catch {
      report.diagnostics += DiagnosticsError.diagnostics(of: error, file: path).filter {
        !reported.contains(Place($0))
      }.cappedPerFile()
    }
  }
}

/// Where a diagnostic points.
private struct Place: Hashable {
  var file: String
  var line: Int
  var column: Int

  init(_ diagnostic: Diagnostic) {
    (file, line, column) = (diagnostic.file, diagnostic.line, diagnostic.column)
  }
}
