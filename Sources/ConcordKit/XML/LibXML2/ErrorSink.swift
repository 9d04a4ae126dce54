import CLibXML2

/// Where libxml2's errors go: one `ErrorSink` per parsing, validation or schema context,
/// filled through structured handlers (libxml2 never prints), and the one place that rewords
/// libxml2's messages for Concord's diagnostics (`MessageWording`).
final class ErrorSink {
  let path: String
  let source: UnsafeRawBufferPointer?
  let locator: TagLocator?
  let wording: MessageWording
  var diagnostics: [Diagnostic] = []
  /// Set when reading stops early: whatever libxml2 reports after that is not kept.
  var closed = false

  init(path: String, source: UnsafeRawBufferPointer?, wording: MessageWording) {
    self.path = path
    self.source = source
    self.locator = source.map(TagLocator.init)
    self.wording = wording
  }

  func record(_ error: xmlError) {
    guard !closed else { return }
    let raw = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    // libxml2 follows a failed facet check with this internal note about the same value.
    if raw.contains("No precomputed value available") { return }
    let message = wording.worded(raw)
    let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
    var line = Int(error.line)
    var column = Int(error.int2)
    if column <= 0, line > 0, let locator {
      if let duplicate = locator.duplicateKey(forMessage: raw, before: line) {
        (line, column) = duplicate
      } else {
        column = locator.column(forMessage: raw, line: line)
      }
    }
    let file: String
    if let name = error.file.map({ String(cString: $0) }), !name.isEmpty, name != path,
      locator == nil
    {
      file = name
    } else {
      file = path
    }
    diagnostics.append(
      Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
  }
}

/// libxml2's messages as Concord words them.
struct MessageWording {
  /// The limits of the document being read, whose variables the messages about libxml2's
  /// own limits name; nil for schemas.
  var limits: Limits?

  /// On one line (some messages go on: "Bytes: 0xC3 0x28 …"), names without their
  /// `{urn:concord:1}`, and libxml2's limits (which cut in before Concord's while it parses
  /// ahead) named with the variable that raises Concord's.
  func worded(_ message: String) -> String {
    var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
    text = text.replacingOccurrences(of: "{\(XML.concordNamespace)}", with: "")
    text = text.replacingOccurrences(of: "{\(XML.xmlNamespace)}", with: "xml:")
    text = text.replacingOccurrences(of: "Schemas validity error : ", with: "")
    // A text that is only white space fails the one pattern that asks for some text; the
    // value libxml2 quotes (blanks, line breaks folded) would only look valid.
    if let facet = text.range(of: #": [facet 'pattern'] The value '"#),
      text.hasSuffix(#"' is not accepted by the pattern '[\s\S]*\S[\s\S]*'."#)
    {
      return text[..<facet.lowerBound]
        + ": the text is empty or only white space; write the text, or leave the element out"
    }
    guard let limits else { return text }
    if text.contains("Excessive depth in document") {
      let cap = min(limits.maxDepth, Limits.parserMaxDepth)
      let advice =
        limits.maxDepth < Limits.parserMaxDepth
        ? "set \(Limits.depthVariable) to raise it" : "libxml2's own ceiling, which Concord does not lift"
      return "elements nest more than \(cap) levels deep, over the limit of \(limits.maxDepth) (\(advice))"
    }
    if text.contains("Huge input lookup") || text.contains("huge text node")
      || text.contains("AttValue length too long")
    {
      return
        "a text or attribute value over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)"
    }
    return text
  }
}

/// A validation or schema context's structured error handler: the user data is the sink.
func recordError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let userData, let error else { return }
  Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
}
