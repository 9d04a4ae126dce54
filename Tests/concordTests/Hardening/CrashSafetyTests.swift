import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A crash or kill while `concord assemble` writes a revision: every revision already written
/// stays byte for byte, no partial or temporary file passes for a revision, and the next run
/// completes the work, producing exactly what an uninterrupted run produces.
@Suite(.serialized) struct CrashSafetyTests {
  static let prlimit = "/usr/bin/prlimit"

  /// Deterministic: a file-size limit (RLIMIT_FSIZE) makes the process die of SIGXFSZ at a
  /// chosen byte of a chosen revision — the first, 4 KiB, half, all but the last.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: prlimit), "needs prlimit"))
  func aWriterDyingAtAnyByteOfARevisionLeavesOnlyCompleteRevisions() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let reference = try Self.reference(in: scratch.path + "/reference")
    for revision in 0...2 {
      let size = try #require(reference.revisions[revision]).count
      for offset in [0, 4096, size / 2, size - 1] {
        let workspace = try LargeWorkspace(
          in: scratch.path + "/rev\(revision)-\(offset)", copies: Self.copies)
        let inputs = workspace.inputs
        try FileManager.default.createDirectory(
          atPath: workspace.revisionsFolder, withIntermediateDirectories: true)
        for earlier in 0..<revision {
          try reference.revisions[earlier]?.write(
            to: URL(fileURLWithPath: workspace.revisionsFolder + "/rev-\(earlier).xml"))
        }
        let outcome = try ConcordProcess.run(
          ["assemble", "ws"], in: workspace.path + "/..",
          // The test runner may ignore SIGXFSZ, and children inherit that: restore its default.
          prefix: ["/usr/bin/env", "--default-signal=XFSZ", Self.prlimit, "--fsize=\(offset)"])
        #expect(
          outcome.signalled && outcome.status == SIGXFSZ, "rev-\(revision) at byte \(offset): \(outcome)")
        let (revisions, others) = try workspace.revisionFiles()
        #expect(Set(revisions.keys) == Set(0..<revision), "rev-\(revision) at byte \(offset)")
        #expect(others.count == 1 && others.allSatisfy { $0.hasPrefix(".concord-tmp-") }, "\(others)")
        try Self.expectIntact(workspace, reference: reference.revisions, inputs: inputs)
        let check = try ConcordProcess.run(["validate", "ws"], in: workspace.path + "/..")
        #expect(check.status == 0, "a partial file was taken for a revision: \(check)")
        try Self.expectCompletion(workspace, reference: reference.revisions, inputs: inputs)
        try? FileManager.default.removeItem(atPath: workspace.path + "/..")
      }
    }
  }

  /// SIGKILL at random moments, and the moment a temporary file or a revision appears, again
  /// and again on the same workspace until a run gets to the end.
  @Test func aWriterKilledAtRandomMomentsLosesNothing() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let reference = try Self.reference(in: scratch.path + "/reference")
    var generator = SplitMix(seed: 2025)
    for trial in 0..<3 {
      let workspace = try LargeWorkspace(in: scratch.path + "/trial\(trial)", copies: Self.copies)
      let inputs = workspace.inputs
      for attempt in 0..<10 {
        let running = try ConcordProcess.start(["assemble", "ws"], in: workspace.path + "/..")
        switch (trial + attempt) % 3 {
        case 0:
          usleep(UInt32.random(in: 0...UInt32(reference.duration * 1_000_000), using: &generator))
        case 1:
          Self.waitUntil(running) { $0.contains { $0.hasPrefix(".concord-tmp-") } }(workspace)
        default:
          let present = try workspace.revisionFiles().revisions.count
          Self.waitUntil(running) { $0.filter { $0.hasPrefix("rev-") }.count > present }(workspace)
        }
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        let outcome = running.outcome()
        #expect(outcome.signalled || outcome.status == 0, "\(outcome)")
        try Self.expectIntact(workspace, reference: reference.revisions, inputs: inputs)
        if !outcome.signalled { break }
      }
      try Self.expectCompletion(workspace, reference: reference.revisions, inputs: inputs)
    }
  }

  /// A full disk, as a write that fails (EFBIG with SIGXFSZ ignored): the writer stops with
  /// a clear error, removes its temporary file, and the revisions before stay as they were.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: prlimit), "needs prlimit"))
  func aWriteThatFailsStopsWithAClearErrorAndLeavesNoPartialFile() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let reference = try Self.reference(in: scratch.path + "/reference")
    let workspace = try LargeWorkspace(in: scratch.path + "/full", copies: Self.copies)
    let inputs = workspace.inputs
    try FileManager.default.createDirectory(
      atPath: workspace.revisionsFolder, withIntermediateDirectories: true)
    try reference.revisions[0]?.write(to: URL(fileURLWithPath: workspace.revisionsFolder + "/rev-0.xml"))
    let outcome = try ConcordProcess.run(
      ["assemble", "ws"], in: workspace.path + "/..",
      prefix: ["/usr/bin/env", "--ignore-signal=XFSZ", Self.prlimit, "--fsize=4096"])
    #expect(outcome.status == 1 && !outcome.signalled, "\(outcome)")
    #expect(outcome.standardError.contains("ws/revisions/rev-1.xml: error: cannot write (File too large)"))
    let (revisions, others) = try workspace.revisionFiles()
    #expect(Set(revisions.keys) == [0])
    #expect(others.isEmpty, "left behind: \(others)")
    try Self.expectIntact(workspace, reference: reference.revisions, inputs: inputs)
    try Self.expectCompletion(workspace, reference: reference.revisions, inputs: inputs)
  }

  // MARK: - Helpers

  static let copies = 5

  /// The revisions of an uninterrupted run, and how long it took (to spread the kills over).
  static func reference(in folder: String) throws -> (revisions: [Int: Data], duration: Double) {
    let workspace = try LargeWorkspace(in: folder, copies: copies)
    let start = Date()
    let outcome = try ConcordProcess.run(["assemble", "ws"], in: folder)
    let duration = Date().timeIntervalSince(start)
    guard outcome.status == 0 else { throw Failure("the large workspace did not assemble: \(outcome)") }
    let revisions = try workspace.revisionFiles().revisions
    guard revisions.count == 3 else { throw Failure("expected three revisions, found \(revisions.keys)") }
    return (revisions, duration)
  }

  /// Every revision on disk is complete and identical to the reference, numbered without
  /// gaps; nothing else is in `revisions/` but temporary files; no input changed.
  static func expectIntact(_ workspace: LargeWorkspace, reference: [Int: Data], inputs: WorkspaceSnapshot)
    throws
  {
    let (revisions, others) = try workspace.revisionFiles()
    for (number, data) in revisions {
      #expect(data == reference[number], "rev-\(number).xml is not the complete revision")
    }
    #expect(Set(revisions.keys) == Set(0..<revisions.count), "revisions \(revisions.keys.sorted())")
    #expect(others.allSatisfy { $0.hasPrefix(".concord-tmp-") }, "unexpected files: \(others)")
    #expect(workspace.inputs == inputs, "\(workspace.inputs.changes(since: inputs))")
  }

  /// The next run succeeds, ends with exactly the reference revisions, and clears leftovers.
  static func expectCompletion(_ workspace: LargeWorkspace, reference: [Int: Data], inputs: WorkspaceSnapshot)
    throws
  {
    let outcome = try ConcordProcess.run(["assemble", "ws"], in: workspace.path + "/..")
    #expect(outcome.status == 0, "\(outcome)")
    let (revisions, others) = try workspace.revisionFiles()
    #expect(revisions == reference)
    #expect(others.isEmpty, "left behind: \(others)")
    #expect(workspace.inputs == inputs)
  }

  /// Polls `revisions/` (every 0.2 ms) until `condition` holds or the process ends.
  static func waitUntil(_ running: ConcordProcess.Running, _ condition: @escaping ([String]) -> Bool)
    -> (LargeWorkspace) -> Void
  {
    { workspace in
      while running.process.isRunning {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.revisionsFolder)) ?? []
        if condition(names) { return }
        usleep(200)
      }
    }
  }
}

/// A small deterministic generator (SplitMix64), so that the kill points repeat.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
