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
        if gap == 1 { line.append(" ") }
        line.append(contentsOf: text[unit.range])
        used += gap + unit.width
        hasContent = true
        continue
      }
      if hasContent { newLine() }
      if used + unit.width <= width {
        line.append(contentsOf: text[unit.range])
        used += unit.width
        hasContent = true
        continue
      }
      // Longer than a whole line: cut it where the line is full.
      for character in String(text[unit.range]) {
        let columns = Self.columns(of: character)
        if hasContent, used + columns > width { newLine() }
        line.append(character)
        used += columns
        hasContent = true
      }
    }
    if hasContent || lines.isEmpty { lines.append(line) }
    return lines.map(Self.trimmingTrailingSpaces)
  }

  /// Terminal columns: 2 for East Asian wide and full-width characters, 0 for combining marks.
  static func columns(of text: String) -> Int {
    var total = 0
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      total += continues(scalar, after: previous) ? 0 : columns(of: scalar)
      previous = scalar
    }
    return total
  }

  static func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    return columns(of: scalar)
  }

  /// A character's columns, read from its first scalar.
  private static func columns(of scalar: Unicode.Scalar) -> Int {
    if scalar.value < 0x80 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return isWide(scalar) ? 2 : 1
    }
  }

  private static func trimmingTrailingSpaces(_ line: String) -> String {
    let spaces = line.utf8.reversed().prefix { $0 == UInt8(ascii: " ") }.count
    return spaces == 0 ? line : String(decoding: line.utf8.dropLast(spaces), as: UTF8.self)
  }

  // MARK: - Units that may not be broken

  /// A run of the text that may not be broken, as the range of its scalars (no string is
  /// made a unit: a line is made by copying runs of the text).
  private struct Unit {
    var range: Range<String.Index>
    var width: Int
    var spaceBefore: Bool
  }

  /// Read scalar by scalar (a character's further scalars — combining marks, joiners,
  /// variation selectors — stay with it and take no columns): linear, with no grapheme
  /// breaking and no string comparisons.
  private static func units(of text: String) -> [Unit] {
    var units: [Unit] = []
    var spacePending = false
    var canExtend = false
    var glueNext = false
    var previous: Unicode.Scalar?
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      defer {
        previous = scalar
        index = next
      }
      // A unit only ever grows by the scalar right after it.
      func extendLast() { units[units.count - 1].range = units[units.count - 1].range.lowerBound..<next }
      if !units.isEmpty, !spacePending, continues(scalar, after: previous) {
        extendLast()
        continue
      }
      if isWhitespace(scalar) {
        spacePending = !units.isEmpty
        canExtend = false
        glueNext = false
        continue
      }
      let columns = columns(of: scalar)
      let isWide = columns == 2
      if closing.contains(scalar.value), !spacePending, !units.isEmpty {
        extendLast()
        units[units.count - 1].width += columns
        canExtend = !isWide
      } else if glueNext || (canExtend && !isWide && !spacePending) {
        extendLast()
        units[units.count - 1].width += columns
        canExtend = !isWide
        glueNext = false
      } else {
        units.append(Unit(range: index..<next, width: columns, spaceBefore: spacePending))
        canExtend = !isWide
      }
      if opening.contains(scalar.value) { glueNext = true }
      spacePending = false
    }
    return units
  }

  /// Whether a scalar belongs to the character before it rather than starting one: a
  /// combining mark, a joiner or variation selector, or what follows a zero-width joiner.
  private static func continues(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
    guard let previous, scalar.value >= 0x300 else { return false }
    if previous.value == 0x200D { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    case .format: return scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
    default: return (0xE0100...0xE01EF).contains(scalar.value)
    }
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09...0x0D: return true
    case 0..<0x80: return false
    default: return scalar.properties.isWhitespace
    }
  }

  /// Never at the start of a line.
  private static let closing: Set<UInt32> = Set(
    "，。、；：？！）」』】〕》〉”’…・％．".unicodeScalars.map(\.value))
  /// Never at the end of a line.
  private static let opening: Set<UInt32> = Set("（「『【〔《〈“‘".unicodeScalars.map(\.value))

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
