/// A piece of clause text the word diff compares: a word, a run of white space, one mark of
/// punctuation, one Han (or kana) character, or the `<parties/>` placeholder.
///
/// Tokens cover their text without gaps, so joining them gives the text back byte for byte.
struct Token: Hashable, Sendable {
  enum Kind: UInt8, Hashable, Sendable {
    /// Letters and digits of scripts that separate words with spaces (Latin, Cyrillic, …),
    /// with their combining marks and inner apostrophes ("People’s").
    case word
    case space
    /// One punctuation mark or symbol ("," "«" "–" "，").
    case punctuation
    /// One character of a script written without spaces (Han, kana): compared one by one.
    case ideograph
    /// `<parties/>`, where the subject of the paragraph goes.
    case parties
  }

  var kind: Kind
  /// Byte offsets in the UTF-8 text.
  var range: Range<Int>

  var isSpace: Bool { kind == .space }
}

/// Splits clause text into tokens, reading UTF-8 bytes and decoding scalars by hand: no
/// `Character` or grapheme breaking, which NOTES.md measured at 8x the cost.
enum Tokenizer {
  static let partiesPlaceholder = Array("<parties/>".utf8)

  /// The tokens of `text` (in `ClauseText.source` form). Linear in the text's length.
  static func tokens(of text: String) -> [Token] {
    var text = text
    return text.withUTF8 { tokens(of: $0) }
  }

  static func tokens(of bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 4)
    var index = 0
    while index < bytes.count {
      let (scalar, length) = decode(bytes, at: index)
      let end = index + length
      if scalar == 0x3C, startsWithPlaceholder(bytes, at: index) {
        tokens.append(Token(kind: .parties, range: index..<(index + partiesPlaceholder.count)))
        index += partiesPlaceholder.count
        continue
      }
      let kind = classify(scalar)
      switch kind {
      case .mark:
        // A combining mark belongs to whatever it follows.
        if let last = tokens.indices.last {
          tokens[last].range = tokens[last].range.lowerBound..<end
        } else {
          tokens.append(Token(kind: .punctuation, range: index..<end))
        }
      case .letter:
        if let last = tokens.indices.last, tokens[last].kind == .word,
          tokens[last].range.upperBound == index
        {
          tokens[last].range = tokens[last].range.lowerBound..<end
        } else {
          tokens.append(Token(kind: .word, range: index..<end))
        }
      case .space:
        if let last = tokens.indices.last, tokens[last].kind == .space {
          tokens[last].range = tokens[last].range.lowerBound..<end
        } else {
          tokens.append(Token(kind: .space, range: index..<end))
        }
      case .apostrophe:
        // Inside a word ("People’s", "don't") it is part of it; elsewhere punctuation.
        if let last = tokens.indices.last, tokens[last].kind == .word, end < bytes.count,
          classify(decode(bytes, at: end).scalar) == .letter
        {
          tokens[last].range = tokens[last].range.lowerBound..<end
        } else {
          tokens.append(Token(kind: .punctuation, range: index..<end))
        }
      case .ideograph:
        tokens.append(Token(kind: .ideograph, range: index..<end))
      case .punctuation:
        tokens.append(Token(kind: .punctuation, range: index..<end))
      }
      index = end
    }
    return tokens
  }

  // MARK: - Scalars

  enum ScalarClass: Equatable {
    case letter, space, mark, apostrophe, ideograph, punctuation
  }

  /// The scalar at `index` and its length in bytes. The text comes from a Swift `String`, so it
  /// is valid UTF-8.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    func continuation(_ offset: Int) -> UInt32 {
      index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
    }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
    if lead < 0xF0 {
      return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
    }
    return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
  }

  static func classify(_ value: UInt32) -> ScalarClass {
    switch value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .letter
    case 0x09, 0x0A, 0x0D, 0x20: return .space
    case 0x27, 0x2019: return .apostrophe
    case 0..<0x80: return .punctuation
    // Cyrillic letters and Latin-1 letters: the common cases, without a property lookup.
    case 0x0400...0x0481, 0x048A...0x052F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .letter
    // Han (the common blocks) and kana, written without spaces: one token a character.
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x3040...0x30FF, 0x31F0...0x31FF:
      return .ideograph
    // CJK and general punctuation, quotation marks and dashes.
    case 0x3001...0x3004, 0x3008...0x3011, 0x3014...0x301F, 0xFF01...0xFF0F, 0xFF1A...0xFF20,
      0x2010...0x2018, 0x201A...0x201F, 0x2026:
      return .punctuation
    default: break
    }
    guard let scalar = Unicode.Scalar(value) else { return .punctuation }
    let properties = scalar.properties
    if properties.isIdeographic { return .ideograph }
    if properties.isWhitespace { return .space }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return .mark
    default: break
    }
    if properties.isAlphabetic || properties.numericType != nil { return .letter }
    return .punctuation
  }

  private static func startsWithPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    guard index + partiesPlaceholder.count <= bytes.count else { return false }
    for offset in 0..<partiesPlaceholder.count
    where bytes[index + offset] != partiesPlaceholder[offset] {
      return false
    }
    return true
  }
}
