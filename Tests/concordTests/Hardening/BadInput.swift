import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One case of the bad-input catalogue: a small valid workspace (`Cases/_template`) with one
/// thing wrong, and what `concord` must say about it.
///
/// The wrong thing is the fixture folder `Cases/<name>/`, laid over the template (its
/// `_schemas/` folder, if any, over a copy of `Schemas/`, passed with `--schemas`), and/or
/// `setUp`, for what a fixture cannot hold: FIFOs, links, permissions, files of 200 MB.
struct BadInput: Sendable, CustomTestStringConvertible {
  enum Command: String, Sendable, CaseIterable { case validate, assemble }

  var name: String
  /// Each must appear on standard error, e.g. `ws/members.xml:9:25: error: Premature end`.
  var expected: [String]
  var commands: [Command] = Command.allCases
  /// Assemble the template up to this revision before laying the fixture over it.
  var assembledUntil: Int? = nil
  var environment: [String: String] = [:]
  /// Runs in the scratch folder that holds `ws/` (and `schemas/`), after the fixture.
  var setUp: (@Sendable (_ scratch: String) throws -> Void)? = nil
  /// Argument lists to run instead of `commands` (each on `ws`), e.g. `concord import`.
  var invocations: [[String]]? = nil

  var testDescription: String { name }

  init(
    _ name: String, _ expected: String..., commands: [Command] = Command.allCases,
    assembledUntil: Int? = nil, environment: [String: String] = [:],
    setUp: (@Sendable (_ scratch: String) throws -> Void)? = nil
  ) {
    self.name = name
    self.expected = expected
    self.commands = commands
    self.assembledUntil = assembledUntil
    self.environment = environment
    self.setUp = setUp
  }

  static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Cases").path

  /// Sets the case up in a fresh scratch folder, runs each command on it, and checks that
  /// every run ends with status 1 (no crash, no hang), prints the expected diagnostics and
  /// only diagnostics, and leaves every file as it was.
  func check(prefix: [String] = [], expectedStatus: Int32 = 1) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let arguments = try prepare(in: scratch)
    let before = WorkspaceSnapshot(scratch.path)
    for run in invocations ?? commands.map({ [$0.rawValue, "ws"] + arguments }) {
      let outcome = try ConcordProcess.run(
        run, in: scratch.path, environment: environment, prefix: prefix, timeout: 60)
      let context = Comment(rawValue: "concord \(run.joined(separator: " ")): \(outcome)")
      #expect(!outcome.signalled && !outcome.timedOut, context)
      #expect(outcome.status == expectedStatus, context)
      for fragment in expected {
        #expect(outcome.standardError.contains(fragment), "expected “\(fragment)”; \(context)")
      }
      if expectedStatus != 0 {
        let lines = outcome.standardError.split(separator: "\n")
        let stray = lines.filter { !Self.isDiagnostic($0) }
        #expect(stray.isEmpty, "lines that are not diagnostics: \(stray.prefix(3))")
      }
      let after = WorkspaceSnapshot(scratch.path)
      #expect(after == before, "\(run.first ?? "") changed: \(after.changes(since: before))")
    }
  }

  /// `file[:line:col]: error|warning: message`, the form editors and CI logs understand.
  static func isDiagnostic(_ line: Substring) -> Bool {
    line.range(of: #"^[^ :][^:]*(:\d+:\d+)?: (error|warning|note): \S"#, options: .regularExpression)
      != nil
  }

  /// Builds the case's workspace; returns the extra arguments it needs (`--schemas`).
  func prepare(in scratch: Scratch) throws -> [String] {
    let files = FileManager.default
    let workspace = scratch.path + "/ws"
    try files.copyItem(atPath: Self.casesFolder + "/_template", toPath: workspace)
    if let assembledUntil {
      let setup = try ConcordProcess.run(
        ["assemble", "ws", "--until", String(assembledUntil)], in: scratch.path)
      guard setup.status == 0 else { throw Failure("the template did not assemble: \(setup)") }
    }
    let fixture = Self.casesFolder + "/" + name
    var arguments: [String] = []
    if files.fileExists(atPath: fixture) {
      try Scratch.overlay(fixture, onto: workspace, skipping: ["_schemas"])
      if files.fileExists(atPath: fixture + "/_schemas") {
        let schemas = scratch.path + "/schemas"
        try files.copyItem(
          atPath: ConcordProcess.repositoryRoot.appendingPathComponent("Schemas").path,
          toPath: schemas)
        try Scratch.overlay(fixture + "/_schemas", onto: schemas, skipping: [".keep"])
        arguments = ["--schemas", "schemas"]
      }
    }
    try setUp?(scratch.path)
    return arguments
  }
}

/// A temporary folder, removed (whatever its permissions) by `remove()`.
struct Scratch {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "concord-hardening-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func remove() {
    // Restore permissions a case took away, so that nothing is left behind.
    if let paths = FileManager.default.enumerator(atPath: path) {
      for case let relative as String in paths { chmod(path + "/" + relative, 0o755) }
    }
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Copies every file under `source` to the same place under `target`, replacing what is there.
  static func overlay(_ source: String, onto target: String, skipping: Set<String>) throws {
    let files = FileManager.default
    for name in try files.contentsOfDirectory(atPath: source) where !skipping.contains(name) {
      let from = source + "/" + name
      let to = target + "/" + name
      var isDirectory: ObjCBool = false
      _ = files.fileExists(atPath: from, isDirectory: &isDirectory)
      if isDirectory.boolValue {
        try files.createDirectory(atPath: to, withIntermediateDirectories: true)
        try overlay(from, onto: to, skipping: skipping)
      } else {
        if files.fileExists(atPath: to) { try files.removeItem(atPath: to) }
        try files.copyItem(atPath: from, toPath: to)
      }
    }
  }
}
