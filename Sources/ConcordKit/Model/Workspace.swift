/// A declaration under negotiation, as loaded from its folder: settings, participants,
/// the zero draft's sections and the rounds of positions.
public struct Workspace: Hashable, Sendable {
  /// The folder, as the user named it.
  public var path: String
  public var settings: Settings
  /// In protocol order (the order of `members.xml`).
  public var participants: [Participant]
  /// In file-name order.
  public var sections: [Section]
  /// Rounds 1, 2, … in order, each with its position files in protocol order.
  public var rounds: [Round]
  /// Every input file read, relative to the workspace, with its SHA-256.
  public var inputs: [InputDigest]

  public init(
    path: String, settings: Settings, participants: [Participant], sections: [Section],
    rounds: [Round], inputs: [InputDigest]
  ) {
    self.path = path
    self.settings = settings
    self.participants = participants
    self.sections = sections
    self.rounds = rounds
    self.inputs = inputs
  }

  public func participant(_ code: String) -> Participant? {
    participants.first { $0.code == code }
  }

  public func round(_ number: Int) -> Round? { rounds.first { $0.number == number } }

  /// The digests of the files a revision is assembled from.
  public func inputs(of kinds: Set<InputDigest.Kind>, round: Int? = nil) -> [InputDigest] {
    inputs.filter { input in
      guard kinds.contains(input.kind) else { return false }
      guard let round, input.kind == .positions else { return true }
      return input.path.hasPrefix("positions/round-\(round)/")
    }
  }
}

/// One round of positions: `positions/round-<k>/`.
public struct Round: Hashable, Sendable {
  public var number: Int
  public var positions: [Positions]

  public init(number: Int, positions: [Positions]) {
    self.number = number
    self.positions = positions
  }
}
