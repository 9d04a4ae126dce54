/// Two texts as tokens, and the minimal edit script between them: the word diff's core,
/// shared by `concord diff`, the exports' redlines and the merger's consolidation.
struct TokenDiff {
  let oldBytes: [UInt8]
  let newBytes: [UInt8]
  let oldTokens: [Token]
  let newTokens: [Token]
  let oldIDs: [Int]
  let newIDs: [Int]
  /// Stable, and minimal within `WordDiff`'s budget: O((N+M)·D) for N and M tokens and D
  /// differences while it lasts, O(N + M) past it (see `WordDiff`).
  let script: [Edit]

  init(from old: String, to new: String) {
    oldBytes = Array(old.utf8)
    newBytes = Array(new.utf8)
    oldTokens = oldBytes.withUnsafeBufferPointer { Tokenizer.tokens(of: $0) }
    newTokens = newBytes.withUnsafeBufferPointer { Tokenizer.tokens(of: $0) }
    var ids: [TokenBytes: Int] = [:]
    ids.reserveCapacity(oldTokens.count + newTokens.count)  // never rehashed as it fills
    func intern(_ tokens: [Token], _ bytes: [UInt8]) -> [Int] {
      tokens.map { token in
        let key = TokenBytes(bytes: bytes[token.range])
        if let id = ids[key] { return id }
        let id = ids.count
        ids[key] = id
        return id
      }
    }
    oldIDs = intern(oldTokens, oldBytes)
    newIDs = intern(newTokens, newBytes)
    script = WordDiff.script(from: oldIDs, to: newIDs)
  }

  /// The byte offset in the old text where old token position `position` starts.
  func oldOffset(_ position: Int) -> Int {
    position < oldTokens.count ? oldTokens[position].range.lowerBound : oldBytes.count
  }

  /// The bytes of new tokens `positions`.
  func newBytes(_ positions: Range<Int>) -> ArraySlice<UInt8> {
    guard let first = positions.first, let last = positions.last else { return [] }
    return newBytes[newTokens[first].range.lowerBound..<newTokens[last].range.upperBound]
  }
}
