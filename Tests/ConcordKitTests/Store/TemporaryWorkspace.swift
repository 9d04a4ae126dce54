import Foundation

/// A copy of the example workspace in a fresh temporary folder, removed by `remove()`.
struct TemporaryWorkspace {
  let path: String

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  init(copying example: String = "Drafts/sco-2025") throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let source = Self.repositoryRoot.appendingPathComponent(example)
    let target = folder.appendingPathComponent("ws")
    try FileManager.default.copyItem(at: source, to: target)
    try? FileManager.default.removeItem(at: target.appendingPathComponent("revisions"))
    path = target.path
  }

  func file(_ relative: String) -> String { path + "/" + relative }

  func read(_ relative: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(relative))) }

  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: file(relative))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
  }
}
