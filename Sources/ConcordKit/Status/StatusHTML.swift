/// `concord status --format html`: a self-contained page — the paragraphs, the matrix of
/// stances as a colour heat-map, and the convergence as an inline SVG chart. No external
/// assets; written with `HTMLWriter`, so every text and attribute is escaped, quotes too.
public enum StatusHTML {
  public static func render(_ report: StatusReport) -> String {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let title = "\(declaration.settings.title(in: base)) — Rev.\(declaration.revision)"
    let page = HTMLWriter.page(language: base, title: title, style: .status, quotesInText: true) { html in
      html.element("h1", text: title)
      html.element("p", text: RevisionSummary.counts(declaration))
      html.element("h2", text: "Convergence")
      chart(report.convergence, &html)
      stances(report, &html)
      paragraphs(report, &html)
    }
    return page.output
  }

  // MARK: - Stances and paragraphs

  /// The heat-map: a row a paragraph with stances, a column a participant who took one.
  private static func stances(_ report: StatusReport, _ html: inout HTMLWriter) {
    let declaration = report.declaration
    let base = declaration.settings.baseLanguage
    let participants = report.participantsWithStances
    let withStances = declaration.paragraphs.filter { !$0.stances.isEmpty }
    guard !participants.isEmpty else { return }
    html.element("h2", text: "Stances in round \(declaration.revision)")
    html.element("p", [("class", "legend")]) { html in
      for kind in ["support", "amend", "delete", "insert", "dissociate", "reserve", "withdraw", "comment"] {
        html.element("span", [("class", "s-\(kind)")], text: kind)
      }
    }
    html.block("table") { html in
      html.block("tr") { html in
        html.element("th", text: "paragraph")
        for participant in participants {
          html.element("th", [("title", participant.name(in: base))], text: participant.code)
        }
      }
      for paragraph in withStances {
        html.block("tr") { html in
          html.element("th", text: (paragraph.number.map { $0 + " " } ?? "") + paragraph.id)
          for participant in participants {
            if let stance = report.stance(of: participant.code, on: paragraph) {
              let option = stance.option.map { " option \($0)" } ?? ""
              html.element(
                "td",
                [
                  ("class", "cell s-\(stance.kind.rawValue)"),
                  ("title", "\(participant.code): \(stance.kind.rawValue)\(option)"),
                ],
                text: stance.symbol)
            } else {
              html.element("td", [("class", "cell")], text: "")
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
      for paragraph in declaration.paragraphs {
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
      html.text(report.rendered(option, of: paragraph)[report.declaration.settings.baseLanguage] ?? "")
    }
  }

  // MARK: - Chart

  /// A stacked bar per revision: agreed, agreed ad ref, open, draft; coloured by the style
  /// sheet's chart part.
  private static func chart(_ rows: [StatusReport.Convergence], _ html: inout HTMLWriter) {
    let barWidth = 48
    let gap = 24
    let height = 160
    let width = max(1, rows.count) * (barWidth + gap) + gap + 120
    let series: [(KeyPath<StatusReport.Convergence, Int>, String, String)] = [
      (\.agreed, "agreed", "agreed"), (\.agreedAdReferendum, "agreed-ad-ref", "agreed ad ref"),
      (\.open, "open", "open"), (\.draft, "draft", "draft"),
    ]
    let attributes: HTMLWriter.Attributes = [
      ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("width", "\(width)"),
      ("height", "\(height + 40)"), ("role", "img"), ("aria-label", "convergence across revisions"),
    ]
    html.block("svg", attributes) { svg in
      for (index, row) in rows.enumerated() {
        let x = gap + index * (barWidth + gap)
        var y = height
        for (path, style, name) in series {
          let count = row[keyPath: path]
          guard count > 0, row.total > 0 else { continue }
          let h = max(1, count * height / row.total)
          y -= h
          svg.element("rect", [("class", style)] + box(x, y, barWidth, h)) {
            $0.element("title", text: "Rev.\(row.revision): \(count) \(name)")
          }
        }
        svg.element(
          "text", label(x + barWidth / 2, height + 16, [("text-anchor", "middle")]),
          text: "Rev.\(row.revision)")
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
