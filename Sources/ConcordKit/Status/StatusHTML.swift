/// `concord status --format html`: a self-contained page — the paragraphs, the matrix of
/// stances as a colour heat-map, and the convergence as an inline SVG chart. No external
/// assets; written with `HTMLWriter`, so every text and attribute is escaped, quotes too.
public enum StatusHTML {
  public static func render(_ report: StatusReport) -> String {
    String(decoding: utf8(report), as: UTF8.self)
  }

  /// The same page, as UTF-8 bytes.
  public static func utf8(_ report: StatusReport) -> [UInt8] { page(report).bytes }

  /// The same page, in the segments the command writes one after another (its long tables
  /// as their parts were written, never copied into one buffer).
  public static func segments(_ report: StatusReport) -> [[UInt8]] { page(report).segments }

  private static func page(_ report: StatusReport) -> HTMLWriter {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let title = "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)"
    let page = HTMLWriter.page(language: base, title: title, style: .status, quotesInText: true) { html in
      html.element("h1", text: title)
      if let symbol = report.symbol { html.element("p", [("class", "symbol")], text: symbol) }
      html.element("p", text: RevisionSummary.counts(declaration))
      html.element("h2", text: "Convergence")
      chart(report.convergence, &html)
      rounds(report, &html)
      holds(report, &html)
      stances(report, &html)
      paragraphs(report, &html)
    }
    return page
  }

  // MARK: - Stances and paragraphs

  /// A line a round: who answered, and which members did not.
  private static func rounds(_ report: StatusReport, _ html: inout HTMLWriter) {
    let rounds = report.rounds
    guard !rounds.isEmpty else { return }
    html.element("h2", text: "Rounds")
    html.block("ul", [("class", "rounds")]) { html in
      for round in rounds {
        html.element("li") { html in
          html.element("strong", text: "Round \(round.round)")
          html.text(" (on Rev.\(round.round - 1)): answered " + round.answered.joined(separator: ", "))
          if !round.notAnswered.isEmpty {
            html.text("; ")
            html.element(
              "span", [("class", "missing")],
              text: "not answered: " + round.notAnswered.joined(separator: ", "))
          }
        }
      }
    }
  }

  /// Who keeps each open paragraph open, and (under `silence="objection"`) whose silence does.
  private static func holds(_ report: StatusReport, _ html: inout HTMLWriter) {
    let holds = report.holds
    guard !holds.isEmpty else { return }
    html.element("h2", text: "Held open (silence=\(report.declaration.settings.silence.rawValue))")
    html.block("table", [("class", "holds")]) { html in
      html.block("tr") { html in
        for heading in ["paragraph", "held open by", "kept open by silence"] {
          html.element("th", text: heading)
        }
      }
      for hold in holds {
        html.block("tr") { html in
          html.element("th", text: (hold.paragraph.number.map { $0 + " " } ?? "") + hold.paragraph.id)
          html.element("td") { html in
            if hold.holders.isEmpty, hold.silent.isEmpty {
              html.text("no member supported one of its options")
            }
            for (index, holder) in hold.holders.enumerated() {
              if index > 0 { html.text(", ") }
              html.text(holder.code + " ")
              html.element("span", [("class", "cellmark")], text: holder.cell)
            }
          }
          html.element("td", text: hold.silent.joined(separator: ", "))
        }
      }
    }
  }

  /// The heat-map: a row a paragraph with stances (and every open one), a column a member
  /// (every one, those who filed nothing too) or another participant who took a stance.
  private static func stances(_ report: StatusReport, _ html: inout HTMLWriter) {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let participants = report.matrixParticipants
    let withStances = report.matrixParagraphs
    guard declaration.revision > 0, !participants.isEmpty else { return }
    let columns = StatusReport.MatrixColumns(participants.map(\.code))
    // Silence, most of the matrix: each column's silent cell made once.
    let silences = participants.map {
      html.stamp(
        "td", [("class", "cell s-silent"), ("title", "\($0.code): silent")], text: StatusReport.cell(nil))
    }
    html.element("h2", text: "Stances in round \(declaration.revision)")
    html.element("p", [("class", "legend")]) { html in
      for kind in Stance.Kind.allCases {
        html.element("span", [("class", "s-\(kind.rawValue)")], text: "\(kind.symbol) \(kind.rawValue)")
      }
      html.element("span", [("class", "s-silent")], text: "· silent")
    }
    html.block("table") { html in
      html.block("tr") { html in
        html.element("th", text: "paragraph")
        for participant in participants {
          html.element("th", [("title", participant.name(in: base))], text: participant.code)
        }
      }
      html.parts(count: withStances.count) { index, html in
        let paragraph = withStances[index]
        html.block("tr") { html in
          html.element("th", text: (paragraph.number.map { $0 + " " } ?? "") + paragraph.id)
          for (column, stance) in columns.row(of: paragraph).enumerated() {
            let participant = participants[column]
            if let stance {
              let option = stance.option.map { " option \($0)" } ?? ""
              html.element(
                "td",
                [
                  ("class", "cell s-\(stance.kind.rawValue)"),
                  ("title", "\(participant.code): \(stance.kind.rawValue)\(option)"),
                ],
                text: StatusReport.cell(stance))
            } else {
              html.element(silences[column])
            }
          }
        }
      }
    }
  }

