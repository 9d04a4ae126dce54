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
    var writer = try Staging(folder)
    do {
      for (relative, data) in files { try writer.write(data, to: relative) }
    } catch {
      writer.discard()
      throw error
    }
    return try writer.commit()
  }

  /// The folder opened for a site made a few files at a time, so that a large site is never
  /// held in memory whole: each file is written beside its place and fsynced as it comes
  /// (`AtomicFile.stage`), and none is put in place until `commit`, after the last. A site
  /// that fails to be made leaves the folder as it was (but for the folders a new revision
  /// needs): `discard` removes what was staged.
  public struct Staging {
    private let folder: String
    private var staged: [(file: AtomicFile.Staged, relative: String)] = []
    private var outcome = Outcome()

    public init(_ folder: String) throws {
      self.folder = folder
      try prepare(folder)
      try stage(Data("Written by concord publish.\n".utf8), at: marker)
    }

    /// Stages one file (its path relative to the folder, with `/` between folders), unless
    /// its bytes are already there.
    public mutating func write(_ data: Data, to relative: String) throws {
      if try !stage(data, at: relative) { outcome.unchanged.append(relative) }
    }

    /// Puts every staged file in place, in the order written.
    public mutating func commit() throws -> Outcome {
      defer { staged = [] }
      for (index, (file, relative)) in staged.enumerated() {
        do {
          try file.commit(.replace)
        } catch {
          for (rest, _) in staged[(index + 1)...] { rest.discard() }
          throw error
        }
        if relative != marker { outcome.written.append(relative) }
      }
      return outcome
    }

    /// Removes what was staged: nothing is put in place.
    public mutating func discard() {
      for (file, _) in staged { file.discard() }
      staged = []
    }

    /// Whether the file was staged (false: its bytes were there already).
    @discardableResult
    private mutating func stage(_ data: Data, at relative: String) throws -> Bool {
      guard isSafe(relative) else {
        throw DiagnosticsError(Diagnostic(file: relative, message: "is not a path inside the site"))
      }
      let target = FileSystem.join(folder, relative)
      try makeFolders(for: relative, in: folder)
      try OutputFile.check(target)
      if FileSystem.isRegularFile(target), (try? Data(contentsOf: URL(fileURLWithPath: target))) == data {
        return false
      }
      staged.append((try AtomicFile.stage(data, for: target), relative))
      return true
    }
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
