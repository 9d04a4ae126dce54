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

  /// A folder this process can list.
  static func isReadableDirectory(_ path: String) -> Bool {
    isDirectory(path) && access(path, R_OK | X_OK) == 0
  }

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
  /// the file system lists them in), without hidden files unless asked for.
  static func names(in directory: String, includingHidden: Bool = false) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { includingHidden || !$0.hasPrefix(".") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    } catch {
      let reason = access(directory, R_OK | X_OK) != 0 ? ": permission denied" : ""
      throw DiagnosticsError(Diagnostic(file: directory, message: "cannot list the folder\(reason)"))
    }
  }

  /// The size of a file in bytes, or nil when it cannot be inspected.
  static func size(of path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  /// Reads a whole file, refusing directories, FIFOs, devices, unreadable files and files
  /// over `limit` bytes. Opens without blocking (a FIFO would otherwise wait for a writer
  /// forever) and checks what it opened, not what the name pointed to a moment before.
  static func read(_ path: String, limit: Int) throws -> Data {
    let file = try OpenedFile(path, limit: limit)
    defer { close(file.descriptor) }
    // One byte more than the file's size, so that reading to the end needs no larger buffer
    // (growing would copy, and double the memory a large file takes).
    var data = Data(count: file.size + 1)
    var total = 0
    while true {
      // One byte more than the limit allows: a file that grows while it is read is caught.
      if total == data.count { data.count = min(max(data.count * 2, 4096), limit + 1) }
      let count = try data.withUnsafeMutableBytes { buffer in
        try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
      }
      if count == 0 { break }
      total += count
      if total > limit { throw file.failure("file is over the limit of \(limit) bytes") }
    }
    data.count = total
    return data
  }

  /// Reads a file a chunk at a time, with the same refusals as `read`: `body` sees each
  /// chunk in order (the buffer is reused, so memory holds one chunk, not the file).
  static func readChunks(
    _ path: String, limit: Int, chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let file = try OpenedFile(path, limit: limit)
    defer { close(file.descriptor) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let count = try file.read(into: buffer)
      if count == 0 { break }
      total += count
      if total > limit { throw file.failure("file is over the limit of \(limit) bytes") }
      try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
    }
  }

  /// A regular file opened for reading, its size checked against the limit.
  private struct OpenedFile {
    let path: String
    let descriptor: Int32
    let size: Int

    init(_ path: String, limit: Int) throws {
      self.path = path
      let failure = { (message: String) in Self.failure(path, message) }
      let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      guard descriptor >= 0 else {
        switch errno {
        case ENOENT: throw failure(isSymbolicLink(path) ? "is a symbolic link to nothing" : "no such file")
        case EACCES, EPERM: throw failure("cannot read the file: permission denied")
        case ELOOP: throw failure("cannot read the file: too many levels of symbolic links")
        default: throw failure("cannot read the file: \(String(cString: strerror(errno)))")
        }
      }
      var info = stat()
      let kind = fstat(descriptor, &info) == 0 ? info.st_mode & S_IFMT : nil
      let problem: String? =
        switch kind {
        case S_IFREG:
          Int(info.st_size) > limit
            ? "file is \(info.st_size) bytes, over the limit of \(limit) bytes (set \(Limits.inputBytesVariable) to raise it)"
            : nil
        case S_IFDIR: "is a directory, expected a file"
        case nil: "cannot read the file: \(String(cString: strerror(errno)))"
        default: "is not a regular file (a FIFO, socket or device), expected a file"
        }
      if let problem {
        close(descriptor)
        throw failure(problem)
      }
      self.descriptor = descriptor
      self.size = Int(info.st_size)
    }

    func failure(_ message: String) -> DiagnosticsError { Self.failure(path, message) }

    private static func failure(_ path: String, _ message: String) -> DiagnosticsError {
      DiagnosticsError(Diagnostic(file: path, message: message))
    }

    /// One `read(2)` into `buffer`, retried on EINTR; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
      while true {
        let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        if count >= 0 { return count }
        if errno != EINTR { throw failure("cannot read the file: \(String(cString: strerror(errno)))") }
      }
    }
  }

  private static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }
}
