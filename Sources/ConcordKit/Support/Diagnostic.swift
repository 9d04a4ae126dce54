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

  public var description: String {
    let place = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    return "\(place): \(severity.rawValue): \(message)"
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

extension Sequence where Element: Hashable {
  /// The elements in their first-seen order, without repeats (a missing schema is reported
  /// once, not once for every file that needs it). Linear time.
  func removingRepeats() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
