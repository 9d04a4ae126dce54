import Foundation
import Testing

/// A broken revision history stops every command that reads revisions — not only `validate`
/// and `assemble` — with the catalogue's diagnostic, and changes nothing.
@Suite struct RevisionChainTests {
  static let readers: [[String]] = [
    ["status", "ws"], ["diff", "ws"], ["export", "ws", "--format", "text"], ["verify", "ws"],
  ]

  @Test(arguments: BadInputCatalogue.chain, readers)
  func aBrokenHistoryStopsEveryReader(_ input: BadInput, _ arguments: [String]) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try input.prepare(in: scratch)
    let before = WorkspaceSnapshot(scratch.path)
    let outcome = try ConcordProcess.run(arguments, in: scratch.path)
    #expect(outcome.status == 1 && !outcome.signalled, "\(arguments): \(outcome)")
    for fragment in input.expected {
      #expect(outcome.standardError.contains(fragment), "\(arguments): expected “\(fragment)”; \(outcome)")
    }
    #expect(outcome.standardError.split(separator: "\n").allSatisfy(BadInput.isDiagnostic))
    #expect(WorkspaceSnapshot(scratch.path) == before)
  }

  @Test func anIntactHistoryVerifies() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("intact", assembledUntil: 1).prepare(in: scratch)
    let outcome = try ConcordProcess.run(["verify", "ws"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(
      outcome.standardOutput
        == "Rev.0 to Rev.1: every revision rebuilt from its recorded inputs, byte for byte\n")
  }

  @Test func aPositionFileChangedAfterItsRevisionCannotBeRebuilt() throws {
    let input = try #require(
      BadInputCatalogue.all.first { $0.name == "positions-changed-after-their-revision" })
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try input.prepare(in: scratch)
    let outcome = try ConcordProcess.run(["verify", "ws"], in: scratch.path)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.standardError.contains(
        "ws/positions/round-1/BEL.xml: error: changed since Rev.1 was assembled: Rev.1 cannot be rebuilt from it"
      ),
      "\(outcome)")
  }
}

/// What the user got wrong on the command line is said where they can see it.
@Suite struct CommandLineMistakeTests {
  @Test(arguments: [
    ["assemble", "wsx"], ["status", "wsx"], ["export", "wsx", "--format", "text"], ["verify", "wsx"],
  ])
  func aMisspelledWorkspaceIsNamed(_ arguments: [String]) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("mistakes").prepare(in: scratch)
    let outcome = try ConcordProcess.run(arguments, in: scratch.path)
    #expect(outcome.status != 0 && !outcome.signalled, "\(outcome)")
    #expect(
      outcome.standardError.contains("wsx: error: not a workspace folder")
        || outcome.standardError.contains("No such workspace or file: wsx"), "\(outcome)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/wsx"))
  }

  @Test func aDateThatDoesNotExistIsAUsageError() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("mistakes").prepare(in: scratch)
    let outcome = try ConcordProcess.run(["assemble", "ws", "--date", "2025-02-30"], in: scratch.path)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.standardError.contains("--date 2025-02-30 is not a date"), "\(outcome)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/ws/revisions/rev-0.xml"))
  }
}
