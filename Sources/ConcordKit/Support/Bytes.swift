/// 0x80 in each byte of `word` that is zero, 0 in every other: exact, no carries between
/// bytes. With `word ^ 0x2626…`, the bytes that are `&`: how a text is scanned eight bytes
/// at a time for the few bytes that matter.
func zeroBytes(_ word: UInt64) -> UInt64 {
  let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  return ~(((word & low) &+ low) | word | low)
}
