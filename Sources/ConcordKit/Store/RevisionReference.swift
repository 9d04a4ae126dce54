/// A revision as commands name it: `3`, `rev-3`, `Rev.3`, `latest`, `latest~1`.
public enum RevisionReference: Hashable, Sendable, CustomStringConvertible {
  case number(Int)
  /// `latest~k`: the k-th revision before the latest one on disk.
  case latest(back: Int)

  public init?(_ text: String) {
    let lowered = text.lowercased()
    if lowered == "latest" {
      self = .latest(back: 0)
      return
    }
    if lowered.hasPrefix("latest~") {
      guard let back = Self.digits(lowered.dropFirst("latest~".count)) else { return nil }
      self = .latest(back: back)
      return
    }
    var digits = Substring(lowered)
    for prefix in ["rev-", "rev.", "rev"] where digits.hasPrefix(prefix) {
      digits = digits.dropFirst(prefix.count)
      break
    }
    if digits.hasSuffix(".xml") { digits = digits.dropLast(4) }
    guard let number = Self.digits(digits) else { return nil }
    self = .number(number)
  }

  public var description: String {
    switch self {
    case .number(let number): "Rev.\(number)"
    case .latest(let back): back == 0 ? "latest" : "latest~\(back)"
    }
  }

  /// The revision number among those on disk (ascending). The one wording of "there is no
  /// such revision", for every command that names revisions.
  public func resolve(among revisions: [Int], workspace: String) throws -> Int {
    if revisions.isEmpty {
      throw DiagnosticsError(
        Diagnostic(
          file: workspace, message: "no revisions yet; run `concord assemble \(workspace)` first"))
    }
    switch self {
    case .number(let number):
      guard revisions.contains(number) else {
        throw DiagnosticsError(
          Diagnostic(
            file: workspace,
            message: "there is no Rev.\(number)\(Self.available(revisions))"))
      }
      return number
    case .latest(let back):
      guard back < revisions.count else {
        throw DiagnosticsError(
          Diagnostic(
            file: workspace,
            message: "\(description) does not exist\(Self.available(revisions))"))
      }
      return revisions[revisions.count - 1 - back]
    }
  }

  // MARK: - Parsing

  private static func digits(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return Int(text)
  }

  private static func available(_ revisions: [Int]) -> String {
    " (revisions on disk: " + revisions.map { "Rev.\($0)" }.joined(separator: ", ") + ")"
  }
}
