import Foundation
import Testing

/// `concord diff` run as a program: arguments, output, exit status, and git driving it. Most
/// tests go through the shared `Concord.run`; colour and git need an environment of their own.
private enum DiffCommand {
  static let fixtures = Concord.repository + "/Tests/ConcordKitTests/Diff/Fixtures"

  /// Runs any program with the environment changed as given (a nil value removes a variable).
  static func run(
    _ executable: String, _ arguments: [String], in directory: String = Concord.repository,
    environment: [String: String?] = [:]
  ) throws -> ConcordProcess.Outcome {
    try ConcordProcess.run(arguments, binary: executable, in: directory, environment: environment)
  }

  static var binary: String { Concord.binary ?? Concord.repository + "/.build/debug/concord" }

  static func concord(_ arguments: [String], environment: [String: String?] = ["NO_COLOR": nil])
    throws -> ConcordProcess.Outcome
  {
    try run(binary, arguments, environment: environment)
  }

  /// A workspace folder in `scratch` holding the two small fixtures as Rev.3 and Rev.4.
  static func workspace(in scratch: ScratchFolder) throws -> String {
    let root = scratch.path + "/small"
    try FileManager.default.createDirectory(atPath: root + "/revisions", withIntermediateDirectories: true)
    for revision in [3, 4] {
      try FileManager.default.copyItem(
        atPath: fixtures + "/small-rev\(revision).xml", toPath: root + "/revisions/rev-\(revision).xml")
    }
    return root
  }
}

@Test func twoDeclarationFilesAreComparedAsText() throws {
  let result = try DiffCommand.concord(
    ["diff", DiffCommand.fixtures + "/small-rev3.xml", DiffCommand.fixtures + "/small-rev4.xml"])
  #expect(result.status == 0, "\(result.standardError)")
  #expect(
    result.standardOutput.hasPrefix("small: Rev.3 → Rev.4\n1 added, 1 deleted, 1 moved, 3 changed, 2 status"))
  #expect(result.standardOutput.contains("  zh  成员国将{+全面+}深化[-文化-]{+人文+}合作。"))
  #expect(!result.standardOutput.contains("\u{1B}["))
}

@Test func revisionsOfAWorkspaceAreNamedByNumberOrFromTheLatest() throws {
  let scratch = try ScratchFolder()
  let workspace = try DiffCommand.workspace(in: scratch)
  let expected = try DiffCommand.concord(["diff", workspace, "3", "4"]).standardOutput
  #expect(expected.contains("Rev.3 → Rev.4"))
  for arguments in [
    [workspace], [workspace, "rev-3"], [workspace, "latest~1", "latest"], [workspace, "Rev.3", "rev-4"],
  ] {
    let result = try DiffCommand.concord(["diff"] + arguments)
    #expect(result.status == 0)
    #expect(result.standardOutput == expected, "\(arguments)")
  }
  let reversed = try DiffCommand.concord(["diff", workspace, "latest", "latest~1"])
  #expect(reversed.standardOutput.contains("Rev.4 → Rev.3"))
}

@Test func jsonOutputFollowsTheContract() throws {
  let scratch = try ScratchFolder()
  let workspace = try DiffCommand.workspace(in: scratch)
  let result = try DiffCommand.concord(["diff", workspace, "3", "4", "--format", "json"])
  #expect(result.status == 0)
  let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
  #expect(object?["from"] as? Int == 3)
  #expect(object?["to"] as? Int == 4)
  #expect((object?["changes"] as? [Any])?.count == 8)
}

@Test func htmlOutputIsAPage() throws {
  let result = try DiffCommand.concord(
    [
      "diff", "--format", "html", DiffCommand.fixtures + "/small-rev3.xml",
      DiffCommand.fixtures + "/small-rev4.xml",
    ])
  #expect(result.status == 0)
  #expect(result.standardOutput.hasPrefix("<!DOCTYPE html>"))
  #expect(result.standardOutput.contains("<del>文化</del>"))
}

@Test func colourIsOffOutsideATerminalUnlessAskedForAndNoColorWins() throws {
  let files = [DiffCommand.fixtures + "/small-rev3.xml", DiffCommand.fixtures + "/small-rev4.xml"]
  #expect(!(try DiffCommand.concord(["diff"] + files).standardOutput.contains("\u{1B}[")))
  #expect(try DiffCommand.concord(["diff", "--color"] + files).standardOutput.contains("\u{1B}[32m"))
  let noColor = try DiffCommand.concord(["diff"] + files, environment: ["NO_COLOR": "1"])
  #expect(!noColor.standardOutput.contains("\u{1B}["))
  #expect(!(try DiffCommand.concord(["diff", "--no-color"] + files).standardOutput.contains("\u{1B}[")))
}

