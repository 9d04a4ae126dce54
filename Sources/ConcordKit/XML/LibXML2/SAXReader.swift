import CLibXML2

/// The state of one SAX pass: follows the parser's events, chooses the schema at the root
/// element, checks Concord's limits on depth and text length, stops at the hundredth error or
/// when the consumer has all it needs, and hands elements and text to the consumer as Swift
/// values.
final class SAXReader {
  /// An open element: its names as libxml2 interns them (valid while the parser lives).
  private struct Open {
    let name: UnsafePointer<xmlChar>
    let prefix: UnsafePointer<xmlChar>?
    let line: Int

    var qualifiedName: String {
      (prefix.map { String(cString: $0) + ":" } ?? "") + String(cString: name)
    }
  }

  private let context: xmlParserCtxtPtr
  private let sink: ErrorSink
  private let limits: Limits
  private let consumer: (any XMLEventConsumer)?
  // The reader's state is touched by the parsing thread only, one event at a time: the
  // per-access exclusivity checks (several percent of reading) are left out.
  @exclusivity(unchecked) private var open: [Open] = []
  /// The run of text since the last tag: its length, and its bytes when a consumer wants them.
  @exclusivity(unchecked) private var textLength = 0
  @exclusivity(unchecked) private var textBytes: [UInt8] = []
  /// The depth of the element whose content the consumer chose not to hear, while inside it.
  @exclusivity(unchecked) private var skipping: Int?
  /// The schema's identity constraints that Concord checks itself, once the schema is known.
  private var uniques: UniqueCheck?
  @exclusivity(unchecked) private(set) var stopped = false
  /// How to find the schema, until the root element's start tag has done so.
  private var validation: Validation
  /// Set while the root's start tag is handed again, through the validator just plugged in.
  private var replayingRoot = false
  /// The validator plugged into the parser, if any; the parse closes it.
  private(set) var validator: ValidatorPlug?
  /// When the root element refuses the document: what to report instead of anything else.
  private(set) var refusal: [Diagnostic]?

  init(
    context: xmlParserCtxtPtr, sink: ErrorSink, limits: Limits, validation: Validation,
    consumer: (any XMLEventConsumer)?
  ) {
    self.context = context
    self.sink = sink
    self.limits = limits
    self.validation = validation
    self.consumer = consumer
  }

  func startElement(_ tag: StartTag) {
    endText()
    guard !stopped else { return }
    if open.isEmpty, choseSchemaInstead(at: tag) { return }
    let line = Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    open.append(Open(name: tag.localName, prefix: tag.prefix, line: line))
    if open.count > limits.maxDepth {
      return stop(
        "elements nest \(open.count) levels deep here, over the limit of \(limits.maxDepth) (set \(Limits.depthVariable) to raise it)"
      )
    }
    for index in 0..<tag.count {
      guard let bytes = tag.bytes(ofAttribute: index), bytes.count > limits.maxTextBytes else { continue }
      let name = tag.name(ofAttribute: index).map { String(cString: $0) } ?? ""
      return stop(
        "the value of attribute \(name) is \(bytes.count) bytes, over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)"
      )
    }
    if let uniques {
      for message in uniques.duplicates(in: tag, depth: open.count) { reportDuplicate(message) }
    }
    guard !tooManyErrors(), let consumer, skipping == nil else { return }
    var element = XML.Element(
      name: String(cString: tag.localName), namespace: tag.namespace.map { String(cString: $0) }, line: line)
    element.attributes.reserveCapacity(tag.count)
    for index in 0..<tag.count {
      guard let localName = tag.name(ofAttribute: index), let value = tag.value(ofAttribute: index) else {
        continue
      }
      element.attributes.append(
        XML.Attribute(
          name: String(cString: localName),
          namespace: tag.namespace(ofAttribute: index).map { String(cString: $0) },
          value: value))
    }
    if consumer.wantsColumns {
      element.column = sink.locator?.column(ofTag: open[open.count - 1].qualifiedName, line: line) ?? 0
    }
    if !consumer.start(element, endingAt: Int(xmlByteConsumed(context))) { skipping = open.count }
    _ = finishIfSatisfied()
  }

  func endElement() {
    endText()
    guard !stopped else { return }
    let depth = open.count
    open.removeLast()
    guard !tooManyErrors() else { return }
    if let skipping {
      guard depth == skipping else { return }
      self.skipping = nil
    }
    consumer?.end(at: Int(xmlByteConsumed(context)))
    _ = finishIfSatisfied()
  }

  func text(_ characters: UnsafePointer<xmlChar>, count: Int) {
    guard !stopped, !open.isEmpty else { return }
    textLength += count
    if consumer != nil, skipping == nil, textLength <= limits.maxTextBytes {
      textBytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
    }
  }

  /// Stops reading, without a problem, when the consumer has all it needs: nothing after
  /// this point is read, validated or reported. Returns whether it did.
  func finishIfSatisfied() -> Bool {
    guard !stopped, let consumer, consumer.isSatisfied else { return false }
    halt()
    return true
  }

