/// Markdown (CommonMark's blocks that a draft uses) and plain text, read into `DraftLine`s.
enum PlainDrafts {
  /// CommonMark: ATX (`#`, `##`) and setext headings; paragraphs of lines separated by blank
  /// lines; ordered list items (`1.`, `1)`) numbered; bullet items, block quotes and the
  /// inline markup of emphasis, code and links reduced to their text. The first heading is the
  /// title when it is the document's only level-1 heading and level-2 headings follow.
  static func markdown(_ text: String) -> [DraftLine] {
    var lines: [DraftLine] = []
    var paragraph: (text: String, numbered: Bool, line: Int)?
    func flush() {
      if let current = paragraph {
        let kind: DraftLine.Kind = current.numbered ? .numbered : .plain
        lines.append(DraftLine(kind: kind, text: inline(current.text), place: "line \(current.line)"))
      }
      paragraph = nil
    }
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let trimmed = line.drop { $0 == " " }
      if trimmed.isEmpty {
        flush()
        continue
      }
      if let heading = atxHeading(trimmed) {
        flush()
        lines.append(
          DraftLine(kind: .heading(level: heading.level), text: inline(heading.text), place: "line \(number)")
        )
        continue
      }
      if let current = paragraph, !current.numbered,
        trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" })
      {
        paragraph = nil
        let level = trimmed.first == "=" ? 1 : 2
        lines.append(
          DraftLine(kind: .heading(level: level), text: inline(current.text), place: "line \(current.line)"))
        continue
      }
      while line.first == ">" || line.first == " " { line = line.dropFirst() }
      if let item = listItem(line) {
        flush()
        paragraph = (item.text, item.numbered, number)
        continue
      }
      var current = paragraph ?? ("", false, number)
      current.text += (current.text.isEmpty ? "" : " ") + line
      paragraph = current
    }
    flush()
    return markTitle(lines)
  }

  /// Plain text: paragraphs are blocks of lines set off by blank lines (a numbered line also
  /// starts one); a block of one short line with no number and no closing punctuation is a
  /// heading, and the first such block before any paragraph is the title.
  static func text(_ text: String) -> [DraftLine] {
    var blocks: [(lines: [Substring], line: Int)] = []
    var block: [Substring] = []
    var start = 1
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = (raw.hasSuffix("\r") ? raw.dropLast() : raw).trimmingSpaces
      if line.isEmpty {
        if !block.isEmpty { blocks.append((block, start)) }
        block = []
        continue
      }
      if !block.isEmpty, TypedNumber.strip(String(line)) != nil {
        blocks.append((block, start))
        block = []
      }
      if block.isEmpty { start = offset + 1 }
      block.append(line)
    }
    if !block.isEmpty { blocks.append((block, start)) }
    var lines: [DraftLine] = []
    for (block, line) in blocks {
      let joined = block.joined(separator: " ")
      let place = "line \(line)"
      if block.count == 1, isHeadingLike(joined) {
        let isTitle = lines.isEmpty && !DraftStructure.isPreambleHeading(joined)
        lines.append(DraftLine(kind: isTitle ? .title : .heading(level: 1), text: joined, place: place))
      } else {
        lines.append(DraftLine(kind: .plain, text: joined, place: place))
      }
    }
    return lines
  }

  // MARK: - Markdown pieces

  private static func atxHeading(_ line: Substring) -> (level: Int, text: String)? {
    let hashes = line.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count) else { return nil }
    let rest = line.dropFirst(hashes.count)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingSpaces
    while text.hasSuffix("#") { text = text.dropLast() }
    return (hashes.count, String(text.trimmingSpaces))
  }

  private static func listItem(_ line: Substring) -> (text: String, numbered: Bool)? {
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if (1...9).contains(digits.count) {
      let rest = line.dropFirst(digits.count)
      if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
        return (String(rest.dropFirst(2).trimmingSpaces), true)
      }
      return nil
    }
    if let mark = line.first, "-*+".contains(mark), line.dropFirst().first == " " {
      return (String(line.dropFirst(2).trimmingSpaces), false)
    }
    return nil
  }

  /// Emphasis, strong, code spans, links and backslash escapes reduced to their text.
  static func inline(_ text: String) -> String {
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      switch character {
      case "\\"
      where next < text.endIndex && text[next].isPunctuation || next < text.endIndex && text[next].isSymbol:
        result.append(text[next])
        index = text.index(after: next)
        continue
      case "*", "`":
        break
      case "_":
        let before = result.last
        let after = next < text.endIndex ? text[next] : nil
        if (before?.isLetter ?? false) && (after?.isLetter ?? false) { result.append(character) }
      case "[":
        if let close = text[next...].firstIndex(of: "]"), text.index(after: close) < text.endIndex,
          text[text.index(after: close)] == "(", let end = text[close...].firstIndex(of: ")")
        {
          result += inline(String(text[next..<close]))
          index = text.index(after: end)
          continue
        }
        result.append(character)
      default:
        result.append(character)
      }
      index = next
    }
    return WordParagraph.clean(result)
  }

  private static func markTitle(_ lines: [DraftLine]) -> [DraftLine] {
    let topLevel = lines.filter { $0.kind == .heading(level: 1) }.count
    let hasSecond = lines.contains { $0.kind == .heading(level: 2) }
    guard let first = lines.first, first.kind == .heading(level: 1), topLevel == 1, hasSecond else {
      return lines
    }
    var result = lines
    result[0].kind = .title
    return result
  }

  private static func isHeadingLike(_ line: String) -> Bool {
    guard line.count <= 80, TypedNumber.strip(line) == nil, let last = line.last else { return false }
    return !".,;:!?。，；：".contains(last)
  }
}

extension Substring {
  var trimmingSpaces: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}
