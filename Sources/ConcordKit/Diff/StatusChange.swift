/// One way a paragraph's standing changed between two revisions, other than its wording:
/// its status, the options on the table, who joins it, reservations, translations, its section.
public enum StatusChange: Hashable, Sendable, CustomStringConvertible {
  case status(from: Paragraph.Status, to: Paragraph.Status)
  /// The paragraph was resolved to one of the old revision's options.
  case resolved(OptionReference, sponsors: [String])
  case proposed(OptionReference, sponsors: [String])
  case dropped(OptionReference, sponsors: [String])
  case sponsorsChanged(OptionReference, from: [String], to: [String])
  case optionTextChanged(OptionReference)
  case dissociated(String)
  case rejoined(String)
  case reserved(String, note: String)
  case reservationLifted(String)
  case translationPending(String)
  case translationSupplied(String)
  case section(from: String, to: String)

  public var description: String {
    switch self {
    case .status(let from, let to): "\(from.rawValue) → \(to.rawValue)"
    case .resolved(.number(1), _): "resolved to option 1, the text it had"
    case .resolved(.delete, let sponsors): "resolved to deletion\(Self.attribution(sponsors))"
    case .resolved(let option, let sponsors): "resolved to option \(option)\(Self.attribution(sponsors))"
    case .proposed(.delete, let sponsors): "deletion proposed\(Self.by(sponsors))"
    case .proposed(let option, let sponsors): "option \(option) proposed\(Self.by(sponsors))"
    case .dropped(.delete, let sponsors): "deletion dropped\(Self.attribution(sponsors))"
    case .dropped(let option, let sponsors): "option \(option) dropped\(Self.attribution(sponsors))"
    case .sponsorsChanged(let option, let from, let to):
      "option \(option) sponsors \(Self.list(from)) → \(Self.list(to))"
    case .optionTextChanged(let option): "option \(option) text changed"
    case .dissociated(let code): "\(code) does not join"
    case .rejoined(let code): "\(code) joins again"
    case .reserved(let code, let note): note.isEmpty ? "\(code) reserves" : "\(code) reserves: \(note)"
    case .reservationLifted(let code): "\(code) lifts its reservation"
    case .translationPending(let language): "\(language) translation pending"
    case .translationSupplied(let language): "\(language) translation supplied"
    case .section(let from, let to): "moved from section \(from) to \(to)"
    }
  }

  /// The participants who brought this change about, if any.
  var participants: [String] {
    switch self {
    case .resolved(_, let sponsors), .proposed(_, let sponsors): sponsors
    case .sponsorsChanged(_, let from, let to): to.filter { [before = Set(from)] in !before.contains($0) }
    case .dissociated(let code), .rejoined(let code), .reserved(let code, _),
      .reservationLifted(let code):
      [code]
    default: []
    }
  }

  /// How `new` differs from `old` in standing, in a fixed order: status, options, joiners,
  /// reservations, translations (in `languages` order), section.
  ///
  /// Linear in the number of options, dissociations and reservations; returns at once when
  /// none of them changed.
  static func between(
    _ old: Paragraph, _ new: Paragraph, languages: [String], sections: (String, String)
  ) -> [StatusChange] {
    if old.status == new.status, haveSameBytes(old.options, new.options),
      old.dissociations == new.dissociations, old.reservations == new.reservations,
      sections.0 == sections.1
    {
      return []
    }
    var changes: [StatusChange] = []
    if old.status != new.status { changes.append(.status(from: old.status, to: new.status)) }
    changes += optionChanges(old, new)
    // Sets for the membership tests: linear however many dissociations and reservations.
    let oldOut = old.dissociations.map(\.participant)
    let newOut = new.dissociations.map(\.participant)
    let (oldOutSet, newOutSet) = (Set(oldOut), Set(newOut))
    changes += newOut.filter { !oldOutSet.contains($0) }.map(StatusChange.dissociated)
    changes += oldOut.filter { !newOutSet.contains($0) }.map(StatusChange.rejoined)
    let oldReserved = old.reservations.map(\.participant)
    let (oldReservedSet, newReservedSet) = (Set(oldReserved), Set(new.reservations.map(\.participant)))
    changes += new.reservations.filter { !oldReservedSet.contains($0.participant) }
      .map { .reserved($0.participant, note: $0.note) }
    changes += oldReserved.filter { !newReservedSet.contains($0) }.map(StatusChange.reservationLifted)
    let oldTexts = old.current?.texts ?? [:]
    let newTexts = new.current?.texts ?? [:]
    for language in languages {
      if oldTexts[language] != nil, newTexts[language] == nil {
        changes.append(.translationPending(language))
      } else if oldTexts[language] == nil, newTexts[language] != nil, !oldTexts.isEmpty {
        changes.append(.translationSupplied(language))
      }
    }
    if sections.0 != sections.1 { changes.append(.section(from: sections.0, to: sections.1)) }
    return changes
  }

  // MARK: - Options

  /// A paragraph that had several options and now has one was resolved: to the old option whose
  /// text it now has. Otherwise options are compared by number, which is stable while a
  /// paragraph stays open.
  private static func optionChanges(_ old: Paragraph, _ new: Paragraph) -> [StatusChange] {
    guard !haveSameBytes(old.options, new.options) else { return [] }
    if old.options.count > 1, new.options.count == 1, let current = new.current,
      let chosen = old.options.first(where: { !$0.isDeletion && haveSameBytes($0.texts, current.texts) })
    {
      return [.resolved(chosen.reference, sponsors: chosen.sponsors)]
    }
    var changes: [StatusChange] = []
    let oldByReference = Dictionary(old.options.map { ($0.reference, $0) }, uniquingKeysWith: { a, _ in a })
    let newReferences = Set(new.options.map(\.reference))
    for option in new.options where option.reference != .current {
      guard let before = oldByReference[option.reference] else {
        changes.append(.proposed(option.reference, sponsors: option.sponsors))
        continue
      }
      if before.sponsors != option.sponsors {
        changes.append(.sponsorsChanged(option.reference, from: before.sponsors, to: option.sponsors))
      }
      if !haveSameBytes(before.texts, option.texts) { changes.append(.optionTextChanged(option.reference)) }
    }
    for option in old.options where option.reference != .current && !newReferences.contains(option.reference)
    {
      changes.append(.dropped(option.reference, sponsors: option.sponsors))
    }
    return changes
  }

  private static func by(_ sponsors: [String]) -> String {
    sponsors.isEmpty ? "" : " by " + list(sponsors)
  }

  private static func attribution(_ sponsors: [String]) -> String {
    sponsors.isEmpty ? "" : " (" + list(sponsors) + ")"
  }

  private static func list(_ codes: [String]) -> String {
    codes.isEmpty ? "none" : codes.joined(separator: ", ")
  }
}
