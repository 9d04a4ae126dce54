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
    let target = canonical(path)
    if inputs.map(canonical).contains(target) { throw refuse("it is the file being exported") }
    if let workspace = enclosingWorkspace(of: target) {
      throw refuse(
        "it is part of the workspace \(workspace) (its inputs and revisions are written only by concord assemble and import)"
      )
    }
  }

  // MARK: - Where the path leads

  /// The path with its folder's links resolved (the file itself need not exist).
  private static func canonical(_ path: String) -> String {
    let absolute = FileSystem.absolute(path)
    let folder = FileSystem.directory(of: absolute)
    let name = URL(fileURLWithPath: absolute).lastPathComponent
    guard let resolved = realpath(folder, nil) else { return absolute }
    defer { free(resolved) }
    return FileSystem.join(String(cString: resolved), name)
  }

  /// The workspace folder whose inputs or revisions `path` would be: `workspace.xml` or
  /// `members.xml` beside a `workspace.xml`, or anything under its `clauses/`, `positions/`
  /// or `revisions/`.
  private static func enclosingWorkspace(of path: String) -> String? {
    var components = path.split(separator: "/").map(String.init)
    guard let name = components.popLast() else { return nil }
    let root = "/" + components.joined(separator: "/")
    if ["workspace.xml", "members.xml"].contains(name),
      FileSystem.isRegularFile(FileSystem.join(root, "workspace.xml"))
    {
      return root
    }
    while let last = components.popLast() {
      let folder = "/" + components.joined(separator: "/")
      if ["clauses", "positions", "revisions"].contains(last),
        FileSystem.isRegularFile(FileSystem.join(folder, "workspace.xml"))
      {
        return folder
      }
    }
    return nil
  }
}
