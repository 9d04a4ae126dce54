import Foundation

extension EditedCopy {
  /// What a paragraph of the copy is.
  enum Role {
    case title
    case heading(section: String?)
    case paragraph(Int)
    case option(Int, OptionReference)
    case new
    case empty
  }

  mutating func read() throws {
    let pieces = acceptedPieces()
    var roles = try pieces.map(role)
    var matched = Set(roles.compactMap { if case .paragraph(let index) = $0 { index } else { nil } })
    matchLostMarks(pieces, &roles, &matched)
    try checkNotScrambled(pieces, roles)
    reportMoves(roles)
    let gone = paragraphs.indices.filter { !matched.contains($0) }.map { paragraphs[$0].id }
    var taken = Set(gone)
    var anchor: String? = declaration.sections.first?.id
    var inserted = 0
    var seenComments: Set<String> = []
    for (piece, role) in zip(pieces, roles) {
      var target: String?
      var option = OptionReference.current
      switch role {
      case .title:
        break
      case .heading(let section):
        if let section { anchor = section }
      case .empty:
        target = piece.marks.compactMap { if case .paragraph(_, let id) = $0 { id } else { nil } }.first
      case .paragraph(let index):
        let paragraph = paragraphs[index]
        anchor = paragraph.id
        target = paragraph.id
        if let text = amendment(piece, paragraph) {
          add(Stance(paragraph: paragraph.id, action: .amend([language: text]), location: place(piece)))
          taken.insert(paragraph.id)
        }
      case .option(let index, let reference):
        target = paragraphs[index].id
        option = reference
      case .new:
        inserted += 1
        let id = "\(participant.lowercased())-\(round)-\(inserted)"
        let text = DraftStructure.clauseText(
          strip(piece, open: false), subject: declaration.settings.subject(in: language))
        add(
          Stance(
            paragraph: id, action: .insert(after: anchor ?? id, texts: [language: text]),
            location: place(piece)))
        taken.insert(id)
        target = id
      }
      addComments(of: piece, on: target, option: option, taken: &taken, seen: &seenComments)
    }
    for id in gone {
      stances.append(Stance(paragraph: id, action: .delete, location: SourceLocation(file: path)))
    }
  }

  /// The piece's comments on `target`: a keyword comment as its stance while the paragraph has
  /// none, any other as a comment.
  private mutating func addComments(
    of piece: Piece, on target: String?, option: OptionReference, taken: inout Set<String>,
    seen seenComments: inout Set<String>
  ) {
    for commentID in piece.comments where !seenComments.contains(commentID) {
      seenComments.insert(commentID)
      guard let comment = comments[commentID] else { continue }
      let text = comment.text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { continue }
      guard let target else {
        notes.append(
          "\(path): warning: comment “\(excerpt(text))” is on the title or a heading, not on a paragraph: left out"
        )
        continue
      }
      if let stance = StanceKeywords.stance(
        in: text, paragraph: target, defaultOption: option, at: place(piece))
      {
        if let missing = missingOption(of: stance) {
          notes.append(
            "\(path): warning: comment “\(excerpt(text))” on \(target) names option \(missing), which it does not have in Rev.\(declaration.revision): kept as a comment"
          )
        } else if !taken.contains(target) {
          add(stance)
          taken.insert(target)
          continue
        } else {
          notes.append(
            "\(path): warning: comment “\(excerpt(text))” on \(target) would be a second stance on it: kept as a comment"
          )
        }
      }
      add(Stance(paragraph: target, action: .comment(text), location: place(piece)))
    }
  }

  private mutating func add(_ stance: Stance) { stances.append(stance) }

  /// The option a keyword stance names that its paragraph does not have (a new paragraph has
  /// only its own text, option 1).
  private func missingOption(of stance: Stance) -> OptionReference? {
    let reference: OptionReference
    switch stance.action {
    case .support(let option), .dissociate(let option), .withdraw(let option), .reserve(let option, _):
      reference = option
    default: return nil
    }
    guard let paragraph = places[stance.paragraph].map({ paragraphs[$0] }) else {
      return reference == .current ? nil : reference
    }
    return paragraph.option(reference) == nil ? reference : nil
  }

  private func place(_ piece: Piece) -> SourceLocation { SourceLocation(file: path) }

  private func role(of piece: Piece) throws -> Role {
    let paragraph = piece.paragraph
    if package.styles.isTitle(paragraph.style) { return .title }
    if package.headingLevel(of: paragraph) != nil {
      return .heading(
        section: piece.marks.compactMap { if case .section(_, let id) = $0 { id } else { nil } }.first)
    }
    var ids: [String] = []
    for mark in piece.marks {
      switch mark {
      case .paragraph(_, let id), .option(_, _, let id):
        guard places[id] != nil else {
          throw refusal(
            "marks a paragraph \"\(id)\" that Rev.\(declaration.revision) does not have: its ids are scrambled"
          )
        }
        if case .paragraph = mark { ids.append(id) }
      case .section: break
      }
    }
    if piece.text.isEmpty { return .empty }
    if let id = ids.first, let index = places[id] { return .paragraph(index) }
    for case .option(_, let reference, let id) in piece.marks {
      if let index = places[id] { return .option(index, reference) }
    }
    return .new
  }

  func refusal(_ message: String) -> DiagnosticsError {
    DiagnosticsError(Diagnostic(file: path, message: message))
  }

