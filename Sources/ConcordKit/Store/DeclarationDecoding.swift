import Foundation

/// Reads a schema-valid `<declaration>` back into a `Declaration`.
enum DeclarationDecoding {
  /// Reads, validates and decodes a declaration in one pass: each paragraph is decoded from
  /// its events as they come (`ParagraphReader`), so no paragraph's tree is ever built; the
  /// rest (the head, each section's headings) is a small tree.
  /// - Parameters:
  ///   - alongside: decoded on a thread of its own while this one validates
  ///     (`DocumentReader.readAlongside`), for a document read alone; not when the cores are
  ///     already busy reading others.
  ///   - first: what this thread does before validating, while the decoding goes on (the
  ///     chain's check); its error comes first.
  static func declaration(
    _ data: Data, file: String, reader: DocumentReader, alongside: Bool = false,
    from threshold: Int = DocumentReader.alongsideBytes, after first: () throws -> Void = {}
  ) throws -> Declaration {
    if alongside {
      return try declaration(
        data, file: file, reader: reader, from: threshold, meanwhile: { _ in }, after: first
      )
      .declaration
    }
    let events = DeclarationEvents()
    try first()
    try reader.read(data, as: .declaration, displayPath: file, into: events)
    return try declaration(of: events, file: file)
  }

  /// The same, decoded beside its validation, and `work` done with the declaration on the
  /// decoding thread as soon as it is decoded, while this thread still validates: `work`'s
  /// result is given only once the document has passed (nil when the reading was not split,
  /// a small document or one core: do the work then).
  static func declaration<T>(
    _ data: consuming Data, file: String, reader: DocumentReader,
    from threshold: Int = DocumentReader.alongsideBytes,
    meanwhile work: @escaping @Sendable (Declaration) -> T, after first: () throws -> Void = {}
  ) throws -> (declaration: Declaration, meanwhile: T?) {
    let events = DeclarationEvents()
    let early = Early<(Declaration, T)>()
    // The bytes go to the reading, which lets go of them once read.
    try reader.readAlongside(
      consume data, as: .declaration, displayPath: file, into: events, from: threshold,
      then: { events in
        guard let declaration = try? Self.declaration(of: events, file: file) else { return }
        early.value = (declaration, work(declaration))
      }, after: first)
    if let done = early.value { return (done.0, done.1) }
    return (try declaration(of: events, file: file), nil)
  }

  /// What the events of a whole pass make.
  private static func declaration(of events: DeclarationEvents, file: String) throws -> Declaration {
    guard let root = events.root else {
      throw DiagnosticsError(Diagnostic(file: file, message: "the document is empty"))
    }
    return declaration(root, sections: events.sections, file: file)
  }

  /// Decodes a declaration's whole tree.
  static func declaration(_ root: XML.Element, file: String) -> Declaration {
    let sections = root.elements(named: "section").map {
      section($0, paragraphs: $0.elements(named: "paragraph").map(ParagraphReader.paragraph))
    }
    return declaration(root, sections: sections, file: file)
  }

  static func declaration(_ root: XML.Element, sections: [DeclarationSection], file: String)
    -> Declaration
  {
    var settings = InputDecoding.settings(root, file: file)
    settings.id = root[attribute: "workspace"] ?? settings.id
    let participants = InputDecoding.participants(
      root.elements(named: "participants").first?.elements(named: "participant") ?? [])
    let history = (root.elements(named: "history").first?.elements(named: "revision") ?? []).map {
      HistoryEntry(
        revision: Int($0[attribute: "n"] ?? "") ?? 0, date: $0[attribute: "date"],
        participants: codes($0[attribute: "participants"]), counts: counts($0))
    }
    let provenance = (root.elements(named: "provenance").first?.elements(named: "input") ?? [])
      .map {
        InputDigest(
          kind: $0[attribute: "kind"].flatMap(InputDigest.Kind.init(rawValue:)) ?? .revision,
          path: $0[rawAttribute: "path"] ?? "", sha256: $0[attribute: "sha256"] ?? "")
      }
    return Declaration(
      revision: Int(root[attribute: "revision"] ?? "") ?? 0, date: root[attribute: "date"],
      settings: settings, participants: participants, history: history, provenance: provenance,
      sections: sections)
  }

  static func section(_ element: XML.Element, paragraphs: [Paragraph]) -> DeclarationSection {
    DeclarationSection(
      id: element[attribute: "id"] ?? "",
      kind: element[attribute: "kind"].flatMap(SectionKind.init(rawValue:)) ?? .operative,
      headings: InputDecoding.localized(element.elements(named: "heading")),
      paragraphs: paragraphs)
  }

  /// A history entry's counts, when it has all four.
  private static func counts(_ element: XML.Element) -> StatusCounts? {
    let values = ["draft", "agreed", "agreed-ad-ref", "open"].compactMap {
      element[attribute: $0].flatMap { Int($0) }
    }
    guard values.count == 4 else { return nil }
    return StatusCounts(
      draft: values[0], agreed: values[1], agreedAdReferendum: values[2], open: values[3])
  }

  private static func codes(_ list: String?) -> [String] { ParagraphReader.codes(list) }
}

/// What a decoding thread made, once it has finished: written by that thread, read by the
/// caller once it has waited for it.
private final class Early<T>: @unchecked Sendable {
  var value: T?
}

/// A declaration's events: the paragraphs (depth 2, the root being 0) each read by a
/// `ParagraphReader` and gathered into their sections; everything else a tree.
final class DeclarationEvents: XMLEventConsumer {
  // Used by the one thread that parses, one event at a time (exclusivity checks off).
  @exclusivity(unchecked) private var depth = 0
  @exclusivity(unchecked) private var reading: ParagraphReader?
  @exclusivity(unchecked) private var paragraphs: [Paragraph] = []
  @exclusivity(unchecked) private(set) var sections: [DeclarationSection] = []
  private var tree = TreeBuilder(columns: false)
  let wantsColumns = false

  init() {
    tree = TreeBuilder(columns: false) { [unowned self] element, depth in
      guard depth == 1, element.name == "section" else { return false }
      sections.append(DeclarationDecoding.section(element, paragraphs: paragraphs))
      paragraphs = []
      return true
    }
  }

  /// The root as read, its sections' paragraphs left out.
  var root: XML.Element? { tree.root }

  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    depth += 1
    if reading != nil {
      reading?.start(element)
    } else if depth == 3, element.name == "paragraph" {
      reading = ParagraphReader(element)
    } else {
      return tree.start(element, endingAt: offset)
    }
    return true
  }

  func text(_ text: String) {
    if reading != nil { reading?.text(text) } else { tree.text(text) }
  }

  func end(at offset: Int) {
    defer { depth -= 1 }
    // Never bound to a local: a second reference would make every change to it a copy.
    if reading == nil { return tree.end(at: offset) }
    if depth != 3 { return reading?.end() ?? () }
    if let paragraph = reading?.paragraph { paragraphs.append(paragraph) }
    reading = nil
  }
}
