extension Declaration {
  /// What changed from this declaration to `newer`.
  public func changes(to newer: Declaration) -> Changes {
    DeclarationDiff.changes(from: self, to: newer)
  }
}

/// Compares two declarations paragraph by paragraph.
///
/// Paragraphs are matched by id, so renumbering is never a change; moves are what the
/// alignment's longest increasing subsequence leaves out. A matched paragraph is compared by
/// equality first: option 1's texts (in source form), then its standing; only paragraphs whose
/// text changed are diffed word by word.
///
/// Time O(n log n + Σ word diffs) for n paragraphs: alignment O(n log n), one comparison per
/// paragraph, and for each changed paragraph and language the word diff's O((N+M)D).
public enum DeclarationDiff {
  /// Either side may be missing (a file git reports as added or deleted): every paragraph of
  /// the other is then added, or deleted.
  public static func changes(from old: Declaration?, to new: Declaration?) -> Changes {
    changes(Placed(old), Placed(new), old: old, new: new)
  }

  /// The same comparison between two revisions read as outlines: a paragraph whose bytes are
  /// the same on both sides is never decoded, so two large revisions that mostly agree are
  /// compared at little more than the cost of validating them.
  public static func changes(from old: DeclarationOutline?, to new: DeclarationOutline?) -> Changes {
    changes(Placed(old), Placed(new), old: old?.head, new: new?.head)
  }

  private static func changes(_ before: Placed, _ after: Placed, old: Declaration?, new: Declaration?)
    -> Changes
  {
    let alignment = ParagraphAlignment(old: before.ids, new: after.ids)
    let context = Context(old: old, new: new)

    // Deleted paragraphs follow the paragraph they followed in the old declaration (-1: first).
    var deletedAfter: [Int: [Int]] = [:]
    var anchor = -1
    for (index, position) in alignment.newIndex.enumerated() {
      if let position { anchor = position } else { deletedAfter[anchor, default: []].append(index) }
    }

    // Each paragraph's change is worked out on its own (word diffs are most of the time), on
    // every core; then they are put in order.
    // Matched paragraphs that stayed in place with the same bytes are unchanged; the others,
    // and every added or deleted one, are decoded (all at once, where they are outlines).
    let unchanged = parallelMap(count: after.count) { position -> Bool in
      guard let index = alignment.oldIndex[position], !alignment.moved[position],
        before.sections[index] == after.sections[position]
      else { return false }
      return before.isUnchanged(index, as: after, position)
    }
    let oldParagraphs = before.paragraphs(
      (0..<before.count).filter { alignment.newIndex[$0].map { !unchanged[$0] } ?? true })
    let newParagraphs = after.paragraphs((0..<after.count).filter { !unchanged[$0] })

    let deletedChanges = parallelMap(count: before.count) { index -> ParagraphChange? in
      guard alignment.newIndex[index] == nil, let paragraph = oldParagraphs[index] else { return nil }
      return context.deleted(paragraph, in: before.sections[index])
    }
    let newChanges = parallelMap(count: after.count) { position -> ParagraphChange? in
      // Every paragraph asked for is decoded: the lookups below always succeed.
      guard !unchanged[position], let paragraph = newParagraphs[position] else { return nil }
      guard let index = alignment.oldIndex[position] else {
        return context.added(paragraph, in: after.sections[position])
      }
      guard let old = oldParagraphs[index] else { return nil }
      return context.compared(
        old, paragraph, sections: (before.sections[index], after.sections[position]),
        moved: alignment.moved[position])
    }
    releaseAside((consume oldParagraphs, consume newParagraphs))

    var paragraphs: [ParagraphChange] = []
    var lineage: [LineageEntry] = []
    lineage.reserveCapacity(max(before.count, after.count))
    func record(_ change: ParagraphChange?, id: String, old: String??, new: String??) {
      if let change { paragraphs.append(change) }
      lineage.append(
        LineageEntry(
          id: id, fromNumber: old ?? nil, toNumber: new ?? nil, inOld: old != nil,
          inNew: new != nil, change: change?.kind, by: change?.by ?? []))
    }
    func recordDeleted(after position: Int) {
      for index in deletedAfter[position] ?? [] {
        record(deletedChanges[index], id: before.ids[index], old: .some(before.numbers[index]), new: nil)
      }
    }
    recordDeleted(after: -1)
    for position in 0..<after.count {
      let old = alignment.oldIndex[position].map { before.numbers[$0] }
      record(newChanges[position], id: after.ids[position], old: old, new: .some(after.numbers[position]))
      recordDeleted(after: position)
    }
    return Changes(
      from: old?.revision, to: new?.revision,
      workspace: new?.settings.id ?? old?.settings.id ?? "", languages: context.languages,
      paragraphs: paragraphs, lineage: lineage)
  }

