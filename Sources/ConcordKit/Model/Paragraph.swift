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

  /// The fields. Changed only while this value holds the one reference to it (`unshared()`
  /// copies it first otherwise), so sharing it between threads is safe.
  private final class Fields: @unchecked Sendable {
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

    init(
      id: String, number: String?, status: Status, since: Int, inserted: Bool, options: [Option],
      dissociations: [Standing], reservations: [Standing], stances: [RecordedStance], comments: [Standing],
      changes: [ChangeRecord]
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

    func copy() -> Fields {
      Fields(
        id: id, number: number, status: status, since: since, inserted: inserted, options: options,
        dissociations: dissociations, reservations: reservations, stances: stances, comments: comments,
        changes: changes)
    }
  }

  private var box: Fields

  /// The fields, to change: copied first when another value shares them. (A method, not a
  /// property: setting a class instance's property only reads the reference, so a
  /// property's `_modify` would never be asked.)
  private mutating func unshared() -> Fields {
    if !isKnownUniquelyReferenced(&box) { box = box.copy() }
    return box
  }

  public var id: String {
    get { box.id }
    _modify {
      let fields = unshared()
      yield &fields.id
    }
    set { unshared().id = newValue }
  }
  /// `"12"`, `"12bis"`; nil in the preamble.
  public var number: String? {
    get { box.number }
    _modify {
      let fields = unshared()
      yield &fields.number
    }
    set { unshared().number = newValue }
  }
  public var status: Status {
    get { box.status }
    set { unshared().status = newValue }
  }
  /// The revision in which it first appeared.
  public var since: Int {
    get { box.since }
    set { unshared().since = newValue }
  }
  /// Inserted and never yet agreed: numbered `12bis`, `12ter`, … after its anchor.
  public var inserted: Bool {
    get { box.inserted }
    set { unshared().inserted = newValue }
  }
  /// Option 1 (the current text) first, then proposals by number, deletion last.
  public var options: [Option] {
    get { box.options }
    _modify {
      let fields = unshared()
      yield &fields.options
    }
    set { unshared().options = newValue }
  }
  /// Members that do not join the paragraph, while their dissociation stands.
  public var dissociations: [Standing] {
    get { box.dissociations }
    _modify {
      let fields = unshared()
      yield &fields.dissociations
    }
    set { unshared().dissociations = newValue }
  }
  public var reservations: [Standing] {
    get { box.reservations }
    _modify {
      let fields = unshared()
      yield &fields.reservations
    }
    set { unshared().reservations = newValue }
  }
  /// The stances taken in the round that produced this revision.
  public var stances: [RecordedStance] {
    get { box.stances }
    _modify {
      let fields = unshared()
      yield &fields.stances
    }
    set { unshared().stances = newValue }
  }
  /// Observers', partners' and members' comments, kept from round to round.
  public var comments: [Standing] {
    get { box.comments }
    _modify {
      let fields = unshared()
      yield &fields.comments
    }
    set { unshared().comments = newValue }
  }
  /// Revisions in which the text changed, with the participants whose proposals changed it.
  public var changes: [ChangeRecord] {
    get { box.changes }
    _modify {
      let fields = unshared()
      yield &fields.changes
    }
    set { unshared().changes = newValue }
  }

  public init(
    id: String, number: String? = nil, status: Status, since: Int, inserted: Bool = false,
    options: [Option], dissociations: [Standing] = [], reservations: [Standing] = [],
    stances: [RecordedStance] = [], comments: [Standing] = [], changes: [ChangeRecord] = []
  ) {
    box = Fields(
      id: id, number: number, status: status, since: since, inserted: inserted, options: options,
      dissociations: dissociations, reservations: reservations, stances: stances, comments: comments,
      changes: changes)
  }

  public static func == (left: Paragraph, right: Paragraph) -> Bool {
    if left.box === right.box { return true }
    let a = left.box
    let b = right.box
    return a.id == b.id && a.number == b.number && a.status == b.status && a.since == b.since
      && a.inserted == b.inserted && a.options == b.options && a.dissociations == b.dissociations
      && a.reservations == b.reservations && a.stances == b.stances && a.comments == b.comments
      && a.changes == b.changes
  }

  public func hash(into hasher: inout Hasher) {
    let fields = box
    hasher.combine(fields.id)
    hasher.combine(fields.number)
    hasher.combine(fields.status)
    hasher.combine(fields.since)
    hasher.combine(fields.inserted)
    hasher.combine(fields.options)
    hasher.combine(fields.dissociations)
    hasher.combine(fields.reservations)
    hasher.combine(fields.stances)
    hasher.combine(fields.comments)
    hasher.combine(fields.changes)
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
