import Foundation

/// Writes XML as UTF-8 bytes: two-space indentation, attributes in the order given, every text
/// and attribute escaped. Same calls, same bytes.
///
/// Characters XML cannot carry (C0 controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF) are collected as problems rather than written, so that nothing invalid
/// ever reaches a file.
public struct XMLWriter {
  /// The document so far, as UTF-8 bytes (appended to a byte buffer: a `Data` checks its
  /// representation at every append).
  private var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
  public private(set) var problems: [String] = []
  private var open: [String] = []
  /// Elements open around a fragment, in the document it will join (for its indentation).
  private var around = 0

  public init() {}

  /// A writer for a fragment of a document: whole elements that will stand inside `depth`
  /// open elements there, indented as they would be, without the XML declaration.
  init(fragmentAt depth: Int) {
    bytes = []
    around = depth
  }

  /// A fragment's bytes and problems, put here where it stands (`init(fragmentAt:)`).
  mutating func append(_ fragment: XMLWriter) {
    bytes.append(contentsOf: fragment.bytes)
    problems += fragment.problems
  }

  /// The document so far, as the UTF-8 bytes a file holds.
  public var data: Data { Data(bytes) }

  /// The document's bytes, taken out of the writer (which is left empty): no copy.
  mutating func takeBytes() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }

  /// How many bytes have been written.
  var count: Int { bytes.count }

  /// Room for `count` more bytes and some (fragments of known size about to be put in).
  mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count + 1 << 16) }

  /// Elements open here (inside the fragment's surroundings).
  var depth: Int { around + open.count }

  /// The document so far as text: a copy of `data`, for callers that want a `String`.
  public var output: String { String(decoding: bytes, as: UTF8.self) }

  /// `<name a="1">` on its own line; children follow, indented.
  public mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
    indent()
    write("<")
    write(name)
    write(attributes)
    write(">\n")
    open.append(name)
  }

  public mutating func end() {
    guard let name = open.popLast() else { return }
    indent()
    write("</")
    write(name)
    write(">\n")
  }

  /// `<name a="1"/>`.
  public mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
    indent()
    write("<")
    write(name)
    write(attributes)
    write("/>\n")
  }

  /// `<name a="1">text</name>` on one line.
  public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
    indent()
    write("<")
    write(name)
    write(attributes)
    write(">")
    write(escaped(text))
    write("</")
    write(name)
    write(">\n")
  }

  /// `<name a="1">mixed <parties/> text</name>` on one line.
  public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: ClauseText) {
    indent()
    write("<")
    write(name)
    write(attributes)
    write(">")
    for segment in text.segments {
      switch segment {
      case .text(let string): write(escaped(string))
      case .parties: write("<parties/>")
      }
    }
    write("</")
    write(name)
    write(">\n")
  }

  // MARK: - Bytes and escaping

  /// Appends the text's UTF-8 bytes (contiguous in a native string: one copy, no decoding).
  private mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// ` a="1"` for each attribute with a value.
  private mutating func write(_ attributes: [(String, String?)]) {
    Escaping.append(attributes, .attribute, to: &bytes) {
      problems.append(Escaping.refusal(of: $0, in: "XML"))
    }
  }

  private mutating func indent() {
    for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
  }

  private mutating func escaped(_ text: String) -> String {
    Self.escape(text, quote: false) { problems.append(Escaping.refusal(of: $0, in: "XML")) }
  }

  /// `text` with `& < >` (and in attribute values `" \n \t`) escaped; characters XML cannot
  /// carry are left out and handed to `refused`. Shared by every writer of XML and HTML.
  static func escape(_ text: String, quote: Bool, refused: (Unicode.Scalar) -> Void) -> String {
    Escaping.escape(text, quote ? .attribute : .text, refused: refused)
  }

  /// XML 1.0's `Char` production.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
