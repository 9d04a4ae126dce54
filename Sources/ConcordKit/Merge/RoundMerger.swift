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
    guard problems.isEmpty else { throw DiagnosticsError(problems.cappedPerFile()) }
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
