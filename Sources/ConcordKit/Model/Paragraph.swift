/// A paragraph of a revision: its options on the table, status, and who stands where.
public struct Paragraph: Hashable, Sendable {
  public enum Status: String, Hashable, Sendable, CaseIterable {
    /// Rev.0: not yet negotiated.
    case draft
    case open
    case agreed
    /// Agreed while a member's reservation stands.
    case agreedAdReferendum = "agreed-ad-ref"
  }

  public var id: String
  /// `"12"`, `"12bis"`; nil in the preamble.
  public var number: String?
  public var status: Status
  /// The revision in which it first appeared.
  public var since: Int
  /// Inserted and never yet agreed: numbered `12bis`, `12ter`, … after its anchor.
  public var inserted: Bool
  /// Option 1 (the current text) first, then proposals by number, deletion last.
  public var options: [Option]
  /// Members that do not join the paragraph, while their dissociation stands.
  public var dissociations: [Standing]
  public var reservations: [Standing]
  /// The stances taken in the round that produced this revision.
  public var stances: [RecordedStance]
  /// Observers', partners' and members' comments, kept from round to round.
  public var comments: [Standing]
  /// Revisions in which the text changed, with the participants whose proposals changed it.
  public var changes: [ChangeRecord]

  public init(
    id: String, number: String? = nil, status: Status, since: Int, inserted: Bool = false,
    options: [Option], dissociations: [Standing] = [], reservations: [Standing] = [],
    stances: [RecordedStance] = [], comments: [Standing] = [], changes: [ChangeRecord] = []
  ) {
    self.id = id
    self.number = number
    self.status = status
    self.since = since
    self.inserted = inserted
    self.options = options
    self.dissociations = dissociations
    self.reservations = reservations
    self.stances = stances
    self.comments = comments
    self.changes = changes
  }

  /// Option 1: the current text.
  public var current: Option? { options.first { $0.reference == .current } }

  public func option(_ reference: OptionReference) -> Option? {
    options.first { $0.reference == reference }
  }

  public var isAgreed: Bool { status == .agreed || status == .agreedAdReferendum }

  /// The members who join the paragraph: every member without a standing dissociation,
  /// in protocol order.
  public func joiners(among members: [Participant]) -> [Participant] {
    let out = Set(dissociations.map(\.participant))
    return members.filter { !out.contains($0.code) }
  }
}

/// An option on the table: the current text, a proposed text, a consolidated text, or deletion.
public struct Option: Hashable, Sendable {
  public var reference: OptionReference
  /// Participant codes, or `FACILITATOR` for a consolidated option; empty for a zero-draft text.
  public var sponsors: [String]
  /// The round that put it on the table (0 for the zero draft).
  public var round: Int
  /// A consolidated option: the options whose edits it applies together.
  public var combines: [Int]
  /// Per language the sponsor wrote; empty for deletion.
  public var texts: [String: ClauseText]

  public init(
    reference: OptionReference, sponsors: [String] = [], round: Int = 0, combines: [Int] = [],
    texts: [String: ClauseText] = [:]
  ) {
    self.reference = reference
    self.sponsors = sponsors
    self.round = round
    self.combines = combines
    self.texts = texts
  }

  public var isDeletion: Bool { reference == .delete }
  public var isConsolidated: Bool { !combines.isEmpty }

  /// The text in `language`, or nil when the option has none in it (translation pending).
  public func text(in language: String) -> ClauseText? { texts[language] }
}

/// A dissociation, reservation or comment that stands on a paragraph.
public struct Standing: Hashable, Sendable {
  public var participant: String
  /// The round in which it was made.
  public var round: Int
  /// The reservation's note or the comment's text; empty for a dissociation.
  public var note: String

  public init(participant: String, round: Int, note: String = "") {
    self.participant = participant
    self.round = round
    self.note = note
  }
}

/// A stance as a revision records it, for the participant × paragraph matrix.
public struct RecordedStance: Hashable, Sendable {
  public var participant: String
  public var kind: Stance.Kind
  public var option: OptionReference?

  public init(participant: String, kind: Stance.Kind, option: OptionReference? = nil) {
    self.participant = participant
    self.kind = kind
    self.option = option
  }
}

/// A revision that changed the paragraph's text, and whose proposals changed it.
public struct ChangeRecord: Hashable, Sendable {
  public var revision: Int
  public var by: [String]

  public init(revision: Int, by: [String]) {
    self.revision = revision
    self.by = by
  }
}
