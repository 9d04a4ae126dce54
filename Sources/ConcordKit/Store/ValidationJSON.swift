/// `concord validate --format json`.
public enum ValidationJSON {
  public static func render(_ report: Validator.Report) -> String {
    let json = JSONWriter()
    json.object {
      json.field("valid", report.isValid)
      json.field("files") { json.array(report.files) { json.value($0) } }
      json.field("diagnostics") {
        json.array(report.diagnostics) { diagnostic in
          json.object {
            json.field("file", diagnostic.file)
            json.field("line", diagnostic.line)
            json.field("column", diagnostic.column)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("message", diagnostic.message)
          }
        }
      }
    }
    return json.output
  }
}
