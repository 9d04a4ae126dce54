import CLibXML2

/// The hook that checks the embedded schemas' `xs:unique` constraints (`UniqueConstraint`) in
/// the pass that validates: at each start tag, a set of the values seen so far.
final class UniqueCheck {
  private let constraints: [UniqueConstraint]
  private let names: [(element: CName, attribute: CName)]
  private let concordNamespace = CName(XML.concordNamespace)
  // Touched by the parsing thread only, one event at a time (exclusivity checks off).
  @exclusivity(unchecked) private var seen: [Set<String>]

  init(_ constraints: [UniqueConstraint]) {
    self.constraints = constraints
    self.names = constraints.map { (CName($0.element), CName($0.attribute)) }
    self.seen = Array(repeating: [], count: constraints.count)
  }

  /// The messages for the values this start tag repeats, at `depth` (the root is 1).
  func duplicates(in tag: StartTag, depth: Int) -> [String] {
    guard let namespace = tag.namespace, concordNamespace.matches(namespace) else { return [] }
    var messages: [String] = []
    for index in constraints.indices
    where (constraints[index].anyDepth ? depth >= 2 : depth == 2)
      && names[index].element.matches(tag.localName)
    {
      for attribute in 0..<tag.count {
        guard tag.prefix(ofAttribute: attribute) == nil, let name = tag.name(ofAttribute: attribute),
          names[index].attribute.matches(name), let raw = tag.value(ofAttribute: attribute)
        else { continue }
        let value = XML.collapsed(raw)
        if !seen[index].insert(value).inserted { messages.append(constraints[index].duplicateMessage(value)) }
      }
    }
    return messages
  }
}

/// A name compared with libxml2's without making strings. The parser interns names in its
/// dictionary, so the address of the last match usually settles it; the bytes decide otherwise.
private final class CName {
  private let bytes: [xmlChar]
  private var interned: UnsafePointer<xmlChar>?

  init(_ name: String) { bytes = Array(name.utf8) + [0] }

  func matches(_ name: UnsafePointer<xmlChar>) -> Bool {
    if name == interned { return true }
    guard xmlStrEqual(name, bytes) == 1 else { return false }
    interned = name
    return true
  }
}
