/// Plain text in one language: the title, the revision, numbered paragraphs under their
/// headings, wrapped to a width; open paragraphs in square brackets with each option and its
/// attribution ("Option 2 (IND, PAK): …"); notes (reservations, dissociations, translations
/// pending) as numbered footnotes at the end, their markers as superscript digits.
///
/// Linear in the size of the declaration.
struct TextFormatter: Sendable {
  var width: Int = 80

  /// A block of lines: a heading with its rule, or a paragraph.
  private enum Block: Sendable {
    case heading(String)
    case item(Presentation.Item)
  }

  func text(_ presentation: Presentation) -> String {
    String(decoding: utf8(presentation), as: UTF8.self)
  }

  /// The same text, as UTF-8 bytes (no String made of it on the way to a file).
  func utf8(_ presentation: Presentation) -> [UInt8] {
    let wrapper = TextWrapper(width: width)
    var blocks: [[String]] = []
    blocks.append(wrapper.wrap(presentation.title))
    blocks.append([revisionLine(presentation)])
    let body = presentation.sections.flatMap { section in
      (section.heading.map { [Block.heading($0)] } ?? [])
        + section.items.filter { !$0.isRemoved }.map(Block.item)
    }
    // Each block wrapped on its own: on every core, in order.
    let vocabulary = presentation.vocabulary
    blocks += parallelMap(count: body.count) { index in
      switch body[index] {
      case .heading(let heading):
        let rule = String(repeating: "-", count: min(TextWrapper.columns(of: heading), width))
        return wrapper.wrap(heading) + [rule]
      case .item(let item): return lines(of: item, vocabulary: vocabulary, wrapper: wrapper)
      }
    }
    if !presentation.notes.isEmpty {
      var notes = ["__________"]
      for note in presentation.notes {
        let marker = Self.superscript(note.number) + " "
        notes += wrapper.wrap(
          note.text, firstPrefix: marker,
          restPrefix: String(repeating: " ", count: TextWrapper.columns(of: marker)))
      }
      blocks.append(notes)
    }
    // Lines a newline apart, blocks a blank line apart, and a newline at the end: in one buffer.
    var text = TextLines()
    for (index, block) in blocks.enumerated() {
      if index > 0 { text.append("\n\n") }
      for (number, line) in block.enumerated() {
        if number > 0 { text.endLine() }
        text.append(line)
      }
    }
    text.endLine()
    return text.bytes
  }

  /// "¹²": footnote markers that cannot be mistaken for the text's own brackets.
  static func superscript(_ number: Int) -> String {
    let digits: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    ]
    return String(String(number).map { digits[$0] ?? $0 })
  }

  // MARK: - Paragraphs

  private func revisionLine(_ presentation: Presentation) -> String {
    let declaration = presentation.declaration
    return presentation.vocabulary.revisionLine(declaration.revision, date: declaration.date)
  }

  /// `5. text` with a hanging indent; an open paragraph as `5. [Option 1: …` with each
  /// further option on its own line and `]` after the last.
  private func lines(of item: Presentation.Item, vocabulary: Vocabulary, wrapper: TextWrapper)
    -> [String]
  {
    let number = item.number.map { "\($0). " } ?? ""
    let indent = String(repeating: " ", count: TextWrapper.columns(of: number))
    let itemMarkers = item.notes.map { Self.superscript($0.number) }.joined()
    var lines: [String] = []
    for (index, entry) in item.entries.enumerated() {
      var text = ""
      if let label = entry.label {
        text = entry.isDeletion ? label : label + vocabulary.labelSeparator
      }
      text += entry.text
      if let note = entry.note { text += Self.superscript(note.number) }
      if item.isOpen {
        if index == 0 { text = vocabulary.openBracket + text }
        if index == item.entries.count - 1 { text += vocabulary.closeBracket }
      }
      if index == item.entries.count - 1 { text += itemMarkers }
      lines += wrapper.wrap(text, firstPrefix: index == 0 ? number : indent, restPrefix: indent)
    }
    return lines
  }
}
