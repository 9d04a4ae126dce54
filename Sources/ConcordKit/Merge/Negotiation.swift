/// The negotiation as one pure function: from a loaded workspace to its revisions.
///
/// Rev.0 is the zero draft (`ZeroDraft`); Rev.k follows from Rev.k-1 and round k by the
/// no-objection rule (`RoundMerger`). Every caller — `assemble`, `validate`, the benchmark,
/// the fuzz targets and the tests — goes through here, so that whether a round can be merged
/// is decided in one place, and `validate` refuses exactly what `assemble` would.
///
/// Linear in the paragraphs and stances of each round (see `RoundMerger`).
public struct Negotiation: Sendable {
  public var workspace: Workspace

  public init(_ workspace: Workspace) { self.workspace = workspace }

  /// Rev.0: every clause a paragraph with one option and the status draft.
  public func zeroDraft(date: String? = nil) -> Declaration {
    ZeroDraft.declaration(from: workspace, date: date)
  }

  /// Rev.k from Rev.k-1 (`previous`) and round k: the workspace's round, unless `round` is
  /// given. nil when there is no such round.
  /// - Parameter previousFile: the digest of Rev.k-1's file, which Rev.k's provenance records.
  public func revision(
    after previous: Declaration, round: Round? = nil, previousFile: InputDigest? = nil,
    date: String? = nil
  ) throws -> Declaration? {
    guard let round = round ?? workspace.round(previous.revision + 1) else { return nil }
    let provenance =
      workspace.inputs(of: [.workspace, .members]) + (previousFile.map { [$0] } ?? [])
      + workspace.inputs(of: [.positions], round: round.number)
    let merger = RoundMerger(
      previous: previous, round: round, settings: workspace.settings,
      participants: workspace.participants)
    return try merger.merge(date: date, provenance: provenance)
  }

  /// Every revision that is due after `latest` (from Rev.0 when nil), up to Rev.`until`.
  /// - Parameters:
  ///   - latestFile: the digest of `latest`'s file, which the next revision records.
  ///   - record: told each new revision as soon as it is made; returns the digest of its
  ///     file, which the revision after it records as its predecessor (nil: none recorded).
  public func revisions(
    after latest: Declaration? = nil, latestFile: InputDigest? = nil, until: Int? = nil,
    date: String? = nil, progress: ProgressHandler? = nil,
    record: (Declaration) throws -> InputDigest? = { _ in nil }
  ) throws -> [Declaration] {
    let limit = until ?? Int.max
    var made: [Declaration] = []
    var previous = latest
    var previousFile = latestFile
    if latest == nil, limit >= 0 {
      let zero = zeroDraft(date: date)
      previousFile = try record(zero)
      made.append(zero)
      previous = zero
    }
    while let last = previous, last.revision < limit, workspace.round(last.revision + 1) != nil {
      progress?("merging round \(last.revision + 1) (\(last.paragraphs.count) paragraphs)")
      guard let next = try revision(after: last, previousFile: previousFile, date: date) else { break }
      previousFile = try record(next)
      made.append(next)
      previous = next
    }
    return made
  }
}
