import Foundation
import Testing

@testable import ConcordKit

/// Akoma Ntoso exports read by laws.africa's `cobalt` (the Python library behind Indigo): every
/// revision of the example, in every language, clean and against the revision before, undated
/// (as the example is) and dated. Runs where a Python can import cobalt: `CONCORD_COBALT_PYTHON`,
/// else `.build/cobalt-venv/bin/python` (which `.ci/run` creates), else
/// `/tmp/cobalt-venv/bin/python`; skipped, saying so, elsewhere.
private enum Cobalt {
  static let checker = ExampleRevisions.fixture("cobalt/check.py")

  static let python: String? = {
    let environment = ProcessInfo.processInfo.environment
    let candidates =
      [environment["CONCORD_COBALT_PYTHON"]].compactMap { $0 }.filter { !$0.isEmpty }
      + [ExampleRevisions.repository.path + "/.build/cobalt-venv/bin/python", "/tmp/cobalt-venv/bin/python"]
    return candidates.first { candidate in
      FileManager.default.isExecutableFile(atPath: candidate)
        && (try? run(candidate, ["-c", "import cobalt.uri, cobalt.akn; cobalt.akn.StructuredDocument"]))?
          .status == 0
    }
  }()

  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// What cobalt should read from one file.
  struct Expected: Encodable {
    var file: String
    var country = "un"
    var number = "sco-2025"
    var workDate: String
    var language: String
    var date: String
    var version: String
    var title: String
  }
}

@Suite struct AkomaNtosoCobaltTests {
  static let dates = ["2025-05-20", "2025-06-24", "2025-07-04"]

  /// Rev.`revision` with the dates of `dates` in its history and as its own.
  func dated(_ revision: Int) throws -> Declaration {
    var declaration = try ExampleRevisions.load(revision)
    for index in declaration.history.indices { declaration.history[index].date = Self.dates[index] }
    declaration.date = Self.dates[revision]
    return declaration
  }

  @Test(
    .enabled(
      if: Cobalt.python != nil,
      "no Python that imports cobalt: run .ci/run, or set CONCORD_COBALT_PYTHON (pip install cobalt)"))
  func cobaltReadsTheIdentityOfEveryExportedFile() throws {
    let python = try #require(Cobalt.python)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "concord-cobalt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let languages = ["en": "eng", "ru": "rus", "zh": "zho"]
    var manifest: [Cobalt.Expected] = []
    for revision in 0...2 {
      for isDated in [false, true] {
        let declaration = isDated ? try dated(revision) : try ExampleRevisions.load(revision)
        let previous =
          revision == 0 ? nil : isDated ? try dated(revision - 1) : try ExampleRevisions.load(revision - 1)
        // Undated, every revision shares cobalt's "no date"; `;n` tells the later ones apart.
        let date = isDated ? Self.dates[revision] : "0001-01-01"
        let version = isDated || revision == 0 ? date : "\(date);\(revision)"
        for language in declaration.settings.languages {
          for against in [nil, previous] {
            let name =
              "rev-\(revision)\(isDated ? "-dated" : "")\(against == nil ? "" : "-redline").\(language).xml"
            let file = folder.appendingPathComponent(name).path
            let data = try Exporter.export(declaration, as: .akomaNtoso(language: language), against: against)
            try data.write(to: URL(fileURLWithPath: file))
            manifest.append(
              Cobalt.Expected(
                file: file, workDate: isDated ? Self.dates[0] : "0001-01-01",
                language: try #require(languages[language]), date: date, version: version,
                title: declaration.settings.title(in: language)))
          }
        }
      }
    }
    let manifestFile = folder.appendingPathComponent("manifest.json")
    try JSONEncoder().encode(manifest).write(to: manifestFile)
    let result = try Cobalt.run(python, [Cobalt.checker, manifestFile.path])
    #expect(result.status == 0, "\(result.output)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == manifest.count, "\(result.output)")
    #expect(lines.allSatisfy { $0.hasPrefix("ok ") }, "\(result.output)")
  }
}
