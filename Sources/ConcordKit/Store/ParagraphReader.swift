/// Builds one `Paragraph` from the events of its element, as the parser meets them, without
/// building the element's tree first: the one decoder of a revision's paragraphs.
///
/// It reads what `DeclarationWriter` writes: the paragraph's attributes, then its children —
/// `option` (with a `text` per language, where any element is the `<parties/>` placeholder),
/// `dissociation`, `reservation` and `comment` (their text the note, white space folded),
/// `stance` and `change` — in document order; anything else is passed over.
struct ParagraphReader {
  private(set) var paragraph: Paragraph
  /// Elements open inside the paragraph: 0 between its children.
  private var depth = 0
  /// The child being read.
  private var child: Child = .other

  private enum Child {
    case option(Option, text: (language: String, segments: [ClauseText.Segment])?)
    case standing(Standing, kind: StandingKind, note: String)
    case other
  }

  private enum StandingKind { case dissociation, reservation, comment }

  /// From the paragraph's start tag (its children, if it has any as a tree, are not read).
  init(_ element: XML.Element) {
    paragraph = Paragraph(
      id: element[attribute: "id"] ?? "",
      number: element[attribute: "number"],
      status: element[attribute: "status"].flatMap(Paragraph.Status.init(rawValue:)) ?? .open,
      since: Int(element[attribute: "since"] ?? "") ?? 0,
      inserted: element[attribute: "inserted"] == "true" || element[attribute: "inserted"] == "1",
      options: [])
  }

  /// The paragraph of a whole tree, its events replayed.
  static func paragraph(_ element: XML.Element) -> Paragraph {
    var reader = ParagraphReader(element)
    func replay(_ element: XML.Element) {
      for node in element.children {
        switch node {
        case .text(let string): reader.text(string)
        case .element(let child):
          reader.start(child)
          replay(child)
          reader.end()
        }
      }
    }
    replay(element)
    return reader.paragraph
  }

  /// A start tag inside the paragraph.
  mutating func start(_ element: XML.Element) {
    depth += 1
    switch (depth, child) {
    case (1, _): child = Self.child(element, into: &paragraph)
    case (2, .option(let option, nil)) where element.name == "text":
      child = .option(option, text: (element.language ?? "", []))
    case (3, .option(let option, .some(var text))):
      child = .other
      text.segments.append(.parties)
      child = .option(option, text: text)
    default: break
    }
  }

  mutating func text(_ string: String) {
    switch (depth, child) {
    case (2, .option(let option, .some(var text))):
      // The child let go first, so that the text grows in place, not as a copy.
      child = .other
      text.segments.append(.text(string))
      child = .option(option, text: text)
    case (1..., .standing(let standing, let kind, var note)):
      child = .other
      note += string
      child = .standing(standing, kind: kind, note: note)
    default: break
    }
  }

  /// The end tag of the innermost element open inside the paragraph.
  mutating func end() {
    defer { depth -= 1 }
    switch (depth, child) {
    case (1, .option(let option, _)):
      paragraph.options.append(option)
    case (1, .standing(var standing, let kind, let note)):
      standing.note = note.foldingWhitespace.trimmed
      switch kind {
      case .dissociation: paragraph.dissociations.append(standing)
      case .reservation: paragraph.reservations.append(standing)
      case .comment: paragraph.comments.append(standing)
      }
    case (2, .option(var option, .some(let text))):
      child = .other
      option.texts[text.language] = ClauseText(text.segments)
      child = .option(option, text: nil)
      return
    default: return
    }
    child = .other
  }

  /// A child's start tag: a stance or change is whole in its attributes; an option or a
  /// standing waits for its content.
  private static func child(_ element: XML.Element, into paragraph: inout Paragraph) -> Child {
    switch element.name {
    case "option":
      return .option(
        Option(
          reference: element[attribute: "n"].flatMap(OptionReference.init) ?? .current,
          sponsors: codes(element[attribute: "sponsors"]),
          round: Int(element[attribute: "round"] ?? "") ?? 0,
          combines: codes(element[attribute: "combines"]).compactMap { Int($0) }),
        text: nil)
    case "dissociation": return standing(element, .dissociation)
    case "reservation": return standing(element, .reservation)
    case "comment": return standing(element, .comment)
    case "stance":
      paragraph.stances.append(
        RecordedStance(
          participant: element[attribute: "participant"] ?? "",
          kind: element[attribute: "kind"].flatMap(Stance.Kind.init(rawValue:)) ?? .comment,
          option: element[attribute: "option"].flatMap(OptionReference.init)))
    case "change":
      paragraph.changes.append(
        ChangeRecord(
          revision: Int(element[attribute: "revision"] ?? "") ?? 0, by: codes(element[attribute: "by"])))
    default: break
    }
    return .other
  }

  private static func standing(_ element: XML.Element, _ kind: StandingKind) -> Child {
    let standing = Standing(
      participant: element[attribute: "participant"] ?? "", round: Int(element[attribute: "round"] ?? "") ?? 0
    )
    return .standing(standing, kind: kind, note: "")
  }

  /// A list attribute's items: split at XML's white space (space, tab, line feed, carriage
  /// return), as the schema's list types are, byte by byte.
  static func codes(_ list: String?) -> [String] {
    guard let list, !list.isEmpty else { return [] }
    return list.utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.map {
      String(decoding: $0, as: UTF8.self)
    }
  }
}
