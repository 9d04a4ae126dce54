/// What changed from one declaration to another: the differ's result, which the text, JSON and
/// HTML renderers read. Plain values, in document order, with every text already rendered
/// (`<parties/>` replaced by the subject that applies on each side).
public struct Changes: Hashable, Sendable {
  /// The old declaration's revision number; nil when there is no old declaration (a revision
  /// file that git reports as added).
  public var from: Int?
  public var to: Int?
  /// The workspace id, e.g. `sco-2025`.
  public var workspace: String
  /// The languages compared, the base language first as declared.
  public var languages: [String]
  /// The paragraphs that changed, in the new document's order; deleted paragraphs follow the
  /// paragraph they followed in the old one.
  public var paragraphs: [ParagraphChange]
  /// Every paragraph of either declaration, in the same order: its number in each, and the
  /// participants behind its change. A paragraph that was only renumbered shows here and
  /// nowhere else.
  public var lineage: [LineageEntry]

  public init(
    from: Int?, to: Int?, workspace: String, languages: [String], paragraphs: [ParagraphChange],
    lineage: [LineageEntry]
  ) {
    self.from = from
    self.to = to
    self.workspace = workspace
    self.languages = languages
    self.paragraphs = paragraphs
    self.lineage = lineage
  }

  public var isEmpty: Bool { paragraphs.isEmpty }

  public func count(of kind: ParagraphChange.Kind) -> Int {
    paragraphs.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
  }

  /// Paragraphs in both declarations whose number changed, whatever else did: renumbering is
  /// lineage, never a change in itself.
  public var renumbered: [LineageEntry] {
    lineage.filter { $0.inOld && $0.inNew && $0.fromNumber != $0.toNumber }
  }
}

/// One paragraph that changed.
public struct ParagraphChange: Hashable, Sendable {
  /// What happened to it, the most telling first: a paragraph whose text changed and that also
  /// moved is `changed` (with `moved` set); `status` means only its standing changed (status,
  /// options on the table, who joins, reservations, translations).
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case added, deleted, moved, changed, status
  }

  public var id: String
  public var kind: Kind
  public var fromNumber: String?
  public var toNumber: String?
  public var fromSection: String?
  public var toSection: String?
  public var fromStatus: Paragraph.Status?
  public var toStatus: Paragraph.Status?
  /// It changed place among the other paragraphs (or changed section).
  public var moved: Bool
  /// How its standing changed, in a fixed order.
  public var details: [StatusChange]
  /// The participants whose proposals produced the change, in protocol order.
  public var by: [String]
  /// Option 1's text per language, old against new, word by word.
  public var words: [LanguageWords]

  public init(
    id: String, kind: Kind, fromNumber: String? = nil, toNumber: String? = nil,
    fromSection: String? = nil, toSection: String? = nil, fromStatus: Paragraph.Status? = nil,
    toStatus: Paragraph.Status? = nil, moved: Bool = false, details: [StatusChange] = [],
    by: [String] = [], words: [LanguageWords] = []
  ) {
    self.id = id
    self.kind = kind
    self.fromNumber = fromNumber
    self.toNumber = toNumber
    self.fromSection = fromSection
    self.toSection = toSection
    self.fromStatus = fromStatus
    self.toStatus = toStatus
    self.moved = moved
    self.details = details
    self.by = by
    self.words = words
  }

  /// The languages whose text is the base language's stand-in in the new declaration.
  public var translationPending: [String] { words.filter(\.translationPending).map(\.language) }
}

/// A paragraph's text in one language as a word-level edit script: joining the `equal` and
/// `delete` pieces gives the old text, joining `equal` and `insert` the new one.
public struct LanguageWords: Hashable, Sendable {
  public var language: String
  public var edits: [WordEdit]
  /// The new declaration has no text in this language: the base-language text stands in.
  public var translationPending: Bool

  public init(language: String, edits: [WordEdit], translationPending: Bool = false) {
    self.language = language
    self.edits = edits
    self.translationPending = translationPending
  }

  public var oldText: String { edits.filter { $0.operation != .insert }.map(\.text).joined() }
  public var newText: String { edits.filter { $0.operation != .delete }.map(\.text).joined() }
  public var hasEdits: Bool { edits.contains { $0.operation != .equal } }
}

/// A paragraph's place in each declaration.
public struct LineageEntry: Hashable, Sendable {
  public var id: String
  public var fromNumber: String?
  public var toNumber: String?
  /// Whether it is in each declaration (a preamble paragraph has no number in either).
  public var inOld: Bool
  public var inNew: Bool
  /// nil when the paragraph did not change (it may still have been renumbered).
  public var change: ParagraphChange.Kind?
  public var by: [String]

  public init(
    id: String, fromNumber: String?, toNumber: String?, inOld: Bool, inNew: Bool,
    change: ParagraphChange.Kind?, by: [String]
  ) {
    self.id = id
    self.fromNumber = fromNumber
    self.toNumber = toNumber
    self.inOld = inOld
    self.inNew = inNew
    self.change = change
    self.by = by
  }
}
