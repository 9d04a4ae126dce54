import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a path stands with respect to workspaces, for the writers that must stay out of them
/// (`export -o`, `publish`): links resolved, the nearest folder above it that holds a
/// `workspace.xml`, and what the path is inside it.
enum WorkspaceBoundary {
  /// The absolute path with the links of its longest existing prefix resolved (what follows
  /// need not exist yet).
  static func resolved(_ path: String) -> String {
    var existing = FileSystem.absolute(path)
    var rest: [String] = []
    while !FileSystem.exists(existing), existing != "/" {
      rest.insert(URL(fileURLWithPath: existing).lastPathComponent, at: 0)
      existing = FileSystem.directory(of: existing)
    }
    guard let real = realpath(existing, nil) else { return FileSystem.absolute(path) }
    defer { free(real) }
    return rest.reduce(String(cString: real)) { FileSystem.join($0, $1) }
  }

  /// The nearest workspace folder at or above `path`, and the path's parts inside it (empty
  /// for the folder itself).
  static func enclosingWorkspace(of path: String) -> (folder: String, inside: [String])? {
    var url = URL(fileURLWithPath: resolved(path))
    var inside: [String] = []
    while true {
      if FileSystem.isRegularFile(url.appendingPathComponent(WorkspaceLoader.workspaceFile).path) {
        return (url.path, inside)
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      inside.insert(url.lastPathComponent, at: 0)
      url = parent
    }
  }

  /// Whether parts inside a workspace name one of its inputs or revisions: `workspace.xml`,
  /// `members.xml`, or anything under `clauses/`, `positions/` or `revisions/`.
  static func isInputOrRevision(_ inside: [String]) -> Bool {
    guard let first = inside.first else { return false }
    if inside.count == 1 {
      return [WorkspaceLoader.workspaceFile, WorkspaceLoader.membersFile].contains(first)
    }
    return [WorkspaceLoader.clausesFolder, WorkspaceLoader.positionsFolder, RevisionStore.folder].contains(
      first)
  }
}
