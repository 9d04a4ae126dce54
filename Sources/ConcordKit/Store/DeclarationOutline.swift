import Foundation

/// A revision read for comparing: validated whole, its head (settings, participants, history,
/// sections) decoded, and each paragraph kept as its place in the file's bytes, decoded only
/// when asked for.
///
/// Two revisions mostly agree: comparing them paragraph by paragraph needs the decoded
/// paragraph only where the bytes differ (or where a paragraph was added, deleted or moved).
/// Reading then costs little more than validating, and memory is the file's bytes rather
/// than every paragraph as values.
public final class DeclarationOutline: Sendable {
  /// The declaration with its sections' paragraphs left out.
  public let head: Declaration
  /// The paragraphs in document order.
  let entries: [Entry]
  private let bytes: Data
  private let file: String
  private let reader: DocumentReader
  /// The start tags of the root and of each section, which a paragraph is decoded inside (so
  /// that every namespace prefix it may use is declared).
  private let rootTag: Range<Int>
  private let sectionTags: [Range<Int>]
  /// The whole declaration, decoded once if a paragraph cannot be decoded on its own.
  private let whole = Whole()

  /// One paragraph: what lineage needs, and where its element stands in the bytes.
  struct Entry: Sendable {
    var id: String
    var number: String?
    /// The index of its section in `head.sections`.
    var section: Int
    /// Its attributes as written, all but `number`.
    var attributes: [XML.Attribute]
    /// `<paragraph …>…</paragraph>`.
    var range: Range<Int>
    /// Where its start tag ends (at its `>`, or the `/` of `/>`).
    var content: Int
  }

  /// - Parameter validating: false only for bytes proven, by their SHA-256, to be bytes
  ///   Concord validated when it wrote them (a revision its successor vouches for): they are
  ///   parsed without the schema pass.
  init(_ data: Data, file: String, reader: DocumentReader, validating: Bool = true) throws {
    // Offsets count from the first byte.
    let bytes = data.startIndex == 0 ? data : Data(data)
    let builder = OutlineBuilder(bytes)
    if validating {
      try reader.read(bytes, as: .declaration, displayPath: file, into: builder)
    } else {
      let problems = reader.reread(bytes, displayPath: file, into: builder).filter { $0.severity == .error }
      guard problems.isEmpty else { throw DiagnosticsError(problems) }
    }
    guard let root = builder.tree.root, let rootTag = builder.rootTag else {
      throw DiagnosticsError(Diagnostic(file: file, message: "the document is empty"))
    }
    // The tree holds the sections with their headings; their paragraphs were never in it.
    self.head = DeclarationDecoding.declaration(root, file: file)
    self.entries = builder.entries
    self.bytes = bytes
    self.file = file
    self.reader = reader
    self.rootTag = rootTag
    self.sectionTags = builder.sectionTags
  }

  /// How many paragraphs it has.
  public var count: Int { entries.count }

  /// Whether a paragraph could not be decoded on its own, so that the whole file was (never
  /// expected; tests check it).
  var fellBackToWholeDecoding: Bool { whole.wasDecoded }

  /// The section id of paragraph `index`.
  func section(of index: Int) -> String { head.sections[entries[index].section].id }

  /// Whether paragraph `index` here and `other` there have the same bytes and attributes but
  /// for their numbers: then they decode alike, and only the number can have changed.
  func isUnchanged(_ index: Int, as other: DeclarationOutline, _ otherIndex: Int) -> Bool {
    let mine = entries[index]
    let theirs = other.entries[otherIndex]
    // With the attributes alike, the start tags can differ in `number` only: compare from
    // the end of the start tag on.
    guard mine.attributes == theirs.attributes,
      mine.range.upperBound - mine.content == theirs.range.upperBound - theirs.content
    else { return false }
    return bytes.withUnsafeBytes { here in
      other.bytes.withUnsafeBytes { there in
        guard let a = here.baseAddress, let b = there.baseAddress else { return false }
        return memcmp(a + mine.content, b + theirs.content, mine.range.upperBound - mine.content) == 0
      }
    }
  }

  /// The paragraphs at `indices` (in document order), decoded from their bytes: a few
  /// chunks on every core, each chunk one small document of its paragraphs, each inside its
  /// section's and the root's start tags (so that every namespace prefix is declared).
  func paragraphs(_ indices: [Int]) -> [Int: Paragraph] {
    let chunks = parallelRuns(count: indices.count, limit: ProcessInfo.processInfo.activeProcessorCount * 4) {
      decode(Array(indices[$0]))
    }
    var result: [Int: Paragraph] = [:]
    for chunk in chunks { result.merge(chunk) { first, _ in first } }
    return result
  }

