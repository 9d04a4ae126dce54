import Testing

@testable import ConcordKit

/// Rev.0, Rev.1 and Rev.2 of `Drafts/sco-2025`, assembled in memory by the merger from the
/// zero draft and the two rounds of position files: what the diff of the example workspace is
/// checked against (`NEGOTIATION.md` says what each revision holds).
struct AssembledExample {
  let rev0: Declaration
  let rev1: Declaration
  let rev2: Declaration

  init() throws {
    let workspace = try WorkspaceLoader().load(DiffFixture.packageRoot + "/Drafts/sco-2025")
    let revisions = try Negotiation(workspace).revisions(until: 2)
    try #require(revisions.count == 3)
    rev0 = revisions[0]
    rev1 = revisions[1]
    rev2 = revisions[2]
  }
}
