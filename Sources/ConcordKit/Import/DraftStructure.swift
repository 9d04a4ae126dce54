import Foundation

/// Builds the sections of a zero draft from its paragraphs (`DraftLine`s), whatever they were
/// read from.
///
/// - Headings start sections; the title is no clause.
/// - Unnumbered paragraphs before the first heading, or under a heading named like "Preamble"
///   ("Преамбула", "序言"), form the preamble (`kind="preamble"`).
/// - Numbered paragraphs, automatic or typed (`1.`, `1)`, `12 bis`), are operative clauses,
///   their number stripped; numbering runs on across sections. Numbered paragraphs before the
///   first heading form an operative section without heading (`operative`).
/// - Ids are readable and stable: the section's from its heading (`economy`, `preamble`), the
///   clause's from its section and place (`economy-4`).
/// - A text that opens with the workspace's subject in its language gets `<parties/>` there.
///
/// Linear in the number of paragraphs.
struct DraftStructure {
  struct Part: Hashable, Sendable {
    var id: String
    var kind: SectionKind
    var heading: String?
    var headingPlace: String?
    var clauses: [(text: ClauseText, place: String)]

    static func == (a: Part, b: Part) -> Bool {
      a.id == b.id && a.kind == b.kind && a.heading == b.heading
        && a.clauses.map(\.text) == b.clauses.map(\.text)
    }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }
  }

  private(set) var parts: [Part] = []
  private(set) var warnings: [String] = []
  private(set) var title: String?

  static let preambleNames = ["preamble", "преамбула", "序言", "préambule", "preámbulo", "الديباجة"]

  static func isPreambleHeading(_ text: String) -> Bool {
    let name = text.lowercased().trimmingCharacters(in: .whitespaces)
    return preambleNames.contains { name == $0 || name.hasPrefix($0 + " ") || name.hasPrefix($0 + ":") }
  }

  init(_ lines: [DraftLine], subject: String?) {
    let tracked = lines.filter(\.tracked).map(\.place)
    if !tracked.isEmpty {
      warnings.append(
        "tracked changes accepted in \(tracked.prefix(5).joined(separator: ", "))\(tracked.count > 5 ? " and \(tracked.count - 5) more" : "")"
      )
    }
    for line in lines {
      switch line.kind {
      case .title:
        if title == nil, parts.isEmpty {
          title = line.text
        } else {
          add(line, numbered: false, subject: subject)
        }
      case .heading:
        let kind: SectionKind = Self.isPreambleHeading(line.text) ? .preamble : .operative
        parts.append(Part(id: "", kind: kind, heading: line.text, headingPlace: line.place, clauses: []))
      case .numbered:
        add(line, numbered: true, subject: subject)
      case .plain:
        if let stripped = TypedNumber.strip(line.text) {
          var numbered = line
          numbered.text = stripped
          add(numbered, numbered: true, subject: subject)
        } else {
          add(line, numbered: false, subject: subject)
        }
      }
    }
    parts.removeAll { $0.clauses.isEmpty && $0.heading == nil }
    assignIDs()
  }

  private mutating func add(_ line: DraftLine, numbered: Bool, subject: String?) {
    let text = Self.clauseText(line.text, subject: subject)
    if numbered {
      if let last = parts.last, last.kind == .operative {
        parts[parts.count - 1].clauses.append((text, line.place))
      } else if let last = parts.last, last.kind == .preamble, last.heading != nil, !last.clauses.isEmpty {
        parts.append(Part(id: "", kind: .operative, heading: nil, clauses: [(text, line.place)]))
      } else if let last = parts.last, last.kind == .preamble, last.heading != nil {
        warnings.append(
          "\(line.place) is numbered but stands under the preamble's heading: taken as a preamble paragraph")
        parts[parts.count - 1].clauses.append((text, line.place))
      } else {
        parts.append(Part(id: "", kind: .operative, heading: nil, clauses: [(text, line.place)]))
      }
      return
    }
    if let last = parts.last {
      if last.kind == .operative {
        warnings.append(
          "\(line.place) has no number but stands in an operative section: taken as an operative clause")
      }
      parts[parts.count - 1].clauses.append((text, line.place))
    } else {
      parts.append(Part(id: "", kind: .preamble, heading: nil, clauses: [(text, line.place)]))
    }
  }

  /// `<parties/>` in place of the subject that opens the text.
  static func clauseText(_ text: String, subject: String?) -> ClauseText {
    guard let subject, !subject.isEmpty else { return ClauseText(plain: text) }
    let lowered = text.lowercased()
    guard lowered.hasPrefix(subject.lowercased()) else { return ClauseText(plain: text) }
    let rest = text.dropFirst(subject.count)
    if let next = rest.first, next.isLetter || next.isNumber { return ClauseText(plain: text) }
    return ClauseText([.parties, .text(String(rest))])
  }

  // MARK: - Ids

  private mutating func assignIDs() {
    var used: Set<String> = []
    for index in parts.indices {
      let id = Self.sectionID(parts[index], number: index + 1, used: used)
      used.insert(id)
      parts[index].id = id
    }
  }

  static let stopWords: Set<String> = [
    "the", "of", "and", "a", "an", "on", "in", "for", "to", "with", "by", "at", "de", "la", "le", "et", "des",
  ]

  private static func sectionID(_ part: Part, number: Int, used: Set<String>) -> String {
    var candidates: [String] = []
    if part.kind == .preamble {
      candidates = ["preamble"]
    } else if let heading = part.heading {
      let words = slugWords(heading).filter { !stopWords.contains($0) }
      for count in 1...max(1, min(words.count, 4)) where !words.isEmpty {
        candidates.append(words.prefix(count).joined(separator: "-"))
      }
    } else {
      candidates = ["operative"]
    }
    candidates.append("section-\(number)")
    for candidate in candidates where !used.contains(candidate) { return candidate }
    var suffix = 2
    while used.contains("section-\(number)-\(suffix)") { suffix += 1 }
    return "section-\(number)-\(suffix)"
  }

  /// ASCII words of a heading, lower case; each starts with a letter.
  private static func slugWords(_ text: String) -> [String] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var words: [String] = []
    var word = ""
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.filter { $0.first?.isLetter ?? false }.map { String($0.prefix(24)) }
  }
}
