import Foundation

/// An `xs:unique` of one of Concord's embedded schemas, checked by Concord itself in the pass
/// that validates.
///
/// libxml2 2.9's streaming validator spends about a quarter of its time on identity
/// constraints (26 of 97 ms on a 10,000-paragraph revision); a set of the values seen does the
/// same check in next to no time. Only the simple form Concord's schemas use is taken out of a
/// schema: declared on the root element, with one selector step (`c:name`: children of the
/// root; `.//c:name`: elements at any depth below it) and one attribute field (`@name`). Any
/// other form, and every schema read from a folder, stays with libxml2.
struct UniqueConstraint: Hashable, Sendable {
  /// The constraint's name, as diagnostics give it.
  var name: String
  /// The local name (in Concord's namespace) of the elements whose values must differ.
  var element: String
  /// Whether those elements may stand at any depth below the root, or only as its children.
  var anyDepth: Bool
  /// The unprefixed attribute that holds the value.
  var attribute: String

  /// The schema's text without the constraints Concord checks itself, and those constraints.
  /// The root element's declaration closes the schema, so its last constraint stands just
  /// before `</xs:element></xs:schema>`: constraints are taken from there while they have the
  /// simple form, written exactly so (white space between tags aside).
  static func takingOut(of schema: String, rootElement: String) -> (
    schema: String, constraints: [UniqueConstraint]
  ) {
    guard schema.contains("xmlns:c=\"\(XML.concordNamespace)\""),
      let root = schema.lastRange(of: "<xs:element name=\"\(rootElement)\""),
      let close = schema.lastRange(of: "</xs:element>"),
      schema[close.upperBound...].filter({ !$0.isWhitespace }) == "</xs:schema>"
    else { return (schema, []) }
    var body = String(schema[..<close.lowerBound])
    var constraints: [UniqueConstraint] = []
    while let end = body.lastRange(of: "</xs:unique>"),
      body[end.upperBound...].allSatisfy(\.isWhitespace),
      let start = body.lastRange(of: "<xs:unique "),
      start.lowerBound > root.upperBound,
      let constraint = UniqueConstraint(block: body[start.lowerBound..<end.upperBound])
    {
      constraints.insert(constraint, at: 0)
      var cut = start.lowerBound
      while cut > body.startIndex, body[body.index(before: cut)].isWhitespace {
        cut = body.index(before: cut)
      }
      body.removeSubrange(cut...)
    }
    guard !constraints.isEmpty else { return (schema, []) }
    return (body + "\n  " + schema[close.lowerBound...], constraints)
  }

  /// libxml2's own wording, so the message reads the same whoever finds the duplicate.
  func duplicateMessage(_ value: String) -> String {
    "Element '\(element)': Duplicate key-sequence ['\(value)'] in unique identity-constraint '\(name)'."
  }
}

extension UniqueConstraint {
  /// Reads `<xs:unique name="N"><xs:selector xpath="[.//]c:E"/><xs:field xpath="@A"/></xs:unique>`.
  private init?(block: Substring) {
    let tags = block.split(separator: ">").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) + ">" }
    guard tags.count == 4, tags[3] == "</xs:unique>",
      let name = Self.quoted(tags[0], "<xs:unique name=\"", "\">"),
      let selector = Self.quoted(tags[1], "<xs:selector xpath=\"", "\"/>"),
      let field = Self.quoted(tags[2], "<xs:field xpath=\"", "\"/>"),
      field.hasPrefix("@")
    else { return nil }
    let anyDepth = selector.hasPrefix(".//c:")
    let element = selector.dropFirst(anyDepth ? 5 : 2)
    let attribute = field.dropFirst()
    guard anyDepth || selector.hasPrefix("c:"), Self.isName(element), Self.isName(attribute),
      Self.isName(name)
    else { return nil }
    self.init(name: name, element: String(element), anyDepth: anyDepth, attribute: String(attribute))
  }

  private static func quoted(_ tag: String, _ opening: String, _ closing: String) -> String? {
    guard tag.hasPrefix(opening), tag.hasSuffix(closing), tag.count > opening.count + closing.count
    else { return nil }
    return String(tag.dropFirst(opening.count).dropLast(closing.count))
  }

  private static func isName<S: StringProtocol>(_ text: S) -> Bool {
    guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
      return false
    }
    return text.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
    }
  }
}

extension String {
  /// The last occurrence of `needle`, searched on UTF-8 bytes (Foundation's backwards search
  /// goes through UTF-16 and takes quadratic time on Linux).
  fileprivate func lastRange(of needle: String) -> Range<String.Index>? {
    let haystack = Array(utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
    for start in stride(from: haystack.count - pattern.count, through: 0, by: -1)
    where haystack[start..<start + pattern.count].elementsEqual(pattern) {
      let lower = utf8.index(startIndex, offsetBy: start)
      return lower..<utf8.index(lower, offsetBy: pattern.count)
    }
    return nil
  }
}
