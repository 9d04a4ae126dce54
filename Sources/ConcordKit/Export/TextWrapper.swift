/// Wraps text to a width in terminal columns, with a hanging indent.
///
/// CJK-aware: Han, kana, Hangul and full-width punctuation take two columns, and a line may
/// break before or after any such character, except before closing punctuation (「，」 stays
/// with what it follows) and after opening punctuation (「（」 stays with what it opens). Other
/// scripts break at white space only; a word longer than a line is cut. Greedy, so time is
/// linear in the length of the text.
struct TextWrapper: Sendable {
  let width: Int

  init(width: Int) { self.width = max(width, 8) }

  /// The lines of `text`: the first starts with `firstPrefix`, the others with `restPrefix`.
  func wrap(_ text: String, firstPrefix: String = "", restPrefix: String = "") -> [String] {
    var lines: [String] = []
    var line = firstPrefix
    var used = Self.columns(of: firstPrefix)
    var hasContent = false
    let indent = Self.columns(of: restPrefix)
    func newLine() {
      lines.append(line)
      line = restPrefix
      used = indent
      hasContent = false
    }
    for unit in Self.units(of: text) {
      let gap = hasContent && unit.spaceBefore ? 1 : 0
      if used + gap + unit.width <= width {
        line += (gap == 1 ? " " : "") + unit.text
        used += gap + unit.width
        hasContent = true
        continue
      }
      if hasContent { newLine() }
      if used + unit.width <= width {
        line += unit.text
        used += unit.width
        hasContent = true
        continue
      }
      // Longer than a whole line: cut it where the line is full.
      for character in unit.text {
        let columns = Self.columns(of: character)
        if hasContent, used + columns > width { newLine() }
        line.append(character)
        used += columns
        hasContent = true
      }
    }
    if hasContent || lines.isEmpty { lines.append(line) }
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
  }

  /// Terminal columns: 2 for East Asian wide and full-width characters, 0 for combining marks.
  static func columns(of text: String) -> Int { text.reduce(0) { $0 + columns(of: $1) } }

  static func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return isWide(scalar) ? 2 : 1
    }
  }

  // MARK: - Units that may not be broken

  private struct Unit {
    var text: String
    var width: Int
    var spaceBefore: Bool
  }

  private static func units(of text: String) -> [Unit] {
    var units: [Unit] = []
    var spacePending = false
    var canExtend = false
    var glueNext = false
    for character in text {
      if character.isWhitespace {
        spacePending = !units.isEmpty
        canExtend = false
        glueNext = false
        continue
      }
      let columns = columns(of: character)
      let isWide = columns == 2
      if Self.closing.contains(character), !spacePending, !units.isEmpty {
        units[units.count - 1].text.append(character)
        units[units.count - 1].width += columns
        canExtend = !isWide
      } else if glueNext || (canExtend && !isWide && !spacePending) {
        units[units.count - 1].text.append(character)
        units[units.count - 1].width += columns
        canExtend = !isWide
        glueNext = false
      } else {
        units.append(Unit(text: String(character), width: columns, spaceBefore: spacePending))
        canExtend = !isWide
      }
      if Self.opening.contains(character) { glueNext = true }
      spacePending = false
    }
    return units
  }

  /// Never at the start of a line.
  private static let closing: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "〕", "》", "〉", "”", "’", "…", "・",
    "％", "．",
  ]
  /// Never at the end of a line.
  private static let opening: Set<Character> = ["（", "「", "『", "【", "〔", "《", "〈", "“", "‘"]

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
