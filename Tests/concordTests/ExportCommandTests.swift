import Foundation
import Testing

/// The example's assembled revisions, which the built binary exports.
enum Binary {
  static let fixtures = Concord.repository + "/Tests/ConcordKitTests/Export/Fixtures/sco-2025"
}

@Suite struct ExportCommandTests {
  @Test func textGoesToStandardOutput() throws {
    let result = try Concord.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--lang", "zh", "--width", "60",
    ])
    #expect(result.status == 0)
    let text = result.standardOutput
    #expect(text.hasPrefix("上海合作组织成员国元首理事会天津宣言\n\n第2稿\n"))
  }

  @Test func finalRefusesOpenParagraphsWithExitStatusOne() throws {
    let result = try Concord.run(["export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--final"])
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "Rev.2 is not final: 2 paragraphs are still open:\n  5 pol-sanctions\n  42 eco-climate\n")
  }

  @Test func outputFileIsWrittenWhole() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("rev-2.docx").path
    let result = try Concord.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "docx", "--against",
      "\(Binary.fixtures)/rev-1.xml", "-o", file,
    ])
    #expect(result.status == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(data.prefix(2) == Data("PK".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["rev-2.docx"])
  }

  @Test func usageErrorsExitWithStatusTwo() throws {
    let against = try Concord.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--against",
      "\(Binary.fixtures)/rev-1.xml",
    ])
    #expect(against.status == 2)
    #expect(against.standardError.contains("--against works with akn, html and docx only."))
    let width = try Concord.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "text", "--width", "5",
    ])
    #expect(width.status == 2)
    let format = try Concord.run(["export", "\(Binary.fixtures)/rev-2.xml", "--format", "pdf"])
    #expect(format.status == 2)
  }

  @Test func anUnknownLanguageIsAnError() throws {
    let result = try Concord.run([
      "export", "\(Binary.fixtures)/rev-2.xml", "--format", "html", "--lang", "fr",
    ])
    #expect(result.status == 1)
    #expect(result.standardError.contains("the declaration has no language \"fr\""))
  }

  @Test func aWorkspaceWithoutRevisionsSaysSo() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-ws-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try Concord.run(["init", directory.path])
    let result = try Concord.run(["export", directory.path, "--format", "text"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("no revisions yet; run `concord assemble"))
  }
}
