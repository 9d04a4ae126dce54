import Foundation
import Testing

/// Runs the built `concord` binary, as a user would.
///
/// `swift test` builds every product of the package before running tests, the executable
/// included, into the same folder as the test bundle; that folder is found from the running
/// test process (or from `CONCORD_BINARY`, to test another build).
enum Concord {
  /// The repository's root, where `Drafts/` is.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static var binary: String? {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["CONCORD_BINARY"], !path.isEmpty { return path }
    var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
      folders.append(executable.deletingLastPathComponent().deletingLastPathComponent())
    }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    folders.append(URL(fileURLWithPath: repository + "/.build/debug"))
    return folders.map { $0.appendingPathComponent("concord").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs `concord arguments…` in `folder` (the repository by default), without colour, and
  /// waits for it.
  static func run(_ arguments: [String], in folder: String = repository) throws -> ConcordProcess.Outcome {
    try ConcordProcess.run(arguments, in: folder, environment: ["NO_COLOR": "1"])
  }
}

/// A folder under the temporary folder for one test, removed afterwards.
final class ScratchFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("concord-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A copy of the example workspace, `Drafts/sco-2025`, without generated revisions.
  func copyOfExample() throws -> String {
    let copy = path + "/sco-2025"
    try FileManager.default.copyItem(atPath: Concord.repository + "/Drafts/sco-2025", toPath: copy)
    try? FileManager.default.removeItem(atPath: copy + "/revisions")
    return copy
  }

  func replace(_ old: String, with new: String, in file: String) throws {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try #require(text.contains(old))
    try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: file))
  }
}
