import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A workspace this process cannot write (read-only media, another user's folder) can still be
/// read and checked: only writing a revision needs the lock file. Once, an already-current
/// read-only workspace failed on the lock file.
@Suite struct ReadOnlyWorkspaceTests {
  /// Root writes everything: the commands run as nobody, for whom the copy is read-only.
  private var prefix: [String] {
    geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
  }

  /// The example, assembled up to `until`, then made read-only throughout.
  private func readOnlyExample(assembledUntil until: Int?) throws -> Scratch {
    if geteuid() == 0 {
      try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv as root")
    }
    let scratch = try Scratch()
    try FileManager.default.copyItem(
      atPath: Concord.repository + "/Drafts/sco-2025", toPath: scratch.path + "/ws")
    try? FileManager.default.removeItem(atPath: scratch.path + "/ws/revisions")
    let setup = try ConcordProcess.run(
      ["assemble", "ws"] + (until.map { ["--until", String($0)] } ?? []), in: scratch.path)
    #expect(setup.status == 0, "\(setup)")
    try? FileManager.default.removeItem(atPath: scratch.path + "/ws/.concord.lock")
    chmod(scratch.path, 0o755)
    let files = FileManager.default.enumerator(atPath: scratch.path + "/ws")
    while let relative = files?.nextObject() as? String {
      let path = scratch.path + "/ws/" + relative
      chmod(path, FileSystemTests.isDirectory(path) ? 0o555 : 0o444)
    }
    chmod(scratch.path + "/ws", 0o555)
    return scratch
  }

  @Test func aCurrentReadOnlyWorkspaceAssemblesAsCurrentAndIsRead() throws {
    let scratch = try readOnlyExample(assembledUntil: nil)
    defer { scratch.remove() }
    let before = WorkspaceSnapshot(scratch.path, ignoring: [])
    let assemble = try ConcordProcess.run(["assemble", "ws"], in: scratch.path, prefix: prefix)
    #expect(assemble.status == 0 && assemble.standardOutput == "Rev.2 is current\n", "\(assemble)")
    #expect(assemble.standardError.isEmpty, "\(assemble)")
    for command in [["validate", "ws"], ["status", "ws"], ["diff", "ws"], ["verify", "ws"]] {
      let outcome = try ConcordProcess.run(command, in: scratch.path, prefix: prefix)
      #expect(outcome.status == 0 && !outcome.signalled, "\(command): \(outcome)")
    }
    #expect(WorkspaceSnapshot(scratch.path, ignoring: []) == before, "nothing written, no lock file")
  }

  @Test func aReadOnlyWorkspaceWithARoundDueSaysItCannotBeWritten() throws {
    let scratch = try readOnlyExample(assembledUntil: 1)
    defer { scratch.remove() }
    let before = WorkspaceSnapshot(scratch.path, ignoring: [])
    let outcome = try ConcordProcess.run(["assemble", "ws"], in: scratch.path, prefix: prefix)
    #expect(outcome.status == 1 && !outcome.signalled, "\(outcome)")
    #expect(
      outcome.standardError == "ws: error: Rev.2 is due, but the workspace cannot be written (read-only)\n",
      "\(outcome)")
    #expect(WorkspaceSnapshot(scratch.path, ignoring: []) == before)
  }
}

private enum FileSystemTests {
  static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
