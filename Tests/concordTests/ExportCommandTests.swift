import Foundation
import Testing

/// Runs the built `concord` binary, as a user would.
enum Binary {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = repository.appendingPathComponent("Tests/ConcordKitTests/Export/Fixtures/sco-2025")
    .path

  static var path: String? {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("concord"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("concord"),
      repository.appendingPathComponent(".build/debug/concord"),
    ]
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(path, "the concord binary is not built"))
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, out, String(decoding: err, as: UTF8.self))
  }
}

@Suite struct ExportCommandTests {
  @Test func textGoesToStandardOutput() throws {
    let result = try Binary.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--lang", "zh", "--width", "60",
    ])
    #expect(result.status == 0)
    let text = String(decoding: result.stdout, as: UTF8.self)
    #expect(text.hasPrefix("上海合作组织成员国元首理事会天津宣言\n\nRev.2\n"))
  }

  @Test func finalRefusesOpenParagraphsWithExitStatusOne() throws {
    let result = try Binary.run(["export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--final"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Rev.2 is not final: 2 paragraphs are still open:\n  5 pol-sanctions\n  42 eco-climate\n")
  }

  @Test func outputFileIsWrittenWhole() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("rev-2.docx").path
    let result = try Binary.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "docx", "--against",
      "\(Binary.fixtures)/rev-1.xml", "-o", file,
    ])
    #expect(result.status == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(data.prefix(2) == Data("PK".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["rev-2.docx"])
  }

  @Test func usageErrorsExitWithStatusTwo() throws {
    let against = try Binary.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--against",
      "\(Binary.fixtures)/rev-1.xml",
    ])
    #expect(against.status == 2)
    #expect(against.stderr.contains("--against works with akn, html and docx only."))
    let width = try Binary.run(["export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--width", "5"])
    #expect(width.status == 2)
    let format = try Binary.run(["export", "\(Binary.fixtures)/rev-2.xml", "--format", "pdf"])
    #expect(format.status == 2)
  }

  @Test func anUnknownLanguageIsAnError() throws {
    let result = try Binary.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "html", "--lang", "fr",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("the declaration has no language \"fr\""))
  }

  @Test func aWorkspaceWithoutRevisionsSaysSo() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-ws-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try Binary.run(["init", directory.path])
    let result = try Binary.run(["export", directory.path, "--format", "text"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no revisions yet; run `concord assemble"))
  }
}
