/// `concord status` for people: every paragraph's number and status, the details of those
/// with options, dissociations or reservations, the matrix of stances, and the convergence.
public enum StatusText {
  public static func render(_ report: StatusReport) -> String {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let idWidth = min(28, declaration.paragraphs.map(\.id.count).max() ?? 2)
    var lines: [String] = [
      "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)",
      RevisionSummary.counts(declaration), "",
    ]
    lines += paragraphs(report, idWidth: idWidth)
    lines += details(report)
    lines += matrix(report, idWidth: idWidth)
    lines += convergence(report)
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Parts

  private static func paragraphs(_ report: StatusReport, idWidth: Int) -> [String] {
    var lines = ["Paragraphs"]
    for paragraph in report.declaration.paragraphs {
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
      lines.append(line)
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
    let base = report.declaration.settings.baseLanguage
    return paragraph.options.map { option in
      let sponsors = option.sponsors.isEmpty ? "" : " (\(option.sponsors.joined(separator: ", ")))"
      let name =
        option.isDeletion
        ? "Delete" : (option.reference == .current ? "Option 1, current text" : "Option \(option.reference)")
      let text = option.isDeletion ? "" : ": " + (report.rendered(option, of: paragraph)[base] ?? "")
      return "    \(name)\(sponsors)\(text)"
    }
  }

  private static func matrix(_ report: StatusReport, idWidth: Int) -> [String] {
    let participants = report.participantsWithStances
    guard !participants.isEmpty else { return [] }
    var lines = [
      "",
      "Stances in round \(report.declaration.revision) (S support, A amend, D delete, I insert, X dissociate, R reserve, W withdraw, C comment, · silent)",
      "  " + pad("", idWidth + 2) + participants.map { pad($0.code, 4) }.joined(),
    ]
    for paragraph in report.declaration.paragraphs where !paragraph.stances.isEmpty {
      let cells = participants.map { participant in
        pad(report.stance(of: participant.code, on: paragraph)?.symbol ?? "·", 4)
      }
      lines.append("  " + pad(paragraph.id, idWidth + 2) + cells.joined())
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
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
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
