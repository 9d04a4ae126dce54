import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SPEC §7, end to end: every bad input gets a clear diagnostic, status 1, no crash, no hang,
/// and leaves the workspace as it was.
@Suite struct BadInputCatalogueTests {
  @Test(arguments: BadInputCatalogue.all)
  func aBadInputIsReportedAndChangesNothing(_ input: BadInput) throws {
    try input.check()
  }

  /// Files and folders concord may not read. A round folder it cannot list once made an empty
  /// round, and a Rev.1 written without its positions.
  @Test(arguments: [
    ("unreadable-file", "ws/positions/round-1/BEL.xml", "error: cannot read the file: permission denied"),
    ("unreadable-round-folder", "ws/positions/round-1", "error: cannot list the folder: permission denied"),
  ])
  func anEntryConcordMayNotReadIsReportedAndChangesNothing(_ name: String, _ entry: String, _ message: String)
    throws
  {
    // Root reads everything: drop to nobody for the run, which then needs the folder writable
    // for the lock file of `assemble`.
    let asRoot = geteuid() == 0
    let setpriv = "/usr/bin/setpriv"
    try #require(!asRoot || FileManager.default.isExecutableFile(atPath: setpriv), "needs setpriv as root")
    let input = BadInput(name, "\(entry): \(message)") { scratch in
      chmod(scratch, 0o755)
      chmod(scratch + "/ws", 0o777)
      chmod(scratch + "/" + entry, 0o000)
    }
    try input.check(
      prefix: asRoot ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : [])
  }

  @Test(arguments: [
    ["status", "ws"], ["status", "ws", "--format", "json"], ["diff", "ws", "0", "1"],
    ["export", "ws", "--format", "text"], ["export", "ws", "--format", "docx", "-o", "out.docx"],
  ])
  func aCorruptedRevisionStopsEveryCommandThatReadsIt(_ arguments: [String]) throws {
    let input = try #require(BadInputCatalogue.all.first { $0.name == "corrupted-revision" })
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try input.prepare(in: scratch)
    let before = WorkspaceSnapshot(scratch.path)
    let outcome = try ConcordProcess.run(arguments, in: scratch.path)
    #expect(outcome.status == 1 && !outcome.signalled, "\(outcome)")
    #expect(outcome.standardError.hasPrefix("ws/revisions/rev-1.xml:"), "\(outcome)")
    #expect(outcome.standardError.split(separator: "\n").allSatisfy(BadInput.isDiagnostic))
    #expect(WorkspaceSnapshot(scratch.path) == before, "nothing written, out.docx included")
  }

  /// A limit set to something that is no number was once ignored without a word.
  @Test(arguments: [
    ("CONCORD_MAX_DEPTH", "abc"), ("CONCORD_MAX_TEXT_BYTES", "0"), ("CONCORD_MAX_INPUT_BYTES", "-5"),
  ])
  func aLimitThatIsNoPositiveNumberIsAUsageError(_ variable: String, _ value: String) throws {
    let input = BadInput("limit-\(variable)")
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try input.prepare(in: scratch)
    let before = WorkspaceSnapshot(scratch.path)
    for command in BadInput.Command.allCases {
      let outcome = try ConcordProcess.run(
        [command.rawValue, "ws"], in: scratch.path, environment: [variable: value])
      #expect(outcome.status == 2 && !outcome.signalled, "\(command): \(outcome)")
      #expect(
        outcome.standardError.hasPrefix(
          "Error: \(variable) is \"\(value)\": give a positive whole number (or unset it for the default)"),
        "\(command): \(outcome)")
    }
    #expect(WorkspaceSnapshot(scratch.path) == before)
  }

  @Test(arguments: acceptedInputs)
  func anUnusualButValidInputIsAccepted(_ name: String) throws {
    let input = BadInput(name)
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try input.prepare(in: scratch)
    for command in BadInput.Command.allCases {
      let outcome = try ConcordProcess.run([command.rawValue, "ws"], in: scratch.path)
      #expect(outcome.status == 0, "\(command): \(outcome)")
    }
  }

  /// A UTF-8 byte-order mark (Notepad writes one); a schema location Concord never follows.
  static let acceptedInputs = [
    "accepted-utf8-bom", "accepted-xsi-schema-location", "accepted-texts-over-several-lines",
  ]

  @Test func theCatalogueCoversEveryKindOfBadInputOfTheSpecification() {
    let names = Set(BadInputCatalogue.all.map(\.name))
    #expect(names.count == BadInputCatalogue.all.count, "case names are unique")
    #expect(names.count + 1 >= 30)
    for required in [
      "malformed-xml", "truncated-file", "invalid-utf8", "utf16-file", "bom-with-latin1-declaration",
      "empty-file", "directory-for-file", "duplicate-clause-id-across-files", "unknown-participant",
      "position-on-missing-paragraph", "conflicting-stances", "wrong-answers-revision", "missing-round",
      "file-of-200-mb", "deep-nesting-100000-levels", "external-entity-file", "external-entity-network",
      "parameter-entities", "billion-laughs", "quadratic-blowup", "xinclude", "schema-file-missing",
      "schema-file-broken",
    ] {
      #expect(names.contains(required), "\(required)")
    }
    // Every fixture folder is a case (or the template, or an accepted input).
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: BadInput.casesFolder)) ?? []
    let unused = Set(folders).subtracting(names).subtracting(
      ["_template", "unreadable-file"] + Self.acceptedInputs)
    #expect(unused.isEmpty, "fixtures without a case: \(unused.sorted())")
  }
}
