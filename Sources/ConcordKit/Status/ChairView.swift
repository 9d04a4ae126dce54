/// What a chair asks of a revision: who has answered each round, what each member said on
/// each paragraph (silence included), and who keeps each open paragraph open. Every
/// rendering of `StatusReport` (text, JSON, HTML) reads these, so they always agree.
extension StatusReport {
  /// Who sent positions in one round, and which members did not.
  public struct RoundAnswers: Hashable, Sendable {
    public var round: Int
    /// Every participant with a position file in the round, in protocol order.
    public var answered: [String]
    /// Members without a position file in the round, in protocol order.
    public var notAnswered: [String]
  }

  /// A member keeping a paragraph open, with what it said (its matrix cell: "A", "S2").
  public struct Holder: Hashable, Sendable {
    public var code: String
    public var cell: String
  }

  /// Why an open paragraph is still open, and by whom.
  public struct Hold: Hashable, Sendable {
    public var paragraph: Paragraph
    /// Members who made a new proposal on it in the round, or (when supports were split)
    /// who supported an option.
    public var holders: [Holder]
    /// Under `silence="objection"`: members whose silence keeps it open.
    public var silent: [String]
  }

  /// Every member, then every other participant who took a stance, in protocol order: the
  /// columns of the matrix. A member who filed nothing is a column of silences.
  public var matrixParticipants: [Participant] {
    let codes = Set(declaration.paragraphs.flatMap { $0.stances.map(\.participant) })
    return declaration.participants.filter { $0.isMember || codes.contains($0.code) }
  }

  /// The paragraphs of the matrix: those with a stance in the round, and every open one.
  public var matrixParagraphs: [Paragraph] {
    declaration.paragraphs.filter { !$0.stances.isEmpty || $0.status == .open }
  }

  /// What `participant` said on `paragraph` in the round behind this revision: `S` for
  /// support of the current text, `S2` of option 2, `SD` of deletion (and `R`, `X` the same
  /// way), `A` amend, `D` delete, `I` insert, `W` withdraw, `C` a comment alone, `·` silence.
  public func cell(of participant: String, on paragraph: Paragraph) -> String {
    Self.cell(stance(of: participant, on: paragraph))
  }

  /// A matrix row's stances: `stance(of:on:)` for each of `participants`, the paragraph's
  /// stances looked through once (not once a participant). For many rows, make the
  /// `MatrixColumns` once.
  public func stances(of participants: [String], on paragraph: Paragraph) -> [RecordedStance?] {
    MatrixColumns(participants).row(of: paragraph)
  }

  /// The columns of the matrix, each participant's place looked up once for every row.
  public struct MatrixColumns: Sendable {
    public let codes: [String]
    private let place: [String: Int]
    /// For each column, the first with its code (itself but for a repeated code).
    private let first: [Int]

    public init(_ codes: [String]) {
      var place: [String: Int] = [:]
      for (index, code) in codes.enumerated() where place[code] == nil { place[code] = index }
      self.codes = codes
      self.place = place
      first = codes.map { place[$0] ?? 0 }
    }

    /// `stance(of:on:)` for each column: a participant's first stance, else its first
    /// comment; nil for silence.
    public func row(of paragraph: Paragraph) -> [RecordedStance?] {
      var row = [RecordedStance?](repeating: nil, count: codes.count)
      for stance in paragraph.stances {
        guard let column = place[stance.participant] else { continue }
        if let known = row[column], known.kind != .comment || stance.kind == .comment { continue }
        row[column] = stance
      }
      for (column, first) in first.enumerated() where first != column { row[column] = row[first] }
      return row
    }
  }

  /// A stance's cell in the matrix (`cell(of:on:)`); `·` for silence.
  public static func cell(_ stance: RecordedStance?) -> String {
    guard let stance else { return "·" }
    switch stance.kind {
    case .support, .reserve, .dissociate:
      switch stance.option ?? .current {
      case .number(1): return stance.kind.symbol
      case .number(let n): return stance.kind.symbol + String(n)
      case .delete: return stance.kind.symbol + "D"
      }
    default:
      return stance.kind.symbol
    }
  }

  /// One line a round: who answered Rev.k-1 and which members did not.
  public var rounds: [RoundAnswers] {
    let order = declaration.participants.map(\.code)
    let members = declaration.members.map(\.code)
    return declaration.history.filter { $0.revision >= 1 && $0.revision <= declaration.revision }
      .sorted { $0.revision < $1.revision }
      .map { entry in
        let sent = Set(entry.participants)
        return RoundAnswers(
          round: entry.revision, answered: order.filter { sent.contains($0) },
          notAnswered: members.filter { !sent.contains($0) })
      }
  }

  /// Every open paragraph with who holds it open: under consent, the members who made a new
  /// proposal in the round or, without one, who supported different options; under
  /// objection, also the members whose silence blocks an option someone supported.
  public var holds: [Hold] {
    guard declaration.revision > 0 else { return [] }
    let members = declaration.members.map(\.code)
    let isMember = Set(members)
    let open = declaration.paragraphs.filter { $0.status == .open }
    // Each open paragraph judged on its own: on every core.
    return parallelMap(count: open.count) { index in
      let paragraph = open[index]
      let spoken = paragraph.stances.filter { isMember.contains($0.participant) && $0.kind != .comment }
      let proposers = spoken.filter { [.amend, .delete, .insert].contains($0.kind) }
      let supporters = spoken.filter { [.support, .reserve, .dissociate].contains($0.kind) }
      let supported = Set(supporters.map { $0.option ?? .current })
      var holders: [RecordedStance] = []
      if !proposers.isEmpty {
        holders = proposers
      } else if supported.count > 1 {
        holders = supporters
      }
      var silent: [String] = []
      if declaration.settings.silence == .objection, proposers.isEmpty {
        let speakers = Set(spoken.map(\.participant))
        silent = members.filter { !speakers.contains($0) }
      }
      let ordered = members.compactMap { code in holders.first { $0.participant == code } }
      return Hold(
        paragraph: paragraph,
        holders: ordered.map { Holder(code: $0.participant, cell: cell(of: $0.participant, on: paragraph)) },
        silent: silent)
    }
  }

  /// The section a paragraph stands in, as the paragraph table heads it: its heading in the
  /// base language, "Preamble" for an unheaded preamble, else its id.
  public func heading(of section: DeclarationSection) -> String {
    let base = declaration.settings.baseLanguage
    if let heading = section.headings[base] ?? section.headings.values.sorted().first { return heading }
    return section.kind == .preamble ? "Preamble" : section.id
  }

  /// The revision's symbol, `SCO/CHS/2025/DD/Rev.2`, when the workspace names one.
  public var symbol: String? {
    declaration.settings.symbol.map { "\($0)/Rev.\(declaration.revision)" }
  }
}