@Test func aMissingRevisionIsAnErrorNamingTheRevisionsThatExist() throws {
  let scratch = try ScratchFolder()
  let workspace = try DiffCommand.workspace(in: scratch)
  let result = try DiffCommand.concord(["diff", workspace, "7", "4"])
  #expect(result.status == 1)
  #expect(result.standardError.contains("there is no Rev.7 (revisions on disk: Rev.3, Rev.4)"))
  #expect(result.standardOutput.isEmpty)
}

@Test func anInvalidDeclarationIsReportedWithItsLocation() throws {
  let scratch = try ScratchFolder()
  let broken = scratch.path + "/broken.xml"
  try "<declaration xmlns=\"urn:concord:1\" workspace=\"x\" revision=\"1\"><oops/></declaration>"
    .write(toFile: broken, atomically: true, encoding: .utf8)
  let result = try DiffCommand.concord(["diff", broken, DiffCommand.fixtures + "/small-rev4.xml"])
  #expect(result.status == 1)
  #expect(result.standardError.contains(broken + ":1:"))
}

@Test func noArgumentsIsAUsageError() throws {
  #expect(try DiffCommand.concord(["diff"]).status == 2)
  #expect(try DiffCommand.concord(["diff", "--git-external", "a", "b"]).status == 2)
}

@Test func gitUsesConcordDiffAsTheDiffDriverForRevisions() throws {
  let scratch = try ScratchFolder()
  let repository = scratch.path
  func git(_ arguments: String...) throws -> ConcordProcess.Outcome {
    let result = try DiffCommand.run(
      "/usr/bin/env",
      ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "core.pager=cat"]
        + arguments,
      in: repository, environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": repository])
    #expect(result.status == 0, "git \(arguments): \(result.standardError)")
    return result
  }
  _ = try git("init", "-q")
  _ = try git("config", "diff.concord.command", "\(DiffCommand.binary) diff --git-external")
  try "revisions/*.xml diff=concord\n".write(
    toFile: repository + "/.gitattributes", atomically: true, encoding: .utf8)
  try FileManager.default.createDirectory(
    atPath: repository + "/revisions", withIntermediateDirectories: true)
  let file = repository + "/revisions/rev-3.xml"
  try FileManager.default.copyItem(atPath: DiffCommand.fixtures + "/small-rev3.xml", toPath: file)
  _ = try git("add", ".")
  _ = try git("commit", "-q", "-m", "Rev.3")

  // A revision file changed in the working tree.
  try FileManager.default.removeItem(atPath: file)
  try FileManager.default.copyItem(atPath: DiffCommand.fixtures + "/small-rev4.xml", toPath: file)
  let changed = try git("diff")
  #expect(changed.standardOutput.hasPrefix("concord diff revisions/rev-3.xml\nsmall: Rev.3 → Rev.4\n"))
  #expect(changed.standardOutput.contains("  zh  成员国将{+全面+}深化[-文化-]{+人文+}合作。"))

  // A new revision file: git passes /dev/null as the old side; with no rev-4.xml beside it,
  // every paragraph is added.
  _ = try git("add", ".")
  _ = try git("commit", "-q", "-m", "Rev.4")
  try FileManager.default.copyItem(
    atPath: DiffCommand.fixtures + "/small-rev3.xml", toPath: repository + "/revisions/rev-5.xml")
  _ = try git("add", ".")
  let added = try git("diff", "--cached")
  #expect(added.standardOutput.contains("small: nothing → Rev.3\n7 added, 0 deleted"))

  // Between commits, and in the log with --ext-diff.
  let log = try git("log", "-p", "--ext-diff", "-1", "--format=%s")
  #expect(log.standardOutput.contains("small: Rev.3 → Rev.4"))
}

@Test func theExampleWorkspaceDiffShowsTheNegotiatedChangesAndNothingElse() throws {
  let scratch = try ScratchFolder()
  let workspace = try scratch.copyOfExample()
  #expect(try DiffCommand.concord(["assemble", workspace]).status == 0)
  let result = try DiffCommand.concord(["diff", workspace, "0", "2"])
  #expect(result.status == 0, "\(result.standardError)")
  let blocks = result.standardOutput.components(separatedBy: "\n\n")
  #expect(
    blocks.first
      == "sco-2025: Rev.0 → Rev.2\n1 added, 0 deleted, 0 moved, 3 changed, 69 status; 49 renumbered")
  let headers = blocks.dropFirst().map { $0.prefix { $0 != "\n" } }
  #expect(
    headers == [
      "status   pol-sanctions  (5)  by IND, IRN",
      "added    ind-1  (new: 15)  by IND",
      "changed  eco-year  (28 → 29)  by CHN",
      "status   eco-bri  (32 → 33)  by IND",
      "changed  eco-transport  (35 → 36)  by KAZ, UZB",
      "changed  eco-digital  (37 → 38)  by PAK, RUS",
      "status   eco-climate  (41 → 42)  by PAK",
      "status   draft → agreed, nothing else: 66 paragraphs",
      "renumbered (lineage, not a change): 15–63 → 16–64",
    ])
}
