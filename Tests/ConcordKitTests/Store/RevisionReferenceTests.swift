import Testing

@testable import ConcordKit

@Test func revisionsCanBeNamedByNumberFileNameOrFromTheLatest() {
  #expect(RevisionReference("3") == .number(3))
  #expect(RevisionReference("rev-3") == .number(3))
  #expect(RevisionReference("Rev.3") == .number(3))
  #expect(RevisionReference("rev-3.xml") == .number(3))
  #expect(RevisionReference("latest") == .latest(back: 0))
  #expect(RevisionReference("latest~2") == .latest(back: 2))
  #expect(RevisionReference("latest~") == nil)
  #expect(RevisionReference("three") == nil)
  #expect(RevisionReference("-1") == nil)
}

@Test func referencesResolveAmongTheRevisionsOnDisk() throws {
  #expect(try RevisionReference.latest(back: 0).resolve(among: [0, 1, 2], workspace: "ws") == 2)
  #expect(try RevisionReference.latest(back: 1).resolve(among: [0, 1, 2], workspace: "ws") == 1)
  #expect(throws: DiagnosticsError.self) {
    try RevisionReference.number(5).resolve(among: [0, 1], workspace: "ws")
  }
  #expect(throws: DiagnosticsError.self) {
    try RevisionReference.latest(back: 2).resolve(among: [0, 1], workspace: "ws")
  }
}
