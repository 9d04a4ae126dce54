/// One paragraph through one round.
struct ParagraphMerge {
  var paragraph: Paragraph
  let round: Int
  let settings: Settings
  let members: Set<String>
  let order: ProtocolOrder
  var problems: [Diagnostic] = []
  /// nil when the paragraph was deleted.
  var result: Paragraph? { deleted ? nil : paragraph }
  private var deleted = false
  /// The paragraph as Rev.k-1 has it: what every stance of the round refers to.
  private let before: Paragraph
  /// Its options' references, for judging stances in constant time.
  private let referencesBefore: Set<OptionReference>
  /// Indexes kept while the round's stances are applied (options are only appended then), so
  /// that a round of A amendments costs O(A), not O(A²): an option's index by its base-language
  /// text, the highest option number, and each option's sponsors as a set.
  private var optionByText: [ClauseText: Int] = [:]
  private var highestNumber = 0
  private var sponsorSets: [Int: Set<String>] = [:]
  private var deletionIndex: Int?

  init(
    paragraph: Paragraph, round: Int, settings: Settings, members: Set<String>,
    order: ProtocolOrder
  ) {
    self.paragraph = paragraph
    self.before = paragraph
    self.referencesBefore = Set(paragraph.options.map(\.reference))
    self.round = round
    self.settings = settings
    self.members = members
    self.order = order
  }

  /// Every stance of the round is judged against the paragraph as Rev.k-1 has it, and
  /// withdrawals take effect after the others, so the result never depends on the order the
  /// stances are read in: a member may support an option another withdraws in the same round
  /// (the option is then gone, and the paragraph cannot resolve to it this round).
  mutating func apply(_ stances: [(code: String, stance: Stance)]) {
    for (index, option) in paragraph.options.enumerated() {
      if case .number(let n) = option.reference { highestNumber = max(highestNumber, n) }
      if !option.isDeletion, let text = option.texts[settings.baseLanguage], optionByText[text] == nil {
        optionByText[text] = index
      }
    }
    paragraph.stances = stances.map { code, stance in record(stance, by: code) }
    var tally = Tally()
    for (code, stance) in stances {
      if members.contains(code) {
        take(stance, by: code, into: &tally)
      } else {
        comment(on: stance, by: code)
      }
    }
    let (supported, newProposal) = (tally.supported, tally.newProposal)
    // Sponsors added this round take their place in protocol order (before withdrawals move
    // the options the sponsor sets point at).
    let order = self.order
    for index in sponsorSets.keys { paragraph.options[index].sponsors.sort(by: order.precedes) }
    sponsorSets = [:]
    for (code, option, stance) in tally.withdrawals { withdraw(code, from: option, stance) }
    if newProposal { consolidate() }
    sortOptions()
    paragraph.dissociations.sort { order.precedes($0.participant, $1.participant) }
    paragraph.reservations.sort { order.precedes($0.participant, $1.participant) }

    if newProposal {
      paragraph.status = .open
      return
    }
    if before.isAgreed {
      paragraph.status = paragraph.reservations.isEmpty ? .agreed : .agreedAdReferendum
      return
    }
    guard let winner = resolution(supported), paragraph.option(winner) != nil else {
      paragraph.status = .open
      return
    }
    resolve(to: winner)
  }

  /// What a round's stances add up to on one paragraph.
  private struct Tally {
    var supported: [String: OptionReference] = [:]
    var newProposal = false
    var withdrawals: [(code: String, option: OptionReference, stance: Stance)] = []
  }

