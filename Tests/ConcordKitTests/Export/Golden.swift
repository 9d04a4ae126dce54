import Foundation
import Testing

@testable import ConcordKit

/// Golden files: `Fixtures/golden/<name>`. With `CONCORD_UPDATE_FIXTURES=1` they are rewritten
/// from the current output; otherwise the output must match them byte for byte.
enum Golden {
  static func check(
    _ output: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let path = ExampleRevisions.fixture("golden/" + name)
    if ProcessInfo.processInfo.environment["CONCORD_UPDATE_FIXTURES"] == "1" {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(output.utf8).write(to: URL(fileURLWithPath: path))
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    if output != expected {
      let got = output.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
      let shown = line < got.count ? String(got[line]) : "<end>"
      let wanted = line < want.count ? String(want[line]) : "<end>"
      Issue.record(
        "\(name) differs at line \(line + 1):\n  got:  \(shown)\n  want: \(wanted)",
        sourceLocation: sourceLocation)
    }
  }

  static func string(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
}
