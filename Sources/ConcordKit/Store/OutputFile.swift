import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one file `concord export -o` writes (SPEC §7): a regular file, written atomically,
/// never over a workspace's inputs or revisions, never over a device, a FIFO, a folder or a
/// symbolic link (which would be replaced, not followed), and never over the file exported.
public enum OutputFile {
  /// Writes `data` to `path` after the checks above; `inputs` are files this run read.
  public static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
    try check(path, inputs: inputs)
    try AtomicFile.write(data, to: path, mode: .replace)
  }

  /// Throws when `path` may not be written.
  public static func check(_ path: String, inputs: [String] = []) throws {
    func refuse(_ why: String) -> DiagnosticsError {
      DiagnosticsError(Diagnostic(file: path, message: "will not write here: \(why)"))
    }
    var status = stat()
    if lstat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFLNK: throw refuse("it is a symbolic link (name the file it points to, or another path)")
      case S_IFDIR: throw refuse("it is a folder")
      default: throw refuse("it is not a regular file (a device, a FIFO or a socket)")
      }
    }
    let target = WorkspaceBoundary.resolved(path)
    if inputs.map(WorkspaceBoundary.resolved).contains(target) {
      throw refuse("it is the file being exported")
    }
    if let (workspace, inside) = WorkspaceBoundary.enclosingWorkspace(of: target),
      WorkspaceBoundary.isInputOrRevision(inside)
    {
      throw refuse(
        "it is part of the workspace \(workspace) (its inputs and revisions are written only by concord assemble and import)"
      )
    }
  }
}
