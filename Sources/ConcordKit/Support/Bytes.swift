/// 0x80 in each byte of `word` that is zero, 0 in every other: exact, no carries between
/// bytes. With `word ^ 0x2626…`, the bytes that are `&`: how a text is scanned eight bytes
/// at a time for the few bytes that matter.
func zeroBytes(_ word: UInt64) -> UInt64 {
  let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  return ~(((word & low) &+ low) | word | low)
}

/// A few bytes to look for in texts (ASCII, or lead bytes), with their eight-byte patterns.
struct SpecialBytes: Sendable {
  let bytes: [UInt8]
  fileprivate let patterns: [UInt64]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    patterns = bytes.map { UInt64($0) &* 0x0101_0101_0101_0101 }
  }

  /// Whether `text` has a control character (a byte below 0x20) or one of these bytes:
  /// looked for eight bytes at a time, most texts having none.
  func orControl(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      var index = 0
      if let base = utf8.baseAddress {
        while index + 8 <= utf8.count {
          let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
          // A control has its top three bits clear.
          var found = zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0)
          for pattern in patterns { found |= zeroBytes(word ^ pattern) }
          if found != 0 { return true }
          index += 8
        }
      }
      return utf8[index...].contains { $0 < 0x20 || bytes.contains($0) }
    }
  }
}
