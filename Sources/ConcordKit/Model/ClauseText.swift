/// The text of a clause or option in one language: plain text with `<parties/>` placeholders,
/// where the subject of the paragraph ("The Member States", or the states that join it) goes.
public struct ClauseText: Hashable, Sendable {
  public enum Segment: Hashable, Sendable {
    case text(String)
    case parties
  }

  public var segments: [Segment]

  public init(_ segments: [Segment]) { self.segments = ClauseText.normalized(segments) }

  /// Plain text, with no placeholder.
  public init(plain: String) { self.init([.text(plain)]) }

  public var hasParties: Bool { segments.contains(.parties) }

  /// Whether it says nothing: no character but white space outside `<parties/>`.
  public var isBlank: Bool {
    segments.allSatisfy { segment in
      guard case .text(let string) = segment else { return true }
      return string.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
  }

  /// The text with each placeholder replaced by `subject`. A subject that opens the
  /// paragraph is capitalised ("the Republic of Belarus" → "The Republic of Belarus").
  /// `subject` is made only for a text with a placeholder, and once.
  public func rendered(subject: @autoclosure () -> String) -> String {
    // Most texts are one run of words: that run, not a copy of it.
    if segments.count == 1, case .text(let string) = segments[0] { return string }
    var result = ""
    var made: String?
    for segment in segments {
      switch segment {
      case .text(let string): result += string
      case .parties:
        let subject = made ?? subject()
        made = subject
        let atStart = result.allSatisfy(\.isWhitespace)
        result += atStart ? subject.capitalizingFirstLetter : subject
      }
    }
    return result
  }

  /// The text with each placeholder spelled `<parties/>`: the form the word diff compares,
  /// so a change of subject never counts as a change of wording.
  public var source: String {
    segments.map {
      switch $0 {
      case .text(let string): string
      case .parties: "<parties/>"
      }
    }.joined()
  }

  /// Reads the `source` form back: `<parties/>` becomes a placeholder again.
  public init(source: String) {
    var segments: [Segment] = []
    var rest = Substring(source)
    while let range = rest.range(of: "<parties/>") {
      segments.append(.text(String(rest[..<range.lowerBound])))
      segments.append(.parties)
      rest = rest[range.upperBound...]
    }
    segments.append(.text(String(rest)))
    self.init(segments)
  }

  /// Adjacent text runs merged, empty ones dropped, surrounding white space trimmed and
  /// inner runs of white space folded to one space.
  private static func normalized(_ segments: [Segment]) -> [Segment] {
    if isNormalized(segments) { return segments }
    var merged: [Segment] = []
    for segment in segments {
      if case .text(let string) = segment, case .text(let previous)? = merged.last {
        merged[merged.count - 1] = .text(previous + string)
      } else {
        merged.append(segment)
      }
    }
    var result: [Segment] = []
    for (index, segment) in merged.enumerated() {
      guard case .text(let string) = segment else {
        result.append(segment)
        continue
      }
      var folded = string.foldingWhitespace
      // Folded, the text has at most one space at either end.
      if index == 0, folded.first == " " { folded.removeFirst() }
      if index == merged.count - 1, folded.last == " " { folded.removeLast() }
      if !folded.isEmpty { result.append(.text(folded)) }
    }
    return result
  }
}

extension ClauseText {
  /// Whether the segments are already as `normalized` leaves them (how a revision Concord wrote
  /// reads back): no adjacent or empty texts, no space at either end, nothing to fold.
  private static func isNormalized(_ segments: [Segment]) -> Bool {
    for (index, segment) in segments.enumerated() {
      guard case .text(let text) = segment else { continue }
      if text.isEmpty || text.needsFolding { return false }
      if index > 0, case .text = segments[index - 1] { return false }
      if index == 0, text.utf8.first == UInt8(ascii: " ") { return false }
      if index == segments.count - 1, text.utf8.last == UInt8(ascii: " ") { return false }
    }
    return true
  }
}

extension String {
  var capitalizingFirstLetter: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }

  /// Every run of white space as one space. The loader calls it on every text it reads, so
  /// it first checks whether anything needs folding and returns the string untouched if not.
  var foldingWhitespace: String {
    guard needsFolding else { return self }
    var result = String.UnicodeScalarView()
    var inSpace = false
    for scalar in unicodeScalars {
      if scalar.isFoldableWhitespace {
        if !inSpace { result.append(" ") }
        inSpace = true
      } else {
        result.append(scalar)
        inSpace = false
      }
    }
    return String(result)
  }
}

extension String {
  /// Whether the text has white space other than single spaces. Eight bytes at a time while
  /// none of them can matter (no control byte, no two spaces in a row, no lead byte of a
  /// multi-byte white space: C2, E1, E2, E3); byte by byte only where one might.
  fileprivate var needsFolding: Bool {
    var copy = self
    return copy.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      var previousWasSpace = false
      var index = 0
      while index < bytes.count {
        if index + 8 <= bytes.count {
          let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
          let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
          let quiet =
            zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0) == 0 && spaces & (spaces >> 8) == 0
            && !(previousWasSpace && spaces & 0x80 != 0)
            && zeroBytes(word ^ 0xC2C2_C2C2_C2C2_C2C2) | zeroBytes(word ^ 0xE1E1_E1E1_E1E1_E1E1)
              | zeroBytes(word ^ 0xE2E2_E2E2_E2E2_E2E2) | zeroBytes(word ^ 0xE3E3_E3E3_E3E3_E3E3) == 0
          if quiet {
            previousWasSpace = spaces >> 63 != 0
            index += 8
            continue
          }
        }
        let end = min(index + 8, bytes.count)
        while index < end {
          let byte = bytes[index]
          index += 1
          if byte < 0x80 {
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if space && (previousWasSpace || byte != 0x20) { return true }
            previousWasSpace = space
            continue
          }
          previousWasSpace = false
          if let scalar = scalar(leadBy: byte, in: bytes, after: index), scalar.isFoldableWhitespace {
            return true
          }
        }
      }
      return false
    }
  }
}

/// The scalar that a two- or three-byte lead (C2, E1–E3) begins, its continuation bytes
/// starting at `index`; nil for any other byte.
private func scalar(leadBy lead: UInt8, in bytes: UnsafeBufferPointer<UInt8>, after index: Int)
  -> Unicode.Scalar?
{
  switch lead {
  case 0xC2 where index < bytes.count:
    return Unicode.Scalar((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index] & 0x3F))
  case 0xE1...0xE3 where index + 1 < bytes.count:
    return Unicode.Scalar(
      (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index] & 0x3F) << 6) | UInt32(bytes[index + 1] & 0x3F))
  default:
    return nil
  }
}

extension Unicode.Scalar {
  /// Unicode's White_Space set, by value (faster than a property lookup).
  var isFoldableWhitespace: Bool {
    switch value {
    case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }
}
