/// `concord diff` for a terminal: one block per changed paragraph with its words marked up
/// inline, paragraphs whose status alone moved on listed together, and renumbering summed up
/// as lineage (it is not a change).
///
/// Without colour, deletions read `[-old-]` and insertions `{+new+}`, as in
/// `git diff --word-diff=plain`; with colour they are red and green. Linear in the output.
public struct TextDiffRenderer: Sendable {
  public var color: Bool
  /// Print every paragraph's numbers, not only a summary of the renumbering.
  public var fullLineage: Bool

  public init(color: Bool = false, fullLineage: Bool = false) {
    self.color = color
    self.fullLineage = fullLineage
  }

  public func render(_ changes: Changes) -> String {
    var lines: [String] = [heading(changes), summary(changes)]
    var plain: [(transition: String, ids: [String])] = []
    for change in changes.paragraphs {
      if let transition = plainTransition(change) {
        if let index = plain.firstIndex(where: { $0.transition == transition }) {
          plain[index].ids.append(change.id)
        } else {
          plain.append((transition, [change.id]))
        }
        continue
      }
      lines.append("")
      lines += block(change)
    }
    for group in plain {
      lines.append("")
      let count = group.ids.count
      lines.append(
        paint("status", .bold)
          + "   \(group.transition), nothing else: \(count) paragraph\(count == 1 ? "" : "s")")
      lines += wrapped(group.ids, indent: "  ")
    }
    let renumbered = Self.renumbering(changes.renumbered)
    if !renumbered.isEmpty {
      lines.append("")
      lines.append(
        paint("renumbered", .bold) + " (lineage, not a change): " + renumbered.joined(separator: ", "))
    }
    if fullLineage {
      lines.append("")
      lines += lineageTable(changes)
    }
    return lines.asLines
  }

  // MARK: - Blocks

  private func heading(_ changes: Changes) -> String {
    let name = changes.workspace.isEmpty ? "" : changes.workspace + ": "
    return paint("\(name)\(Self.revision(changes.from)) → \(Self.revision(changes.to))", .bold)
  }

  private func summary(_ changes: Changes) -> String {
    if changes.isEmpty {
      let renumbered = changes.renumbered.count
      return renumbered == 0 ? "no changes" : "no changes; \(renumbered) renumbered"
    }
    let counts = ParagraphChange.Kind.allCases.map { "\(changes.count(of: $0)) \($0.rawValue)" }
    return counts.joined(separator: ", ") + "; \(changes.renumbered.count) renumbered"
  }

  private func block(_ change: ParagraphChange) -> [String] {
    var header = paint(change.kind.rawValue.padding(to: 8), change.kind == .deleted ? .red : .bold)
    header += " " + change.id + "  " + Self.numbers(change)
    if !change.by.isEmpty { header += "  by " + change.by.joined(separator: ", ") }
    var lines = [header]
    var details = change.details.map(\.description)
    if change.moved && change.kind == .changed && !details.contains(where: { $0.hasPrefix("moved") }) {
      details.insert("moved", at: 0)
    }
    if !details.isEmpty { lines.append("  " + details.joined(separator: "; ")) }
    let showText = change.kind != .moved && change.kind != .status
    for words in change.words where showText || words.hasEdits {
      if words.translationPending {
        // The base-language text stands in: it is already shown on its own line.
        lines.append("  \(words.language)  " + paint("translation pending (base-language text)", .dim))
      } else {
        lines.append("  \(words.language)  " + words.edits.map(marked).joined())
      }
    }
    return lines
  }

  private func marked(_ edit: WordEdit) -> String {
    switch edit.operation {
    case .equal: edit.text
    case .delete: color ? paint(edit.text, .red) : "[-" + edit.text + "-]"
    case .insert: color ? paint(edit.text, .green) : "{+" + edit.text + "+}"
    }
  }

  /// "draft → agreed" when that is all that changed about the paragraph.
  private func plainTransition(_ change: ParagraphChange) -> String? {
    guard change.kind == .status, change.details.count == 1,
      case .status = change.details[0], !change.words.contains(where: \.hasEdits)
    else { return nil }
    return change.details[0].description
  }

  private func lineageTable(_ changes: Changes) -> [String] {
    let rows =
      [["id", Self.revision(changes.from), Self.revision(changes.to), "change", "by"]]
      + changes.lineage.map { entry in
        [
          entry.id, Self.number(entry.fromNumber, present: entry.inOld),
          Self.number(entry.toNumber, present: entry.inNew), entry.change?.rawValue ?? "",
          entry.by.joined(separator: " "),
        ]
      }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines = [paint("lineage", .bold)]
    for row in rows {
      let cells = row.enumerated().map { column, cell in column == 4 ? cell : cell.padding(to: widths[column])
      }
      var line = "  " + cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines
  }

  // MARK: - Numbers

  static func revision(_ number: Int?) -> String { number.map { "Rev.\($0)" } ?? "nothing" }

  static func number(_ number: String?, present: Bool) -> String {
    present ? (number ?? "preamble") : "—"
  }

  static func numbers(_ change: ParagraphChange) -> String {
    switch change.kind {
    case .added: return "(new: \(change.toNumber ?? "preamble"))"
    case .deleted: return "(was \(change.fromNumber ?? "preamble"))"
    default:
      guard change.fromNumber != change.toNumber else { return "(\(change.toNumber ?? "preamble"))" }
      return "(\(change.fromNumber ?? "preamble") → \(change.toNumber ?? "preamble"))"
    }
  }

  /// "15–63 → 16–64" for runs that shifted by the same amount, "14bis → 15" otherwise.
  static func renumbering(_ entries: [LineageEntry]) -> [String] {
    var parts: [String] = []
    var run: (from: Int, to: Int, count: Int)?
    func flush() {
      guard let current = run else { return }
      parts.append(
        current.count == 1
          ? "\(current.from) → \(current.to)"
          : "\(current.from)–\(current.from + current.count - 1) → \(current.to)–\(current.to + current.count - 1)"
      )
      run = nil
    }
    for entry in entries {
      if let from = entry.fromNumber.flatMap({ Int($0) }), let to = entry.toNumber.flatMap({ Int($0) }) {
        if let current = run, from == current.from + current.count, to == current.to + current.count {
          run?.count += 1
        } else {
          flush()
          run = (from, to, 1)
        }
      } else {
        flush()
        parts.append("\(entry.fromNumber ?? "preamble") → \(entry.toNumber ?? "preamble")")
      }
    }
    flush()
    return parts
  }

  // MARK: - Layout

  private func wrapped(_ words: [String], indent: String, width: Int = 100) -> [String] {
    var lines: [String] = []
    var line = indent
    for word in words {
      if line.count > indent.count, line.count + word.count + 1 > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    if line.count > indent.count { lines.append(line) }
    return lines
  }

  private enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
  }

  private func paint(_ text: String, _ style: Style) -> String {
    color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  /// Padded with spaces to `width` characters.
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
