/// Writes JSON by hand, with keys in the order given: deterministic, streaming, and fast on
/// large documents (no intermediate dictionaries).
public final class JSONWriter {
  // Written by one thread at a time, never while being read: the per-access exclusivity
  // checks (a twentieth of writing a large diff's JSON) are left out.
  @exclusivity(unchecked) public private(set) var output = ""
  @exclusivity(unchecked) private var needsComma = [false]

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
    append(quoting: key)
    output += ":"
    needsComma[needsComma.count - 1] = false
  }

  public func value(_ string: String?) {
    separate()
    if let string { append(quoting: string) } else { output += "null" }
  }

  /// A value already written as JSON (by another writer: parts of a large document can be
  /// written concurrently, then put together).
  public func raw(_ json: String) {
    separate()
    output += json
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

  /// Most texts need no escape: they are copied whole rather than scalar by scalar.
  private func append(quoting string: String) {
    if Self.needsEscape(string) {
      output += Self.quoted(string)
    } else {
      output += "\""
      output += string
      output += "\""
    }
  }

  private static func needsEscape(_ string: String) -> Bool {
    string.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
  }

  public static func quoted(_ string: String) -> String {
    if !needsEscape(string) { return "\"" + string + "\"" }
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
