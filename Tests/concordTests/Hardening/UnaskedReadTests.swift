import Foundation
import Testing

/// "Never read what it was not asked to read": under strace, documents and schemas that
/// point elsewhere make concord open no connection and no file they name. (libxml2 does
/// stat a schema include's path before asking Concord's loader, which refuses it: no read.)
@Suite(.enabled(if: Strace.works, "needs a working strace"))
struct UnaskedReadTests {
  /// The cases whose files name other resources: /etc/passwd, 127.0.0.1:9, a remote schema.
  static let cases = [
    "external-entity-file", "external-entity-network", "external-dtd", "parameter-entities", "xinclude",
    "schema-imports-over-network", "schema-includes-outside-file", "accepted-xsi-schema-location",
  ]

  @Test(arguments: cases)
  func aDocumentThatPointsElsewhereMakesConcordReadNothingElse(_ name: String) throws {
    let input = BadInput(name)
    let scratch = try Scratch()
    defer { scratch.remove() }
    let arguments = try input.prepare(in: scratch)
    let trace = scratch.path + "/trace"
    for command in BadInput.Command.allCases {
      let outcome = try ConcordProcess.run(
        [command.rawValue, "ws"] + arguments, in: scratch.path,
        prefix: [Strace.path, "-f", "-e", "trace=%network,open,openat", "-o", trace])
      #expect(!outcome.signalled && !outcome.timedOut, "\(outcome)")
      let calls = try String(contentsOfFile: trace, encoding: .utf8)
      let network = calls.split(separator: "\n").filter {
        $0.contains("connect(") || $0.contains("socket(AF_INET")
      }
      #expect(network.isEmpty, "\(command.rawValue) opened connections: \(network.prefix(3))")
      let named = calls.split(separator: "\n").filter {
        $0.contains("/etc/passwd") || $0.contains("evil") || $0.contains("elsewhere")
      }
      #expect(named.isEmpty, "\(command.rawValue) looked at: \(named.prefix(3))")
    }
  }
}

/// strace, when it is installed and allowed to trace (containers may forbid ptrace).
enum Strace {
  static let path = "/usr/bin/strace"

  static let works: Bool = {
    guard FileManager.default.isExecutableFile(atPath: path) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-o", "/dev/null", "/bin/true"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()
}
