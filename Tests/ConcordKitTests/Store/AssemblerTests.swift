import Foundation
import Testing

@testable import ConcordKit

@Suite struct AssemblerTests {
  @Test func theExampleAssemblesIntoThreeRevisionsThatMatchTheNegotiation() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    let report = try Assembler().assemble(workspace.path)
    #expect(report.written.map(\.revision) == [0, 1, 2])
    let rev1 = report.written[1]
    #expect(
      rev1.paragraphs.filter { $0.status == .open }.map(\.id).sorted()
        == [
          "eco-climate", "eco-currencies", "eco-digital", "eco-transport", "eco-year", "ind-1",
          "pol-sanctions",
        ])
    #expect(rev1.paragraph("ind-1")?.number == "14bis")
    #expect(rev1.paragraph("org-budget")?.status == .agreedAdReferendum)
    #expect(rev1.paragraph("eco-digital")?.options.last?.sponsors == [facilitatorCode])
    let rev2 = report.written[2]
    #expect(rev2.paragraphs.filter { $0.status == .open }.map(\.id) == ["pol-sanctions", "eco-climate"])
    #expect(rev2.paragraph("ind-1")?.number == "15")
    #expect(rev2.paragraph("eco-bri")?.dissociations.map(\.participant) == ["IND"])
    #expect(rev2.paragraph("org-budget")?.status == .agreed)
  }

  @Test func assemblingAgainWritesNothingAndSaysWhichRevisionIsCurrent() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path)
    let before = try workspace.read("revisions/rev-2.xml")
    let again = try Assembler().assemble(workspace.path)
    #expect(again.written.isEmpty)
    #expect(again.current == 2)
    #expect(try workspace.read("revisions/rev-2.xml") == before)
  }

  @Test func theSameInputsGiveByteIdenticalRevisions() throws {
    let first = try TemporaryWorkspace()
    let second = try TemporaryWorkspace()
    defer {
      first.remove()
      second.remove()
    }
    _ = try Assembler().assemble(first.path)
    _ = try Assembler().assemble(second.path)
    for n in 0...2 {
      #expect(try first.read("revisions/rev-\(n).xml") == second.read("revisions/rev-\(n).xml"))
    }
  }

  @Test func untilStopsAtTheRevisionNamed() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    let report = try Assembler().assemble(workspace.path, until: 1)
    #expect(report.current == 1)
    #expect(!FileManager.default.fileExists(atPath: workspace.file("revisions/rev-2.xml")))
    #expect(try Assembler().assemble(workspace.path).written.map(\.revision) == [2])
  }

  @Test func aPositionFileChangedAfterItsRevisionStopsTheRun() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path, until: 1)
    var text = String(decoding: try workspace.read("positions/round-1/BLR.xml"), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "</positions>", with: "  <comment paragraph=\"pol-un\">Late.</comment>\n</positions>")
    try workspace.write("positions/round-1/BLR.xml", text)
    let error = try #require(throws: DiagnosticsError.self) { try Assembler().assemble(workspace.path) }
    #expect(error.description.contains("round-1/BLR.xml: error: changed after Rev.1 was assembled from it"))
    #expect(!FileManager.default.fileExists(atPath: workspace.file("revisions/rev-2.xml")))
  }

  @Test func aSecondWriterFindsTheWorkspaceBusy() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    try {
      let lock = try #require(try WorkspaceLock(workspace: workspace.path))
      let error = try #require(throws: DiagnosticsError.self) { try Assembler().assemble(workspace.path) }
      #expect(error.description.contains("the workspace is busy"))
      withExtendedLifetime(lock) {}
    }()
    #expect(try Assembler().assemble(workspace.path).current == 2)
  }

  @Test func anExistingRevisionIsNeverOverwritten() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("rev-0.xml").path
    try AtomicFile.write(Data("first".utf8), to: path, mode: .createNew)
    #expect(throws: DiagnosticsError.self) {
      try AtomicFile.write(Data("second".utf8), to: path, mode: .createNew)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rev-0.xml"])
  }

  @Test func permutingPositionFilesAndStancesDoesNotChangeTheRevisionsBytes() throws {
    let workspace = try WorkspaceLoader().load(
      TemporaryWorkspace.repositoryRoot.appendingPathComponent("Drafts/sco-2025").path)
    let negotiation = Negotiation(workspace)
    let rev0 = negotiation.zeroDraft()
    func rev1(_ round: Round) throws -> String {
      try DeclarationWriter().xml(try #require(try negotiation.revision(after: rev0, round: round)))
    }
    let round = try #require(workspace.round(1))
    let expected = try rev1(round)
    var generator = SeededGenerator(seed: 2025)
    for _ in 0..<20 {
      var shuffled = round
      shuffled.positions.shuffle(using: &generator)
      for index in shuffled.positions.indices { shuffled.positions[index].stances.shuffle(using: &generator) }
      #expect(try rev1(shuffled) == expected)
    }
  }
}

/// A small deterministic generator (SplitMix64) so that property tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
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
