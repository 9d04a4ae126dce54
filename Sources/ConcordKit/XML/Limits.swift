import Foundation

/// Limits on what Concord reads, with safe defaults; each can be set from the environment.
///
/// Exceeding one is an error that names the file, the place and the variable that raises the
/// limit. Real Concord documents stay far below them: a declaration nests six levels deep and
/// its longest paragraph runs to a few kilobytes.
public struct Limits: Hashable, Sendable {
  /// Largest input file, in bytes (`CONCORD_MAX_INPUT_BYTES`, default 128 MiB).
  public var maxInputBytes: Int
  /// Deepest nesting of elements, the root element being level 1 (`CONCORD_MAX_DEPTH`,
  /// default 64).
  public var maxDepth: Int
  /// Longest run of text, or attribute value, in bytes (`CONCORD_MAX_TEXT_BYTES`, default
  /// 1 MiB).
  public var maxTextBytes: Int

  public init(maxInputBytes: Int = 128 << 20, maxDepth: Int = 64, maxTextBytes: Int = 1 << 20) {
    self.maxInputBytes = maxInputBytes
    self.maxDepth = maxDepth
    self.maxTextBytes = maxTextBytes
  }

  /// The environment variable that sets each limit.
  public static let inputBytesVariable = "CONCORD_MAX_INPUT_BYTES"
  public static let depthVariable = "CONCORD_MAX_DEPTH"
  public static let textBytesVariable = "CONCORD_MAX_TEXT_BYTES"

  /// The defaults, with each limit the environment sets to a positive whole number instead.
  public static var fromEnvironment: Limits {
    let environment = ProcessInfo.processInfo.environment
    func value(_ name: String) -> Int? {
      guard let text = environment[name], let number = Int(text), number > 0 else { return nil }
      return number
    }
    var limits = Limits()
    if let bytes = value(inputBytesVariable) { limits.maxInputBytes = bytes }
    if let depth = value(depthVariable) { limits.maxDepth = depth }
    if let bytes = value(textBytesVariable) { limits.maxTextBytes = bytes }
    return limits
  }

  /// Whether libxml2's own limits (depth 256, text 10,000,000 bytes) would cut in before
  /// these: then the parser is told to lift its own, and these still apply.
  var exceedsParserDefaults: Bool { maxDepth > 256 || maxTextBytes > 10_000_000 }
}