  private static func paragraphs(_ report: StatusReport, _ html: inout HTMLWriter) {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    html.element("h2", text: "Paragraphs")
    html.block("table") { html in
      html.block("tr") { html in
        for heading in ["no.", "id", "status", "options (\(base))", "joined by / reservations"] {
          html.element("th", text: heading)
        }
      }
      // A row a section heading or paragraph, in order, made on every core.
      let rows = declaration.sections.indices.flatMap { section in
        [(section, nil)] + declaration.sections[section].paragraphs.indices.map { (section, $0) }
      }
      html.parts(count: rows.count) { index, html in
        let section = declaration.sections[rows[index].0]
        guard let paragraph = rows[index].1 else {
          return html.block("tr", [("class", "section")]) { html in
            html.element("th", [("colspan", "5")], text: report.heading(of: section))
          }
        }
        row(section.paragraphs[paragraph], report, &html)
      }
    }
  }

  private static func row(_ paragraph: Paragraph, _ report: StatusReport, _ html: inout HTMLWriter) {
    let declaration = report.declaration
    html.block("tr") { html in
      html.element("td", text: paragraph.number ?? "—")
      html.element("td", text: paragraph.id)
      html.element(
        "td", [("class", "st-\(paragraph.status.rawValue)")], text: StatusText.label(paragraph.status))
      html.block("td") { html in
        for option in paragraph.options { self.option(option, of: paragraph, report, &html) }
      }
      html.element("td") { html in
        if !paragraph.dissociations.isEmpty {
          html.text(
            "Joined by "
              + paragraph.joiners(among: declaration.members).map(\.code).joined(separator: ", "))
          html.empty("br")
        }
        for reservation in paragraph.reservations {
          html.text("Reservation \(reservation.participant): \(reservation.note)")
          html.empty("br")
        }
      }
    }
  }

  /// One option in the base language, named with its sponsors when there are several.
  private static func option(
    _ option: Option, of paragraph: Paragraph, _ report: StatusReport, _ html: inout HTMLWriter
  ) {
    html.element("div", [("class", "option")]) { html in
      if paragraph.options.count > 1 {
        let name = option.isDeletion ? "Delete" : "Option \(option.reference)"
        let sponsors = option.sponsors.isEmpty ? "" : " (\(option.sponsors.joined(separator: ", ")))"
        html.element("b", text: name)
        html.element("span", [("class", "sponsors")], text: sponsors)
        html.text(" ")
      }
      html.text(report.renderedInBaseLanguage(option, of: paragraph))
    }
  }

  // MARK: - Chart

  /// A stacked bar per revision: agreed, agreed ad ref, open, draft; coloured by the style
  /// sheet's chart part.
  static func chart(_ rows: [StatusReport.Convergence], _ html: inout HTMLWriter) {
    let barWidth = 48
    let gap = 24
    let height = 160
    let top = 20
    let width = max(1, rows.count) * (barWidth + gap) + gap + 120
    let series: [(KeyPath<StatusReport.Convergence, Int>, String, String)] = [
      (\.agreed, "agreed", "agreed"), (\.agreedAdReferendum, "agreed-ad-ref", "agreed ad ref"),
      (\.open, "open", "open"), (\.draft, "draft", "draft"),
    ]
    let attributes: HTMLWriter.Attributes = [
      ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("width", "\(width)"),
      ("height", "\(top + height + 40)"), ("role", "img"), ("aria-label", "convergence across revisions"),
    ]
    html.block("svg", attributes) { svg in
      for (index, row) in rows.enumerated() {
        let x = gap + index * (barWidth + gap)
        var y = top + height
        for (path, style, name) in series {
          let count = row[keyPath: path]
          guard count > 0, row.total > 0 else { continue }
          let h = max(1, count * height / row.total)
          y -= h
          svg.element("rect", [("class", style)] + box(x, y, barWidth, h)) {
            $0.element("title", text: "Rev.\(row.revision): \(count) \(name)")
          }
          if h >= 14 {
            svg.element(
              "text",
              label(x + barWidth / 2, y + h / 2 + 4, [("text-anchor", "middle"), ("class", "count")]),
              text: String(count))
          }
        }
        svg.element(
          "text", label(x + barWidth / 2, top + height + 16, [("text-anchor", "middle")]),
          text: "Rev.\(row.revision)")
        svg.element(
          "text", label(x + barWidth / 2, y - 4, [("text-anchor", "middle"), ("class", "total")]),
          text: String(row.total))
      }
      for (index, (_, style, name)) in series.enumerated() {
        let x = gap + rows.count * (barWidth + gap)
        svg.empty("rect", [("class", style)] + box(x, 10 + index * 18, 12, 12))
        svg.element("text", label(x + 18, 21 + index * 18), text: name)
      }
    }
  }

  private static func box(_ x: Int, _ y: Int, _ width: Int, _ height: Int) -> HTMLWriter.Attributes {
    [("x", "\(x)"), ("y", "\(y)"), ("width", "\(width)"), ("height", "\(height)")]
  }

  private static func label(_ x: Int, _ y: Int, _ more: HTMLWriter.Attributes = []) -> HTMLWriter.Attributes {
    [("x", "\(x)"), ("y", "\(y)"), ("font-size", "12")] + more
  }
}