  // MARK: - The root element

  /// At the root element's start tag: chooses the schema, plugs its validator into the
  /// parser and hands the tag to it again (the plug passes it on to this reader, which then
  /// reads it as any other). Returns whether the tag was dealt with here: handed on, or the
  /// document refused.
  private func choseSchemaInstead(at tag: StartTag) -> Bool {
    if replayingRoot {
      replayingRoot = false
      return false
    }
    let schema: CompiledSchema?
    switch validation {
    case .none: return false
    case .schema(let known): schema = known
    case .chosenAtRoot(let choose):
      do {
        schema = try choose(rootElement(tag))
      } catch let error as DiagnosticsError {
        return refuse(error.diagnostics)
      } catch {
        return refuse([Diagnostic(file: sink.path, message: "\(error)")])
      }
    }
    validation = .none
    guard let schema else { return false }
    guard let plug = ValidatorPlug(schema, into: context, sink: sink),
      let handler = context.pointee.sax?.pointee.startElementNs
    else {
      return refuse([Diagnostic(file: sink.path, message: "libxml2 could not start schema validation")])
    }
    validator = plug
    uniques = schema.uniques.isEmpty ? nil : UniqueCheck(schema.uniques)
    replayingRoot = true
    tag.send(to: handler, userData: context.pointee.userData)
    return true
  }

  /// The root element as its start tag names it. An undeclared prefix stays in the name,
  /// as libxml2's tree keeps it (`<c:section>` without `xmlns:c` is `c:section`, in no
  /// namespace).
  private func rootElement(_ tag: StartTag) -> RootElement {
    let line = Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    let namespace = tag.namespace.map { String(cString: $0) }
    let name = namespace == nil ? tag.qualifiedName : String(cString: tag.localName)
    let column = sink.source.map { TagLocator($0).column(ofTag: tag.qualifiedName, line: line) } ?? 0
    return RootElement(name: name, namespace: namespace, line: line, column: column)
  }

  /// Refuses the document with `diagnostics` alone, and stops reading.
  private func refuse(_ diagnostics: [Diagnostic]) -> Bool {
    refusal = diagnostics
    halt()
    return true
  }

  // MARK: - Text, problems and stopping

  /// A tag ends the run of text before it: hand it on, or stop if it was too long.
  private func endText() {
    guard textLength > 0 else { return }
    defer {
      textLength = 0
      textBytes.removeAll(keepingCapacity: true)
    }
    guard !stopped else { return }
    if textLength > limits.maxTextBytes {
      return stop(
        "a text of \(textLength) bytes, over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)"
      )
    }
    if skipping == nil { consumer?.text(String(decoding: textBytes, as: UTF8.self)) }
  }

  /// A value an identity constraint wants unique, repeated by the innermost open element:
  /// reported at its start tag, found from where the parser stands.
  private func reportDuplicate(_ message: String) {
    let element = open[open.count - 1]
    let place = sink.source.flatMap {
      TagLocator($0).place(ofTag: element.qualifiedName, before: Int(xmlByteConsumed(context)))
    }
    sink.diagnostics.append(
      Diagnostic(
        file: sink.path, line: place?.line ?? element.line, column: place?.column ?? 0, message: message))
  }

  /// Keeps exactly the first hundred errors of a document (one event can bring several).
  private func tooManyErrors() -> Bool {
    guard sink.diagnostics.count >= maxErrorsPerDocument else { return false }
    sink.diagnostics =
      Array(sink.diagnostics.prefix(maxErrorsPerDocument)) + [
        Diagnostic(
          file: sink.path, message: "too many errors; stopped after the first \(maxErrorsPerDocument)")
      ]
    halt()
    return true
  }

  /// Stops parsing with a problem at the innermost open element's start tag. Its column counts
  /// the open elements of the same name on the same line, so `<a><a><a>` points at the right one.
  private func stop(_ message: String) {
    defer { halt() }
    guard let element = open.last else {
      sink.diagnostics.append(Diagnostic(file: sink.path, message: message))
      return
    }
    let name = element.qualifiedName
    let occurrences = open.reversed().prefix { $0.line == element.line }.filter {
      xmlStrEqual($0.name, element.name) == 1
    }.count
    var column = 0
    if let source = sink.source {
      let locator = TagLocator(source)
      for _ in 0..<occurrences { column = locator.column(ofTag: name, line: element.line) }
    }
    sink.diagnostics.append(Diagnostic(file: sink.path, line: element.line, column: column, message: message))
  }

  /// Ends the parse from inside a callback. Not with `xmlStopParser`: that frees the input
  /// under the validator, which still reads this element's attributes after us. Turning the
  /// events off ends both; the push loop feeds no more, and later errors are not kept.
  private func halt() {
    stopped = true
    sink.closed = true
    context.pointee.disableSAX = 1
  }
}

/// A document that breaks its schema a thousand ways is reported by its first hundred.
private let maxErrorsPerDocument = 100
