/// One paragraph of a draft declaration as read from Word, Markdown or plain text, before it
/// becomes part of a section: every reader gives these, and `DraftStructure` builds the
/// sections from them alone.
struct DraftLine: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    /// The document's title: not a clause.
    case title
    /// A heading of `level` (1 the top): starts a section.
    case heading(level: Int)
    /// Numbered by the word processor or the list syntax: an operative clause.
    case numbered
    /// Anything else: a preamble paragraph, or a clause whose number was typed.
    case plain
  }

  var kind: Kind
  var text: String
  /// How messages name it: "paragraph 12", "line 40".
  var place: String
  /// Tracked changes were accepted to give its text.
  var tracked = false

  var isHeading: Bool {
    if case .heading = kind { true } else { false }
  }
}

/// Numbers typed at the start of a paragraph: `1.`, `1)`, `12 bis`, `12bis.`, `(12)`.
enum TypedNumber {
  static let suffixes = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"]

  /// The text after a typed number, or nil when the text starts with none. A number must be
  /// followed by `.` or `)` (or a Latin suffix), so that "2025 is the year" keeps its year.
  static func strip(_ text: String) -> String? {
    var rest = Substring(text)
    let parenthesised = rest.first == "("
    if parenthesised { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard (1...4).contains(digits.count) else { return nil }
    rest = rest.dropFirst(digits.count)
    var marked = false
    let spaced = rest.drop { $0 == " " }
    if let suffix = suffixes.first(where: { spaced.lowercased().hasPrefix($0) }) {
      let after = spaced.dropFirst(suffix.count)
      if after.first.map({ $0 == " " || $0 == "." || $0 == ")" || $0 == "\t" }) ?? false {
        rest = after
        marked = true
      }
    }
    if let first = rest.first, first == "." || first == ")" {
      if parenthesised, first != ")" { return nil }
      rest = rest.dropFirst()
      marked = true
    } else if parenthesised {
      return nil
    }
    guard marked, let next = rest.first, next == " " || next == "\t" || next == "\u{A0}" else { return nil }
    let body = rest.drop { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    return body.isEmpty ? nil : String(body)
  }
}
