/// Akoma Ntoso 3.0 (OASIS LegalDocML), one expression (language) of the declaration:
/// `<akomaNtoso><statement name="declaration">` with its `<meta>` (`AkomaNtosoMetadata`), the
/// title and revision in the `<preface>`, preamble paragraphs as `<recital>`s, operative
/// paragraphs as numbered `<paragraph>`s in `<section>`s under their headings.
///
/// An open paragraph keeps its current text (option 1) in the element itself and gives every
/// other option as a sibling with `alternativeTo` naming it, a heading with its attribution and
/// `refersTo` its sponsors. Reservations and dissociations are `<authorialNote>`s; a text shown
/// in the base language carries its `xml:lang`. Against an earlier revision, changed words are
/// `<ins>`/`<del>`, and removed paragraphs stay with `status="removed"`.
///
/// `eId`s follow the naming convention's hierarchy: `preamble__recs_1__rec_3`,
/// `sec_2__para_14bis`; an option is a sibling, not a child, so its name extends the
/// paragraph's last part (`sec_3__para_37_opt_2`, `…_opt_delete`), and `alternativeTo` refers
/// to the paragraph as `#sec_3__para_37`. Every `eId` is unique. `wId` (the original version's
/// `eId`) is not used; Concord's own ids are each element's `GUID`
/// (`urn:concord:sco-2025:paragraph:eco-digital`, `…:option:2`, `urn:concord:sco-2025:section:economy`).
///
/// Linear in the size of the declaration.
struct AkomaNtosoFormatter: Sendable {
  static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

  /// The jurisdiction of the IRIs; nil for the workspace's (`AkomaNtosoMetadata`).
  var jurisdiction: String? = nil

  func xml(_ presentation: Presentation) throws -> String {
    var writer = Writer(presentation: presentation)
    let metadata = AkomaNtosoMetadata(presentation: presentation, jurisdiction: jurisdiction)
    var statement = Markup(
      "statement",
      [
        ("name", "declaration"),
        ("contains", presentation.declaration.revision == 0 ? "originalVersion" : "singleVersion"),
      ])
    statement.append(metadata.meta())
    statement.append(writer.preface())
    let preamble = presentation.sections.filter { $0.kind == .preamble }
    if !preamble.isEmpty { statement.append(writer.preamble(preamble)) }
    statement.append(writer.mainBody(presentation.sections.filter { $0.kind == .operative }))
    let root = Markup("akomaNtoso", [("xmlns", Self.namespace)], [.element(statement)])
    return try MarkupSerializer.document(
      root, dialect: .xml, inlineElements: ["p", "num", "heading", "docTitle", "docStage"])
  }
}

// MARK: - The document body

private struct Writer {
  let presentation: Presentation
  private var used = Set<String>()

  init(presentation: Presentation) { self.presentation = presentation }

  func preface() -> Markup {
    var preface = Markup("preface")
    preface.append(
      Markup(
        "longTitle", [], [.element(Markup("p", [], [.element(Markup("docTitle", text: presentation.title))]))]
      ))
    var stage = Markup("p", [("class", "revision")])
    stage.append(
      Markup("docStage", text: presentation.vocabulary.revision(presentation.declaration.revision)))
    if let date = presentation.declaration.date {
      stage.append(" ")
      stage.append(Markup("docDate", [("date", date)], text: date))
    }
    preface.append(stage)
    if let previous = presentation.previousRevision {
      preface.append(
        Markup("p", [("class", "legend")], text: presentation.vocabulary.changes(since: previous)))
    }
    return preface
  }

  mutating func preamble(_ sections: [Presentation.Section]) -> Markup {
    var preamble = Markup("preamble")
    for (index, section) in sections.enumerated() {
      let prefix = unique("preamble__recs_\(index + 1)")
      var recitals = Markup("recitals", [("eId", prefix), ("GUID", guid("section", section.id))])
      if let heading = section.heading {
        recitals.append(Markup("heading", language(section.headingLanguage), text: heading))
      }
      for (position, item) in section.items.enumerated() {
        recitals.append(
          contentsOf: elements(item, name: "recital", eId: unique("\(prefix)__rec_\(position + 1)")))
      }
      if section.items.isEmpty {
        // A recital is required: an empty preamble section still says it is there.
        recitals.append(Markup("recital", [("eId", unique("\(prefix)__rec_1"))], [.element(Markup("p"))]))
      }
      preamble.append(recitals)
    }
    return preamble
  }

  mutating func mainBody(_ sections: [Presentation.Section]) -> Markup {
    var body = Markup("mainBody")
    for (index, section) in sections.enumerated() {
      let sectionId = unique("sec_\(index + 1)")
      var element = Markup("section", [("eId", sectionId), ("GUID", guid("section", section.id))])
      if let heading = section.heading {
        element.append(Markup("heading", language(section.headingLanguage), text: heading))
      }
      for (position, item) in section.items.enumerated() {
        let base = "\(sectionId)__para_\(item.number.map(Self.eIdNumber) ?? String(position + 1))"
        let eId = unique(item.isRemoved ? "\(base)_removed" : base)
        element.append(contentsOf: elements(item, name: "paragraph", eId: eId))
      }
      body.append(element)
    }
    if sections.isEmpty { body.append(Markup("p")) }
    return body
  }

