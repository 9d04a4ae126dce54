import Foundation
import Testing

@testable import ConcordKit

/// Where the test fixtures and the repository's own files are, found from this source file's
/// path (not from bundle resources), so that the tests run the same from any folder.
enum Fixtures {
  /// `Tests/ConcordKitTests/Fixtures`.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  /// The repository's root: `Schemas/` and `Drafts/` are there.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func path(_ relative: String) -> String { folder + "/" + relative }

  /// The `.xml` files of a fixture folder whose names start with `prefix`, sorted.
  static func files(in subfolder: String, prefix: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(subfolder))) ?? []
    return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".xml") }.sorted()
      .map { "\(subfolder)/\($0)" }
  }

  static func text(_ relative: String) throws -> String {
    try String(contentsOfFile: path(relative), encoding: .utf8)
  }
}

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("concord-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `relative`, creating folders as needed; returns the file's path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let file = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
}

/// A copy of `Fixtures/minimal-workspace` in a temporary folder, for a test to break one file.
///
/// The copy is valid as it stands (a test checks that); each cross-check test changes one
/// thing and expects exactly the diagnostic that change causes.
final class ScratchWorkspace {
  let folder: TemporaryFolder
  var path: String { folder.path + "/ws" }

  init(copying fixture: String = "minimal-workspace") throws {
    folder = try TemporaryFolder()
    try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: path)
  }

  func file(_ relative: String) -> String { path + "/" + relative }

  func write(_ relative: String, _ text: String) throws {
    try folder.write("ws/" + relative, text)
  }

  /// Replaces the one occurrence of `old` in a file of the workspace.
  func edit(_ relative: String, replacing old: String, with new: String) throws {
    let text = try String(contentsOfFile: file(relative), encoding: .utf8)
    try #require(text.components(separatedBy: old).count == 2, "\(old) must occur once in \(relative)")
    try write(relative, text.replacingOccurrences(of: old, with: new))
  }

  func move(_ relative: String, to destination: String) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: file(destination)).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: file(relative), toPath: file(destination))
  }

  /// What `concord validate` reports about the workspace (the loader's checks and the
  /// merge's): empty when it is valid.
  func diagnostics() -> [String] {
    let loader = WorkspaceLoader(reader: DocumentReader(schemas: SchemaLibrary(source: .embedded)))
    return Validator(loader: loader).validate([path]).diagnostics.map(\.description)
  }
}
