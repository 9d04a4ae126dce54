/// A part of the declaration: the preamble, or a headed operative section.
public enum SectionKind: String, Hashable, Sendable {
  /// Unnumbered paragraphs.
  case preamble
  /// Numbered consecutively across sections.
  case operative
}

/// One section of the zero draft, from one file in `clauses/`.
public struct Section: Hashable, Sendable {
  public var id: String
  public var kind: SectionKind
  public var headings: [String: String]
  public var clauses: [Clause]
  public var location: SourceLocation

  public init(
    id: String, kind: SectionKind, headings: [String: String] = [:], clauses: [Clause],
    location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.headings = headings
    self.clauses = clauses
    self.location = location
  }
}

/// A paragraph of the zero draft, with its stable id and its text per language.
public struct Clause: Hashable, Sendable {
  public var id: String
  public var texts: [String: ClauseText]
  public var location: SourceLocation

  public init(id: String, texts: [String: ClauseText], location: SourceLocation) {
    self.id = id
    self.texts = texts
    self.location = location
  }
}