  private func decode(_ indices: [Int]) -> [Int: Paragraph] {
    let rootName = Self.name(in: bytes[rootTag])
    var document = Data(bytes[rootTag])
    for index in indices {
      let sectionTag = sectionTags[entries[index].section]
      document += bytes[sectionTag]
      document += bytes[entries[index].range]
      document += Data("</\(Self.name(in: bytes[sectionTag]))>".utf8)
    }
    document += Data("</\(rootName)>".utf8)
    let events = DeclarationEvents()
    let problems = reader.reread(document, displayPath: file, into: events)
    let decoded = events.sections.flatMap(\.paragraphs)
    if problems.isEmpty, decoded.count == indices.count {
      return Dictionary(uniqueKeysWithValues: zip(indices, decoded))
    }
    // Not expected, the whole file being valid: decode all of it instead.
    let all = whole.declaration { try DeclarationDecoding.declaration(bytes, file: file, reader: reader) }
      .map { $0.sections.flatMap(\.paragraphs) }
    return Dictionary(
      uniqueKeysWithValues: indices.map { index in
        (
          index,
          all.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            ?? Paragraph(
              id: entries[index].id, number: entries[index].number, status: .open, since: 0,
              inserted: false, options: [], dissociations: [], reservations: [], stances: [],
              comments: [], changes: [])
        )
      })
  }

  /// The qualified name a start tag opens with: `<c:section …>` → `c:section`.
  private static func name(in tag: Data) -> String {
    let name = tag.dropFirst().prefix { !" \t\r\n/>".utf8.contains($0) }
    return String(decoding: name, as: UTF8.self)
  }
}

/// The whole declaration, decoded at most once, from any thread.
private final class Whole: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Declaration??

  var wasDecoded: Bool {
    lock.lock()
    defer { lock.unlock() }
    return result != nil
  }

  func declaration(_ decode: () throws -> Declaration) -> Declaration? {
    lock.lock()
    defer { lock.unlock() }
    if let result { return result }
    let decoded = try? decode()
    result = .some(decoded)
    return decoded
  }
}

/// Builds the head as a tree and notes where each paragraph stands, without hearing what the
/// paragraphs hold.
private final class OutlineBuilder: XMLEventConsumer {
  let tree = TreeBuilder(columns: false)
  private(set) var entries: [DeclarationOutline.Entry] = []
  private(set) var rootTag: Range<Int>?
  private(set) var sectionTags: [Range<Int>] = []
  private let bytes: Data
  private var depth = 0
  /// The paragraph whose content is being skipped: its attributes and where it starts.
  private var paragraph: (element: XML.Element, start: Int, content: Int)?

  init(_ bytes: Data) { self.bytes = bytes }

  var wantsColumns: Bool { false }

  // <declaration> is depth 0, its <section>s depth 1, their <paragraph>s depth 2.
  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    defer { depth += 1 }
    let tag = startTag(endingAt: offset)
    switch (depth, element.name) {
    case (0, _):
      rootTag = tag
    case (1, "section"):
      sectionTags.append(tag)
    case (2, "paragraph"):
      paragraph = (element, tag.lowerBound, offset)
      return false
    default:
      break
    }
    return tree.start(element, endingAt: offset)
  }

  func text(_ text: String) { tree.text(text) }

  func end(at offset: Int) {
    depth -= 1
    if depth == 2, let (element, start, content) = paragraph {
      paragraph = nil
      entries.append(
        DeclarationOutline.Entry(
          id: element[attribute: "id"] ?? "", number: element[attribute: "number"],
          section: sectionTags.count - 1, attributes: element.attributes.filter { $0.name != "number" },
          range: start..<offset, content: content))
      return
    }
    tree.end(at: offset)
  }

  /// `<…>` around the `>` (or `/>`) at `offset`: attribute values never hold a raw `<`.
  private func startTag(endingAt offset: Int) -> Range<Int> {
    bytes.withUnsafeBytes { bytes in
      var start = min(offset, bytes.count - 1)
      while start > 0, bytes[start] != UInt8(ascii: "<") { start -= 1 }
      var end = offset
      while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
      return start..<min(end + 1, bytes.count)
    }
  }
}