  /// Paragraphs that lost their mark (copied, retyped) matched by their text: the same text,
  /// or failing that the most alike of the paragraphs still unmatched (at least 70% of words).
  private func matchLostMarks(_ pieces: [Piece], _ roles: inout [Role], _ matched: inout Set<Int>) {
    var unmatched: [String: Int] = [:]
    for index in paragraphs.indices.reversed() where !matched.contains(index) {
      unmatched[WordParagraph.clean(expected(paragraphs[index]))] = index
    }
    // The paragraphs' words, indexed when a piece first needs them.
    var likeness: WordLikeness?
    for (offset, role) in roles.enumerated() {
      guard case .new = role else { continue }
      let text = strip(pieces[offset], open: false)
      if let index = unmatched[text], !matched.contains(index) {
        roles[offset] = .paragraph(index)
        matched.insert(index)
        continue
      }
      let index =
        likeness
        ?? WordLikeness(
          paragraphs.indices.filter { !matched.contains($0) }.map { ($0, expected(paragraphs[$0])) })
      likeness = index
      if let best = index.best(for: text, atLeast: 0.7, excluding: matched) {
        roles[offset] = .paragraph(best.0)
        matched.insert(best.0)
      }
    }
  }

  /// Marks moved between paragraphs wholesale: most marked texts unlike their paragraph.
  private func checkNotScrambled(_ pieces: [Piece], _ roles: [Role]) throws {
    var marked = 0
    var unlike = 0
    for (piece, role) in zip(pieces, roles) {
      guard case .paragraph(let index) = role, !piece.marks.isEmpty else { continue }
      marked += 1
      if Self.similarity(
        strip(piece, open: paragraphs[index].isOpenForCopy),
        expected(paragraphs[index])) < 0.2
      {
        unlike += 1
      }
    }
    if unlike >= 3, unlike * 2 >= marked {
      throw refusal(
        "\(unlike) of its \(marked) marked paragraphs bear no likeness to the paragraphs their ids name: its ids are scrambled (edit a fresh copy of Rev.\(declaration.revision))"
      )
    }
  }

  /// Paragraphs out of their revision's order: those off a longest increasing subsequence.
  private mutating func reportMoves(_ roles: [Role]) {
    let order = roles.compactMap { if case .paragraph(let index) = $0 { index } else { nil } }
    let kept = Set(LongestIncreasing.subsequence(order))
    for index in order where !kept.contains(index) {
      notes.append(
        "\(path): warning: paragraph \(paragraphs[index].id) was moved; positions have no move stance (SPEC §3), so the move is not proposed: propose it as a delete and an insert"
      )
    }
  }

  // MARK: - Texts

  /// The paragraph's text as the copy showed it: option 1 with the subject rendered.
  func expected(_ paragraph: Paragraph) -> String {
    guard let current = paragraph.current else { return "" }
    return declaration.renderedText(of: paragraph, option: current, in: language).text
  }

  /// The new text of an amended paragraph; nil when it did not change.
  private func amendment(_ piece: Piece, _ paragraph: Paragraph) -> ClauseText? {
    let text = strip(piece, open: paragraph.isOpenForCopy)
    guard text != WordParagraph.clean(expected(paragraph)) else { return nil }
    let opensWithParties = paragraph.current?.text(in: language)?.segments.first == .parties
    let subject = opensWithParties ? declaration.subject(of: paragraph, in: language) : nil
    return DraftStructure.clauseText(text, subject: subject)
  }

  /// The copy's text without what the export added: the number, and an open paragraph's
  /// bracket and option label.
  func strip(_ piece: Piece, open: Bool) -> String {
    var text = piece.text
    if let rest = TypedNumber.strip(text) { text = rest }
    if open {
      if text.hasPrefix("[") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
      let label = WordParagraph.clean(piece.paragraph.italicPrefix)
      if !label.isEmpty, text.hasPrefix(label) { text = String(text.dropFirst(label.count)) }
      if text.hasSuffix("]") { text = String(text.dropLast()) }
    }
    return WordParagraph.clean(text)
  }

  private func excerpt(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }

  /// Shared words over the longer text's words (Han characters count one each): 0 to 1.
  static func similarity(_ a: String, _ b: String) -> Double { WordLikeness.likeness(a, b) }
}

extension Paragraph {
  /// Shown in brackets with option labels in a circulated copy.
  var isOpenForCopy: Bool { status == .open }
}

/// Patience sorting: a longest strictly increasing subsequence of `values`, O(n log n).
enum LongestIncreasing {
  static func subsequence(_ values: [Int]) -> [Int] {
    var tails: [Int] = []
    var tailIndex: [Int] = []
    var previous = [Int](repeating: -1, count: values.count)
    for (index, value) in values.enumerated() {
      var low = 0
      var high = tails.count
      while low < high {
        let middle = (low + high) / 2
        if tails[middle] < value { low = middle + 1 } else { high = middle }
      }
      if low > 0 { previous[index] = tailIndex[low - 1] }
      if low == tails.count {
        tails.append(value)
        tailIndex.append(index)
      } else {
        tails[low] = value
        tailIndex[low] = index
      }
    }
    var result: [Int] = []
    var cursor = tailIndex.last ?? -1
    while cursor >= 0 {
      result.append(values[cursor])
      cursor = previous[cursor]
    }
    return result.reversed()
  }
}
