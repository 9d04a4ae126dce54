import Foundation
import Testing

@testable import ConcordKit

/// `assemble` with nothing new judges the workspace from digests (`NothingDue`); whatever
/// differs from what the revisions recorded is left to the full reading, which says what.
@Suite struct NothingDueTests {
  private func assembled() throws -> TemporaryWorkspace {
    let workspace = try TemporaryWorkspace()
    _ = try Assembler().assemble(workspace.path)
    return workspace
  }

  private func current(_ workspace: TemporaryWorkspace, reader: DocumentReader = DocumentReader()) -> Int? {
    let store = RevisionStore(workspacePath: workspace.path, reader: reader)
    if case .current(let revision) = NothingDue.verdict(workspace.path, store: store) { return revision }
    return nil
  }

  @Test func anUnchangedAssembledWorkspaceIsCurrentAndTheFullReadingAgrees() throws {
    let workspace = try assembled()
    defer { workspace.remove() }
    #expect(current(workspace) == 2)
    // What the digests say is what reading everything says: nothing due, nothing to warn of.
    let store = RevisionStore(workspacePath: workspace.path)
    let plan = try AssemblyPlan.make(for: WorkspaceLoader().load(workspace.path), store: store)
    #expect(plan.due.isEmpty)
    #expect(plan.warnings.isEmpty)
  }

  @Test func withSchemasFromAFolderEveryInputIsReadAgain() throws {
    let workspace = try assembled()
    defer { workspace.remove() }
    let folder = TemporaryWorkspace.repositoryRoot.appendingPathComponent("Schemas").path
    let reader = DocumentReader(schemas: SchemaLibrary(source: .directory(folder)))
    #expect(current(workspace, reader: reader) == nil)
  }

  @Test func aWorkspaceWithoutRevisionsIsNotCurrent() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    #expect(current(workspace) == nil)
  }

  /// Each change a user can make to an assembled workspace: the digests see it, and
  /// `assemble` then says what the full reading says.
  @Test(arguments: [
    ("a position file edited", "positions/round-1/IND.xml", Edit.append("<!-- edited -->")),
    ("a position file added to a round", "positions/round-1/TJK.xml", .write(emptyPositions("TJK", 1))),
    ("a round due", "positions/round-3/IND.xml", .write(emptyPositions("IND", 3))),
    ("a clause file edited", "clauses/05-people.xml", .append("<!-- edited -->")),
    ("the settings edited", "workspace.xml", .append("<!-- edited -->")),
    ("the participants edited", "members.xml", .append("<!-- edited -->")),
    ("a stray file among the clauses", "clauses/notes.txt", .write("notes")),
    ("a hidden position file", "positions/round-2/.TJK.xml", .write(emptyPositions("TJK", 2))),
    ("a position file removed", "positions/round-2/IND.xml", .remove),
    ("an empty round folder", "positions/round-3", .folder),
  ])
  func anyChangeIsLeftToTheFullReading(_ change: String, _ relative: String, _ edit: Edit) throws {
    let workspace = try assembled()
    defer { workspace.remove() }
    try edit.apply(to: workspace.file(relative))
    #expect(current(workspace) == nil, "\(change)")
  }

  @Test func aChangedSettingsFileStillWarnsOnEveryAssemble() throws {
    let workspace = try assembled()
    defer { workspace.remove() }
    try Edit.append("<!-- edited -->").apply(to: workspace.file("workspace.xml"))
    for _ in 0..<2 {
      let report = try Assembler().assemble(workspace.path)
      #expect(report.written.isEmpty)
      #expect(report.warnings.contains { $0.message.contains("workspace.xml changed since Rev.") })
    }
  }

  enum Edit: Sendable, CustomStringConvertible {
    case append(String)
    case write(String)
    case remove, folder

    func apply(to path: String) throws {
      let url = URL(fileURLWithPath: path)
      switch self {
      case .append(let text):
        var data = try Data(contentsOf: url)
        data.append(Data(text.utf8))
        try data.write(to: url)
      case .write(let text):
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      case .remove: try FileManager.default.removeItem(at: url)
      case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      }
    }

    var description: String {
      switch self {
      case .append: "append"
      case .write: "write"
      case .remove: "remove"
      case .folder: "folder"
      }
    }
  }
}

private func emptyPositions(_ code: String, _ round: Int) -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <positions xmlns="urn:concord:1" participant="\(code)" round="\(round)" answers="\(round - 1)"/>

  """
}
