import ConcordKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A progress line on standard error: shown only when standard error is a terminal and the
/// command has run for more than a second, redrawn ten times a second with the time spent
/// (so that a long step shows it is alive even when it has nothing new to say), and erased
/// when the command is done. Never written into a pipe or a file.
final class ProgressLine: @unchecked Sendable {
  private var enabled = isatty(STDERR_FILENO) == 1
  private let start = Date()
  private let lock = NSLock()
  private var message: String?
  private var drawn = false
  private var finished = false

  init(_ first: String? = nil) {
    message = first
    guard enabled else { return }
    let thread = Thread { [self] in
      while true {
        Thread.sleep(forTimeInterval: 0.1)
        guard draw() else { return }
      }
    }
    thread.start()
  }

  var handler: @Sendable (String) -> Void { { [self] message in update(message) } }

  /// What the command is doing now ("comparing 20,000 paragraphs").
  func update(_ message: String) {
    lock.lock()
    defer { lock.unlock() }
    self.message = message
  }

  /// Draws the line if it is due; false once the command is done.
  private func draw() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !finished, enabled else { return false }
    let elapsed = Date().timeIntervalSince(start)
    guard elapsed > 1, let message else { return true }
    drawn = true
    show("\r\u{1B}[K\(message.terminalSafe)… \(Int(elapsed)) s")
    return true
  }

  /// Progress is a courtesy: a terminal that cannot take it loses only the line, and the
  /// command's own output and errors still report through `Console`.
  private func show(_ text: String) {
    if Descriptor.write(Data(text.utf8), to: STDERR_FILENO) != nil { enabled = false }
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    finished = true
    if drawn { show("\r\u{1B}[K") }
    drawn = false
  }
}
