import Foundation
import Testing

@testable import ConcordKit

/// Every input the fuzzers (Fuzz/, `Scripts/fuzz`) found, replayed through the steps of the
/// fuzz target that found it: `FuzzRegressions/<target>/<input>`. The steps mirror
/// `Fuzz/Sources/FuzzSupport/Harness.swift`; keep the two in step.
@Suite struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("FuzzRegressions")

  static func inputs(_ target: String) -> [String] {
    let path = folder.appendingPathComponent(target).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
  }

  static let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded), limits: Limits())

  static func data(_ input: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(input))
  }

  @Test(arguments: inputs("clause"))
  func aClauseFileTheFuzzerFoundIsReadOrRefusedCleanly(_ input: String) throws {
    guard let root = try? Self.reader.read(Self.data(input), as: .section, displayPath: "fuzz.xml") else {
      return
    }
    _ = InputDecoding.section(root, file: "fuzz.xml")
  }

  @Test(arguments: inputs("positions"))
  func aPositionFileTheFuzzerFoundMergesIntoAValidRevisionOrIsRefused(_ input: String) throws {
    guard let root = try? Self.reader.read(Self.data(input), as: .positions, displayPath: "fuzz.xml") else {
      return
    }
    let example = try WorkspaceLoader(reader: Self.reader).load(
      ConcordRepository.root.appendingPathComponent("Drafts/sco-2025").path)
    let code = root[attribute: "participant"] ?? ""
    let positions = InputDecoding.positions(
      root, file: "\(example.path)/positions/round-\(root[attribute: "round"] ?? "")/\(code).xml")
    let k = positions.round
    guard k == 1 || k == 2 else { return }
    var workspace = example
    workspace.rounds = Array(workspace.rounds.prefix(k))
    workspace.rounds[k - 1].positions.removeAll { $0.participant == code }
    workspace.rounds[k - 1].positions.append(positions)
    var checks = CrossChecks(workspace: workspace)
    checks.run()
    guard checks.diagnostics.isEmpty else { return }
    guard let previous = (try? Negotiation(workspace).revisions())?.last else { return }
    let written = try DeclarationWriter().xml(previous)
    _ = try Self.reader.read(Data(written.utf8), as: .declaration, displayPath: "rev.xml")
  }

  @Test(arguments: inputs("revision"))
  func aRevisionTheFuzzerFoundWritesBackTheSameOrIsRefused(_ input: String) throws {
    guard let root = try? Self.reader.read(Self.data(input), as: .declaration, displayPath: "fuzz.xml") else {
      return
    }
    guard let first = try? DeclarationWriter().xml(DeclarationDecoding.declaration(root, file: "fuzz.xml"))
    else {
      return
    }
    let again = try Self.reader.read(Data(first.utf8), as: .declaration, displayPath: "first.xml")
    #expect(try DeclarationWriter().xml(DeclarationDecoding.declaration(again, file: "first.xml")) == first)
  }

  @Test(arguments: inputs("tokens"))
  func textsTheFuzzerFoundTokenizeAndDiffExactly(_ input: String) throws {
    let texts = try Self.data(input).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    let tokens = Tokenizer.tokens(of: texts[0])
    #expect(tokens.map(\.range.lowerBound) == [0] + tokens.dropLast().map(\.range.upperBound))
    #expect((tokens.last?.range.upperBound ?? 0) == texts[0].utf8.count)
    guard texts.count >= 2 else { return }
    #expect(Hunk.apply(Hunk.hunks(from: texts[0], to: texts[1]), to: texts[0]) == texts[1])
    let edits = ParagraphWords.edits(from: texts[0], to: texts[1])
    #expect(edits.filter { $0.operation != .insert }.map(\.text).joined() == texts[0])
    #expect(edits.filter { $0.operation != .delete }.map(\.text).joined() == texts[1])
  }

  @Test(arguments: inputs("diff"))
  func sequencesTheFuzzerFoundDiffMinimallyAndRebuildBothSides(_ input: String) throws {
    let parts = try Self.data(input).split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let old = parts[0].map { Int($0 % 16) }
    let new = parts.count > 1 ? parts[1].map { Int($0 % 16) } : []
    let script = WordDiff.script(from: old, to: new)
    #expect(script.flatMap { old[$0.old] } == old)
    #expect(script.flatMap { new[$0.new] } == new)
    #expect(zip(script, script.dropFirst()).allSatisfy { $0.operation != $1.operation })
    let texts = parts.map { String(decoding: $0, as: UTF8.self) } + [""]
    let edits = ParagraphWords.edits(from: texts[0], to: texts[1])
    #expect(edits.filter { $0.operation != .insert }.map(\.text).joined() == texts[0])
    #expect(edits.filter { $0.operation != .delete }.map(\.text).joined() == texts[1])
  }
}

enum ConcordRepository {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }
}
