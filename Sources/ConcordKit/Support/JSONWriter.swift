/// Writes JSON by hand, with keys in the order given: deterministic, streaming, and fast on
/// large documents (no intermediate dictionaries).
public final class JSONWriter {
  // Written by one thread at a time, never while being read: the per-access exclusivity
  // checks (a twentieth of writing a large diff's JSON) are left out. UTF-8 bytes, not a
  // String: appending to a String checks and merges its flags at every piece, which was
  // most of writing a large document's JSON.
  @exclusivity(unchecked) private var current: [UInt8] = []
  /// Long parts written by other writers (on other cores), and what came before them, kept
  /// as they came rather than copied into one buffer.
  @exclusivity(unchecked) private var finished = Segments()
  /// What has been written, in segments to be written one after another.
  public var segments: [[UInt8]] { finished.all(then: current) }
  /// What has been written, as one buffer of UTF-8 bytes.
  public var bytes: [UInt8] { finished.joined(then: current) }
  @exclusivity(unchecked) private var needsComma = [false]

  public init() {}

  /// What has been written, as text.
  public var output: String { String(decoding: bytes, as: UTF8.self) }

  public func object(_ body: () -> Void) {
    separate()
    current.append(UInt8(ascii: "{"))
    needsComma.append(false)
    body()
    needsComma.removeLast()
    current.append(UInt8(ascii: "}"))
  }

  public func array<S: Sequence>(_ items: S, _ body: (S.Element) -> Void) {
    separate()
    current.append(UInt8(ascii: "["))
    needsComma.append(false)
    for item in items { body(item) }
    needsComma.removeLast()
    current.append(UInt8(ascii: "]"))
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
    current.append(UInt8(ascii: ":"))
    needsComma[needsComma.count - 1] = false
  }

  public func value(_ string: String?) {
    separate()
    if let string { append(quoting: string) } else { current.append(contentsOf: "null".utf8) }
  }

  /// A value already written as JSON (by another writer: parts of a large document can be
  /// written concurrently, then put together).
  public func raw(_ json: String) {
    separate()
    current.append(contentsOf: json.utf8)
  }

  /// The same, as another writer's bytes.
  public func raw(_ json: [UInt8]) {
    separate()
    current.append(contentsOf: json)
  }

  /// The same, kept as a segment of its own (a long part: it is not copied again).
  public func raw(segment json: [UInt8]) {
    separate()
    finished.close(&current)
    finished.add(json)
  }

  /// A `"key":value` member of an object, written once, for `raw` to put in again and again
  /// (one of a table's many alike members).
  public static func member(_ key: String, _ value: String) -> [UInt8] {
    let json = JSONWriter()
    json.object { json.field(key, value) }
    return Array(json.bytes.dropFirst().dropLast())
  }

  public func value(_ number: Int?) {
    separate()
    current.append(contentsOf: (number.map(String.init) ?? "null").utf8)
  }

  public func value(_ flag: Bool) {
    separate()
    current.append(contentsOf: (flag ? "true" : "false").utf8)
  }

  private func separate() {
    if needsComma[needsComma.count - 1] { current.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  /// Most texts need no escape: they are copied whole rather than scalar by scalar.
  private func append(quoting string: String) {
    if Self.needsEscape(string) {
      current.append(contentsOf: Self.quoted(string).utf8)
    } else {
      current.append(UInt8(ascii: "\""))
      current.append(contentsOf: string.utf8)
      current.append(UInt8(ascii: "\""))
    }
  }

  /// Whether a text has a control, `"` or `\\`: looked for eight bytes at a time.
  private static func needsEscape(_ string: String) -> Bool { special.orControl(in: string) }

  private static let special = SpecialBytes([UInt8(ascii: "\""), UInt8(ascii: "\\")])

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
