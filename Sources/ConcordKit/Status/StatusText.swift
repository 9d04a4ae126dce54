/// `concord status` for people: who answered each round, every paragraph's number and status
/// under its section's heading, the details of those with options, dissociations or
/// reservations, who holds each open paragraph open, the matrix of every member's stances,
/// and the convergence.
public enum StatusText {
  public static func render(_ report: StatusReport) -> String {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let idWidth = min(28, declaration.paragraphs.map(\.id.count).max() ?? 2)
    var lines: [String] = [
      "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)",
      RevisionSummary.counts(declaration),
    ]
    if let symbol = report.symbol { lines.insert(symbol, at: 1) }
    lines += rounds(report)
    lines.append("")
    // The four long parts are independent: made on every core, joined in order.
    let parts: [@Sendable () -> [String]] = [
      { paragraphs(report, idWidth: idWidth) }, { details(report) }, { holds(report) },
      { matrix(report, idWidth: idWidth) },
    ]
    lines += parallelMap(count: parts.count) { parts[$0]() }.joined()
    lines += convergence(report)
    return lines.asLines
  }

  // MARK: - Parts

  private static func paragraphs(_ report: StatusReport, idWidth: Int) -> [String] {
    var lines = ["Paragraphs"]
    for section in report.declaration.sections {
      lines.append("  " + report.heading(of: section))
      lines += section.paragraphs.map { line(of: $0, report, idWidth: idWidth) }
    }
    return lines
  }

  private static func line(of paragraph: Paragraph, _ report: StatusReport, idWidth: Int) -> String {
    var line =
      "  " + pad(paragraph.number ?? "—", 7) + pad(paragraph.id, idWidth + 2) + label(paragraph.status)
    var notes: [String] = []
    let options = paragraph.options.count
    if options > 1 { notes.append("\(options) options") }
    if !paragraph.dissociations.isEmpty {
      notes.append("not joined by " + paragraph.dissociations.map(\.participant).joined(separator: ", "))
    }
    if !paragraph.reservations.isEmpty {
      notes.append("reserved by " + paragraph.reservations.map(\.participant).joined(separator: ", "))
    }
    let pending = report.pendingTranslations(of: paragraph)
    if !pending.isEmpty { notes.append("translation pending: " + pending.joined(separator: " ")) }
    if !notes.isEmpty { line += "  (" + notes.joined(separator: "; ") + ")" }
    return line
  }

  /// A line a round: who answered, and which members did not.
  private static func rounds(_ report: StatusReport) -> [String] {
    let rounds = report.rounds
    guard !rounds.isEmpty else { return [] }
    let memberCount = report.declaration.members.count
    return ["", "Rounds"]
      + rounds.map { round in
        let answeredMembers = memberCount - round.notAnswered.count
        var line =
          "  Round \(round.round) (on Rev.\(round.round - 1)): \(answeredMembers) of \(memberCount) members answered"
        let isMember = Set(report.declaration.members.map(\.code))
        let members = round.answered.filter { isMember.contains($0) }
        let others = round.answered.filter { !isMember.contains($0) }
        if !members.isEmpty { line += " (" + members.joined(separator: ", ") + ")" }
        if !others.isEmpty { line += ", and " + others.joined(separator: ", ") }
        line +=
          round.notAnswered.isEmpty ? "" : "; not answered: " + round.notAnswered.joined(separator: ", ")
        return line
      }
  }

  /// Who keeps each open paragraph open.
  private static func holds(_ report: StatusReport) -> [String] {
    let holds = report.holds
    guard !holds.isEmpty else { return [] }
    var lines = ["", "Held open (silence=\(report.declaration.settings.silence.rawValue))"]
    for hold in holds {
      let name = (hold.paragraph.number.map { $0 + " " } ?? "") + hold.paragraph.id
      var parts: [String] = []
      if !hold.holders.isEmpty {
        parts.append("held open by " + hold.holders.map { "\($0.code) (\($0.cell))" }.joined(separator: ", "))
      }
      if !hold.silent.isEmpty {
        parts.append("kept open by the silence of " + hold.silent.joined(separator: ", "))
      }
      if parts.isEmpty { parts.append("no member supported one of its options") }
      lines.append("  \(name): " + parts.joined(separator: "; "))
    }
    return lines
  }

