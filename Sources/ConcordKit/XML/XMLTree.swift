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

    /// The value of the unprefixed attribute `name`.
    public subscript(attribute name: String) -> String? {
      attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// `xml:lang`.
    public var language: String? {
      attributes.first { $0.name == "lang" && $0.namespace == XML.xmlNamespace }?.value
    }

    public var elements: [Element] {
      children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

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

  public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
  public static let concordNamespace = "urn:concord:1"
}

/// Takes a document's elements and text in document order, as the parser meets them: how a
/// model is read without building the whole tree first.
protocol XMLEventConsumer: AnyObject {
  /// An element's start tag: its name, namespace, attributes and place (no children yet).
  func start(_ element: XML.Element)
  /// A run of character data inside the innermost open element.
  func text(_ text: String)
  /// The innermost open element's end tag.
  func end()
}