  /// The paragraph (or recital), followed by one alternative per further option.
  private mutating func elements(_ item: Presentation.Item, name: String, eId: String) -> [Markup.Node] {
    var result: [Markup.Node] = []
    for (index, entry) in item.entries.enumerated() {
      let isMain = index == 0
      let elementId = isMain ? eId : unique("\(eId)_opt_\(entry.reference)")
      let classes = [
        item.status?.rawValue, isMain ? nil : "option", change(of: entry, in: item, isMain: isMain),
      ]
      .compactMap { $0 }.joined(separator: " ")
      let sponsors = entry.sponsors.map(AkomaNtosoMetadata.reference(to:))
      var element = Markup(
        name,
        [
          ("eId", elementId),
          ("GUID", guid("paragraph", isMain ? item.id : "\(item.id):option:\(entry.reference)")),
          ("class", classes.isEmpty ? nil : classes),
          ("status", item.isRemoved ? "removed" : nil),
          ("alternativeTo", isMain ? nil : "#" + eId),
          ("refersTo", item.isOpen && !sponsors.isEmpty ? sponsors.joined(separator: " ") : nil),
        ])
      if let number = item.number { element.append(numberElement(number, change: item.change)) }
      if let label = entry.label {
        let heading = Markup("heading", text: label)
        element.append(
          entry.isNew && presentation.previousRevision != nil
            ? Markup("heading", [], [.element(Markup("ins", text: label))]) : heading)
      }
      var paragraph = Markup(
        "p",
        entry.language == presentation.language
          ? [] : [("class", "translation-pending")] + language(entry.language))
      paragraph.append(contentsOf: runs(entry.edits))
      if let note = entry.note { paragraph.append(self.note(note, owner: elementId)) }
      if index == item.entries.count - 1 {
        for note in item.notes { paragraph.append(self.note(note, owner: isMain ? eId : elementId)) }
      }
      element.append(name == "paragraph" ? Markup("content", [], [.element(paragraph)]) : paragraph)
      result.append(.element(element))
    }
    return result
  }

  /// `added`, `removed` or `changed` for what a redline shows of this element; nil when clean.
  private func change(of entry: Presentation.Entry, in item: Presentation.Item, isMain: Bool) -> String? {
    guard presentation.previousRevision != nil else { return nil }
    if isMain, item.change == .added || item.change == .removed { return item.change.rawValue }
    if !isMain, entry.isNew { return Presentation.Difference.added.rawValue }
    return entry.edits.hasChanges ? Presentation.Difference.changed.rawValue : nil
  }

  private func numberElement(_ number: String, change: Presentation.Difference) -> Markup {
    let text = "\(number)."
    switch change {
    case .added: return Markup("num", [], [.element(Markup("ins", text: text))])
    case .removed: return Markup("num", [], [.element(Markup("del", text: text))])
    default: return Markup("num", text: text)
    }
  }

  private func runs(_ edits: [WordEdit]) -> [Markup.Node] {
    edits.map { edit in
      switch edit.operation {
      case .equal: .text(edit.text)
      case .insert: .element(Markup("ins", text: edit.text))
      case .delete: .element(Markup("del", text: edit.text))
      }
    }
  }

  private mutating func note(_ note: Presentation.Note, owner: String) -> Markup {
    let who = note.participants.map(AkomaNtosoMetadata.reference(to:))
    return Markup(
      "authorialNote",
      [
        ("eId", unique("\(owner)__authorialNote_\(note.number)")), ("marker", String(note.number)),
        ("placement", "bottom"), ("refersTo", who.isEmpty ? nil : who.joined(separator: " ")),
      ],
      [.element(Markup("p", text: note.text))])
  }

  /// A Concord id as a `GUID`: unique beyond this document, since it names the workspace.
  private func guid(_ kind: String, _ id: String) -> String {
    "urn:concord:\(presentation.declaration.settings.id):\(kind):\(id)"
  }

  /// A paragraph number as the number part of an `eId`: letters and digits (`14bis`), anything
  /// else as `_`.
  static func eIdNumber(_ number: String) -> String {
    String(number.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }

  private func language(_ code: String) -> [(String, String?)] {
    code == presentation.language ? [] : [("xml:lang", code)]
  }

  /// `eId`s are unique in a document: a repeat gets a suffix.
  private mutating func unique(_ candidate: String) -> String {
    var eId = candidate
    var counter = 2
    while used.contains(eId) {
      eId = "\(candidate)-\(counter)"
      counter += 1
    }
    used.insert(eId)
    return eId
  }
}
