/// `concord status --format html`: a self-contained page — the paragraphs, the matrix of
/// stances as a colour heat-map, and the convergence as an inline SVG chart. No external
/// assets; every text and attribute escaped.
public enum StatusHTML {
  public static func render(_ report: StatusReport) -> String {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let title = "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)"
    var html = """
      <!DOCTYPE html>
      <html lang="\(e(base))">
      <head>
      <meta charset="utf-8">
      <title>\(e(title))</title>
      <style>
      body { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #1d2733; }
      h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
      table { border-collapse: collapse; font-size: 0.85rem; }
      th, td { border: 1px solid #d5dbe1; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
      th { background: #f2f4f7; }
      td.cell { text-align: center; font-weight: 600; min-width: 1.6rem; }
      .s-support { background: #2e9e5b; color: #fff; } .s-amend { background: #e3a21a; }
      .s-delete { background: #c0392b; color: #fff; } .s-insert { background: #8e44ad; color: #fff; }
      .s-dissociate { background: #d35400; color: #fff; } .s-reserve { background: #f1c40f; }
      .s-withdraw { background: #7f8c8d; color: #fff; } .s-comment { background: #aed6f1; }
      .st-agreed { color: #1e7d45; } .st-agreed-ad-ref { color: #9a7d0a; } .st-open { color: #b03a2e; font-weight: 600; } .st-draft { color: #5d6d7e; }
      .legend span { display: inline-block; padding: 0 0.4rem; margin-right: 0.3rem; }
      .option { margin: 0.15rem 0; } .sponsors { color: #5d6d7e; }
      @media print { body { margin: 1cm; } }
      </style>
      </head>
      <body>
      <h1>\(e(title))</h1>
      <p>\(e(RevisionSummary.counts(declaration)))</p>

      """
    html += "<h2>Convergence</h2>\n" + chart(report.convergence) + "\n"

    let participants = report.participantsWithStances
    let withStances = declaration.paragraphs.filter { !$0.stances.isEmpty }
    if !participants.isEmpty {
      html += "<h2>Stances in round \(declaration.revision)</h2>\n<p class=\"legend\">"
      for kind in ["support", "amend", "delete", "insert", "dissociate", "reserve", "withdraw", "comment"] {
        html += "<span class=\"s-\(kind)\">\(kind)</span>"
      }
      html += "</p>\n<table>\n<tr><th>paragraph</th>"
      for participant in participants {
        html += "<th title=\"\(e(participant.name(in: base)))\">\(e(participant.code))</th>"
      }
      html += "</tr>\n"
      for paragraph in withStances {
        html += "<tr><th>\(e(paragraph.number.map { $0 + " " } ?? ""))\(e(paragraph.id))</th>"
        for participant in participants {
          if let stance = report.stance(of: participant.code, on: paragraph) {
            let option = stance.option.map { " option \($0)" } ?? ""
            html +=
              "<td class=\"cell s-\(e(stance.kind.rawValue))\" title=\"\(e(participant.code)): \(e(stance.kind.rawValue))\(e(option))\">\(e(stance.symbol))</td>"
          } else {
            html += "<td class=\"cell\"></td>"
          }
        }
        html += "</tr>\n"
      }
      html += "</table>\n"
    }

    html +=
      "<h2>Paragraphs</h2>\n<table>\n<tr><th>no.</th><th>id</th><th>status</th><th>options (\(e(base)))</th><th>joined by / reservations</th></tr>\n"
    for paragraph in declaration.paragraphs {
      html += "<tr><td>\(e(paragraph.number ?? "—"))</td><td>\(e(paragraph.id))</td>"
      html +=
        "<td class=\"st-\(e(paragraph.status.rawValue))\">\(e(StatusText.label(paragraph.status)))</td><td>"
      for option in paragraph.options {
        let name = option.isDeletion ? "Delete" : "Option \(option.reference)"
        let sponsors = option.sponsors.isEmpty ? "" : " (\(option.sponsors.joined(separator: ", ")))"
        let text = report.rendered(option, of: paragraph)[base] ?? ""
        let shown =
          paragraph.options.count > 1
          ? "<b>\(e(name))</b><span class=\"sponsors\">\(e(sponsors))</span> " : ""
        html += "<div class=\"option\">\(shown)\(e(text))</div>"
      }
      html += "</td><td>"
      if !paragraph.dissociations.isEmpty {
        html +=
          "Joined by " + e(paragraph.joiners(among: declaration.members).map(\.code).joined(separator: ", "))
          + "<br>"
      }
      for reservation in paragraph.reservations {
        html += "Reservation \(e(reservation.participant)): \(e(reservation.note))<br>"
      }
      html += "</td></tr>\n"
    }
    html += "</table>\n</body>\n</html>\n"
    return html
  }

  // MARK: - Chart

  /// A stacked bar per revision: agreed, agreed ad ref, open, draft.
  static func chart(_ rows: [StatusReport.Convergence]) -> String {
    let barWidth = 48
    let gap = 24
    let height = 160
    let width = max(1, rows.count) * (barWidth + gap) + gap + 120
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 40)\" role=\"img\" aria-label=\"convergence across revisions\">\n"
    let series: [(KeyPath<StatusReport.Convergence, Int>, String, String)] = [
      (\.agreed, "#2e9e5b", "agreed"), (\.agreedAdReferendum, "#f1c40f", "agreed ad ref"),
      (\.open, "#c0392b", "open"), (\.draft, "#aab7b8", "draft"),
    ]
    for (index, row) in rows.enumerated() {
      let x = gap + index * (barWidth + gap)
      var y = height
      for (path, colour, name) in series {
        let count = row[keyPath: path]
        guard count > 0, row.total > 0 else { continue }
        let h = max(1, count * height / row.total)
        y -= h
        svg +=
          "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(colour)\"><title>Rev.\(row.revision): \(count) \(name)</title></rect>\n"
      }
      svg +=
        "<text x=\"\(x + barWidth / 2)\" y=\"\(height + 16)\" font-size=\"12\" text-anchor=\"middle\">Rev.\(row.revision)</text>\n"
    }
    for (index, (_, colour, name)) in series.enumerated() {
      let x = gap + rows.count * (barWidth + gap)
      svg +=
        "<rect x=\"\(x)\" y=\"\(10 + index * 18)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/><text x=\"\(x + 18)\" y=\"\(21 + index * 18)\" font-size=\"12\">\(name)</text>\n"
    }
    return svg + "</svg>"
  }

  private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}
