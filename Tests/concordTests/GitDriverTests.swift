import Foundation
import Testing

/// `concord diff --git-external` driven by git itself, in a temporary repository: renames (git's
/// nine arguments), files that are not declarations, a new revision shown against the one before
/// it in the same tree, and an exit status that never stops git.
private final class GitRepository {
  static let fixtures = Concord.repository + "/Tests/ConcordKitTests/Diff/Fixtures"
  static var binary: String { Concord.binary ?? Concord.repository + "/.build/debug/concord" }

  let scratch: ScratchFolder
  var path: String { scratch.path }

  /// A repository whose `revisions/*.xml` are diffed by concord.
  init(driver: String = "diff --git-external") throws {
    scratch = try ScratchFolder()
    _ = try git("init", "-q", "-b", "main")
    _ = try git("config", "diff.concord.command", "\(Self.binary) \(driver)")
    try write(".gitattributes", "revisions/*.xml diff=concord\n")
    try FileManager.default.createDirectory(atPath: path + "/revisions", withIntermediateDirectories: true)
  }

  /// Runs git; a failure (for instance "external diff died") fails the test.
  @discardableResult
  func git(_ arguments: String..., expectSuccess: Bool = true) throws -> ConcordProcess.Outcome {
    let result = try ConcordProcess.run(
      ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "core.pager=cat"]
        + arguments,
      binary: "/usr/bin/env", in: path,
      environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": path, "NO_COLOR": nil])
    if expectSuccess {
      #expect(result.status == 0, "git \(arguments): \(result.standardError)")
      #expect(!result.standardError.contains("external diff died"), "git \(arguments)")
    }
    return result
  }

  func write(_ file: String, _ text: String) throws {
    try text.write(toFile: path + "/" + file, atomically: true, encoding: .utf8)
  }

  /// Copies `small-rev<n>.xml` to `file`.
  func copy(fixture revision: Int, to file: String) throws {
    let target = path + "/" + file
    if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
    try FileManager.default.copyItem(atPath: Self.fixtures + "/small-rev\(revision).xml", toPath: target)
  }

  func commit(_ message: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }
}

@Test func aRenameIsADiffLikeAnyOther() throws {
  let repository = try GitRepository()
  try repository.copy(fixture: 3, to: "revisions/rev-3.xml")
  try repository.commit("Rev.3")
  try repository.git("mv", "revisions/rev-3.xml", "revisions/rev-3-draft.xml")
  let staged = try repository.git("diff", "--cached")
  #expect(
    staged.standardOutput.hasPrefix(
      "concord diff revisions/rev-3.xml → revisions/rev-3-draft.xml (similarity index 100%)\nsmall: Rev.3 → Rev.3\nno changes"
    ), "\(staged.standardOutput)")

  // Renamed and changed: the two declarations are compared.
  try repository.copy(fixture: 4, to: "revisions/rev-3-draft.xml")
  try repository.git("add", "-A")
  let changed = try repository.git("diff", "--cached", "-M10%")
  #expect(changed.standardOutput.contains("concord diff revisions/rev-3.xml → revisions/rev-3-draft.xml ("))
  #expect(changed.standardOutput.contains("small: Rev.3 → Rev.4\n1 added, 1 deleted"))
}

@Test func whatIsNotADeclarationGetsGitsLineDiff() throws {
  let repository = try GitRepository()
  try repository.write("revisions/notes.xml", "<notes>one</notes>\n")
  try repository.write("revisions/broken.xml", "<notes>one\n")
  try repository.write("revisions/other.xml", "<section xmlns=\"urn:concord:1\"/>\n")
  try repository.commit("notes")
  try repository.write("revisions/notes.xml", "<notes>two</notes>\n")
  try repository.write("revisions/broken.xml", "<notes>two\n")
  try repository.write("revisions/other.xml", "<section xmlns=\"urn:concord:1\" id=\"x\"/>\n")
  let result = try repository.git("diff")
  let output = result.standardOutput
  #expect(output.contains("diff --git a/revisions/notes.xml b/revisions/notes.xml\n"))
  #expect(
    output.contains(
      "--- a/revisions/notes.xml\n+++ b/revisions/notes.xml\n@@ -1 +1 @@\n-<notes>one</notes>\n+<notes>two</notes>\n"
    ))
  #expect(
    output.contains(
      "--- a/revisions/broken.xml\n+++ b/revisions/broken.xml\n@@ -1 +1 @@\n-<notes>one\n+<notes>two\n"))
  #expect(output.contains("+<section xmlns=\"urn:concord:1\" id=\"x\"/>\n"))
  #expect(!output.contains("concord diff"), "not a declaration: no concord header")
  #expect(!output.contains(NSTemporaryDirectory()) && !output.contains("/tmp/"), "\(output)")
}

@Test func aBrokenDeclarationIsADiagnosticLineAndTheLineDiffFollows() throws {
  let repository = try GitRepository()
  try repository.copy(fixture: 3, to: "revisions/rev-3.xml")
  try repository.commit("Rev.3")
  let text = try String(contentsOfFile: repository.path + "/revisions/rev-3.xml", encoding: .utf8)
  try repository.write(
    "revisions/rev-3.xml", text.replacingOccurrences(of: "</history>", with: "</history><oops/>"))
  let result = try repository.git("diff")
  let lines = result.standardOutput.split(separator: "\n").map(String.init)
  #expect(lines.first == "concord diff revisions/rev-3.xml")
  #expect(lines.dropFirst().first?.hasPrefix("b/revisions/rev-3.xml:") == true)
  #expect(lines.dropFirst().first?.contains(": error: Element 'oops'") == true)
  #expect(lines.contains("concord diff: not shown as a declaration diff; git's line diff follows"))
  #expect(lines.contains("--- a/revisions/rev-3.xml"))
  #expect(lines.contains { $0.hasPrefix("+") && $0.contains("<oops/>") })
}

