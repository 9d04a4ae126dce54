import ArgumentParser
import ConcordKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error, written so that a failed write is never silent and
/// never a crash: a full disk or a closed descriptor is a one-line error and exit status 1; a
/// reader that went away (`concord diff … | head`) ends the run quietly, as git does.
enum Console {
  /// Ends a command that has written everything it had to, with status 0, at once. The large
  /// values kept to this point (a decoded revision: tens of thousands of arrays and
  /// dictionaries) are not taken apart one by one first, as returning would (10–15 ms at
  /// 10,000 paragraphs); the system takes the memory back whole. Every write before it has
  /// been checked (`out` exits on a failed one), so nothing is left unsaid.
  static func exitWithoutTeardown(keeping values: Any...) -> Never {
    withExtendedLifetime(values) { Foundation.exit(EXIT_SUCCESS) }
  }

  /// Writes to standard output.
  static func out(_ text: String, terminator: String = "\n") {
    // The text as it is, then its terminator: a large output is never copied to be written.
    check(Descriptor.write(text, to: STDOUT_FILENO), STDOUT_FILENO)
    if !terminator.isEmpty { check(Descriptor.write(terminator, to: STDOUT_FILENO), STDOUT_FILENO) }
  }

  static func out(_ data: Data) { write(data, to: STDOUT_FILENO) }

  /// Bytes already encoded (a long report made as UTF-8), written where they are.
  static func out(_ bytes: [UInt8]) {
    check(bytes.withUnsafeBytes { Descriptor.write($0, to: STDOUT_FILENO) }, STDOUT_FILENO)
  }

  /// A long report in the segments it was made in, each written where it is, in order.
  static func out(_ segments: [[UInt8]]) {
    for segment in segments { out(segment) }
  }

  /// Writes one line to standard error.
  static func error(_ text: String) {
    write(Data((text + "\n").utf8), to: STDERR_FILENO)
  }

  static func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { error(diagnostic.description) }
  }

  /// Prints the diagnostics of a failed step; the exit status 1 to throw.
  static func fail(_ error: Error) -> ExitCode {
    if let error = error as? OpenParagraphsError {
      Console.error(error.description)
    } else {
      report(DiagnosticsError.diagnostics(of: error, file: "concord"))
    }
    return ExitCode(1)
  }

  /// Every byte, or the process ends: quietly with status 141 when the reader is gone
  /// (EPIPE), with a message and status 1 on any other error.
  private static func write(_ data: Data, to descriptor: Int32) {
    check(Descriptor.write(data, to: descriptor), descriptor)
  }

  /// What a write returned: nothing, or the process ends as `write` says.
  private static func check(_ failure: Int32?, _ descriptor: Int32) {
    guard let failure else { return }
    if failure == EPIPE { exit(141) }
    if descriptor != STDERR_FILENO {
      let name = descriptor == STDOUT_FILENO ? "standard output" : "descriptor \(descriptor)"
      error("error: cannot write to \(name): \(String(cString: strerror(failure)))")
    }
    exit(1)
  }
}
