import Foundation
import Testing

/// `concord init <dir> [--languages …]`: the folder's name is the id, the example is in the
/// languages asked for, and git's files come with it.
@Suite struct InitCommandTests {
  @Test func theFolderNameIsTheIdAndGitFilesAreWritten() throws {
    let scratch = try ScratchFolder()
    let created = try Concord.run(["init", "my-declaration"], in: scratch.path)
    #expect(created.status == 0)
    let folder = scratch.path + "/my-declaration"
    let settings = try String(contentsOfFile: folder + "/workspace.xml", encoding: .utf8)
    #expect(settings.contains("id=\"my-declaration\""))
    #expect(settings.contains("<languages base=\"en\">en</languages>"))
    let ignore = try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8)
    #expect(ignore.contains(".concord.lock\n") && ignore.contains(".concord-tmp-*\n"))
    let attributes = try String(contentsOfFile: folder + "/.gitattributes", encoding: .utf8)
    #expect(attributes.contains("revisions/*.xml diff=concord\n"))
  }

  @Test func theExampleIsInTheLanguagesAskedForAndAssembles() throws {
    let scratch = try ScratchFolder()
    #expect(try Concord.run(["init", "ws", "--languages", "ar,en,zh"], in: scratch.path).status == 0)
    let clauses = try String(contentsOfFile: scratch.path + "/ws/clauses/02-cooperation.xml", encoding: .utf8)
    #expect(clauses.contains("<heading xml:lang=\"ar\">التعاون</heading>"))
    #expect(clauses.contains("<text xml:lang=\"zh\"><parties/>将深化贸易和投资领域合作。</text>"))
    #expect(!clauses.contains("xml:lang=\"fr\""))
    let assembled = try Concord.run(["assemble", "ws", "--date", "2025-09-01"], in: scratch.path)
    #expect(assembled.status == 0)
    #expect(assembled.standardOutput.hasSuffix("Rev.1 is current\n"))
    let text = try Concord.run(["export", "ws", "--format", "text", "--lang", "zh"], in: scratch.path)
    #expect(text.standardOutput.hasPrefix("理事会宣言\n\n第1稿 (2025-09-01)\n"))
  }

  @Test func aFolderNameThatCannotBeAnIdIsRefused() throws {
    let scratch = try ScratchFolder()
    let result = try Concord.run(["init", "2025 declaration"], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.standardError.contains("\"2025 declaration\" cannot be a workspace id"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/2025 declaration/workspace.xml"))
  }

  @Test func assembleWithoutADateRecordsTodaysDate() throws {
    let scratch = try ScratchFolder()
    _ = try Concord.run(["init", "ws"], in: scratch.path)
    #expect(try Concord.run(["assemble", "ws"], in: scratch.path).status == 0)
    let revision = try String(contentsOfFile: scratch.path + "/ws/revisions/rev-1.xml", encoding: .utf8)
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withFullDate]
    let today = formatter.string(from: Date())
    let yesterday = formatter.string(from: Date().addingTimeInterval(-86_400))
    #expect(revision.contains("date=\"\(today)\"") || revision.contains("date=\"\(yesterday)\""))
    #expect(try Concord.run(["verify", "ws"], in: scratch.path).status == 0)
  }
}
