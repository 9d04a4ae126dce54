/// A paragraph of a revision: its options on the table, status, and who stands where.
///
/// A value like any other, kept in one shared box until it is changed (copy on write): a
/// revision's paragraphs are copied by every pass that walks them, and a copy is then one
/// reference, not eleven.
public struct Paragraph: Hashable, Sendable {
  public enum Status: String, Hashable, Sendable, CaseIterable {
    /// Rev.0: not yet negotiated.
    case draft
    case open
    case agreed
    /// Agreed while a member's reservation stands.
    case agreedAdReferendum = "agreed-ad-ref"
  }

  /// The fields, as a value: their memberwise initializer, equality and hashing are the
  /// compiler's.
  private struct Fields: Hashable, Sendable {
    var id: String
    var number: String?
    var status: Status
    var since: Int
    var inserted: Bool
    var options: [Option]
    var dissociations: [Standing]
    var reservations: [Standing]
    var stances: [RecordedStance]
    var comments: [Standing]
    var changes: [ChangeRecord]
  }

  /// The box the fields are kept in. Changed only while this value holds the one reference
  /// to it (`unshared()` copies it first otherwise), so sharing it between threads is safe.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// The box, to change: copied first when another value shares it. (A method, not a
  /// property: setting a class instance's property only reads the reference, so a
  /// property's `_modify` would never be asked.)
  private mutating func unshared() -> Box {
    if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    return box
  }

  public var id: String {
    get { box.fields.id }
    _modify {
      let box = unshared()
      yield &box.fields.id
    }
    set { unshared().fields.id = newValue }
  }
  /// `"12"`, `"12bis"`; nil in the preamble.
  public var number: String? {
    get { box.fields.number }
    _modify {
      let box = unshared()
      yield &box.fields.number
    }
    set { unshared().fields.number = newValue }
  }
  public var status: Status {
    get { box.fields.status }
    set { unshared().fields.status = newValue }
  }
  /// The revision in which it first appeared.
  public var since: Int {
    get { box.fields.since }
    set { unshared().fields.since = newValue }
  }
  /// Inserted and never yet agreed: numbered `12bis`, `12ter`, … after its anchor.
  public var inserted: Bool {
    get { box.fields.inserted }
    set { unshared().fields.inserted = newValue }
  }
  /// Option 1 (the current text) first, then proposals by number, deletion last.
  public var options: [Option] {
    get { box.fields.options }
    _modify {
      let box = unshared()
      yield &box.fields.options
    }
    set { unshared().fields.options = newValue }
  }
  /// Members that do not join the paragraph, while their dissociation stands.
  public var dissociations: [Standing] {
    get { box.fields.dissociations }
    _modify {
      let box = unshared()
      yield &box.fields.dissociations
    }
    set { unshared().fields.dissociations = newValue }
  }
  public var reservations: [Standing] {
    get { box.fields.reservations }
    _modify {
      let box = unshared()
      yield &box.fields.reservations
    }
    set { unshared().fields.reservations = newValue }
  }
  /// The stances taken in the round that produced this revision.
  public var stances: [RecordedStance] {
    get { box.fields.stances }
    _modify {
      let box = unshared()
      yield &box.fields.stances
    }
    set { unshared().fields.stances = newValue }
  }
  /// Observers', partners' and members' comments, kept from round to round.
  public var comments: [Standing] {
    get { box.fields.comments }
    _modify {
      let box = unshared()
      yield &box.fields.comments
    }
    set { unshared().fields.comments = newValue }
  }
  /// Revisions in which the text changed, with the participants whose proposals changed it.
  public var changes: [ChangeRecord] {
    get { box.fields.changes }
    _modify {
      let box = unshared()
      yield &box.fields.changes
    }
    set { unshared().fields.changes = newValue }
  }

  public init(
    id: String, number: String? = nil, status: Status, since: Int, inserted: Bool = false,
    options: [Option], dissociations: [Standing] = [], reservations: [Standing] = [],
    stances: [RecordedStance] = [], comments: [Standing] = [], changes: [ChangeRecord] = []
  ) {
    box = Box(
      Fields(
        id: id, number: number, status: status, since: since, inserted: inserted, options: options,
        dissociations: dissociations, reservations: reservations, stances: stances, comments: comments,
        changes: changes))
  }

  public static func == (left: Paragraph, right: Paragraph) -> Bool {
    left.box === right.box || left.box.fields == right.box.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

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