  private static func details(_ report: StatusReport) -> [String] {
    let declaration = report.declaration
    let detailed = declaration.paragraphs.filter {
      $0.status == .open || !$0.reservations.isEmpty || !$0.dissociations.isEmpty || !$0.comments.isEmpty
    }
    guard !detailed.isEmpty else { return [] }
    var lines = ["", "Details"]
    for paragraph in detailed {
      lines.append("  \(paragraph.number.map { $0 + " " } ?? "")\(paragraph.id) — \(label(paragraph.status))")
      if paragraph.status == .open { lines += options(of: paragraph, in: report) }
      if !paragraph.dissociations.isEmpty {
        let joiners = paragraph.joiners(among: declaration.members).map(\.code)
        lines.append("    Joined by: " + joiners.joined(separator: ", "))
      }
      for reservation in paragraph.reservations {
        lines.append("    Reservation \(reservation.participant): \(reservation.note)")
      }
      for comment in paragraph.comments {
        lines.append("    Comment \(comment.participant) (round \(comment.round)): \(comment.note)")
      }
    }
    return lines
  }

  private static func options(of paragraph: Paragraph, in report: StatusReport) -> [String] {
    return paragraph.options.map { option in
      let sponsors = option.sponsors.isEmpty ? "" : " (\(option.sponsors.joined(separator: ", ")))"
      let name =
        option.isDeletion
        ? "Delete" : (option.reference == .current ? "Option 1, current text" : "Option \(option.reference)")
      let text = option.isDeletion ? "" : ": " + report.renderedInBaseLanguage(option, of: paragraph)
      return "    \(name)\(sponsors)\(text)"
    }
  }

  private static func matrix(_ report: StatusReport, idWidth: Int) -> [String] {
    let participants = report.matrixParticipants
    guard report.declaration.revision > 0, !participants.isEmpty else { return [] }
    var lines = [
      "",
      "Stances in round \(report.declaration.revision) (S support, S2 support of option 2, SD of deletion, A amend, D delete, I insert, X dissociate, R reserve, W withdraw, C comment, · silent)",
      "  " + pad("", idWidth + 2) + participants.map { pad($0.code, 4) }.joined(),
    ]
    for paragraph in report.matrixParagraphs {
      var line = "  " + pad(paragraph.id, idWidth + 2)
      for participant in participants { line += pad(report.cell(of: participant.code, on: paragraph), 4) }
      lines.append(line)
    }
    return lines
  }

  private static func convergence(_ report: StatusReport) -> [String] {
    ["", "Convergence"]
      + report.convergence.map { row in
        let parts = [
          row.draft > 0 ? "\(row.draft) draft" : nil, row.agreed > 0 ? "\(row.agreed) agreed" : nil,
          row.agreedAdReferendum > 0 ? "\(row.agreedAdReferendum) ad ref" : nil,
          row.open > 0 ? "\(row.open) open" : nil,
        ].compactMap { $0 }
        return
          "  Rev.\(pad(String(row.revision), 4)) \(bar(row, width: 30))  \(parts.joined(separator: ", "))"
      }
  }

  // MARK: - Layout

  static func label(_ status: Paragraph.Status) -> String {
    switch status {
    case .draft: "draft"
    case .open: "open"
    case .agreed: "agreed"
    case .agreedAdReferendum: "agreed ad ref"
    }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    // Characters are counted as the screen shows them; ASCII without CR (ids, codes, the
    // matrix's cells: nearly every text here) has one a byte, counted without segmenting.
    let plain = !text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }
    let count = plain ? text.utf8.count : text.count
    return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
  }

  /// Agreed share as a bar: █ agreed, ▒ ad ref, ░ open or draft.
  private static func bar(_ row: StatusReport.Convergence, width: Int) -> String {
    guard row.total > 0 else { return String(repeating: " ", count: width) }
    let agreed = row.agreed * width / row.total
    let adRef = row.agreedAdReferendum * width / row.total
    return String(repeating: "█", count: agreed) + String(repeating: "▒", count: adRef)
      + String(repeating: "░", count: width - agreed - adRef)
  }
}
