/// The one escaper for everything Concord writes as XML or HTML: revisions, Akoma Ntoso,
/// WordprocessingML and the three HTML pages. `&`, `<` and `>` always become references, and a
/// carriage return becomes `&#13;` so that it survives parsing; the `Rules` say what else.
/// Characters XML cannot carry (C0 controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF) are left out and handed to `refused`, so nothing invalid is ever written.
///
/// Linear in the length of the text; a text with nothing to escape is returned as it is.
enum Escaping {
  /// What else becomes a reference, besides `& < >` and the carriage return.
  struct Rules: OptionSet, Sendable {
    let rawValue: UInt8

    /// `"` as `&quot;`.
    static let quotes = Rules(rawValue: 1 << 0)
    /// `'` as `&#39;`.
    static let apostrophes = Rules(rawValue: 1 << 1)
    /// Tab and newline as `&#9;` and `&#10;`, which attribute-value normalisation would
    /// otherwise turn into spaces.
    static let whitespace = Rules(rawValue: 1 << 2)

    /// Element content.
    static let text: Rules = []
    /// A double-quoted attribute value.
    static let attribute: Rules = [.quotes, .whitespace]
  }

  static func escape(_ text: String, _ rules: Rules, refused: (Unicode.Scalar) -> Void) -> String {
    if !mayNeedEscaping(text) { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where rules.contains(.quotes): result += "&quot;"
      case "'" where rules.contains(.apostrophes): result += "&#39;"
      case "\n" where rules.contains(.whitespace): result += "&#10;"
      case "\t" where rules.contains(.whitespace): result += "&#9;"
      case "\r": result += "&#13;"
      default:
        if isAllowed(scalar) { result.unicodeScalars.append(scalar) } else { refused(scalar) }
      }
    }
    return result
  }

  /// ` name="value"` for each attribute in the order given, values escaped by `rules`; an
  /// attribute whose value is nil is left out.
  static func attributes(
    _ attributes: [(String, String?)], _ rules: Rules, refused: (Unicode.Scalar) -> Void
  ) -> String {
    var bytes: [UInt8] = []
    append(attributes, rules, to: &bytes, refused: refused)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same, appended to a writer's UTF-8 bytes.
  static func append(
    _ attributes: [(String, String?)], _ rules: Rules, to bytes: inout [UInt8],
    refused: (Unicode.Scalar) -> Void
  ) {
    for (name, value) in attributes {
      guard let value else { continue }
      bytes.append(UInt8(ascii: " "))
      bytes.append(contentsOf: name.utf8)
      bytes.append(contentsOf: "=\"".utf8)
      bytes.append(contentsOf: escape(value, rules, refused: refused).utf8)
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// What a writer reports for a character `refused`: "character U+7 cannot be written in XML".
  static func refusal(of scalar: Unicode.Scalar, in format: String) -> String {
    "character U+\(String(scalar.value, radix: 16, uppercase: true)) cannot be written in \(format)"
  }

  /// XML 1.0's `Char` production.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// Whether any byte of `text` could need escaping or be refused, under any rules: markup
  /// characters, quotes, controls, and the lead byte of U+FFFE/U+FFFF. Most texts need nothing.
  private static func mayNeedEscaping(_ text: String) -> Bool { special.orControl(in: text) }

  private static let special = SpecialBytes([
    UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF,
  ])

}
