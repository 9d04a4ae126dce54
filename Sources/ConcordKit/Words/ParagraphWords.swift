/// The word-level comparison of one paragraph's text in one language.
///
/// Texts are compared in their source form, where `<parties/>` is one token, so a change of
/// joiners never shows as a change of wording; the pieces are then rendered with each side's
/// own subject (a placeholder kept while the subject changed reads as the old subject deleted
/// and the new one inserted).
///
/// Cost: linear in the texts' length to tokenise, intern and make hunks readable, plus the word
/// diff's O((N+M)D), which its budget bounds by O(N + M) plus a constant; identical texts with
/// the same subject cost one string comparison.
enum ParagraphWords {
  /// One side of the comparison.
  struct Side {
    /// A clause text, with placeholders; nil for plain text.
    var clause: ClauseText?
    /// Plain text, compared and given back exactly as it is (when `clause` is nil).
    var plain: String = ""
    /// What `<parties/>` stands for on this side.
    var subject: String = ""
    /// The language the text is in (the base language's, where a translation is pending).
    var language: String

    init(clause: ClauseText, subject: String, language: String) {
      self.clause = clause
      self.subject = subject
      self.language = language
    }

    init(plain: String) {
      self.plain = plain
      self.language = ""
    }

    /// `ClauseText.source`, or the plain text.
    var source: String { clause?.source ?? plain }

    var rendered: String { clause?.rendered(subject: subject) ?? plain }

    func hasSameText(as other: Side) -> Bool {
      if let clause, let theirs = other.clause { return clause.hasSameBytes(as: theirs) }
      return clause == nil && other.clause == nil && plain.hasSameBytes(as: other.plain)
    }
  }

  static func edits(old: Side?, new: Side?) -> [WordEdit] {
    switch (old, new) {
    case (nil, nil): return []
    case (let old?, nil): return whole(.delete, old)
    case (nil, let new?): return whole(.insert, new)
    case (let old?, let new?):
      if old.hasSameText(as: new), old.subject == new.subject || old.clause?.hasParties != true {
        return whole(.equal, new)
      }
      if old.language != new.language {
        // A translation replaced by the base-language stand-in, or the other way round: words
        // of two languages have nothing to align.
        return whole(.delete, old) + whole(.insert, new)
      }
      return compared(old, new)
    }
  }

  /// Word by word edits between two plain texts (already rendered), which give both texts
  /// back exactly: what the redline exports use.
  static func edits(from old: String, to new: String) -> [WordEdit] {
    edits(old: Side(plain: old), new: Side(plain: new))
  }

  // MARK: - Comparing

  private static func compared(_ old: Side, _ new: Side) -> [WordEdit] {
    if old.hasSameText(as: new) {
      // The same words under another subject (who joins changed): every token is kept, so
      // there is no script to find; only the placeholders read differently.
      let bytes = Array(new.source.utf8)
      let tokens = bytes.withUnsafeBufferPointer { Tokenizer.tokens(of: $0) }
      return rendered(
        tokens.isEmpty ? [] : [Edit(operation: .equal, old: tokens.indices, new: tokens.indices)],
        sameSubject: false, old: RenderedTokens(tokens: tokens, bytes: bytes, subject: old.subject),
        new: RenderedTokens(tokens: tokens, bytes: bytes, subject: new.subject))
    }
    let diff = TokenDiff(from: old.source, to: new.source)
    let script = Hunks.readable(
      diff.script, old: diff.oldTokens, new: diff.newTokens, oldIDs: diff.oldIDs, newIDs: diff.newIDs)
    return rendered(
      script, sameSubject: old.subject == new.subject,
      old: RenderedTokens(
        tokens: diff.oldTokens, bytes: diff.oldBytes, subject: old.clause == nil ? nil : old.subject),
      new: RenderedTokens(
        tokens: diff.newTokens, bytes: diff.newBytes, subject: new.clause == nil ? nil : new.subject))
  }

