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
  public func validate(_ paths: [String]) -> Report {
    var report = Report(files: [], diagnostics: [])
    for path in paths {
      if FileSystem.isDirectory(path) {
        validateWorkspace(path, into: &report)
      } else {
        report.files.append(path)
        report.diagnostics += loader.reader.validate(path)
      }
    }
    report.diagnostics = report.diagnostics.removingRepeats()
    return report
  }

  private func validateWorkspace(_ path: String, into report: inout Report) {
    do {
      let workspace = try loader.load(path)
      report.files += workspace.inputs.map { FileSystem.join(path, $0.path) }
    } catch let error as DiagnosticsError {
      report.diagnostics += error.diagnostics
    } catch {
      report.diagnostics.append(Diagnostic(file: path, message: "\(error)"))
    }
    let revisions = FileSystem.join(path, RevisionStore.folder)
    guard FileSystem.isDirectory(revisions) else { return }
    let names: [String]
    do {
      names = try FileSystem.names(in: revisions)
    } catch {
      report.diagnostics += (error as? DiagnosticsError)?.diagnostics ?? []
      return
    }
    for name in names where RevisionStore.revisionNumber(ofFile: name) != nil {
      let file = FileSystem.join(revisions, name)
      report.files.append(file)
      report.diagnostics += loader.reader.validate(file)
    }
  }
}
