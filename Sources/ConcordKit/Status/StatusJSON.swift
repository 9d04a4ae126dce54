/// `concord status --format json`: Appendix B's shape, plus the matrix and the convergence.
public enum StatusJSON {
  public static func render(_ report: StatusReport) -> String {
    let declaration = report.declaration
    let json = JSONWriter()
    json.object {
      json.field("revision", declaration.revision)
      json.field("paragraphs") {
        json.array(declaration.paragraphs) { paragraph in
          json.object {
            json.field("id", paragraph.id)
            json.field("number", paragraph.number)
            json.field("status", paragraph.status.rawValue)
            json.field("options") {
              json.array(paragraph.options) { option in
                json.object {
                  json.key("option")
                  if case .number(let n) = option.reference { json.value(n) } else { json.value("delete") }
                  json.field("sponsors") { json.array(option.sponsors) { json.value($0) } }
                  json.field("delete", option.isDeletion)
                  json.field("text") {
                    json.object {
                      for (language, text) in report.rendered(option, of: paragraph).inOrder(
                        of: declaration.settings.languages)
                      {
                        json.field(language, text)
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
          }
        }
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
    return json.output
  }
}
