/// `concord status` for people: who answered each round, every paragraph's number and status
/// under its section's heading, the details of those with options, dissociations or
/// reservations, who holds each open paragraph open, the matrix of every member's stances,
/// and the convergence.
public enum StatusText {
  public static func render(_ report: StatusReport) -> String {
    String(decoding: utf8(report), as: UTF8.self)
  }

  /// The same text, as the UTF-8 bytes the command writes.
  public static func utf8(_ report: StatusReport) -> [UInt8] {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let idWidth = min(28, declaration.paragraphs.map(\.id.count).max() ?? 2)
    var head: [String] = [
      "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)",
      RevisionSummary.counts(declaration),
    ]
    if let symbol = report.symbol { head.insert(symbol, at: 1) }
    head += rounds(report)
    head.append("")
    // The long parts are independent: made on every core, joined in order. The details and
    // the matrix, the longest, are cut into runs of rows, so that no one part holds up the rest.
    let detailed = detailedParagraphs(report)
    let columns = StatusReport.MatrixColumns(report.matrixParticipants.map(\.code))
    let rows = columns.codes.isEmpty || declaration.revision == 0 ? [] : report.matrixParagraphs
    var parts: [@Sendable () -> TextLines] = [{ paragraphs(report, idWidth: idWidth) }]
    parts += runs(of: detailed.count, atMost: 8).map { run in
      { details(detailed[run], of: report, first: run.lowerBound == 0) }
    }
    parts.append { holds(report) }
    parts += runs(of: rows.count, atMost: 8).map { run in
      { matrix(rows[run], columns, of: report, idWidth: idWidth, first: run.lowerBound == 0) }
    }
    let jobs = parts
    var made = parallelMap(count: jobs.count) { jobs[$0]() }
    var text = TextLines(capacity: made.reduce(1 << 16) { $0 + $1.bytes.count })
    text.lines(head)
    for index in made.indices {
      text.append(made[index])
      made[index] = TextLines()  // let go of each part once copied
    }
    text.lines(convergence(report))
    return text.bytes
  }

  // MARK: - Parts

  private static func paragraphs(_ report: StatusReport, idWidth: Int) -> TextLines {
    var text = TextLines()
    text.line("Paragraphs")
    for section in report.declaration.sections {
      text.line("  " + report.heading(of: section))
      for paragraph in section.paragraphs { line(of: paragraph, report, idWidth: idWidth, into: &text) }
    }
    return text
  }

  private static func line(
    of paragraph: Paragraph, _ report: StatusReport, idWidth: Int, into text: inout TextLines
  ) {
    text.append("  ")
    text.append(paragraph.number ?? "—", paddedTo: 7)
    text.append(paragraph.id, paddedTo: idWidth + 2)
    text.append(label(paragraph.status))
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
    if !notes.isEmpty {
      text.append("  (")
      text.append(notes.joined(separator: "; "))
      text.append(")")
    }
    text.endLine()
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
  private static func holds(_ report: StatusReport) -> TextLines {
    var text = TextLines()
    let holds = report.holds
    guard !holds.isEmpty else { return text }
    text.line("")
    text.line("Held open (silence=\(report.declaration.settings.silence.rawValue))")
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
      text.line("  \(name): " + parts.joined(separator: "; "))
    }
    return text
  }

  /// The paragraphs with details to show: open ones (their options), and those with
  /// reservations, dissociations or comments.
  private static func detailedParagraphs(_ report: StatusReport) -> [Paragraph] {
    report.declaration.paragraphs.filter {
      $0.status == .open || !$0.reservations.isEmpty || !$0.dissociations.isEmpty || !$0.comments.isEmpty
    }
  }

  /// The details of some of the detailed paragraphs; the part's heading before the first.
  private static func details(_ detailed: ArraySlice<Paragraph>, of report: StatusReport, first: Bool)
    -> TextLines
  {
    var text = TextLines()
    let declaration = report.declaration
    if first {
      text.line("")
      text.line("Details")
    }
    for paragraph in detailed {
      text.line("  \(paragraph.number.map { $0 + " " } ?? "")\(paragraph.id) — \(label(paragraph.status))")
      if paragraph.status == .open { options(of: paragraph, in: report, into: &text) }
      if !paragraph.dissociations.isEmpty {
        let joiners = paragraph.joiners(among: declaration.members).map(\.code)
        text.line("    Joined by: " + joiners.joined(separator: ", "))
      }
      for reservation in paragraph.reservations {
        text.line("    Reservation \(reservation.participant): \(reservation.note)")
      }
      for comment in paragraph.comments {
        text.line("    Comment \(comment.participant) (round \(comment.round)): \(comment.note)")
      }
    }
    return text
  }

  private static func options(of paragraph: Paragraph, in report: StatusReport, into text: inout TextLines) {
    for option in paragraph.options {
      text.append("    ")
      if option.isDeletion {
        text.append("Delete")
      } else if option.reference == .current {
        text.append("Option 1, current text")
      } else {
        text.append("Option \(option.reference)")
      }
      if !option.sponsors.isEmpty {
        text.append(" (")
        text.append(option.sponsors.joined(separator: ", "))
        text.append(")")
      }
      if !option.isDeletion {
        text.append(": ")
        text.append(report.renderedInBaseLanguage(option, of: paragraph))
      }
      text.endLine()
    }
  }

  /// Some rows of the matrix of stances; its legend and column heads before the first.
  private static func matrix(
    _ rows: ArraySlice<Paragraph>, _ columns: StatusReport.MatrixColumns, of report: StatusReport,
    idWidth: Int, first: Bool
  ) -> TextLines {
    var text = TextLines()
    if first {
      text.line("")
      text.line(
        "Stances in round \(report.declaration.revision) (S support, S2 support of option 2, SD of deletion, A amend, D delete, I insert, X dissociate, R reserve, W withdraw, C comment, · silent)"
      )
      text.append("  ")
      text.append("", paddedTo: idWidth + 2)
      for code in columns.codes { text.append(code, paddedTo: 4) }
      text.endLine()
    }
    // Silence, most of the matrix: its padded cell made once.
    var silence = TextLines()
    silence.append(StatusReport.cell(nil), paddedTo: 4)
    for paragraph in rows {
      text.append("  ")
      text.append(paragraph.id, paddedTo: idWidth + 2)
      for stance in columns.row(of: paragraph) {
        if let stance { text.append(StatusReport.cell(stance), paddedTo: 4) } else { text.append(silence) }
      }
      text.endLine()
    }
    return text
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
    var padded = TextLines()
    padded.append(text, paddedTo: width)
    return String(decoding: padded.bytes, as: UTF8.self)
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
