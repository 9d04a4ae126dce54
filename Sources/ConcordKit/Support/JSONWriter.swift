/// Writes JSON by hand, with keys in the order given: deterministic, streaming, and fast on
/// large documents (no intermediate dictionaries).
public final class JSONWriter {
  public private(set) var output = ""
  private var needsComma = [false]

  public init() {}

  public func object(_ body: () -> Void) {
    separate()
    output += "{"
    needsComma.append(false)
    body()
    needsComma.removeLast()
    output += "}"
  }

  public func array<S: Sequence>(_ items: S, _ body: (S.Element) -> Void) {
    separate()
    output += "["
    needsComma.append(false)
    for item in items { body(item) }
    needsComma.removeLast()
    output += "]"
  }

  public func field(_ key: String, _ body: () -> Void) {
    self.key(key)
    body()
  }

  public func field(_ key: String, _ value: String?) {
    self.key(key)
    self.value(value)
  }

  public func field(_ key: String, _ value: Int?) {
    self.key(key)
    self.value(value)
  }

  public func field(_ key: String, _ value: Bool) {
    self.key(key)
    self.value(value)
  }

  /// Writes `"key":`; the value written next belongs to it.
  public func key(_ key: String) {
    separate()
    output += Self.quoted(key) + ":"
    needsComma[needsComma.count - 1] = false
  }

  public func value(_ string: String?) {
    separate()
    output += string.map(Self.quoted) ?? "null"
  }

  public func value(_ number: Int?) {
    separate()
    output += number.map(String.init) ?? "null"
  }

  public func value(_ flag: Bool) {
    separate()
    output += flag ? "true" : "false"
  }

  private func separate() {
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
  }

  public static func quoted(_ string: String) -> String {
    // Most texts need no escape: copy them whole rather than scalar by scalar.
    if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      return "\"" + string + "\""
    }
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let s where s.value < 0x20:
        let hex = String(s.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
