import CLibXML2

/// libxml2's streaming schema validator, plugged into a push parser: the parser's events pass
/// through it before they reach the `SAXReader`. Plugged when the root element's start tag
/// arrives (that tag is then handed to it again), so that the root element can choose the
/// schema without a second reading of the document.
final class ValidatorPlug {
  private let validation: xmlSchemaValidCtxtPtr
  private var plug: xmlSchemaSAXPlugPtr?

  /// Plugs a validator for `schema` into `context`, its errors going to `sink`; nil if
  /// libxml2 cannot start one.
  init?(_ schema: CompiledSchema, into context: xmlParserCtxtPtr, sink: ErrorSink) {
    guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else { return nil }
    guard let slots = SAXSlots(context) else {
      xmlSchemaFreeValidCtxt(validation)
      return nil
    }
    xmlSchemaSetValidStructuredErrors(validation, recordError, Unmanaged.passUnretained(sink).toOpaque())
    // In SAX mode the validator does not know the parser: lines come from this locator.
    xmlSchemaValidateSetLocator(validation, parserLine, UnsafeMutableRawPointer(context))
    guard let plug = xmlSchemaSAXPlug(validation, slots.handler, slots.userData) else {
      xmlSchemaFreeValidCtxt(validation)
      return nil
    }
    self.validation = validation
    self.plug = plug
  }

  /// Whether the validator has found the document valid so far.
  var isValid: Bool { xmlSchemaIsValid(validation) == 1 }

  /// Unplugs (giving the parser its own handler back) and frees the validator; before the
  /// parser is freed.
  func close() {
    guard let plug else { return }
    xmlSchemaSAXUnplug(plug)
    xmlSchemaFreeValidCtxt(validation)
    self.plug = nil
  }
}

/// The addresses of the parser's handler and user-data fields, which the validator's plug
/// swaps for its own and restores when unplugged.
private struct SAXSlots {
  let handler: UnsafeMutablePointer<xmlSAXHandlerPtr?>
  let userData: UnsafeMutablePointer<UnsafeMutableRawPointer?>

  init?(_ context: xmlParserCtxtPtr) {
    guard let handlerOffset = MemoryLayout<xmlParserCtxt>.offset(of: \.sax),
      let userDataOffset = MemoryLayout<xmlParserCtxt>.offset(of: \.userData)
    else { return nil }
    let base = UnsafeMutableRawPointer(context)
    handler = (base + handlerOffset).assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
    userData = (base + userDataOffset).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }
}

/// The parser's line, for the validator's diagnostics.
private func parserLine(
  _ context: UnsafeMutableRawPointer?, _ file: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
  _ line: UnsafeMutablePointer<UInt>?
) -> Int32 {
  file?.pointee = nil
  line?.pointee = UInt(max(0, xmlSAX2GetLineNumber(context)))
  return 0
}