  /// One member's stance.
  private mutating func take(_ stance: Stance, by code: String, into tally: inout Tally) {
    switch stance.action {
    case .support(let option):
      guard exists(option, stance) else { return }
      tally.supported[code] = option
      paragraph.reservations.removeAll { $0.participant == code }
      paragraph.dissociations.removeAll { $0.participant == code }
    case .reserve(let option, let note):
      guard exists(option, stance) else { return }
      tally.supported[code] = option
      paragraph.reservations.removeAll { $0.participant == code }
      paragraph.reservations.append(Standing(participant: code, round: round, note: note))
    case .dissociate(let option):
      guard exists(option, stance) else { return }
      tally.supported[code] = option
      if !paragraph.dissociations.contains(where: { $0.participant == code }) {
        paragraph.dissociations.append(Standing(participant: code, round: round))
      }
    case .withdraw(let option):
      guard exists(option, stance) else { return }
      tally.withdrawals.append((code, option, stance))
    case .amend(let texts):
      let (reference, isNew) = propose(texts, by: code)
      tally.supported[code] = reference
      tally.newProposal = tally.newProposal || isNew
    case .delete:
      if let index = deletionIndex ?? paragraph.options.firstIndex(where: \.isDeletion) {
        deletionIndex = index
        add(code, toOptionAt: index)
      } else {
        deletionIndex = paragraph.options.count
        paragraph.options.append(Option(reference: .delete, sponsors: [code], round: round))
        tally.newProposal = true
      }
      tally.supported[code] = .delete
    case .comment(let text):
      paragraph.comments.append(Standing(participant: code, round: round, note: text))
    case .insert:
      break
    }
  }

  // MARK: - The rule

  /// The option round k resolves the paragraph to, if any.
  private func resolution(_ supported: [String: OptionReference]) -> OptionReference? {
    let choices = Set(supported.values)
    switch settings.silence {
    case .consent:
      if choices.count == 1 { return choices.first }
      if choices.isEmpty, paragraph.options.count == 1 { return paragraph.options.first?.reference }
      return nil
    case .objection:
      guard choices.count == 1, let choice = choices.first,
        members.allSatisfy({ supported[$0] == choice })
      else { return nil }
      return choice
    }
  }

  private mutating func resolve(to reference: OptionReference) {
    guard let option = paragraph.option(reference) else { return }
    if option.isDeletion {
      deleted = true
      return
    }
    if reference != .current {
      paragraph.changes.append(ChangeRecord(revision: round, by: proposers(of: option)))
    }
    paragraph.options = [
      Option(reference: .current, sponsors: [], round: option.round, texts: option.texts)
    ]
    paragraph.inserted = false
    paragraph.status = paragraph.reservations.isEmpty ? .agreed : .agreedAdReferendum
  }

  /// The participants behind an option: its sponsors, or for a consolidated option the
  /// sponsors of the options it combines.
  private func proposers(of option: Option) -> [String] {
    guard option.isConsolidated else { return option.sponsors }
    let codes = Set(
      option.combines.flatMap { paragraph.option(.number($0))?.sponsors ?? [] })
    return codes.sorted(by: order.precedes)
  }

  // MARK: - Proposals

  /// Adds `code`'s amendment: as a sponsor of an identical option (filling in languages it
  /// lacks), or as a new option. Returns the option and whether it is new.
  private mutating func propose(_ texts: [String: ClauseText], by code: String) -> (
    OptionReference, Bool
  ) {
    let base = settings.baseLanguage
    if let text = texts[base], let index = optionByText[text] {
      for (language, text) in texts where paragraph.options[index].texts[language] == nil {
        paragraph.options[index].texts[language] = text
      }
      if paragraph.options[index].reference != .current { add(code, toOptionAt: index) }
      return (paragraph.options[index].reference, false)
    }
    let number = nextNumber()
    if let text = texts[base] { optionByText[text] = paragraph.options.count }
    paragraph.options.append(
      Option(reference: .number(number), sponsors: [code], round: round, texts: texts))
    return (.number(number), true)
  }

