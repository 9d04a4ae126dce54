import Foundation

@testable import ConcordKit

/// Rev.0, Rev.1 and Rev.2 of the example workspace, merged by Concord's own engine from its
/// clauses and positions (as `Drafts/sco-2025/NEGOTIATION.md` describes them).
/// `Fixtures/sco-2025/rev-<n>.xml` hold the same revisions as files, so that the export
/// tests read fixed inputs; a test checks the fixtures still match the engine.
enum ExampleRevisions {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let workspacePath = repository.appendingPathComponent("Drafts/sco-2025").path
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// The revisions as stored in the fixtures (read and validated like any revision file).
  static func load(_ revision: Int) throws -> Declaration {
    try RevisionStore.loadDeclaration(fixture("sco-2025/rev-\(revision).xml"))
  }

  /// Rev.0 to Rev.2 as the merger makes them (without provenance, which names file digests).
  static func build() throws -> [Declaration] {
    let workspace = try WorkspaceLoader().load(workspacePath)
    return try Negotiation(workspace).revisions().map { revision in
      var revision = revision
      revision.provenance = []
      return revision
    }
  }
}

extension Declaration {
  /// Applies `change` to paragraph `id` (every paragraph when nil): for edge cases built
  /// from the example.
  mutating func update(_ id: String? = nil, _ change: (inout Paragraph) -> Void) {
    for s in sections.indices {
      for p in sections[s].paragraphs.indices where id == nil || sections[s].paragraphs[p].id == id {
        change(&sections[s].paragraphs[p])
      }
    }
  }
}
