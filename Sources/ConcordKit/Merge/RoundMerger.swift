/// Rev.k from Rev.k-1 and the positions of round k, by the no-objection rule (SPEC §4).
///
/// A pure function of its inputs: it never mutates the previous revision, and positions are
/// taken in protocol order, so the result never depends on the order files were listed in.
/// Linear in paragraphs plus stances (consolidation adds one word diff per amendment).
struct RoundMerger: Sendable {
  var previous: Declaration
  var round: Round
  /// Participants and settings as they stand now (names may have been corrected).
  var settings: Settings
  var participants: [Participant]

  init(previous: Declaration, round: Round, settings: Settings, participants: [Participant]) {
    self.previous = previous
    self.round = round
    self.settings = settings
    self.participants = participants
  }

  /// The next revision; throws when a position refers to something Rev.k-1 does not have.
  func merge(date: String? = nil, provenance: [InputDigest] = []) throws -> Declaration {
    let k = round.number
    var problems: [Diagnostic] = []
    let sectionIDs = Set(previous.sections.map(\.id))
    // An id that names a section and a paragraph names neither (the cross-checks report it).
    let paragraphIDs = Set(previous.paragraphs.map(\.id)).subtracting(sectionIDs)
    let members = Set(participants.filter(\.isMember).map(\.code))

    // Stances per paragraph, in protocol order; insertions per anchor.
    var byParagraph: [String: [(code: String, stance: Stance)]] = [:]
    var insertions: [String: [(code: String, stance: Stance)]] = [:]
    let order = ProtocolOrder(participants)
    // Protocol order, whatever order the files came in.
    let ordered = round.positions.sorted { order.precedes($0.participant, $1.participant) }
    for positions in ordered {
      for stance in positions.stances {
        if case .insert(let after, _) = stance.action {
          guard paragraphIDs.contains(after) || sectionIDs.contains(after) else {
            problems.append(
              Diagnostic(
                "insert after \"\(after)\": no such paragraph or section in Rev.\(k - 1)", at: stance.location
              ))
            continue
          }
          if members.contains(positions.participant) {
            insertions[after, default: []].append((positions.participant, stance))
          } else if let anchor = paragraphIDs.contains(after)
            ? after : previous.sections.first(where: { $0.id == after })?.paragraphs.first?.id
          {
            // An observer's or partner's insertion is kept as a comment on its anchor.
            byParagraph[anchor, default: []].append((positions.participant, stance))
          }
          continue
        }
        guard paragraphIDs.contains(stance.paragraph) else {
          problems.append(
            Diagnostic(
              "\(stance.kind) on paragraph \"\(stance.paragraph)\", which does not exist in Rev.\(k - 1)",
              at: stance.location))
          continue
        }
        byParagraph[stance.paragraph, default: []].append((positions.participant, stance))
      }
    }

    var next = previous
    next.revision = k
    next.date = date
    next.settings = settings
    next.participants = participants
    next.history.append(
      HistoryEntry(revision: k, date: date, participants: ordered.map(\.participant)))
    next.provenance = provenance

    for s in next.sections.indices {
      var paragraphs: [Paragraph] = []
      for (code, stance) in insertions[next.sections[s].id] ?? [] {
        paragraphs.append(inserted(stance, by: code, round: k))
      }
      for paragraph in next.sections[s].paragraphs {
        var merge = ParagraphMerge(
          paragraph: paragraph, round: k, settings: settings, members: members, order: order)
        merge.apply(byParagraph[paragraph.id] ?? [])
        problems += merge.problems
        if let result = merge.result { paragraphs.append(result) }
        for (code, stance) in insertions[paragraph.id] ?? [] {
          paragraphs.append(inserted(stance, by: code, round: k))
        }
      }
      next.sections[s].paragraphs = paragraphs
    }
    guard problems.isEmpty else { throw DiagnosticsError(problems) }
    Numbering.apply(to: &next)
    next.recordCounts()
    return next
  }

  private func inserted(_ stance: Stance, by code: String, round k: Int) -> Paragraph {
    guard case .insert(_, let texts) = stance.action else {
      return Paragraph(id: stance.paragraph, status: .open, since: k, options: [])
    }
    return Paragraph(
      id: stance.paragraph, status: .open, since: k, inserted: true,
      options: [Option(reference: .current, sponsors: [code], round: k, texts: texts)],
      stances: [RecordedStance(participant: code, kind: .insert)],
      changes: [ChangeRecord(revision: k, by: [code])])
  }
}