  private mutating func consolidate() {
    // Numbers freed by this round's withdrawals are free again, as they always were.
    highestNumber = paragraph.options.reduce(0) { highest, option in
      if case .number(let n) = option.reference { max(highest, n) } else { highest }
    }
    let candidates = paragraph.options.compactMap { option -> (Int, [String: ClauseText])? in
      guard case .number(let n) = option.reference, n > 1, !option.isConsolidated else {
        return nil
      }
      return (n, option.texts)
    }
    guard candidates.count >= 2, let current = paragraph.current,
      let combined = Consolidation.consolidate(
        current: current.texts, candidates: candidates.map { (number: $0.0, texts: $0.1) },
        baseLanguage: settings.baseLanguage, languages: settings.languages)
    else { return }
    let base = settings.baseLanguage
    let exists = paragraph.options.contains {
      $0.combines == combined.combines
        || (!$0.isDeletion && $0.texts[base] == combined.texts[base])
    }
    guard !exists else { return }
    paragraph.options.append(
      Option(
        reference: .number(nextNumber()), sponsors: [facilitatorCode], round: round,
        combines: combined.combines, texts: combined.texts))
  }

  private mutating func withdraw(_ code: String, from reference: OptionReference, _ stance: Stance) {
    guard before.option(reference)?.sponsors.contains(code) == true else {
      problems.append(
        Diagnostic(
          "\(code) withdraws option \(reference) of \"\(paragraph.id)\", but is not among its sponsors",
          at: stance.location))
      return
    }
    // Gone already: a consolidated option goes with the options it combines.
    guard let index = paragraph.options.firstIndex(where: { $0.reference == reference }) else { return }
    paragraph.options[index].sponsors.removeAll { $0 == code }
    guard paragraph.options[index].sponsors.isEmpty, reference != .current else { return }
    paragraph.options.remove(at: index)
    if case .number(let number) = reference {
      paragraph.options.removeAll { $0.combines.contains(number) }
    }
  }

  // MARK: - Helpers

  private mutating func exists(_ reference: OptionReference, _ stance: Stance) -> Bool {
    if referencesBefore.contains(reference) { return true }
    let available = before.options.map { $0.reference.description }.joined(separator: ", ")
    problems.append(
      Diagnostic(
        "paragraph \"\(paragraph.id)\" has no option \(reference) in Rev.\(round - 1) (options: \(available))",
        at: stance.location))
    return false
  }

  /// Adds a sponsor (put in protocol order by `sortOptions`).
  private mutating func add(_ code: String, toOptionAt index: Int) {
    let sponsors = sponsorSets[index] ?? Set(paragraph.options[index].sponsors)
    guard !sponsors.contains(code) else { return }
    sponsorSets[index] = sponsors.union([code])
    paragraph.options[index].sponsors.append(code)
  }

  private mutating func nextNumber() -> Int {
    highestNumber += 1
    return highestNumber
  }

  private mutating func sortOptions() {
    paragraph.options.sort { $0.reference < $1.reference }
  }

  /// Observers and partners never block: whatever they say is kept as a comment.
  private mutating func comment(on stance: Stance, by code: String) {
    let note: String
    switch stance.action {
    case .comment(let text): note = text
    case .support(let option): note = "supports option \(option)"
    case .reserve(let option, let text):
      note = "reserves on option \(option)" + (text.isEmpty ? "" : ": \(text)")
    case .dissociate: note = "would not join this paragraph"
    case .withdraw(let option): note = "withdraws option \(option)"
    case .delete: note = "proposes deleting this paragraph"
    case .amend(let texts): note = "proposes: " + (texts[settings.baseLanguage]?.source ?? "")
    case .insert(_, let texts):
      note = "proposes a new paragraph after this one: " + (texts[settings.baseLanguage]?.source ?? "")
    }
    paragraph.comments.append(Standing(participant: code, round: round, note: note))
  }

  private func record(_ stance: Stance, by code: String) -> RecordedStance {
    let option: OptionReference? =
      switch stance.action {
      case .support(let o), .dissociate(let o), .withdraw(let o): o
      case .reserve(let o, _): o
      default: nil
      }
    return RecordedStance(participant: code, kind: stance.kind, option: option)
  }
}
