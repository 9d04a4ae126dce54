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

  /// libxml2's own ceilings, which Concord never lifts (that would need the HUGE parser option):
  /// depth and text limits are capped at them.
  public static let parserMaxDepth = 256
  public static let parserMaxTextBytes = 10_000_000

  public init(maxInputBytes: Int = 128 << 20, maxDepth: Int = 64, maxTextBytes: Int = 1 << 20) {
    self.maxInputBytes = maxInputBytes
    self.maxDepth = min(maxDepth, Self.parserMaxDepth)
    self.maxTextBytes = min(maxTextBytes, Self.parserMaxTextBytes)
  }

  /// The environment variable that sets each limit.
  public static let inputBytesVariable = "CONCORD_MAX_INPUT_BYTES"
  public static let depthVariable = "CONCORD_MAX_DEPTH"
  public static let textBytesVariable = "CONCORD_MAX_TEXT_BYTES"

  /// What is wrong with the limits the environment sets: a value that is not a positive
  /// whole number would otherwise be ignored without a word.
  public static var environmentProblems: [String] {
    let environment = ProcessInfo.processInfo.environment
    return [inputBytesVariable, depthVariable, textBytesVariable].compactMap { name in
      guard let text = environment[name] else { return nil }
      if let number = Int(text), number > 0 { return nil }
      return "\(name) is \"\(text)\": give a positive whole number (or unset it for the default)"
    }
  }

  /// The defaults, with each limit the environment sets to a positive whole number instead.
  public static var fromEnvironment: Limits {
    let environment = ProcessInfo.processInfo.environment
    func value(_ name: String) -> Int? {
      guard let text = environment[name], let number = Int(text), number > 0 else { return nil }
      return number
    }
    var limits = Limits()
    if let bytes = value(inputBytesVariable) { limits.maxInputBytes = bytes }
    if let depth = value(depthVariable) { limits.maxDepth = min(depth, parserMaxDepth) }
    if let bytes = value(textBytesVariable) { limits.maxTextBytes = min(bytes, parserMaxTextBytes) }
    return limits
  }
}