/// One paragraph through one round.
private struct ParagraphMerge {
  var paragraph: Paragraph
  let round: Int
  let settings: Settings
  let members: Set<String>
  let order: ProtocolOrder
  var problems: [Diagnostic] = []
  /// nil when the paragraph was deleted.
  var result: Paragraph? { deleted ? nil : paragraph }
  private var deleted = false

  init(
    paragraph: Paragraph, round: Int, settings: Settings, members: Set<String>,
    order: ProtocolOrder
  ) {
    self.paragraph = paragraph
    self.round = round
    self.settings = settings
    self.members = members
    self.order = order
  }

  mutating func apply(_ stances: [(code: String, stance: Stance)]) {
    let before = paragraph
    paragraph.stances = stances.map { code, stance in record(stance, by: code) }
    var supported: [String: OptionReference] = [:]
    var newProposal = false

    for (code, stance) in stances {
      guard members.contains(code) else {
        comment(on: stance, by: code)
        continue
      }
      switch stance.action {
      case .support(let option):
        guard exists(option, stance) else { continue }
        supported[code] = option
        paragraph.reservations.removeAll { $0.participant == code }
        paragraph.dissociations.removeAll { $0.participant == code }
      case .reserve(let option, let note):
        guard exists(option, stance) else { continue }
        supported[code] = option
        paragraph.reservations.removeAll { $0.participant == code }
        paragraph.reservations.append(Standing(participant: code, round: round, note: note))
      case .dissociate(let option):
        guard exists(option, stance) else { continue }
        supported[code] = option
        if !paragraph.dissociations.contains(where: { $0.participant == code }) {
          paragraph.dissociations.append(Standing(participant: code, round: round))
        }
      case .withdraw(let option):
        guard exists(option, stance) else { continue }
        withdraw(code, from: option, stance)
      case .amend(let texts):
        let (reference, isNew) = propose(texts, by: code)
        supported[code] = reference
        newProposal = newProposal || isNew
      case .delete:
        if let index = paragraph.options.firstIndex(where: \.isDeletion) {
          add(code, toOptionAt: index)
        } else {
          paragraph.options.append(Option(reference: .delete, sponsors: [code], round: round))
          newProposal = true
        }
        supported[code] = .delete
      case .comment(let text):
        paragraph.comments.append(Standing(participant: code, round: round, note: text))
      case .insert:
        break
      }
    }
    if newProposal { consolidate() }
    sortOptions()
    let order = self.order
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
    guard let winner = resolution(supported) else {
      paragraph.status = .open
      return
    }
    resolve(to: winner)
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
    if let index = paragraph.options.firstIndex(where: {
      !$0.isDeletion && $0.texts[base] != nil && $0.texts[base] == texts[base]
    }) {
      for (language, text) in texts where paragraph.options[index].texts[language] == nil {
        paragraph.options[index].texts[language] = text
      }
      if paragraph.options[index].reference != .current { add(code, toOptionAt: index) }
      return (paragraph.options[index].reference, false)
    }
    let number = nextNumber()
    paragraph.options.append(
      Option(reference: .number(number), sponsors: [code], round: round, texts: texts))
    return (.number(number), true)
  }

  private mutating func consolidate() {
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
    guard let index = paragraph.options.firstIndex(where: { $0.reference == reference }),
      paragraph.options[index].sponsors.contains(code)
    else {
      problems.append(
        Diagnostic(
          "\(code) withdraws option \(reference) of \"\(paragraph.id)\", but is not among its sponsors",
          at: stance.location))
      return
    }
    paragraph.options[index].sponsors.removeAll { $0 == code }
    guard paragraph.options[index].sponsors.isEmpty, reference != .current else { return }
    paragraph.options.remove(at: index)
    if case .number(let number) = reference {
      paragraph.options.removeAll { $0.combines.contains(number) }
    }
  }

  // MARK: - Helpers

  private mutating func exists(_ reference: OptionReference, _ stance: Stance) -> Bool {
    if paragraph.option(reference) != nil { return true }
    let available = paragraph.options.map { $0.reference.description }.joined(separator: ", ")
    problems.append(
      Diagnostic(
        "paragraph \"\(paragraph.id)\" has no option \(reference) in Rev.\(round - 1) (options: \(available))",
        at: stance.location))
    return false
  }

  private mutating func add(_ code: String, toOptionAt index: Int) {
    guard !paragraph.options[index].sponsors.contains(code) else { return }
    let order = self.order
    paragraph.options[index].sponsors.append(code)
    paragraph.options[index].sponsors.sort(by: order.precedes)
  }

  private func nextNumber() -> Int {
    let numbers = paragraph.options.compactMap { option -> Int? in
      if case .number(let n) = option.reference { n } else { nil }
    }
    return (numbers.max() ?? 0) + 1
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
