import Foundation

/// Equality by bytes, for the differ's first question about every paragraph: did anything
/// change at all?
///
/// `String ==` compares by canonical equivalence, which for Cyrillic and Han text takes the
/// slow, normalising path; profiled on 10,000 paragraphs in three languages it was most of the
/// diff's time. Revisions are written in one normal form, and a change of bytes is a change
/// the diff should show, so the differ compares bytes: linear in the texts' length, with no
/// allocation.
extension String {
  func hasSameBytes(as other: String) -> Bool {
    let count = utf8.count
    guard count == other.utf8.count else { return false }
    let fast = utf8.withContiguousStorageIfAvailable { mine in
      other.utf8.withContiguousStorageIfAvailable { theirs in
        sameMemory(UnsafeRawBufferPointer(mine), UnsafeRawBufferPointer(theirs))
      }
    }
    return (fast ?? nil) ?? utf8.elementsEqual(other.utf8)
  }
}

/// A token's bytes as a dictionary key: hashed in one call and compared with `memcmp`, not
/// byte by byte as `ArraySlice` does.
struct TokenBytes: Hashable {
  var bytes: ArraySlice<UInt8>

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  static func == (lhs: TokenBytes, rhs: TokenBytes) -> Bool {
    lhs.bytes.count == rhs.bytes.count
      && lhs.bytes.withUnsafeBytes { a in rhs.bytes.withUnsafeBytes { b in sameMemory(a, b) } }
  }
}

/// Two buffers of the same length hold the same bytes.
private func sameMemory(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
  guard a.count == b.count else { return false }
  guard let first = a.baseAddress, let second = b.baseAddress else { return a.count == 0 }
  return memcmp(first, second, a.count) == 0
}

extension ClauseText {
  func hasSameBytes(as other: ClauseText) -> Bool {
    guard segments.count == other.segments.count else { return false }
    for (mine, theirs) in zip(segments, other.segments) {
      switch (mine, theirs) {
      case (.parties, .parties): continue
      case (.text(let a), .text(let b)) where a.hasSameBytes(as: b): continue
      default: return false
      }
    }
    return true
  }
}

/// The same languages, each with the same bytes.
func haveSameBytes(_ mine: [String: ClauseText], _ theirs: [String: ClauseText]) -> Bool {
  guard mine.count == theirs.count else { return false }
  for (language, text) in mine {
    guard let other = theirs[language], text.hasSameBytes(as: other) else { return false }
  }
  return true
}

extension Option {
  func hasSameBytes(as other: Option) -> Bool {
    reference == other.reference && round == other.round && sponsors == other.sponsors
      && combines == other.combines && haveSameBytes(texts, other.texts)
  }
}

/// The same options in the same order.
func haveSameBytes(_ mine: [Option], _ theirs: [Option]) -> Bool {
  mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.hasSameBytes(as: $1) }
}
