import Foundation
import Testing

/// Several `concord assemble` processes started together on one workspace: exactly one writes;
/// the others report the workspace busy, or (with `--wait`) wait for it and find nothing
/// left to do; the revisions are those of a single run.
@Suite(.serialized) struct ConcurrentWriterTests {
  static let writers = 4

  @Test func writersStartedTogetherLeaveOneWritingAndTheOthersBusy() throws {
    try race(waiting: false)
  }

  @Test func writersThatWaitTakeTurnsAndFindTheWorkDone() throws {
    try race(waiting: true)
  }

  /// Three rounds of `writers` processes, each round on a fresh copy of the large workspace.
  private func race(waiting: Bool) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let reference = try CrashSafetyTests.reference(in: scratch.path + "/reference")
    for round in 0..<3 {
      let workspace = try LargeWorkspace(in: scratch.path + "/round\(round)", copies: CrashSafetyTests.copies)
      let inputs = workspace.inputs
      let arguments = ["assemble", "ws"] + (waiting ? ["--wait", "120"] : [])
      let running = try (0..<Self.writers).map { _ in
        try ConcordProcess.start(arguments, in: workspace.path + "/..")
      }
      let outcomes = running.map { process -> ConcordProcess.Outcome in
        process.process.waitUntilExit()
        return process.outcome()
      }
      let context = Comment(rawValue: outcomes.map(\.description).joined(separator: "\n"))
      let writers = outcomes.filter { $0.status == 0 && $0.standardOutput.contains("wrote ") }
      #expect(writers.count == 1, context)
      for outcome in outcomes where !outcome.standardOutput.contains("wrote ") {
        #expect(!outcome.signalled, context)
        if waiting || outcome.status == 0 {
          // It came after the writer (or waited for it): nothing left to do.
          #expect(outcome.status == 0 && outcome.standardOutput == "Rev.2 is current\n", context)
        } else {
          #expect(outcome.status == 1, context)
          #expect(outcome.standardError.contains("ws: error: the workspace is busy"), context)
        }
      }
      let (revisions, others) = try workspace.revisionFiles()
      #expect(revisions == reference.revisions)
      #expect(others.isEmpty, "left behind: \(others)")
      #expect(workspace.inputs == inputs)
    }
  }
}
