import CLibXML2

/// The parser's callbacks: only the events Concord reads (elements and their text), each
/// handed to the `SAXReader` in the parser's user-data slot. Comments and processing
/// instructions are skipped; no document is built.
func makeSAXHandler() -> xmlSAXHandler {
  var handler = xmlSAXHandler()
  handler.initialized = UInt32(XML_SAX2_MAGIC)
  handler.startElementNs = {
    user, localName, prefix, namespace, namespaceCount, namespaces, attributeCount, defaultedCount, attributes
    in
    guard let user, let localName else { return }
    Unmanaged<SAXReader>.fromOpaque(user).takeUnretainedValue()
      .startElement(
        StartTag(
          localName: localName, prefix: prefix, namespace: namespace, namespaceCount: namespaceCount,
          namespaces: namespaces, attributeCount: attributeCount, defaultedCount: defaultedCount,
          attributes: attributes))
  }
  handler.endElementNs = { user, _, _, _ in
    guard let user else { return }
    Unmanaged<SAXReader>.fromOpaque(user).takeUnretainedValue().endElement()
  }
  let text: charactersSAXFunc = { user, characters, count in
    guard let user, let characters else { return }
    Unmanaged<SAXReader>.fromOpaque(user).takeUnretainedValue().text(characters, count: Int(count))
  }
  handler.characters = text
  handler.ignorableWhitespace = text
  handler.cdataBlock = text
  return handler
}

/// A start tag as libxml2 hands it to `startElementNs`: valid during the callback only.
struct StartTag {
  let localName: UnsafePointer<xmlChar>
  let prefix: UnsafePointer<xmlChar>?
  let namespace: UnsafePointer<xmlChar>?
  let namespaceCount: Int32
  let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let attributeCount: Int32
  let defaultedCount: Int32
  /// Five pointers an attribute: local name, prefix, namespace, value start, value end.
  let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

  var count: Int { Int(attributeCount) }

  /// `prefix:name`, or `name`, as the tag is written.
  var qualifiedName: String {
    (prefix.map { String(cString: $0) + ":" } ?? "") + String(cString: localName)
  }

  func name(ofAttribute index: Int) -> UnsafePointer<xmlChar>? { attributes?[5 * index] }
  func prefix(ofAttribute index: Int) -> UnsafePointer<xmlChar>? { attributes?[5 * index + 1] }
  func namespace(ofAttribute index: Int) -> UnsafePointer<xmlChar>? { attributes?[5 * index + 2] }

  /// The bytes of attribute `index`'s value.
  func bytes(ofAttribute index: Int) -> UnsafeBufferPointer<xmlChar>? {
    guard let attributes, let start = attributes[5 * index + 3], let end = attributes[5 * index + 4] else {
      return nil
    }
    return UnsafeBufferPointer(start: start, count: end - start)
  }

  /// The value of attribute `index`. With entity substitution off, libxml2 hands an
  /// attribute's `&amp;` on as `&#38;`: read back as `&`.
  func value(ofAttribute index: Int) -> String? {
    guard let bytes = bytes(ofAttribute: index) else { return nil }
    let value = String(decoding: bytes, as: UTF8.self)
    guard bytes.contains(UInt8(ascii: "&")) else { return value }
    return value.replacingOccurrences(of: "&#38;", with: "&")
  }

  /// Hands this start tag to `handler`, as the parser would.
  func send(to handler: startElementNsSAX2Func, userData: UnsafeMutableRawPointer?) {
    handler(
      userData, localName, prefix, namespace, namespaceCount, namespaces, attributeCount, defaultedCount,
      attributes)
  }
}
