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
  /// The child being read, each part of it changed in place as its events come (an enum
  /// with payloads would copy them out and back at every event).
  private var child: Child = .other
  private var option = Option(reference: .current)
  /// Inside an option's `text`: its language, and the segments so far.
  private var language: String?
  private var segments: [ClauseText.Segment] = []
  private var standing = Standing(participant: "", round: 0)

  private enum Child { case option, dissociation, reservation, comment, other }

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
    switch depth {
    case 1: start(child: element)
    case 2 where child == .option && language == nil && element.name == "text":
      language = element.language ?? ""
      segments = []
    case 3 where child == .option && language != nil:
      segments.append(.parties)
    default: break
    }
  }

  mutating func text(_ string: String) {
    switch child {
    case .option where depth == 2 && language != nil: segments.append(.text(string))
    case .dissociation, .reservation, .comment: standing.note += string
    default: break
    }
  }

  /// The end tag of the innermost element open inside the paragraph.
  mutating func end() {
    defer { depth -= 1 }
    switch (depth, child) {
    case (1, .option):
      paragraph.options.append(option)
    case (1, .dissociation), (1, .reservation), (1, .comment):
      standing.note = standing.note.foldingWhitespace.trimmed
      switch child {
      case .dissociation: paragraph.dissociations.append(standing)
      case .reservation: paragraph.reservations.append(standing)
      default: paragraph.comments.append(standing)
      }
    case (2, .option):
      if let language {
        option.texts[language] = ClauseText(segments)
        self.language = nil
      }
      return
    default: return
    }
    child = .other
  }

  /// A child's start tag: a stance or change is whole in its attributes; an option or a
  /// standing waits for its content.
  private mutating func start(child element: XML.Element) {
    switch element.name {
    case "option":
      child = .option
      option = Option(
        reference: element[attribute: "n"].flatMap(OptionReference.init) ?? .current,
        sponsors: Self.codes(element[attribute: "sponsors"]),
        round: Int(element[attribute: "round"] ?? "") ?? 0,
        combines: Self.codes(element[attribute: "combines"]).compactMap { Int($0) })
      language = nil
    case "dissociation": startStanding(element, .dissociation)
    case "reservation": startStanding(element, .reservation)
    case "comment": startStanding(element, .comment)
    case "stance":
      child = .other
      paragraph.stances.append(
        RecordedStance(
          participant: element[attribute: "participant"] ?? "",
          kind: element[attribute: "kind"].flatMap(Stance.Kind.init(rawValue:)) ?? .comment,
          option: element[attribute: "option"].flatMap(OptionReference.init)))
    case "change":
      child = .other
      paragraph.changes.append(
        ChangeRecord(
          revision: Int(element[attribute: "revision"] ?? "") ?? 0, by: Self.codes(element[attribute: "by"])))
    default: child = .other
    }
  }

  private mutating func startStanding(_ element: XML.Element, _ kind: Child) {
    child = kind
    standing = Standing(
      participant: element[attribute: "participant"] ?? "", round: Int(element[attribute: "round"] ?? "") ?? 0
    )
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
