/// A problem found in an input, with the place it was found.
///
/// Rendered the way compilers do, so editors and CI logs can jump to it:
/// `Drafts/sco-2025/clauses/02-political.xml:14:5: error: duplicate clause id "pol-un"`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable { case error, warning, note }

  public var file: String
  /// 1-based; 0 when the problem concerns the file as a whole.
  public var line: Int
  /// 1-based; 0 when unknown.
  public var column: Int
  public var severity: Severity
  public var message: String

  public init(
    file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
  }

  public init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
    self.init(
      file: location.file, line: location.line, column: location.column, severity: severity,
      message: message)
  }

  /// One line, safe for a terminal whatever the file name or the message quotes.
  public var description: String {
    let place = line > 0 ? "\(file.terminalSafe):\(line):\(max(column, 1))" : file.terminalSafe
    return "\(place): \(severity.rawValue): \(message.terminalSafe)"
  }
}

/// Where something was read from.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { line > 0 ? "\(file):\(line):\(max(column, 1))" : file }
}

/// One or more diagnostics, thrown when an input cannot be used.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

  /// What any error says, as diagnostics: a `DiagnosticsError`'s own, anything else as one
  /// diagnostic about `file`.
  public static func diagnostics(of error: any Error, file: String) -> [Diagnostic] {
    if let error = error as? DiagnosticsError { return error.diagnostics }
    if let diagnostic = error as? Diagnostic { return [diagnostic] }
    return [Diagnostic(file: file, message: "\(error)")]
  }
}

extension [Diagnostic] {
  /// At most `limit` diagnostics for each file, then one note saying how many more there
  /// are: a file with half a million bad references is reported by its first ones.
  func cappedPerFile(_ limit: Int = 100) -> [Diagnostic] {
    // Notes are kept as they are (a note from an earlier cap among them).
    var counts: [String: Int] = [:]
    var kept: [Diagnostic] = []
    for diagnostic in self {
      guard diagnostic.severity != .note else {
        kept.append(diagnostic)
        continue
      }
      counts[diagnostic.file, default: 0] += 1
      if counts[diagnostic.file, default: 0] <= limit { kept.append(diagnostic) }
    }
    var noted: Set<String> = []
    for diagnostic in self
    where diagnostic.severity != .note && (counts[diagnostic.file] ?? 0) > limit
      && noted.insert(diagnostic.file).inserted
    {
      let more = (counts[diagnostic.file] ?? 0) - limit
      kept.append(
        Diagnostic(
          file: diagnostic.file, severity: .note,
          message:
            "\(more) more problem\(more == 1 ? "" : "s") in this file \(more == 1 ? "is" : "are") not shown"))
    }
    return kept
  }
}

extension Sequence where Element: Hashable {
  /// The elements in their first-seen order, without repeats (a missing schema is reported
  /// once, not once for every file that needs it). Linear time.
  func removingRepeats() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