  /// The pieces of an edit script, each side's tokens rendered with its own subject.
  private static func rendered(
    _ script: [Edit], sameSubject: Bool, old oldText: RenderedTokens, new newText: RenderedTokens
  ) -> [WordEdit] {
    var result: [WordEdit] = []
    for edit in script {
      switch edit.operation {
      case .delete: append(.delete, oldText.text(edit.old), to: &result)
      case .insert: append(.insert, newText.text(edit.new), to: &result)
      case .equal:
        if sameSubject {
          append(.equal, newText.text(edit.new), to: &result)
        } else {
          appendEqual(edit, old: oldText, new: newText, to: &result)
        }
      }
    }
    return normalized(result)
  }

  /// An equal run while the subject changed: placeholders in it become the old subject deleted
  /// and the new one inserted.
  private static func appendEqual(
    _ edit: Edit, old: RenderedTokens, new: RenderedTokens, to result: inout [WordEdit]
  ) {
    var start = 0
    for offset in 0..<edit.new.count where new.tokens[edit.new.lowerBound + offset].kind == .parties {
      let before = start..<offset
      append(
        .equal, new.text((edit.new.lowerBound + before.lowerBound)..<(edit.new.lowerBound + offset)),
        to: &result)
      append(
        .delete, old.text((edit.old.lowerBound + offset)..<(edit.old.lowerBound + offset + 1)), to: &result)
      append(
        .insert, new.text((edit.new.lowerBound + offset)..<(edit.new.lowerBound + offset + 1)), to: &result)
      start = offset + 1
    }
    append(.equal, new.text((edit.new.lowerBound + start)..<edit.new.upperBound), to: &result)
  }

  /// Appends a piece, merging it into the last one when they share an operation.
  private static func append(
    _ operation: WordEdit.Operation, _ text: String, to result: inout [WordEdit]
  ) {
    guard !text.isEmpty else { return }
    if let last = result.last, last.operation == operation {
      result[result.count - 1].text += text
    } else {
      result.append(WordEdit(operation, text))
    }
  }

  /// Each run of changes between two kept pieces as one deletion, then one insertion.
  private static func normalized(_ edits: [WordEdit]) -> [WordEdit] {
    var result: [WordEdit] = []
    var deleted = ""
    var inserted = ""
    func flush() {
      append(.delete, deleted, to: &result)
      append(.insert, inserted, to: &result)
      deleted = ""
      inserted = ""
    }
    for edit in edits {
      switch edit.operation {
      case .delete: deleted += edit.text
      case .insert: inserted += edit.text
      case .equal:
        flush()
        append(.equal, edit.text, to: &result)
      }
    }
    flush()
    return result
  }

  private static func whole(_ operation: WordEdit.Operation, _ side: Side) -> [WordEdit] {
    let text = side.rendered
    return text.isEmpty ? [] : [WordEdit(operation, text)]
  }
}

/// Tokens of one side, turned back into text with `<parties/>` rendered (or left as it is, in
/// plain text).
private struct RenderedTokens {
  var tokens: [Token]
  var bytes: [UInt8]
  var subject: String?

  /// The text of `range` of tokens. A placeholder that opens the paragraph is capitalised, as
  /// `ClauseText.rendered(subject:)` does.
  func text(_ range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    var result = ""
    var spanStart = tokens[range.lowerBound].range.lowerBound
    guard let subject else {
      return String(
        decoding: bytes[
          tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound],
        as: UTF8.self)
    }
    for index in range where tokens[index].kind == .parties {
      result += String(decoding: bytes[spanStart..<tokens[index].range.lowerBound], as: UTF8.self)
      let atStart = tokens[..<index].allSatisfy(\.isSpace)
      result += atStart ? subject.capitalizingFirstLetter : subject
      spanStart = tokens[index].range.upperBound
    }
    result += String(
      decoding: bytes[spanStart..<tokens[range.upperBound - 1].range.upperBound], as: UTF8.self)
    return result
  }
}
