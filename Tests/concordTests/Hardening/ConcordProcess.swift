import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `concord` binary the way a secretariat does, and reports how it ended.
struct ConcordProcess {
  struct Outcome: CustomStringConvertible {
    var status: Int32
    /// Ended by a signal (a crash, or a kill): never a normal way for concord to stop.
    var signalled: Bool
    var timedOut: Bool
    var standardOutput: String
    var standardError: String

    var description: String {
      let end = timedOut ? "timed out" : signalled ? "killed by signal \(status)" : "exit \(status)"
      return "\(end)\n--- stdout\n\(standardOutput.prefix(2000))\n--- stderr\n\(standardError.prefix(4000))"
    }
  }

  /// The binary the other end-to-end tests run (`Concord.binary`: next to the test bundle).
  static var binary: String? { Concord.binary }

  static var repositoryRoot: URL { URL(fileURLWithPath: Concord.repository) }

  /// Runs `concord arguments…` (or another program, `binary`) in `directory`, with the
  /// caller's environment minus every `CONCORD_*` setting, changed by `environment` (a nil
  /// value removes a variable); `prefix` goes before the binary (e.g. to run it as another
  /// user). Output goes through files, so a flood of diagnostics cannot block on a pipe. A run
  /// over `timeout` seconds is killed and reported as timed out.
  static func run(
    _ arguments: [String], binary: String? = binary, in directory: String,
    environment: [String: String?] = [:], prefix: [String] = [], timeout: TimeInterval = 60
  ) throws -> Outcome {
    guard let binary else {
      throw Failure("no concord binary: run `swift build --product concord` (or `swift test`) first")
    }
    let process = try start(
      arguments, binary: binary, in: directory, environment: environment, prefix: prefix)
    let deadline = Date().addingTimeInterval(timeout)
    while process.process.isRunning && Date() < deadline { usleep(5_000) }
    let timedOut = process.process.isRunning
    if timedOut {
      kill(process.process.processIdentifier, SIGKILL)
    }
    process.process.waitUntilExit()
    return process.outcome(timedOut: timedOut)
  }

  /// A started `concord` process, for tests that kill it or run several at once.
  final class Running: @unchecked Sendable {
    let process: Process
    private let output: URL
    private let error: URL

    init(process: Process, output: URL, error: URL) {
      self.process = process
      self.output = output
      self.error = error
    }

    func outcome(timedOut: Bool = false) -> Outcome {
      defer {
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: error)
      }
      return Outcome(
        status: process.terminationStatus,
        signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
        standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
        standardError: (try? String(contentsOf: error, encoding: .utf8)) ?? "")
    }
  }

  static func start(
    _ arguments: [String], binary: String? = binary, in directory: String,
    environment: [String: String?] = [:], prefix: [String] = []
  ) throws -> Running {
    guard let binary else { throw Failure("no concord binary") }
    let process = Process()
    let command = prefix + [binary] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CONCORD_") }
    // A crash must end the process at once, not after a minute of backtracing.
    variables["SWIFT_BACKTRACE"] = "enable=no"
    for (name, value) in environment { variables[name] = value }
    process.environment = variables
    let scratch = FileManager.default.temporaryDirectory
    let name = UUID().uuidString
    let output = scratch.appendingPathComponent("concord-\(name).out")
    let error = scratch.appendingPathComponent("concord-\(name).err")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: error.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: error)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return Running(process: process, output: output, error: error)
  }
}

struct Failure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
