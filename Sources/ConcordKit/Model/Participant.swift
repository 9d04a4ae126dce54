/// A state or organisation taking part in the negotiation.
public struct Participant: Hashable, Sendable {
  public enum Status: String, Hashable, Sendable, CaseIterable {
    /// Counts for consensus.
    case member
    /// Recorded as comments, never blocks.
    case observer
    /// A dialogue partner: recorded as comments, never blocks.
    case partner
  }

  /// ISO 3166-1 alpha-3, e.g. `BLR`.
  public var code: String
  public var status: Status
  /// Official name per language, e.g. `en`: "the Republic of Belarus".
  public var names: [String: String]

  public init(code: String, status: Status, names: [String: String]) {
    self.code = code
    self.status = status
    self.names = names
  }

  public var isMember: Bool { status == .member }

  /// The name in `language`, else in `fallback` (the base language: every participant is
  /// named in it), else the code.
  public func name(in language: String, or fallback: String? = nil) -> String {
    names[language] ?? fallback.flatMap { names[$0] } ?? code
  }
}

/// The facilitator, who offers consolidated options; not a participant.
public let facilitatorCode = "FACILITATOR"
