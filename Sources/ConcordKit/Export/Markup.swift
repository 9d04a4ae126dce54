/// A small element tree for the XML formats (Akoma Ntoso, WordprocessingML), and its
/// serialisation with every text and attribute escaped (`Escaping`). HTML pages are written with
/// `HTMLWriter` instead.
///
/// Formatters build the tree, then serialise it once. An element that holds text directly is
/// written on one line with its whole subtree (mixed content: no white space may be added);
/// an element holding only elements puts each child on its own, indented line, unless the
/// format names it as holding inline content.
struct Markup: Hashable, Sendable {
  enum Node: Hashable, Sendable {
    case element(Markup)
    case text(String)
  }

  var name: String
  /// In the order given; a nil value leaves the attribute out.
  var attributes: [(String, String?)]
  var children: [Node]

  init(_ name: String, _ attributes: [(String, String?)] = [], _ children: [Node] = []) {
    self.name = name
    self.attributes = attributes
    self.children = children
  }

  init(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
    self.init(name, attributes, [.text(text)])
  }

  static func == (lhs: Markup, rhs: Markup) -> Bool {
    lhs.name == rhs.name && lhs.children == rhs.children
      && lhs.attributes.map(\.0) == rhs.attributes.map(\.0)
      && lhs.attributes.map(\.1) == rhs.attributes.map(\.1)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(children)
  }

  mutating func append(_ element: Markup) { children.append(.element(element)) }
  mutating func append(_ text: String) { children.append(.text(text)) }
  mutating func append(contentsOf nodes: [Node]) { children.append(contentsOf: nodes) }
}

/// Serialises a `Markup` tree. Same tree, same bytes.
///
/// Time and memory are linear in the size of the output.
struct MarkupSerializer {
  /// Empty elements as `<x/>`, with an XML declaration: the one dialect since HTML pages are
  /// written by `HTMLWriter`; kept so that the Akoma Ntoso and DOCX formatters call as before.
  enum Dialect {
    case xml
  }

  let dialect: Dialect
  /// Elements always written on one line, whatever their children.
  let inlineElements: Set<String>
  private(set) var output = ""
  /// Characters XML cannot carry, found in texts: reported instead of written.
  private(set) var problems: [String] = []

  init(dialect: Dialect, inlineElements: Set<String> = []) {
    self.dialect = dialect
    self.inlineElements = inlineElements
  }

  /// The whole document: the XML declaration, then the root.
  static func document(_ root: Markup, dialect: Dialect, inlineElements: Set<String> = []) throws
    -> String
  {
    var serializer = MarkupSerializer(dialect: dialect, inlineElements: inlineElements)
    serializer.output = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    serializer.write(root, depth: 0)
    if let problem = serializer.problems.first {
      throw DiagnosticsError(Diagnostic(file: "<export>", message: problem))
    }
    return serializer.output
  }

  /// `text` escaped for element content; characters XML cannot carry are dropped.
  static func escapedText(_ text: String) -> String {
    var serializer = MarkupSerializer(dialect: .xml)
    return serializer.escaped(text, quote: false)
  }

  // MARK: - Writing

  private mutating func write(_ element: Markup, depth: Int) {
    output += String(repeating: "  ", count: depth)
    let isMixed = element.children.contains {
      if case .element = $0 { return false }
      return true
    }
    if isMixed || element.children.isEmpty || inlineElements.contains(element.name) {
      writeInline(element)
    } else {
      output += "<\(element.name)\(rendered(element.attributes))>\n"
      for child in element.children {
        if case .element(let child) = child { write(child, depth: depth + 1) }
      }
      output += String(repeating: "  ", count: depth) + "</\(element.name)>"
    }
    output += "\n"
  }

  private mutating func writeInline(_ element: Markup) {
    let attributes = rendered(element.attributes)
    if element.children.isEmpty {
      output += "<\(element.name)\(attributes)/>"
      return
    }
    output += "<\(element.name)\(attributes)>"
    for child in element.children {
      switch child {
      case .element(let inner): writeInline(inner)
      case .text(let text): output += escaped(text, quote: false)
      }
    }
    output += "</\(element.name)>"
  }

  private mutating func rendered(_ attributes: [(String, String?)]) -> String {
    Escaping.attributes(attributes, .attribute) { problems.append(Escaping.refusal(of: $0, in: "XML")) }
  }

  private mutating func escaped(_ text: String, quote: Bool) -> String {
    Escaping.escape(text, quote ? .attribute : .text) { problems.append(Escaping.refusal(of: $0, in: "XML")) }
  }

}
