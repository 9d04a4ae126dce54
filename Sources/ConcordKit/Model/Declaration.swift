/// One numbered revision of the draft declaration: `revisions/rev-<n>.xml`.
///
/// A value: the merger makes a new one from the last and a round of positions; the differ
/// and the exporters only read it. It carries the workspace's settings and participants so
/// that a revision file stands on its own.
public struct Declaration: Hashable, Sendable {
  public var revision: Int
  /// Only when given (`assemble --date`): nothing in a revision depends on the clock.
  public var date: String?
  public var settings: Settings
  /// In protocol order.
  public var participants: [Participant]
  /// Every revision so far, this one last.
  public var history: [HistoryEntry]
  public var provenance: [InputDigest]
  public var sections: [DeclarationSection]

  public init(
    revision: Int, date: String? = nil, settings: Settings, participants: [Participant],
    history: [HistoryEntry], provenance: [InputDigest], sections: [DeclarationSection]
  ) {
    self.revision = revision
    self.date = date
    self.settings = settings
    self.participants = participants
    self.history = history
    self.provenance = provenance
    self.sections = sections
  }

  /// Every paragraph in document order.
  public var paragraphs: [Paragraph] { sections.flatMap(\.paragraphs) }

  public func participant(_ code: String) -> Participant? {
    participants.first { $0.code == code }
  }

  public var members: [Participant] { participants.filter(\.isMember) }
}

/// A revision in the declaration's history.
public struct HistoryEntry: Hashable, Sendable {
  public var revision: Int
  public var date: String?
  /// Who sent positions in the round that produced it (empty for Rev.0).
  public var participants: [String]
  /// Its paragraphs by status, recorded when it was made (so that the convergence across
  /// revisions is read from the latest one alone); nil in files written without them.
  public var counts: StatusCounts?

  public init(
    revision: Int, date: String? = nil, participants: [String] = [], counts: StatusCounts? = nil
  ) {
    self.revision = revision
    self.date = date
    self.participants = participants
    self.counts = counts
  }
}

/// How many paragraphs stand at each status.
public struct StatusCounts: Hashable, Sendable {
  public var draft: Int
  public var agreed: Int
  public var agreedAdReferendum: Int
  public var open: Int

  public init(draft: Int = 0, agreed: Int = 0, agreedAdReferendum: Int = 0, open: Int = 0) {
    self.draft = draft
    self.agreed = agreed
    self.agreedAdReferendum = agreedAdReferendum
    self.open = open
  }

  public init(_ paragraphs: [Paragraph]) {
    self.init()
    for paragraph in paragraphs {
      switch paragraph.status {
      case .draft: draft += 1
      case .agreed: agreed += 1
      case .agreedAdReferendum: agreedAdReferendum += 1
      case .open: open += 1
      }
    }
  }

  public var total: Int { draft + agreed + agreedAdReferendum + open }
}

extension Declaration {
  /// Records this revision's counts in its own history entry (the last one).
  mutating func recordCounts() {
    guard let last = history.indices.last, history[last].revision == revision else { return }
    history[last].counts = StatusCounts(paragraphs)
  }
}

/// An input file a revision was assembled from, and its SHA-256.
public struct InputDigest: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case workspace, members, clauses, positions, revision
  }

  public var kind: Kind
  /// Relative to the workspace.
  public var path: String
  public var sha256: String

  public init(kind: Kind, path: String, sha256: String) {
    self.kind = kind
    self.path = path
    self.sha256 = sha256
  }
}

public struct DeclarationSection: Hashable, Sendable {
  public var id: String
  public var kind: SectionKind
  public var headings: [String: String]
  public var paragraphs: [Paragraph]

  public init(id: String, kind: SectionKind, headings: [String: String], paragraphs: [Paragraph]) {
    self.id = id
    self.kind = kind
    self.headings = headings
    self.paragraphs = paragraphs
  }
}
