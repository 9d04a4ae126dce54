/// An option of a paragraph as positions name it: a number (1 is the current text) or deletion.
public enum OptionReference: Hashable, Sendable, Comparable, CustomStringConvertible {
  case number(Int)
  case delete

  public init?(_ string: String) {
    if string == "delete" {
      self = .delete
    } else if let number = Int(string), number >= 1 {
      self = .number(number)
    } else {
      return nil
    }
  }

  public static let current = OptionReference.number(1)

  public var description: String {
    switch self {
    case .number(let number): String(number)
    case .delete: "delete"
    }
  }

  /// Numbered options first, in number order; deletion last.
  public static func < (lhs: OptionReference, rhs: OptionReference) -> Bool {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)): a < b
    case (.number, .delete): true
    default: false
    }
  }
}

/// What a participant says about one paragraph in one round.
public struct Stance: Hashable, Sendable {
  public enum Action: Hashable, Sendable {
    case support(OptionReference)
    /// The full replacement text, per language the sponsor wrote.
    case amend([String: ClauseText])
    case delete
    /// A new paragraph, with its own id in `paragraph`, after a paragraph or section id.
    case insert(after: String, texts: [String: ClauseText])
    case dissociate(OptionReference)
    case reserve(OptionReference, note: String)
    case withdraw(OptionReference)
    case comment(String)
  }

  /// The paragraph it is about (for an insertion: the new paragraph's id).
  public var paragraph: String
  public var action: Action
  public var location: SourceLocation

  public init(paragraph: String, action: Action, location: SourceLocation) {
    self.paragraph = paragraph
    self.action = action
    self.location = location
  }

  /// The element that says it in a position file.
  public var kind: Kind {
    switch action {
    case .support: .support
    case .amend: .amend
    case .delete: .delete
    case .insert: .insert
    case .dissociate: .dissociate
    case .reserve: .reserve
    case .withdraw: .withdraw
    case .comment: .comment
    }
  }

  /// The kinds of stance, named as the elements of a position file name them.
  public enum Kind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case support, amend, delete, insert, dissociate, reserve, withdraw, comment

    public var description: String { rawValue }

    /// One letter for the stance matrix: S support, A amend, D delete, I insert,
    /// X dissociate, R reserve, W withdraw, C comment.
    public var symbol: String {
      switch self {
      case .support: "S"
      case .amend: "A"
      case .delete: "D"
      case .insert: "I"
      case .dissociate: "X"
      case .reserve: "R"
      case .withdraw: "W"
      case .comment: "C"
      }
    }
  }
}

/// One participant's positions in one round: the file `positions/round-<k>/<CODE>.xml`.
public struct Positions: Hashable, Sendable {
  public var participant: String
  public var round: Int
  /// The revision the positions were written against (round k answers Rev.k-1).
  public var answers: Int
  public var stances: [Stance]
  public var location: SourceLocation

  public init(
    participant: String, round: Int, answers: Int, stances: [Stance], location: SourceLocation
  ) {
    self.participant = participant
    self.round = round
    self.answers = answers
    self.stances = stances
    self.location = location
  }
}
