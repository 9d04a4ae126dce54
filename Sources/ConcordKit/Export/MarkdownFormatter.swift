/// CommonMark in one language, with the structure of the text export: the title as `#`,
/// headings as `##`, each paragraph a Markdown paragraph opening with its bold number, open
/// paragraphs in (escaped) square brackets with one option a line, and the notes after a
/// thematic break, their markers as superscript digits (CommonMark has no footnotes).
///
/// Every character Markdown could read as syntax is escaped. Linear in the size of the
/// declaration.
struct MarkdownFormatter: Sendable {
  func markdown(_ presentation: Presentation) -> String {
    var blocks: [String] = []
    blocks.append("# " + Self.escaped(presentation.title))
    let revision = presentation.vocabulary.revisionLine(
      presentation.declaration.revision, date: presentation.declaration.date)
    blocks.append(Self.escaped(revision))
    for section in presentation.sections {
      if let heading = section.heading { blocks.append("## " + Self.escaped(heading)) }
      for item in section.items where !item.isRemoved {
        blocks.append(paragraph(item, vocabulary: presentation.vocabulary))
      }
    }
    if !presentation.notes.isEmpty {
      blocks.append("---")
      for note in presentation.notes {
        blocks.append(TextFormatter.superscript(note.number) + " " + Self.escaped(note.text))
      }
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// Backslash-escapes every character CommonMark could take for syntax inside a line, and
  /// what could open a block at its start (`-`, `+`, `=`, `1.`).
  static func escaped(_ text: String) -> String {
    // Byte by byte: every character escaped is ASCII, and an ASCII byte never stands inside
    // another character's UTF-8 sequence.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if byte < 0x80, escapedBytes[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
    let result = String(decoding: bytes, as: UTF8.self)
    if let first = result.first, "-+=".contains(first) { return "\\" + result }
    let digits = result.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.utf8.count < result.utf8.count {
      let next = result[result.index(result.startIndex, offsetBy: digits.count)]
      if next == "." || next == ")" { return digits + "\\" + result.dropFirst(digits.count) }
    }
    return result
  }

  /// The ASCII characters CommonMark could take for syntax inside a line.
  private static let escapedBytes: [Bool] = (0..<128).map { byte in
    "\\`*_[]<>&#|~!{}".utf8.contains(UInt8(byte))
  }

  // MARK: - Paragraphs

  private func paragraph(_ item: Presentation.Item, vocabulary: Vocabulary) -> String {
    var lines: [String] = []
    for (index, entry) in item.entries.enumerated() {
      var line = ""
      if let label = entry.label {
        line = "*" + Self.escaped(label) + "*"
        if !entry.isDeletion { line += vocabulary.labelSeparator }
      }
      line += Self.escaped(entry.text)
      if let note = entry.note { line += TextFormatter.superscript(note.number) }
      if item.isOpen {
        if index == 0 { line = "\\" + vocabulary.openBracket + line }
        if index == item.entries.count - 1 { line += "\\" + vocabulary.closeBracket }
      }
      if index == item.entries.count - 1 {
        line += item.notes.map { TextFormatter.superscript($0.number) }.joined()
      }
      lines.append(line)
    }
    var text = lines.joined(separator: "\\\n")
    if let number = item.number { text = "**\(Self.escaped(number)).** " + text }
    return text
  }
}
