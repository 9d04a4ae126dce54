import Glibc

/// An exclusive lock on a workspace (`flock` on `.concord.lock`), so that two `concord`
/// processes never write one workspace at once. Released when the value is dropped, and by
/// the kernel if the process dies.
final class WorkspaceLock {
  static let fileName = ".concord.lock"
  private let descriptor: Int32

  /// Takes the lock, or throws at once when another process holds it.
  init(workspace path: String) throws {
    let file = FileSystem.join(path, Self.fileName)
    let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw DiagnosticsError(Diagnostic(file: file, message: "cannot create the workspace lock file"))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw DiagnosticsError(
        Diagnostic(
          file: path,
          message:
            "the workspace is busy: another concord process is writing it; try again when it has finished"))
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
