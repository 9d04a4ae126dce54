import Foundation
import Testing

@testable import ConcordKit

/// Rewrites the fixtures and golden files when `CONCORD_UPDATE_FIXTURES=1`; otherwise checks
/// that the stored revision fixtures still match what `ExampleRevisions` builds.
@Test func exampleRevisionFixturesMatchTheScriptedNegotiation() throws {
  let revisions = try ExampleRevisions.build()
  for revision in revisions {
    let path = ExampleRevisions.fixture("sco-2025/rev-\(revision.revision).xml")
    let xml = try DeclarationWriter().xml(revision)
    if ProcessInfo.processInfo.environment["CONCORD_UPDATE_FIXTURES"] == "1" {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
    }
    #expect(try ExampleRevisions.load(revision.revision) == revision)
  }
}

/// The edge cases as declaration files too, so the command line (and `Scripts/render-exports`)
/// can show them: `Fixtures/edge/rev-2.xml` (earlier) and `rev-3.xml`.
@Test func edgeCaseFixturesMatchTheirDeclarations() throws {
  for declaration in [EdgeCases.earlier(), EdgeCases.everything()] {
    let path = ExampleRevisions.fixture("edge/rev-\(declaration.revision).xml")
    if ProcessInfo.processInfo.environment["CONCORD_UPDATE_FIXTURES"] == "1" {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(try DeclarationWriter().xml(declaration).utf8).write(to: URL(fileURLWithPath: path))
    }
    #expect(try RevisionStore.loadDeclaration(path) == declaration)
  }
}
