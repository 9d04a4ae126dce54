import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Concord writes only the files its contract names (SPEC §7), and a write that fails is an
/// error, never a crash and never a silent success.
@Suite struct OutputSafetyTests {
  /// `export -o` onto what it must never replace: the workspace's own files, a link, a FIFO,
  /// a folder. Each is refused, exit 1, and stays as it was.
  @Test(arguments: [
    ("ws/revisions/rev-1.xml", "it is part of the workspace"),
    ("ws/revisions/rev-9.xml", "it is part of the workspace"),
    ("ws/clauses/01-preamble.xml", "it is part of the workspace"),
    ("ws/positions/round-1/AUT.xml", "it is part of the workspace"),
    ("ws/workspace.xml", "it is part of the workspace"),
    ("ws/members.xml", "it is part of the workspace"),
    ("link.txt", "it is a symbolic link"),
    ("fifo", "it is not a regular file"),
    ("folder", "it is a folder"),
    ("ws/revisions/rev-1.xml", "it is the file being exported"),
  ])
  func exportNeverReplacesWhatItMayNot(_ target: String, _ reason: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("output", assembledUntil: 1).prepare(in: scratch)
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: scratch.path + "/mine.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/link.txt", withDestinationPath: "mine.txt")
    #expect(mkfifo(scratch.path + "/fifo", 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/folder", withIntermediateDirectories: false)
    let before = WorkspaceSnapshot(scratch.path)
    // The last case exports the file itself.
    let source = reason == "it is the file being exported" ? "ws/revisions/rev-1.xml" : "ws"
    let outcome = try ConcordProcess.run(
      ["export", source, "--format", "xml", "-o", target], in: scratch.path, timeout: 20)
    #expect(outcome.status == 1 && !outcome.timedOut, "\(outcome)")
    #expect(outcome.standardError.contains("\(target): error: will not write here: \(reason)"), "\(outcome)")
    #expect(WorkspaceSnapshot(scratch.path) == before)
    var status = stat()
    #expect(lstat(scratch.path + "/fifo", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/link.txt") == "mine.txt")
  }

  /// As root, a device node in place of the output (as `-o /dev/null` would be).
  @Test func exportNeverReplacesADevice() throws {
    guard geteuid() == 0 else { return }
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("output", assembledUntil: 0).prepare(in: scratch)
    // The device numbers of /dev/null: major 1, minor 3 (glibc's makedev, which Swift does not import).
    #expect(mknod(scratch.path + "/null", S_IFCHR | 0o666, (1 << 8) | 3) == 0)
    let outcome = try ConcordProcess.run(
      ["export", "ws", "--format", "text", "-o", "null"], in: scratch.path)
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.standardError.contains("null: error: will not write here: it is not a regular file"))
    var status = stat()
    #expect(lstat(scratch.path + "/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test func exportToADashWritesStandardOutput() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("output", assembledUntil: 0).prepare(in: scratch)
    let outcome = try ConcordProcess.run(["export", "ws", "--format", "text", "-o", "-"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.standardOutput.contains("Declaration of the Council"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/-"))
  }

  /// Every command with standard output on a full disk: a one-line error and exit 1.
  @Test(arguments: [
    ["export", "ws", "--format", "text"], ["export", "ws", "--format", "docx"], ["diff", "ws", "0", "1"],
    ["status", "ws"], ["status", "ws", "--format", "json"], ["validate", "ws"],
    ["validate", "ws", "--format", "json"], ["assemble", "ws"], ["verify", "ws"], ["init", "new"],
  ])
  func aFullDiskIsAnErrorNotACrash(_ arguments: [String]) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("output", assembledUntil: 1).prepare(in: scratch)
    let outcome = try ConcordProcess.run(
      arguments, in: scratch.path,
      prefix: ["/bin/sh", "-c", #"exec "$0" "$@" > /dev/full"#])
    #expect(outcome.status == 1 && !outcome.signalled, "\(arguments): \(outcome)")
    #expect(
      outcome.standardError == "error: cannot write to standard output: No space left on device\n",
      "\(arguments): \(outcome)")
  }

  /// A reader that stops early (`concord diff … | head`) ends the run quietly, as git does.
  @Test func aClosedPipeEndsQuietly() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // The example's revisions: more than a pipe holds, so the writer meets the closed end.
    try FileManager.default.copyItem(
      atPath: ConcordProcess.repositoryRoot.appendingPathComponent("Drafts/sco-2025").path,
      toPath: scratch.path + "/ws")
    try? FileManager.default.removeItem(atPath: scratch.path + "/ws/revisions")
    #expect(try ConcordProcess.run(["assemble", "ws"], in: scratch.path).status == 0)
    let outcome = try ConcordProcess.run(
      ["export", "ws", "--format", "xml"], in: scratch.path,
      prefix: ["/bin/sh", "-c", #"exec 3>&1; ("$0" "$@"; echo "status $?" >&3) | head -c 1 > /dev/null"#])
    #expect(!outcome.signalled, "\(outcome)")
    #expect(outcome.standardError.isEmpty, "\(outcome)")
    #expect(outcome.standardOutput == "status 141\n", "\(outcome)")
  }
}
