#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on a workspace (`flock` on `.concord.lock`), so that two `concord`
/// processes never write one workspace at once. Released when the value is dropped, and by
/// the kernel if the process dies.
final class WorkspaceLock {
  static let fileName = ".concord.lock"
  private let descriptor: Int32

  /// Takes the lock; when another process holds it, waits up to `waiting` seconds for it to
  /// be released (trying again every 50 ms), then throws. With `unlessReadOnly`, a workspace
  /// this process may not write gives nil instead of an error: nothing can be written there,
  /// so there is nothing to guard.
  init?(workspace path: String, waiting: Double = 0, unlessReadOnly: Bool = false) throws {
    let file = FileSystem.join(path, Self.fileName)
    let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if descriptor < 0, unlessReadOnly, errno == EROFS || errno == EACCES || errno == EPERM {
      return nil
    }
    guard descriptor >= 0 else {
      throw DiagnosticsError(Diagnostic(file: file, message: "cannot create the workspace lock file"))
    }
    var waited = 0.0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EINTR || waited < waiting else {
        close(descriptor)
        let after = waiting > 0 ? " (waited \(Int(waiting.rounded(.up))) s)" : ""
        throw DiagnosticsError(
          Diagnostic(
            file: path,
            message:
              "the workspace is busy: another concord process is writing it\(after); try again when it has finished"
          ))
      }
      usleep(50_000)
      waited += 0.05
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
