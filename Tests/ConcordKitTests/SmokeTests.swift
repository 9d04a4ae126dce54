import Foundation
import Testing

@testable import ConcordKit

/// The foundation end to end, in-process: schemas compile, the example workspace validates,
/// the `init` template validates, and validation is deterministic.
@Suite struct SmokeTests {
  static let example = Fixtures.repository + "/Drafts/sco-2025"

  @Test func embeddedSchemasCompile() throws {
    let library = SchemaLibrary(source: .embedded)
    for name in SchemaName.allCases { try library.check(name) }
  }

  @Test func theExampleWorkspaceLoadsWithoutDiagnostics() throws {
    let workspace = try WorkspaceLoader().load(Self.example)
    #expect(workspace.settings.languages == ["en", "ru", "zh"])
    #expect(workspace.participants.prefix(3).map(\.code) == ["BLR", "IND", "IRN"])
    #expect(workspace.sections.flatMap(\.clauses).count == 72)
    #expect(workspace.rounds.map(\.number) == [1, 2])
    #expect(workspace.inputs.count == 28)
  }

  @Test func validatingTheExampleTwiceGivesTheSameReport() {
    let first = Validator().validate([Self.example])
    let second = Validator().validate([Self.example])
    #expect(first.isValid && first.diagnostics.isEmpty)
    #expect(ValidationJSON.render(first) == ValidationJSON.render(second))
  }

  @Test func theInitTemplateIsAValidWorkspace() throws {
    let folder = try TemporaryFolder()
    let target = folder.path + "/new"
    let written = try WorkspaceFolder.create(at: target)
    // The example's XML files, then git's two.
    #expect(written.count == WorkspaceTemplate.files.count + 2)
    #expect(written.suffix(2) == [target + "/.gitignore", target + "/.gitattributes"])
    let report = Validator().validate([target])
    #expect(report.diagnostics == [])
    #expect(report.files.count == written.count - 2)
  }

  @Test func initRefusesAFolderThatIsNotEmpty() throws {
    let folder = try TemporaryFolder()
    try folder.write("keep.txt", "mine")
    #expect {
      try WorkspaceFolder.create(at: folder.path)
    } throws: { error in
      (error as? DiagnosticsError)?.description
        == "\(folder.path): error: folder is not empty; init only creates new workspaces"
    }
    #expect(try String(contentsOfFile: folder.path + "/keep.txt", encoding: .utf8) == "mine")
  }

  @Test func validatingSeveralFilesReportsEachProblem() {
    let report = Validator().validate([
      Fixtures.path("members/invalid-missing-status.xml"), Fixtures.path("section/valid-operative.xml"),
      Fixtures.path("positions/invalid-bad-option.xml"),
    ])
    #expect(report.files.count == 3)
    #expect(
      report.diagnostics.map { URL(fileURLWithPath: $0.file).lastPathComponent } == [
        "invalid-missing-status.xml", "invalid-bad-option.xml",
      ])
    #expect(!report.isValid)
  }
}
