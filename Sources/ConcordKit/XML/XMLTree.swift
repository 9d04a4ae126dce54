/// A parsed XML document as plain Swift values: what the libxml2 fence hands back.
///
/// No C pointer survives parsing; loaders read their models from these values.
public enum XML {
  /// A node of element content: an element, or a run of character data.
  public enum Node: Hashable, Sendable {
    case element(Element)
    case text(String)
  }

  public struct Attribute: Hashable, Sendable {
    public var name: String
    /// The attribute's namespace URI; `nil` for unprefixed attributes.
    public var namespace: String?
    public var value: String
  }

  public struct Element: Hashable, Sendable {
    public var name: String
    public var namespace: String?
    public var attributes: [Attribute]
    public var children: [Node]
    public var line: Int
    public var column: Int

    public init(
      name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Node] = [],
      line: Int = 0, column: Int = 0
    ) {
      self.name = name
      self.namespace = namespace
      self.attributes = attributes
      self.children = children
      self.line = line
      self.column = column
    }

    /// The value of the unprefixed attribute `name`, read as a schema reads a token: white
    /// space at either end dropped and inner runs made one space (`status=" agreed "` is
    /// valid, and is `agreed`). Every Concord attribute is a token, a list or a number but the
    /// provenance `path`, which `rawAttribute` reads.
    public subscript(attribute name: String) -> String? {
      self[rawAttribute: name].map(XML.collapsed)
    }

    /// The value of the unprefixed attribute `name` as written (an `xs:string`).
    public subscript(rawAttribute name: String) -> String? {
      attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// `xml:lang` (a token).
    public var language: String? {
      attributes.first { $0.name == "lang" && $0.namespace == XML.xmlNamespace }.map {
        XML.collapsed($0.value)
      }
    }

    public var elements: [Element] {
      children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func elements(named name: String) -> [Element] {
      children.compactMap {
        if case .element(let element) = $0, element.name == name { element } else { nil }
      }
    }

    /// The concatenated character data of this element and its descendants.
    public var text: String {
      children.map {
        switch $0 {
        case .text(let string): string
        case .element(let element): element.text
        }
      }.joined()
    }

    public func location(in file: String) -> SourceLocation {
      SourceLocation(file: file, line: line, column: column)
    }
  }

  /// `value` with XML white space collapsed, as `xs:token` and every type derived from it read
  /// it; returned as it is when there is nothing to collapse.
  static func collapsed(_ value: String) -> String {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    var previousWasSpace = true
    var needsWork = false
    for byte in value.utf8 {
      let space = isSpace(byte)
      if space && (previousWasSpace || byte != 0x20) {
        needsWork = true
        break
      }
      previousWasSpace = space
    }
    guard needsWork || previousWasSpace && !value.isEmpty else { return value }
    return value.utf8.split(whereSeparator: isSpace).map { String(decoding: $0, as: UTF8.self) }
      .joined(separator: " ")
  }

  public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
  public static let concordNamespace = "urn:concord:1"
}

/// Takes a document's elements and text in document order, as the parser meets them: how a
/// model is read without building the whole tree first.
protocol XMLEventConsumer: AnyObject {
  /// Whether start tags need their column (found by scanning the line; diagnostics want it).
  var wantsColumns: Bool { get }
  /// An element's start tag: its name, namespace, attributes and place (no children yet),
  /// with the byte offset just past it. Returns whether to hear what the element holds; if
  /// not, its `end` is the next event (a consumer may keep the bytes between instead).
  func start(_ element: XML.Element, endingAt offset: Int) -> Bool
  /// A run of character data inside the innermost open element.
  func text(_ text: String)
  /// The innermost open element's end tag, with the byte offset just past it.
  func end(at offset: Int)
  /// Whether the consumer has all it needs: asked after each tag and between the slices the
  /// parser is fed. Once true, reading stops without error, and nothing after that point is
  /// read, validated or reported.
  var isSatisfied: Bool { get }
}

extension XMLEventConsumer {
  /// Most consumers read the whole document.
  var isSatisfied: Bool { false }
}

/// Builds an `XML.Element` tree from a document's events.
///
/// `takes`, when set, sees each complete element with its depth (the root is 0) before the
/// element joins its parent; an element it takes is left out of the tree. A reader that
/// decodes each paragraph as it ends keeps only the small rest of the document as a tree.
final class TreeBuilder: XMLEventConsumer {
  // Used by the one thread that parses; no access overlaps another (exclusivity checks off).
  @exclusivity(unchecked) private var stack: [XML.Element] = []
  private(set) var root: XML.Element?
  let wantsColumns: Bool
  let takes: ((XML.Element, _ depth: Int) -> Bool)?

  init(columns: Bool = true, takes: ((XML.Element, _ depth: Int) -> Bool)? = nil) {
    self.wantsColumns = columns
    self.takes = takes
  }

  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    stack.append(element)
    return true
  }

  func text(_ text: String) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].children.append(.text(text))
  }

  /// The root as far as the document was read: the finished root, or the elements still open
  /// closed where reading stopped.
  var rootSoFar: XML.Element? {
    root
      ?? stack.reversed().reduce(nil) { child, element in
        var element = element
        if let child { element.children.append(.element(child)) }
        return element
      }
  }

  func end(at offset: Int) {
    guard let element = stack.popLast() else { return }
    if let takes, takes(element, stack.count) { return }
    if stack.isEmpty {
      root = element
    } else {
      stack[stack.count - 1].children.append(.element(element))
    }
  }
}

/// Builds a document's head: the root element with its children before the first one named
/// `boundary`, and all they hold. Satisfied at that child's start tag, so reading stops there.
final class HeadBuilder: XMLEventConsumer {
  private let tree: TreeBuilder
  private let boundary: String
  private var depth = 0
  private(set) var isSatisfied = false

  init(before boundary: String, columns: Bool = false) {
    self.boundary = boundary
    self.tree = TreeBuilder(columns: columns)
  }

  /// The root with the children read; nil before the root element.
  var head: XML.Element? { tree.rootSoFar }

  var wantsColumns: Bool { tree.wantsColumns }

  func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
    if depth == 1, element.name == boundary {
      isSatisfied = true
      return false
    }
    depth += 1
    return tree.start(element, endingAt: offset)
  }

  func text(_ text: String) { tree.text(text) }

  func end(at offset: Int) {
    depth -= 1
    tree.end(at: offset)
  }
}