  // MARK: - Paragraphs in place

  /// Every paragraph of a declaration in document order, with the id of its section: decoded
  /// already, or kept in an outline and decoded when needed.
  struct Placed: Sendable {
    private enum Source: Sendable {
      case decoded([Paragraph])
      case outline(DeclarationOutline)
    }

    private let source: Source
    let ids: [String]
    let numbers: [String?]
    let sections: [String]

    init(_ declaration: Declaration?) {
      let paragraphs = (declaration?.sections ?? []).flatMap(\.paragraphs)
      self.init(
        source: .decoded(paragraphs), ids: paragraphs.map(\.id), numbers: paragraphs.map(\.number),
        sections: (declaration?.sections ?? []).flatMap { repeatElement($0.id, count: $0.paragraphs.count) })
    }

    init(_ outline: DeclarationOutline?) {
      if let outline {
        self.init(
          source: .outline(outline), ids: outline.entries.map(\.id), numbers: outline.entries.map(\.number),
          sections: outline.entries.indices.map(outline.section(of:)))
      } else {
        self.init(nil as Declaration?)
      }
    }

    private init(source: Source, ids: [String], numbers: [String?], sections: [String]) {
      self.source = source
      self.ids = ids
      self.numbers = numbers
      self.sections = sections
    }

    var count: Int { ids.count }

    /// The paragraphs at `indices`, decoded.
    func paragraphs(_ indices: [Int]) -> Paragraphs {
      switch source {
      case .decoded(let paragraphs): Paragraphs(all: paragraphs, some: [:])
      case .outline(let outline): Paragraphs(all: nil, some: outline.paragraphs(indices))
      }
    }

    /// Decoded paragraphs by index: all of them, or some.
    struct Paragraphs: Sendable {
      let all: [Paragraph]?
      let some: [Int: Paragraph]

      subscript(index: Int) -> Paragraph? { all.map { $0[index] } ?? some[index] }
    }

    /// True when the bytes alone show the two paragraphs alike but for their numbers; false
    /// when it takes decoding them to tell.
    func isUnchanged(_ index: Int, as other: Placed, _ otherIndex: Int) -> Bool {
      guard case .outline(let mine) = source, case .outline(let theirs) = other.source else { return false }
      return mine.isUnchanged(index, as: theirs, otherIndex)
    }
  }
}

/// The two declarations, and what comparing one paragraph needs from them. A class: every
/// paragraph's comparison, on every core, shares the one instance (a struct of two
/// declarations and a dictionary was copied, field by field, into each call's closures).
private final class Context: Sendable {
  let old: Declaration?
  let new: Declaration?
  let languages: [String]
  let baseLanguage: String
  /// Protocol order, for listing participants.
  let order: [String: Int]
  let fromRevision: Int?
  let toRevision: Int?

  init(old: Declaration?, new: Declaration?) {
    self.old = old
    self.new = new
    let declared = (new?.settings.languages ?? []) + (old?.settings.languages ?? [])
    var languages: [String] = []
    for language in declared where !languages.contains(language) { languages.append(language) }
    self.languages = languages
    baseLanguage = new?.settings.baseLanguage ?? old?.settings.baseLanguage ?? languages.first ?? "en"
    var order: [String: Int] = [:]
    for participant in (new?.participants ?? []) + (old?.participants ?? [])
    where order[participant.code] == nil {
      order[participant.code] = order.count
    }
    self.order = order
    fromRevision = old?.revision
    toRevision = new?.revision
  }

