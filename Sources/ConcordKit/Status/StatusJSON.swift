/// `concord status --format json`: Appendix B's shape, plus the title, symbol, summary
/// counts, the rounds' answers, the matrix, who holds each open paragraph open, and the
/// convergence. Keys are only ever added, never renamed.
public enum StatusJSON {
  public static func render(_ report: StatusReport) -> String {
    String(decoding: utf8(report), as: UTF8.self)
  }

  /// The same JSON, as UTF-8 bytes.
  public static func utf8(_ report: StatusReport) -> [UInt8] { written(report).bytes }

  /// The same JSON, in the segments the command writes one after another (the paragraphs in
  /// the runs they were written in, never copied into one buffer).
  public static func segments(_ report: StatusReport) -> [[UInt8]] { written(report).segments }

  private static func written(_ report: StatusReport) -> JSONWriter {
    let declaration = report.declaration
    let json = JSONWriter()
    let holds = Dictionary(report.holds.map { ($0.paragraph.id, $0) }, uniquingKeysWith: { a, _ in a })
    let sectionOf = Dictionary(
      declaration.sections.flatMap { section in section.paragraphs.map { ($0.id, section.id) } },
      uniquingKeysWith: { a, _ in a })
    // The matrix's columns, found once (a scan of every stance), not once a paragraph.
    let columns = StatusReport.MatrixColumns(report.matrixParticipants.map(\.code))
    // Silence, most of the matrix: each column's `"code":"·"` made once.
    let silences = columns.codes.map { JSONWriter.member($0, StatusReport.cell(nil)) }
    json.object {
      json.field("revision", declaration.revision)
      json.field("title", declaration.settings.title(in: declaration.settings.baseLanguage))
      json.field("symbol", report.symbol)
      json.field("date", declaration.date)
      json.field("silence", declaration.settings.silence.rawValue)
      summary(report, json)
      rounds(report, json)
      // The paragraphs' objects written on every core, a run of them a writer, the runs
      // kept in order as segments (their objects already separated by commas).
      let paragraphs = declaration.paragraphs
      let runs = parallelRuns(count: paragraphs.count) { run in
        let json = JSONWriter()
        for paragraph in paragraphs[run] {
          json.object {
            self.paragraph(
              paragraph, report, json, section: sectionOf[paragraph.id], hold: holds[paragraph.id],
              columns: columns, silences: silences)
          }
        }
        return json.bytes
      }
      json.field("paragraphs") {
        json.array(runs) { json.raw(segment: $0) }
      }
      json.field("convergence") {
        json.array(report.convergence) { row in
          json.object {
            json.field("revision", row.revision)
            json.field("draft", row.draft)
            json.field("agreed", row.agreed)
            json.field("agreedAdRef", row.agreedAdReferendum)
            json.field("open", row.open)
          }
        }
      }
    }
    return json
  }

  private static func summary(_ report: StatusReport, _ json: JSONWriter) {
    let counts = StatusCounts(report.declaration.paragraphs)
    json.field("summary") {
      json.object {
        json.field("paragraphs", counts.total)
        json.field("draft", counts.draft)
        json.field("agreed", counts.agreed)
        json.field("agreedAdRef", counts.agreedAdReferendum)
        json.field("open", counts.open)
        json.field(
          "translationPending",
          report.declaration.paragraphs.filter { !report.pendingTranslations(of: $0).isEmpty }.count)
      }
    }
  }

  private static func rounds(_ report: StatusReport, _ json: JSONWriter) {
    json.field("rounds") {
      json.array(report.rounds) { round in
        json.object {
          json.field("round", round.round)
          json.field("answered") { json.array(round.answered) { json.value($0) } }
          json.field("notAnswered") { json.array(round.notAnswered) { json.value($0) } }
        }
      }
    }
  }

  private static func paragraph(
    _ paragraph: Paragraph, _ report: StatusReport, _ json: JSONWriter, section: String?,
    hold: StatusReport.Hold?, columns: StatusReport.MatrixColumns,
    silences: [[UInt8]]
  ) {
    let declaration = report.declaration
    json.field("id", paragraph.id)
    json.field("number", paragraph.number)
    json.field("status", paragraph.status.rawValue)
    json.field("section", section)
    json.field("options") {
      json.array(paragraph.options) { option in
        json.object {
          json.key("option")
          if case .number(let n) = option.reference { json.value(n) } else { json.value("delete") }
          json.field("sponsors") { json.array(option.sponsors) { json.value($0) } }
          json.field("delete", option.isDeletion)
          json.field("text") {
            json.object {
              // Each language the option has, in the declaration's order, `<parties/>` rendered.
              for language in declaration.settings.languages where option.texts[language] != nil {
                json.field(
                  language, declaration.renderedText(of: paragraph, option: option, in: language).text)
              }
            }
          }
        }
      }
    }
    json.field("joinedBy") {
      json.array(paragraph.joiners(among: declaration.members)) { json.value($0.code) }
    }
    json.field("reservations") {
      json.array(paragraph.reservations) { reservation in
        json.object {
          json.field("participant", reservation.participant)
          json.field("note", reservation.note)
        }
      }
    }
    json.field("translationPending") {
      json.array(report.pendingTranslations(of: paragraph)) { json.value($0) }
    }
    json.field("stances") {
      json.array(paragraph.stances) { stance in
        json.object {
          json.field("participant", stance.participant)
          json.field("stance", stance.kind.rawValue)
          json.field("option", stance.option?.description)
        }
      }
    }
    if declaration.revision > 0 {
      json.field("matrix") {
        json.object {
          for (column, stance) in columns.row(of: paragraph).enumerated() {
            if stance == nil {
              json.raw(silences[column])
            } else {
              json.field(columns.codes[column], StatusReport.cell(stance))
            }
          }
        }
      }
    }
    if let hold {
      json.field("heldOpenBy") {
        json.array(hold.holders) { holder in
          json.object {
            json.field("participant", holder.code)
            json.field("cell", holder.cell)
          }
        }
      }
      json.field("silentBlocking") { json.array(hold.silent) { json.value($0) } }
    }
  }
}
