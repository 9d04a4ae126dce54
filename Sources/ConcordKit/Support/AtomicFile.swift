import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that a crash or kill at any moment leaves either the old state or the
/// complete new file, never a partial one: a temporary file created exclusively beside the
/// target, written, fsynced, then moved into place and the directory fsynced.
public enum AtomicFile {
  public enum Mode: Sendable {
    /// Fail if the target exists (revisions are never overwritten).
    case createNew
    /// Replace the target if it exists.
    case replace
  }

  /// Temporary files start with this, so loaders (which skip dot files) never take one for
  /// a real file.
  public static let temporaryPrefix = ".concord-tmp-"

  public static func write(_ data: Data, to path: String, mode: Mode) throws {
    try stage(data, for: path).commit(mode)
  }

  /// A file written and fsynced beside its target, not yet in place: `commit` moves it
  /// there, `discard` removes it. Lets a writer of many files put none in place until every
  /// one is made (`publish`).
  public struct Staged: Sendable {
    let temporary: String
    public let path: String

    public func commit(_ mode: Mode) throws {
      switch mode {
      case .createNew:
        // link() fails if the target exists: an existing file is never replaced.
        guard link(temporary, path) == 0 else {
          let exists = errno == EEXIST
          unlink(temporary)
          throw failure(exists ? "already exists and is never overwritten" : "cannot write", path)
        }
        unlink(temporary)
      case .replace:
        guard rename(temporary, path) == 0 else {
          unlink(temporary)
          throw failure("cannot write", path)
        }
      }
      syncDirectory(FileSystem.directory(of: path))
    }

    public func discard() { unlink(temporary) }
  }

  /// Writes `data` into a new temporary file beside `path` and fsyncs it.
  public static func stage(_ data: Data, for path: String) throws -> Staged {
    let directory = FileSystem.directory(of: path)
    let name = URL(fileURLWithPath: path).lastPathComponent
    let temporary = FileSystem.join(
      directory, "\(temporaryPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(directory)", path) }
    guard Descriptor.write(data, to: descriptor) == nil, fsync(descriptor) == 0 else {
      close(descriptor)
      unlink(temporary)
      throw failure("cannot write", path)
    }
    close(descriptor)
    return Staged(temporary: temporary, path: path)
  }

  /// Removes temporary files a killed writer left behind in `directory`.
  public static func removeLeftovers(in directory: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for name in names where name.hasPrefix(temporaryPrefix) {
      unlink(FileSystem.join(directory, name))
    }
  }

  static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  fileprivate static func failure(_ message: String, _ path: String) -> DiagnosticsError {
    let reason = errno != 0 ? " (\(String(cString: strerror(errno))))" : ""
    return DiagnosticsError(Diagnostic(file: path, message: message + reason))
  }
}
