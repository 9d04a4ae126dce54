/// A revision as every export format shows it in one language: sections with their headings,
/// paragraphs with their numbers, the options of open paragraphs with their attribution, and
/// numbered notes (reservations, dissociations, translations pending). With an earlier
/// revision, each text also carries its word edits since then, and the paragraphs removed
/// since then stand where they were.
///
/// Each formatter walks this one value, so that text, Markdown, HTML, Akoma Ntoso and DOCX
/// always agree on what a paragraph says. Building it is linear in the size of the declaration,
/// plus the word diffs of the texts that changed.
struct Presentation: Sendable {
  struct Note: Hashable, Sendable {
    /// 1, 2, … in document order.
    var number: Int
    var text: String
    /// Who it concerns (the reserving or dissociating members); empty for a translation note.
    var participants: [String]
  }

  /// One option of a paragraph (or its one text, when it is not open).
  struct Entry: Hashable, Sendable {
    var reference: OptionReference
    /// "Option 2 (IRN)": set for the options of open paragraphs only.
    var label: String?
    var sponsors: [String]
    /// The text; every run is `.equal` unless compared with an earlier revision.
    var edits: [WordEdit]
    /// Not on the table in the earlier revision.
    var isNew: Bool
    /// The language the text is in: the base language when its translation is pending.
    var language: String
    /// The translation-pending note, when the text is not in the export language (or is a
    /// translation of an earlier text).
    var note: Note?
    /// The option's text lacks the export language: shown in the base language, or (in a
    /// redline) as the translation of the earlier text.
    var isPendingTranslation = false

    var isDeletion: Bool { reference == .delete }
    var text: String { edits.newText }
  }

  enum Difference: String, Hashable, Sendable { case unchanged, added, changed, removed }

  struct Item: Hashable, Sendable {
    var id: String
    /// "12", "12bis"; nil in the preamble.
    var number: String?
    /// nil for a paragraph removed since the earlier revision.
    var status: Paragraph.Status?
    var entries: [Entry]
    /// Reservations and the dissociation footnote.
    var notes: [Note]
    var change: Difference
    /// Who changed it since the earlier revision: the members whose proposals did.
    var authors: [String]

    var isOpen: Bool { status == .open }
    var isRemoved: Bool { change == .removed }
  }

  struct Section: Hashable, Sendable {
    var id: String
    var kind: SectionKind
    var heading: String?
    var headingLanguage: String
    var items: [Item]
  }

  let declaration: Declaration
  let language: String
  let vocabulary: Vocabulary
  /// The revision compared against, for redlines.
  let previousRevision: Int?
  /// That revision itself: for DOCX, whose tracked changes must give it back whole when
  /// rejected (its labels, brackets, options and notes too).
  let previous: Declaration?
  private(set) var sections: [Section] = []
  /// Every note, in document order.
  private(set) var notes: [Note] = []

  /// Whether a translation the base text has outrun is shown as it was (HTML, Akoma Ntoso:
  /// a reader's redline) rather than replaced by the base text (DOCX, whose tracked changes
  /// must give back each revision's own document when accepted or rejected).
  let keepsOutdatedTranslations: Bool

  init(
    _ declaration: Declaration, language: String, against previous: Declaration? = nil,
    keepingOutdatedTranslations: Bool = true
  ) {
    self.keepsOutdatedTranslations = keepingOutdatedTranslations
    self.declaration = declaration
    self.language = language
    self.vocabulary = Vocabulary(language)
    self.previousRevision = previous?.revision
    self.previous = previous
    let redline = previous.map { Redline(previous: $0) }
    build(redline)
  }

  var title: String { declaration.settings.title(in: language) }
  var baseLanguage: String { declaration.settings.baseLanguage }
  var items: [Item] { sections.flatMap(\.items) }

  // MARK: - Building

  private mutating func build(_ redline: Redline?) {
    let ids = Set(declaration.paragraphs.map(\.id))
    let removed = redline?.removedParagraphs(keeping: ids) ?? []
    var removedAfter: [String: [Paragraph]] = [:]
    var removedAtStart: [String: [Paragraph]] = [:]
    let sectionIds = Set(declaration.sections.map(\.id))
    for entry in removed {
      if let anchor = entry.anchor {
        removedAfter[anchor, default: []].append(entry.paragraph)
      } else {
        let section = sectionIds.contains(entry.section) ? entry.section : declaration.sections.first?.id
        removedAtStart[section ?? "", default: []].append(entry.paragraph)
      }
    }
    for section in declaration.sections {
      var items: [Item] = []
      for paragraph in removedAtStart[section.id] ?? [] {
        items.append(removedItem(paragraph, redline: redline))
      }
      for paragraph in section.paragraphs {
        items.append(item(paragraph, redline: redline))
        for gone in removedAfter[paragraph.id] ?? [] {
          items.append(removedItem(gone, redline: redline))
        }
      }
      let heading = section.headings[language] ?? section.headings[baseLanguage]
      sections.append(
        Section(
          id: section.id, kind: section.kind, heading: heading,
          headingLanguage: section.headings[language] == nil ? baseLanguage : language, items: items))
    }
  }

