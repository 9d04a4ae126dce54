import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations Concord needs, with errors as diagnostics.
enum FileSystem {
  static func isRegularFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  static func absolute(_ path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.standardizedFileURL.path
  }

  static func directory(of path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
  }

  static func join(_ parts: String...) -> String {
    parts.reduce("") { path, part in
      if path.isEmpty { return part }
      return path.hasSuffix("/") ? path + part : path + "/" + part
    }
  }

  /// The names in a directory, sorted by their bytes (so results never depend on the order
  /// the file system lists them in), without hidden files.
  static func names(in directory: String) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { !$0.hasPrefix(".") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    } catch {
      throw DiagnosticsError(Diagnostic(file: directory, message: "cannot list the directory"))
    }
  }

  /// The size of a file in bytes, or nil when it cannot be inspected.
  static func size(of path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  /// Reads a whole file, refusing directories, unreadable files and files over `limit` bytes.
  static func read(_ path: String, limit: Int) throws -> Data {
    if isDirectory(path) {
      throw DiagnosticsError(Diagnostic(file: path, message: "is a directory, expected a file"))
    }
    guard exists(path) else {
      throw DiagnosticsError(Diagnostic(file: path, message: "no such file"))
    }
    if let size = size(of: path), size > limit {
      throw DiagnosticsError(
        Diagnostic(
          file: path,
          message:
            "file is \(size) bytes, over the limit of \(limit) bytes (set CONCORD_MAX_INPUT_BYTES to raise it)"
        ))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw DiagnosticsError(Diagnostic(file: path, message: "cannot read the file (permission denied?)"))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      if data.count > limit {
        throw DiagnosticsError(
          Diagnostic(file: path, message: "file is over the limit of \(limit) bytes"))
      }
      return data
    } catch let error as DiagnosticsError {
      throw error
    } catch {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)"))
    }
  }
}