@Test func aNewRevisionIsShownAgainstTheOneBeforeItInTheSameTree() throws {
  let repository = try GitRepository()
  try repository.copy(fixture: 3, to: "revisions/rev-3.xml")
  try repository.commit("Rev.3")
  try repository.copy(fixture: 4, to: "revisions/rev-4.xml")
  try repository.commit("Rev.4")
  let header = "concord diff revisions/rev-4.xml (new; against revisions/rev-3.xml)\nsmall: Rev.3 → Rev.4\n"

  // Staged: against rev-3.xml of the index.
  try repository.copy(fixture: 3, to: "revisions/rev-5.xml")
  try repository.git("add", "-A")
  let staged = try repository.git("diff", "--cached")
  #expect(
    staged.standardOutput.hasPrefix(
      "concord diff revisions/rev-5.xml (new; against revisions/rev-4.xml)\nsmall: Rev.4 → Rev.3\n"))
  try repository.git("reset", "-q", "--hard")

  // The commit shown is not HEAD, and the working tree holds another rev-3.xml: the commit's wins.
  try repository.write("later.txt", "later\n")
  try repository.commit("later")
  try repository.copy(fixture: 4, to: "revisions/rev-3.xml")
  #expect(try repository.git("show", "--ext-diff", "HEAD~1").standardOutput.contains(header))

  // Nothing of that commit checked out at all (an empty branch; git reads the attributes from
  // the working tree, so `.gitattributes` stays): read through git.
  try repository.git("checkout", "-q", "-f", "--orphan", "empty")
  try repository.git("rm", "-q", "-rf", ".")
  try repository.write(".gitattributes", "revisions/*.xml diff=concord\n")
  let log = try repository.git("log", "-p", "--ext-diff", "--format=== %s", "main")
  #expect(log.standardOutput.contains("== Rev.4\n\n" + header), "\(log.standardOutput)")
  #expect(log.standardOutput.contains("concord diff revisions/rev-3.xml\nsmall: nothing → Rev.3\n"))
}

@Test func gitLogOverAHistoryWithARenameAndANonDeclarationGoesToTheEnd() throws {
  let repository = try GitRepository()
  try repository.copy(fixture: 3, to: "revisions/rev-3.xml")
  try repository.write("revisions/notes.xml", "<notes>one</notes>\n")
  try repository.commit("Rev.3")
  try repository.copy(fixture: 4, to: "revisions/rev-4.xml")
  try repository.write("revisions/notes.xml", "<notes>two</notes>\n")
  try repository.commit("Rev.4")
  try repository.git("mv", "revisions/rev-3.xml", "revisions/rev-3-old.xml")
  try repository.commit("rename")
  let log = try repository.git("log", "-p", "--ext-diff", "--format=== %s")
  let output = log.standardOutput
  #expect(output.hasPrefix("== rename\n\nconcord diff revisions/rev-3.xml → revisions/rev-3-old.xml"))
  #expect(output.contains("== Rev.4\n\n"))
  #expect(output.contains("-<notes>one</notes>\n+<notes>two</notes>\n"))
  #expect(
    output.contains(
      "concord diff revisions/rev-4.xml (new; against revisions/rev-3.xml)\nsmall: Rev.3 → Rev.4\n"))
  #expect(output.contains("== Rev.3\n\n"))
  #expect(output.contains("+<notes>one</notes>\n"))
}

@Test func theDriverExitsZeroUnlessAskedForTheExitCode() throws {
  let old = GitRepository.fixtures + "/small-rev3.xml"
  let new = GitRepository.fixtures + "/small-rev4.xml"
  let mode = "100644"
  let hexes = (String(repeating: "a", count: 40), String(repeating: "b", count: 40))
  func driver(_ options: [String], _ arguments: [String]) throws -> ConcordProcess.Outcome {
    try ConcordProcess.run(
      ["diff", "--git-external"] + options + arguments, binary: GitRepository.binary, in: Concord.repository,
      environment: ["NO_COLOR": "1"])
  }
  let differing = ["revisions/rev-3.xml", old, hexes.0, mode, new, hexes.1, mode]
  #expect(try driver([], differing).status == 0)
  #expect(try driver(["--exit-code"], differing).status == 1)
  let same = ["revisions/rev-3.xml", old, hexes.0, mode, old, hexes.0, mode]
  #expect(try driver(["--exit-code"], same).status == 0)
  let scratch = try ScratchFolder()
  let broken = scratch.path + "/broken.xml"
  try "<declaration xmlns=\"urn:concord:1\"><oops/></declaration>\n".write(
    toFile: broken, atomically: true, encoding: .utf8)
  let failing = try driver([], ["revisions/rev-3.xml", old, hexes.0, mode, broken, hexes.1, mode])
  #expect(failing.status == 0)
  #expect(failing.standardOutput.contains("b/revisions/rev-3.xml:1:"))
  let renamed = [
    "a.xml", old, hexes.0, mode, new, hexes.1, mode, "b.xml",
    "similarity index 60%\nrename from a.xml\nrename to b.xml\n",
  ]
  let rename = try driver([], renamed)
  #expect(rename.status == 0)
  #expect(
    rename.standardOutput.hasPrefix(
      "concord diff a.xml → b.xml (similarity index 60%)\nsmall: Rev.3 → Rev.4\n"))
}