  private mutating func item(_ paragraph: Paragraph, redline: Redline?) -> Item {
    let shown =
      paragraph.status == .open
      ? paragraph.options : [paragraph.current ?? paragraph.options.first].compactMap { $0 }
    let previous = redline?.previousParagraph(paragraph.id)
    let entries = shown.map { entry(for: $0, of: paragraph, previous: previous, redline: redline) }
    var notes: [Note] = []
    for reservation in paragraph.reservations {
      notes.append(
        makeNote(
          vocabulary.reservation(by: reservation.participant, note: reservation.note),
          participants: [reservation.participant]))
    }
    if let footnote = declaration.dissociationFootnote(of: paragraph, in: language) {
      notes.append(makeNote(footnote, participants: paragraph.dissociations.map(\.participant)))
    }
    var change = Difference.unchanged
    var authors: [String] = []
    if let redline {
      if previous == nil {
        change = .added
      } else if entries.contains(where: { $0.edits.hasChanges || $0.isNew }) {
        change = .changed
      }
      if change != .unchanged {
        let since = paragraph.changes.filter { $0.revision > redline.previous.revision }
        authors = since.flatMap(\.by).removingRepeats()
        if authors.isEmpty { authors = entries.filter(\.isNew).flatMap(\.sponsors).removingRepeats() }
      }
    }
    return Item(
      id: paragraph.id, number: paragraph.number, status: paragraph.status, entries: entries,
      notes: notes, change: change, authors: authors)
  }

  /// One option as shown: its text (with its edits since the earlier revision), the language
  /// it is in and its translation note. A translation that the base text has outrun is shown
  /// as it was, unchanged, with a note, never as deleted in favour of the base text.
  private mutating func entry(
    for option: Option, of paragraph: Paragraph, previous: Paragraph?, redline: Redline?
  ) -> Entry {
    let (text, pending) =
      option.isDeletion
      ? ("", false) : declaration.renderedText(of: paragraph, option: option, in: language)
    var edits = text.isEmpty ? [] : [WordEdit(.equal, text)]
    var isNew = false
    var shownIn = pending ? baseLanguage : language
    var outdated: String?
    if let redline {
      // Option 1 is compared with the earlier current text; a proposal with the one that
      // had its number, when the same sponsors made it (numbers are reused after a reset).
      let earlier = previous?.option(option.reference)
      isNew =
        option.reference == .current
        ? previous == nil : earlier == nil || earlier?.sponsors != option.sponsors
      let before = redline.previousText(of: paragraph.id, option: option.reference, in: language)
      outdated =
        pending && !isNew && keepsOutdatedTranslations
        ? redline.previousTranslation(of: paragraph.id, option: option.reference, in: language) : nil
      if let outdated {
        edits = [WordEdit(.equal, outdated)]
        shownIn = language
      } else if let before, !isNew {
        edits = redline.edits(from: before, to: text)
      } else if !text.isEmpty {
        edits = [WordEdit(.insert, text)]
      }
    }
    var note: Note?
    if outdated != nil, let redline {
      note = makeNote(
        vocabulary.translationOutdated(original: baseLanguage, since: redline.previous.revision))
    } else if pending {
      note = makeNote(vocabulary.translationPending(original: baseLanguage))
    }
    return Entry(
      reference: option.reference, label: paragraph.status == .open ? vocabulary.label(of: option) : nil,
      sponsors: option.sponsors, edits: edits, isNew: isNew, language: shownIn, note: note,
      isPendingTranslation: pending)
  }

  private func removedItem(_ paragraph: Paragraph, redline: Redline?) -> Item {
    let text = redline?.previousText(of: paragraph.id, option: .current, in: language) ?? ""
    let entry = Entry(
      reference: .current, label: nil, sponsors: paragraph.current?.sponsors ?? [],
      edits: text.isEmpty ? [] : [WordEdit(.delete, text)], isNew: false, language: language,
      note: nil)
    return Item(
      id: paragraph.id, number: paragraph.number, status: nil, entries: [entry], notes: [],
      change: .removed, authors: paragraph.option(.delete)?.sponsors ?? [])
  }

  private mutating func makeNote(_ text: String, participants: [String] = []) -> Note {
    let note = Note(number: notes.count + 1, text: text, participants: participants)
    notes.append(note)
    return note
  }
}
