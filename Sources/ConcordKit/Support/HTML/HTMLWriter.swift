import Foundation

/// Writes HTML element by element, escaping every text and every attribute value as it is
/// written: the only text that goes out unescaped is a `StyleSheet`, whose parts are constants.
///
/// Layout, so that the source reads well without changing what the browser shows: a `block`
/// puts its tags on lines of their own and its children on lines below, indented; inside a
/// block, every element that is not phrasing content (`p`, `li`, `tr`, `meta`…) starts a new
/// line, while phrasing content (`a`, `span`, `ins`, `input`…) and text run on in the current
/// line. Inside an element, everything runs on: no white space is ever added to running text.
///
/// The page is also well-formed XML: `empty` elements as `<br/>`, every other element with an
/// end tag. Time and memory are linear in the size of the output.
struct HTMLWriter {
  typealias Attributes = [(String, String?)]

  /// What is being written, as UTF-8 bytes (appending to a String checks and merges its
  /// flags at every piece; a byte buffer only copies), after the finished segments.
  private var current: [UInt8] = []
  /// The parts `parts` made on other cores, and what came before them, as they came.
  private var finished = Segments()
  /// The page so far, in segments to be written one after another.
  var segments: [[UInt8]] { finished.all(then: current) }
  /// The page so far, as one buffer of UTF-8 bytes.
  var bytes: [UInt8] { finished.joined(then: current) }
  /// The page so far, as text.
  var output: String { String(decoding: bytes, as: UTF8.self) }
  /// The page so far, as the bytes of a file, made from its segments.
  var data: Data { finished.data(then: current) }
  /// Characters HTML cannot carry, found in texts: reported here instead of written.
  private(set) var problems: [String] = []
  private let textRules: Escaping.Rules
  private let attributeRules: Escaping.Rules
  /// Blocks open around the current position.
  private var depth = 0
  /// Elements open inside the innermost block: where content runs on.
  private var inline = 0
  private var atLineStart = true

  /// `quotesInText`: `"` and `'` as references in texts too, not only in attribute values.
  init(quotesInText: Bool = false) {
    textRules = quotesInText ? [.quotes, .apostrophes] : .text
    attributeRules = quotesInText ? [.quotes, .apostrophes, .whitespace] : .attribute
  }

  /// An element whose children each go on a line of their own, indented.
  mutating func block(_ name: String, _ attributes: Attributes = [], _ content: (inout HTMLWriter) -> Void) {
    guard inline == 0 else { return element(name, attributes, content) }
    endLine()
    indent()
    tag(name, attributes, then: ">\n")
    depth += 1
    content(&self)
    endLine()
    depth -= 1
    indent()
    endTag(name, then: "\n")
  }

  /// An element whose content runs on one line.
  mutating func element(_ name: String, _ attributes: Attributes = [], _ content: (inout HTMLWriter) -> Void)
  {
    place(name)
    tag(name, attributes)
    inline += 1
    content(&self)
    inline -= 1
    endTag(name)
    finish(name)
  }

  mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
    element(name, attributes) { $0.text(text) }
  }

  /// An element written once, to be written again and again alike (a table's many equal
  /// cells): its markup is made here, and `element(_:)` puts it where the writer stands.
  struct Stamp: Sendable {
    fileprivate let name: String
    fileprivate let markup: [UInt8]
    fileprivate let problems: [String]
  }

  /// `element(name, attributes, text:)` made into a stamp, with this writer's escaping.
  func stamp(_ name: String, _ attributes: Attributes = [], text: String) -> Stamp {
    var inner = HTMLWriter(rules: (textRules, attributeRules), depth: 0)
    inner.inline = 1  // as inside the element: no line or indent of its own
    inner.tag(name, attributes)
    inner.text(text)
    inner.endTag(name)
    return Stamp(name: name, markup: inner.bytes, problems: inner.problems)
  }

  /// The stamped element, laid out as `element(name, attributes, text:)` would be here.
  mutating func element(_ stamp: Stamp) {
    place(stamp.name)
    current += stamp.markup
    problems += stamp.problems
    finish(stamp.name)
  }

  /// `<name a="1"/>`: HTML's void elements (`meta`, `br`, `input`) and SVG's empty ones.
  mutating func empty(_ name: String, _ attributes: Attributes = []) {
    place(name)
    tag(name, attributes, then: "/>")
    finish(name)
  }

  mutating func text(_ text: String) {
    if inline == 0, atLineStart { indent() }
    write(escaped(text))
    atLineStart = false
  }

  /// `count` parts of a block's content, written on every core and joined in order: for long
  /// tables, a row a part. Each part is written into a writer of its own that stands where
  /// this one does, and must be block content (`tr`, `li`, `div`…, not running text), so
  /// that it starts and ends a line as it would have written here: the output is the same
  /// as writing the parts one after another.
  mutating func parts(count: Int, _ part: @Sendable (Int, inout HTMLWriter) -> Void) {
    guard inline == 0 else {
      for index in 0..<count { part(index, &self) }
      return
    }
    endLine()
    let start = HTMLWriter(rules: (textRules, attributeRules), depth: depth)
    let written = parallelRuns(count: count) { run in
      var html = start
      for index in run { part(index, &html) }
      html.endLine()
      return (html.segments, html.problems)
    }
    // The parts stay as they were written: the page is never copied into one buffer.
    finished.close(&current)
    for (segments, problems) in written {
      for segment in segments { finished.add(segment) }
      self.problems += problems
    }
  }

  private init(rules: (text: Escaping.Rules, attribute: Escaping.Rules), depth: Int) {
    textRules = rules.text
    attributeRules = rules.attribute
    self.depth = depth
  }

  /// `<style>` with the sheet's parts, written as they are: constant text without `<` or `&`.
  mutating func style(_ sheet: StyleSheet) {
    endLine()
    indent()
    write("<style>")
    write(sheet.css)
    write("</style>\n")
  }

  // MARK: - Lines

  /// Phrasing content: runs on in its line. (A switch: a set's hashing, twice an element, was
  /// a tenth of writing a large page.)
  private static func isPhrasing(_ name: String) -> Bool {
    switch name {
    case "a", "abbr", "b", "br", "code", "del", "em", "i", "input", "ins", "label", "q", "s", "small", "span",
      "strong", "sub", "sup", "time", "u":
      true
    default: false
    }
  }

  /// Two spaces a block open.
  private mutating func indent() {
    for _ in 0..<depth { current.append(contentsOf: [0x20, 0x20]) }
  }

  /// Before an element: a new line for one that is not phrasing content, in a block.
  private mutating func place(_ name: String) {
    guard inline == 0 else { return }
    if !Self.isPhrasing(name) { endLine() }
    if atLineStart { indent() }
    atLineStart = false
  }

  /// After an element: the end of its line, for one that is not phrasing content, in a block.
  private mutating func finish(_ name: String) {
    if inline == 0, !Self.isPhrasing(name) { endLine() }
  }

  private mutating func endLine() {
    if !atLineStart { current.append(UInt8(ascii: "\n")) }
    atLineStart = true
  }

  // MARK: - Bytes

  private mutating func write(_ text: String) { current.append(contentsOf: text.utf8) }

  /// `<name attributes>`, or what `then` ends it with.
  private mutating func tag(_ name: String, _ attributes: Attributes, then end: String = ">") {
    current.append(UInt8(ascii: "<"))
    write(name)
    Escaping.append(attributes, attributeRules, to: &current) {
      problems.append(Escaping.refusal(of: $0, in: "HTML"))
    }
    write(end)
  }

  private mutating func endTag(_ name: String, then end: String = "") {
    write("</")
    write(name)
    current.append(UInt8(ascii: ">"))
    if !end.isEmpty { write(end) }
  }

  // MARK: - Escaping

  private mutating func escaped(_ text: String) -> String {
    Escaping.escape(text, textRules) { problems.append(Escaping.refusal(of: $0, in: "HTML")) }
  }

}

// MARK: - Page

extension HTMLWriter {
  /// A whole page, the one skeleton of every HTML page Concord writes: `<!DOCTYPE html>`,
  /// `<html lang dir>`, a head with the character set, viewport, generator, title and style
  /// sheet, then the body `content` writes. Self-contained: no script, no external file.
  static func page(
    language: String, direction: String? = nil, title: String, style: StyleSheet, body: Attributes = [],
    quotesInText: Bool = false, _ content: (inout HTMLWriter) -> Void
  ) -> HTMLWriter {
    var html = HTMLWriter(quotesInText: quotesInText)
    html.write("<!DOCTYPE html>\n")
    html.block("html", [("lang", language), ("dir", direction)]) { html in
      html.block("head") { head in
        head.empty("meta", [("charset", "utf-8")])
        head.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        head.empty("meta", [("name", "generator"), ("content", "Concord")])
        head.element("title", text: title)
        head.style(style)
      }
      html.block("body", body, content)
    }
    return html
  }
}
