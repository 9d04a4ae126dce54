import Foundation

/// The files Concord writes into a workspace besides its revisions: a new workspace
/// (`concord init`). Every one is new: nothing here replaces a file.
public enum WorkspaceFolder {
  /// Creates a workspace from `WorkspaceTemplate` in a folder that does not exist or is
  /// empty, and returns the files written.
  @discardableResult
  public static func create(at path: String) throws -> [String] {
    if FileSystem.exists(path) {
      guard FileSystem.isDirectory(path) else {
        throw DiagnosticsError(Diagnostic(file: path, message: "exists and is not a folder"))
      }
      guard try FileSystem.names(in: path).isEmpty else {
        throw DiagnosticsError(
          Diagnostic(file: path, message: "folder is not empty; init only creates new workspaces"))
      }
    }
    var written: [String] = []
    for (relative, text) in WorkspaceTemplate.files {
      let file = FileSystem.join(path, relative)
      try writeNew(Data(text.utf8), to: file)
      written.append(file)
    }
    return written
  }

  /// Writes a file that must not exist yet, atomically, creating its folder.
  static func writeNew(_ data: Data, to file: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: FileSystem.directory(of: file), withIntermediateDirectories: true)
    } catch {
      throw DiagnosticsError(Diagnostic(file: file, message: "cannot create the folder"))
    }
    try AtomicFile.write(data, to: file, mode: .createNew)
  }
}
