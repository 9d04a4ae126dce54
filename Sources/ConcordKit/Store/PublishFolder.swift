import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder `concord publish -o DIR` writes (SPEC §7): a new or empty folder, or one that
/// publish made before (it holds `.concord-site`). Each file is written atomically and only when
/// its bytes differ from what is there, so publishing an unchanged workspace again rewrites
/// nothing; never into a workspace, never over a symbolic link, a FIFO or a device, never
/// through a linked folder.
public enum PublishFolder {
  /// The mark of a folder publish made.
  public static let marker = ".concord-site"

  /// What a run did: paths relative to the folder.
  public struct Outcome: Sendable {
    public var written: [String] = []
    public var unchanged: [String] = []
  }

  /// Writes `files` (paths relative to `folder`, with `/` between folders) into `folder`.
  public static func write(_ files: [(path: String, data: Data)], to folder: String) throws -> Outcome {
    try prepare(folder)
    var outcome = Outcome()
    for (relative, data) in [(marker, Data("Written by concord publish.\n".utf8))] + files {
      guard isSafe(relative) else {
        throw DiagnosticsError(Diagnostic(file: relative, message: "is not a path inside the site"))
      }
      let target = FileSystem.join(folder, relative)
      try makeFolders(for: relative, in: folder)
      try OutputFile.check(target)
      if FileSystem.isRegularFile(target), (try? Data(contentsOf: URL(fileURLWithPath: target))) == data {
        if relative != marker { outcome.unchanged.append(relative) }
        continue
      }
      try AtomicFile.write(data, to: target, mode: .replace)
      if relative != marker { outcome.written.append(relative) }
    }
    return outcome
  }

  // MARK: - Checks

  private static func refuse(_ path: String, _ why: String) -> DiagnosticsError {
    DiagnosticsError(Diagnostic(file: path, message: "will not publish here: \(why)"))
  }

  /// The folder exists as a real folder (made when missing), outside every workspace, and is
  /// empty or a site publish made.
  private static func prepare(_ folder: String) throws {
    if let (workspace, _) = WorkspaceBoundary.enclosingWorkspace(of: folder) {
      throw refuse(folder, "it is inside the workspace \(workspace)")
    }
    var status = stat()
    if lstat(folder, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw refuse(folder, "it is not a folder (or it is a symbolic link)")
      }
      let names = try FileSystem.names(in: folder, includingHidden: true)
      guard names.isEmpty || names.contains(marker) else {
        throw refuse(folder, "it holds files that publish did not write (give an empty or a new folder)")
      }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw DiagnosticsError(Diagnostic(file: folder, message: "cannot create the folder"))
      }
    }
    // A file inside the folder is checked like `export -o`'s: never part of a workspace.
    try OutputFile.check(FileSystem.join(folder, marker))
  }

  /// Relative, without `..`, `.` or empty parts.
  private static func isSafe(_ relative: String) -> Bool {
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    return !relative.hasPrefix("/") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }

  /// Creates the folders of `relative` under `folder`, refusing any that is a link or a file.
  private static func makeFolders(for relative: String, in folder: String) throws {
    var current = folder
    for part in relative.split(separator: "/").dropLast() {
      current = FileSystem.join(current, String(part))
      var status = stat()
      if lstat(current, &status) == 0 {
        guard status.st_mode & S_IFMT == S_IFDIR else { throw refuse(current, "it is not a folder") }
      } else if mkdir(current, 0o755) != 0 {
        throw DiagnosticsError(Diagnostic(file: current, message: "cannot create the folder"))
      }
    }
  }
}
