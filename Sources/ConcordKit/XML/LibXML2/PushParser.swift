import CLibXML2

/// The SAX push-parse loop, the one reading of a document: libxml2 is fed the caller's bytes
/// a slice at a time and its events go to a `SAXReader`. Also the plain parse that words a
/// document's well-formedness errors (run only when the push parse found the document broken).
extension LibXML2 {
  /// Parses (and validates) a document, handing its elements and text to `consumer` in
  /// document order; returns every problem found. When the consumer says it has all it needs
  /// (`isSatisfied`), reading stops there and what follows is neither read nor reported.
  static func parse(
    _ bytes: UnsafeRawBufferPointer, path: String, validation: Validation, limits: Limits,
    into consumer: (any XMLEventConsumer)?
  ) -> [Diagnostic] {
    initialize()
    let wording = MessageWording(limits: limits)
    let sink = ErrorSink(path: path, source: bytes, wording: wording)
    // A push parser, fed the caller's bytes a slice at a time: libxml2 keeps only a small
    // window of them (a memory parser would copy the whole document first). The first four
    // bytes tell it the encoding.
    let head = min(4, bytes.count)
    guard
      let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let context = xmlCreatePushParserCtxt(nil, nil, base, Int32(head), path)
    else {
      return [Diagnostic(file: path, message: "libxml2 could not open the document")]
    }
    defer { xmlFreeParserCtxt(context) }
    xmlCtxtUseOptions(context, parseOptions)

    let reader = SAXReader(
      context: context, sink: sink, limits: limits, validation: validation, consumer: consumer)
    context.pointee.sax.pointee = makeSAXHandler()
    context.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()
    // Unplugging gives the parser its own handler back, which freeing the parser frees.
    defer { reader.validator?.close() }
    // The parser's errors go to the thread's structured handler (the plugged-in validator
    // does not pass them to the document's handler); reset when done.
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque(), recordError)
    defer { concord_silence_generic_errors() }
    var offset = head
    while offset < bytes.count && !reader.stopped && context.pointee.disableSAX == 0 {
      // Between slices, the consumer may have all it needs.
      if reader.finishIfSatisfied() { break }
      let count = min(pushChunkBytes, bytes.count - offset)
      xmlParseChunk(context, base + offset, Int32(count), 0)
      offset += count
    }
    if !reader.stopped { xmlParseChunk(context, nil, 0, 1) }

    if let refusal = reader.refusal { return refusal }
    if !reader.stopped && context.pointee.wellFormed == 0 {
      // Report a document that is not well-formed by its first error (the cause) and the
      // last, as a plain parse words them.
      let errors = wellFormednessErrors(bytes, path: path, wording: wording)
      if !errors.isEmpty {
        sink.diagnostics = errors
      } else if !sink.diagnostics.contains(where: { $0.severity == .error }) {
        sink.diagnostics.append(Diagnostic(file: path, message: "the document could not be read"))
      }
    } else if let validator = reader.validator, !reader.stopped, !validator.isValid,
      !sink.diagnostics.contains(where: { $0.severity == .error })
    {
      sink.diagnostics.append(Diagnostic(file: path, message: "the document is not valid"))
    }
    return sink.diagnostics
  }

  /// The first well-formedness error of a document (the cause), and the last one when it
  /// differs (for a truncated file, "Premature end of data"), from a plain parse.
  static func wellFormednessErrors(
    _ bytes: UnsafeRawBufferPointer, path: String, wording: MessageWording
  ) -> [Diagnostic] {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let context = xmlNewParserCtxt()
    else { return [] }
    defer { xmlFreeParserCtxt(context) }
    // The parser's own structured handler, with the sink in the context's private slot: every
    // error is collected, so the first one (the cause) can be reported.
    let sink = ErrorSink(path: path, source: nil, wording: wording)
    context.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
    context.pointee.sax.pointee.serror = recordParserError
    if let document = xmlCtxtReadMemory(context, base, Int32(bytes.count), path, "UTF-8", parseOptions) {
      xmlFreeDoc(document)
    }
    let errors = sink.diagnostics.filter { $0.severity == .error }
    if let first = errors.first, let last = errors.last {
      return first == last ? [first] : [first, last]
    }
    guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else { return [] }
    let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
    return [
      Diagnostic(
        file: path, line: Int(error.pointee.line), column: Int(error.pointee.int2),
        message: wording.worded(message))
    ]
  }
}

/// How much of a document the push parser is handed at a time.
private let pushChunkBytes = 64 << 10

/// A parser context's structured error handler: libxml2 passes the context itself, whose
/// private slot holds the sink.
private func recordParserError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let userData, let error else { return }
  let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let sink = context.pointee._private else { return }
  Unmanaged<ErrorSink>.fromOpaque(sink).takeUnretainedValue().record(error.pointee)
}
