/// Protocol order: each participant's place in `members.xml`. Positions are merged, sponsors
/// listed and joiners named in this order; codes it does not know come last, by code.
public struct ProtocolOrder: Sendable {
  private let ranks: [String: Int]

  public init(_ participants: [Participant]) {
    ranks = Dictionary(
      participants.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Whether participant `a` comes before participant `b`.
  public func precedes(_ a: String, _ b: String) -> Bool {
    (ranks[a] ?? .max, a) < (ranks[b] ?? .max, b)
  }
}