  func added(_ paragraph: Paragraph, in section: String) -> ParagraphChange {
    var by = proposers(of: paragraph)
    if by.isEmpty { by = paragraph.current?.sponsors ?? [] }
    return ParagraphChange(
      id: paragraph.id, kind: .added, toNumber: paragraph.number, toSection: section,
      toStatus: paragraph.status, by: sorted(by),
      words: words(old: nil, new: (paragraph, new)))
  }

  func deleted(_ paragraph: Paragraph, in section: String) -> ParagraphChange {
    return ParagraphChange(
      id: paragraph.id, kind: .deleted, fromNumber: paragraph.number, fromSection: section,
      fromStatus: paragraph.status, by: sorted(paragraph.option(.delete)?.sponsors ?? []),
      words: words(old: (paragraph, old), new: nil))
  }

  /// nil when nothing but the number changed.
  func compared(_ a: Paragraph, _ b: Paragraph, sections: (String, String), moved: Bool)
    -> ParagraphChange?
  {
    let textChanged = !haveSameBytes(a.current?.texts ?? [:], b.current?.texts ?? [:])
    let details = StatusChange.between(a, b, languages: languages, sections: sections)
    let isMoved = moved || sections.0 != sections.1
    let kind: ParagraphChange.Kind
    if textChanged {
      kind = .changed
    } else if isMoved {
      kind = .moved
    } else if !details.isEmpty {
      kind = .status
    } else {
      return nil
    }
    // The revision's own record of whose proposals changed the text comes first; without one,
    // the participants behind the status changes (sponsors, dissociating, reserving members).
    var by = textChanged ? proposers(of: b) : []
    if by.isEmpty { by = details.flatMap(\.participants) }
    return ParagraphChange(
      id: b.id, kind: kind, fromNumber: a.number, toNumber: b.number, fromSection: sections.0,
      toSection: sections.1, fromStatus: a.status, toStatus: b.status, moved: isMoved,
      details: details, by: sorted(by), words: words(old: (a, old), new: (b, new)))
  }

  // MARK: - Words

  func words(old: (Paragraph, Declaration?)?, new: (Paragraph, Declaration?)?) -> [LanguageWords] {
    languages.compactMap { language in
      let oldSide = old.flatMap { side(of: $0.0, in: $0.1, language: language) }
      let newSide = new.flatMap { side(of: $0.0, in: $0.1, language: language) }
      guard oldSide != nil || newSide != nil else { return nil }
      let edits = ParagraphWords.edits(old: oldSide?.side, new: newSide?.side)
      return LanguageWords(
        language: language, edits: edits, translationPending: newSide?.pending ?? false)
    }
  }

  /// Option 1's text in `language`, or the base language's when it has none (translation
  /// pending); nil when it has neither.
  private func side(of paragraph: Paragraph, in declaration: Declaration?, language: String)
    -> (side: ParagraphWords.Side, pending: Bool)?
  {
    guard let declaration, let current = paragraph.current else { return nil }
    let pending = current.texts[language] == nil
    let textLanguage = pending ? declaration.settings.baseLanguage : language
    guard let text = current.texts[textLanguage] else { return nil }
    let subject = text.hasParties ? declaration.subject(of: paragraph, in: textLanguage) : ""
    return (ParagraphWords.Side(clause: text, subject: subject, language: textLanguage), pending)
  }

  // MARK: - Participants

  /// Whose proposals changed the paragraph's text after the old revision, up to the new one.
  private func proposers(of paragraph: Paragraph) -> [String] {
    paragraph.changes.filter { change in
      (fromRevision.map { change.revision > $0 } ?? true)
        && (toRevision.map { change.revision <= $0 } ?? true)
    }.flatMap(\.by)
  }

  /// Participants once each, in protocol order; codes that are no participant (FACILITATOR)
  /// last, in the order met.
  private func sorted(_ codes: [String]) -> [String] {
    guard codes.count > 1 else { return codes }
    var seen: Set<String> = []
    let unique = codes.filter { seen.insert($0).inserted }
    // Each code's place looked up once; unknown codes keep the order met, after the known.
    let places = unique.enumerated().map { index, code in (order[code] ?? order.count + index, code) }
    return places.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
