import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A progress line on standard error: shown only when standard error is a terminal and the
/// command has run for more than a second, redrawn at most ten times a second, and erased
/// when the command is done.
final class ProgressLine: @unchecked Sendable {
  private let enabled = isatty(STDERR_FILENO) == 1
  private let start = Date()
  private let lock = NSLock()
  private var lastDrawn = Date.distantPast
  private var drawn = false

  var handler: @Sendable (String) -> Void { { [self] message in update(message) } }

  func update(_ message: String) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
    lastDrawn = now
    drawn = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(message)…".utf8))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }
}
