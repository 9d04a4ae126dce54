import CLibXML2

/// The one file that talks to libxml2.
///
/// Everything else in Concord sees plain Swift values: `XML.Element` trees, `Diagnostic`s and
/// the opaque `CompiledSchema`. Every libxml2 object created here is freed here.
///
/// Safety rules kept here (see `ARCHITECTURE.md`): the parser is initialised once; documents are
/// read with `XML_PARSE_NONET` only (no entity substitution, no DTD loading, no HUGE); an
/// external-entity loader refuses every resource except Concord's own schema files; errors are
/// captured per context through structured handlers and never printed by libxml2.
enum LibXML2 {
  /// Reads a document from memory with libxml2's SAX parser, validating it against `schema`
  /// when one is given (libxml2's streaming validator, plugged into the parser), building the
  /// element tree when `buildTree` is set, and stopping at the first element nested deeper,
  /// or text longer, than `limits` allow.
  ///
  /// Time is linear in the document's size; memory is the tree (when built) plus the
  /// validator's state, which follows the open elements only.
  static func read(
    _ bytes: UnsafeRawBufferPointer, path: String, schema: CompiledSchema?, buildTree: Bool,
    limits: Limits = Limits()
  ) -> (root: XML.Element?, diagnostics: [Diagnostic]) {
    let builder = buildTree ? TreeBuilder() : nil
    let diagnostics = parse(bytes, path: path, schema: schema, limits: limits, into: builder)
    let root = diagnostics.contains { $0.severity == .error } ? nil : builder?.root
    return (root, diagnostics)
  }

  /// Parses (and validates) a document, handing its elements and text to `consumer` in
  /// document order; returns every problem found.
  static func parse(
    _ bytes: UnsafeRawBufferPointer, path: String, schema: CompiledSchema?, limits: Limits,
    into consumer: (any XMLEventConsumer)?
  ) -> [Diagnostic] {
    initialize()
    let sink = ErrorSink(path: path, source: bytes)
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
      context: context, sink: sink, limits: limits, uniques: schema?.uniques ?? [], consumer: consumer)
    context.pointee.sax.pointee = makeSAXHandler()
    context.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()

    let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
    var validation: xmlSchemaValidCtxtPtr?
    var plug: xmlSchemaSAXPlugPtr?
    defer {
      // Unplugging gives the parser its own handler back, which freeing the parser frees.
      if let plug { xmlSchemaSAXUnplug(plug) }
      if let validation { xmlSchemaFreeValidCtxt(validation) }
    }
    if let schema {
      validation = xmlSchemaNewValidCtxt(schema.pointer)
      guard let validation, let slots = SAXSlots(context) else {
        return [Diagnostic(file: path, message: "libxml2 could not start schema validation")]
      }
      xmlSchemaSetValidStructuredErrors(validation, recordError, sinkPointer)
      // In SAX mode the validator does not know the parser: lines come from this locator.
      xmlSchemaValidateSetLocator(validation, parserLine, UnsafeMutableRawPointer(context))
      plug = xmlSchemaSAXPlug(validation, slots.handler, slots.userData)
      guard plug != nil else {
        return [Diagnostic(file: path, message: "libxml2 could not start schema validation")]
      }
    }
    // The parser's errors go to the thread's structured handler (the plugged-in validator
    // does not pass them to the document's handler); reset when done.
    xmlSetStructuredErrorFunc(sinkPointer, recordError)
    defer { concord_silence_generic_errors() }
    var offset = head
    while offset < bytes.count && !reader.stopped && context.pointee.disableSAX == 0 {
      let count = min(pushChunkBytes, bytes.count - offset)
      xmlParseChunk(context, base + offset, Int32(count), 0)
      offset += count
    }
    if !reader.stopped { xmlParseChunk(context, nil, 0, 1) }

    if !reader.stopped && context.pointee.wellFormed == 0 {
      // Report a document that is not well-formed by its first error (the cause) and the
      // last, as a plain parse words them.
      let errors = wellFormednessErrors(bytes, path: path)
      if !errors.isEmpty {
        sink.diagnostics = errors
      } else if !sink.diagnostics.contains(where: { $0.severity == .error }) {
        sink.diagnostics.append(Diagnostic(file: path, message: "the document could not be read"))
      }
    } else if let validation, !reader.stopped, xmlSchemaIsValid(validation) != 1,
      !sink.diagnostics.contains(where: { $0.severity == .error })
    {
      sink.diagnostics.append(Diagnostic(file: path, message: "the document is not valid"))
    }
    return sink.diagnostics.map { reader.worded($0) }
  }

  /// The local name and namespace of the document's root element, read without validation.
  /// Stops at the first element, so it costs next to nothing on large files.
  static func rootElement(_ bytes: UnsafeRawBufferPointer, path: String) -> (
    name: String, namespace: String?, line: Int, column: Int
  )? {
    initialize()
    let sink = ErrorSink(path: path, source: bytes)
    guard
      let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let reader = xmlReaderForMemory(base, Int32(bytes.count), path, "UTF-8", parseOptions)
    else { return nil }
    defer { xmlFreeTextReader(reader) }
    xmlTextReaderSetStructuredErrorHandler(
      reader, recordError, Unmanaged.passUnretained(sink).toOpaque())
    while xmlTextReaderRead(reader) == 1 {
      if xmlTextReaderNodeType(reader) == elementNode {
        let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
        let qualifiedName = string(xmlTextReaderConstName(reader)) ?? ""
        return (
          string(xmlTextReaderConstLocalName(reader)) ?? "", string(xmlTextReaderConstNamespaceUri(reader)),
          line, TagLocator(bytes).column(ofTag: qualifiedName, line: line)
        )
      }
    }
    return nil
  }

  /// Compiles an XML Schema: from Concord's embedded copy, or from a file in a directory the
  /// user named. Warnings count as errors (an import skipped under NONET is only a warning).
  static func compileSchema(_ name: SchemaName, from source: SchemaSource) -> Result<
    CompiledSchema, DiagnosticsError
  > {
    initialize()
    let displayPath: String
    let sink: ErrorSink
    var schema: xmlSchemaPtr?
    var uniques: [UniqueConstraint] = []
    switch source {
    case .embedded:
      displayPath = "<embedded>/\(name.fileName)"
      sink = ErrorSink(path: displayPath, source: nil)
      let (schemaText, constraints) = UniqueConstraint.takingOut(
        of: EmbeddedSchemas.text(of: name.fileName), rootElement: name.rootElement)
      uniques = constraints
      let text = Array(schemaText.utf8)
      text.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
          else { return }
          schema = parseSchema(context, sink: sink)
        }
      }
    case .directory(let directory):
      let file = directory.hasSuffix("/") ? directory + name.fileName : directory + "/" + name.fileName
      guard FileSystem.isDirectory(directory) else {
        return .failure(
          DiagnosticsError(
            Diagnostic(
              file: directory,
              message:
                "schema folder does not exist (named by --schemas or CONCORD_SCHEMAS); cannot validate \(name.rootElement) documents"
            )))
      }
      return compileSchema(file: file, documents: "\(name.rootElement) documents")
    }
    return finish(
      schema, uniques: uniques, sink: sink, displayPath: displayPath,
      documents: "\(name.rootElement) documents")
  }

  /// Compiles the XML Schema in `file` (Concord's, or another such as the OASIS Akoma Ntoso
  /// schema). It may include or import `.xsd` files from its own directory, nothing else.
  /// `documents` names what it validates, for the messages.
  static func compileSchema(file: String, documents: String) -> Result<CompiledSchema, DiagnosticsError> {
    initialize()
    let sink = ErrorSink(path: file, source: nil)
    guard FileSystem.isRegularFile(file) else {
      return .failure(
        DiagnosticsError(
          Diagnostic(file: file, message: "schema file is missing; cannot validate \(documents)")))
    }
    ResourcePolicy.shared.allow(directory: FileSystem.directory(of: FileSystem.absolute(file)))
    var schema: xmlSchemaPtr?
    if let context = xmlSchemaNewParserCtxt(FileSystem.absolute(file)) {
      schema = parseSchema(context, sink: sink)
    }
    // libxml2 says only "Failed to parse the XML resource": name the line that breaks it.
    if schema == nil, let data = try? FileSystem.read(file, limit: Limits().maxInputBytes) {
      sink.diagnostics.insert(
        contentsOf: data.withUnsafeBytes { wellFormednessErrors($0, path: file) }, at: 0)
    }
    return finish(schema, sink: sink, displayPath: file, documents: documents)
  }

  /// The compiled schema, or its problems: warnings count as errors.
  private static func finish(
    _ schema: xmlSchemaPtr?, uniques: [UniqueConstraint] = [], sink: ErrorSink, displayPath: String,
    documents: String
  ) -> Result<CompiledSchema, DiagnosticsError> {
    let problems = sink.diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.severity = .error
      return diagnostic
    }
    guard let schema, problems.isEmpty else {
      if let schema { xmlSchemaFree(schema) }
      let summary = Diagnostic(
        file: displayPath, message: "schema failed to compile; cannot validate \(documents)")
      return .failure(DiagnosticsError(problems + [summary]))
    }
    return .success(CompiledSchema(schema, uniques: uniques))
  }

  /// The libxml2 version this binary runs with, e.g. 20914.
  static var version: Int { Int(concord_libxml_version()) }
}

/// A compiled XML Schema, freed when the last reference goes.
final class CompiledSchema: @unchecked Sendable {
  fileprivate let pointer: xmlSchemaPtr
  /// The identity constraints taken out of the schema, which the reader checks itself.
  let uniques: [UniqueConstraint]

  fileprivate init(_ pointer: xmlSchemaPtr, uniques: [UniqueConstraint] = []) {
    self.pointer = pointer
    self.uniques = uniques
  }

  deinit { xmlSchemaFree(pointer) }
}

/// The first well-formedness error of a document, from a plain (non-streaming) parse.
/// The first well-formedness error of a document (the cause), and the last one when it
/// differs (for a truncated file, "Premature end of data"), from a plain parse.
private func wellFormednessErrors(
  _ bytes: UnsafeRawBufferPointer, path: String, options: Int32 = parseOptions
) -> [Diagnostic] {
  guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
    let context = xmlNewParserCtxt()
  else { return [] }
  defer { xmlFreeParserCtxt(context) }
  // The parser's own structured handler, with the sink in the context's private slot: every
  // error is collected, so the first one (the cause) can be reported.
  let sink = ErrorSink(path: path, source: nil)
  context.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
  context.pointee.sax.pointee.serror = recordParserError
  if let document = xmlCtxtReadMemory(context, base, Int32(bytes.count), path, "UTF-8", options) {
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
      message: ErrorSink.readable(message))
  ]
}

/// A parser context's structured error handler: libxml2 passes the context itself, whose
/// private slot holds the sink.
private func recordParserError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let userData, let error else { return }
  let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let sink = context.pointee._private else { return }
  Unmanaged<ErrorSink>.fromOpaque(sink).takeUnretainedValue().record(error.pointee)
}

// MARK: - Initialisation and options

/// `XML_PARSE_NONET` alone: no network, no entity substitution, no DTD loading, default limits.
private let parseOptions = Int32(XML_PARSE_NONET.rawValue)
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

/// How much of a document the push parser is handed at a time.
private let pushChunkBytes = 64 << 10
/// A document that breaks its schema a thousand ways is reported by its first hundred.
private let maxErrorsPerDocument = 100

private let elementNode: Int32 = 1

private let initialized: Bool = {
  xmlInitParser()
  xmlSetExternalEntityLoader(loadExternalResource)
  return true
}()

private func initialize() {
  _ = initialized
  // libxml2 keeps these per thread: set them on whichever thread is reading.
  concord_silence_generic_errors()
}

private func parseSchema(_ context: xmlSchemaParserCtxtPtr, sink: ErrorSink) -> xmlSchemaPtr? {
  defer { xmlSchemaFreeParserCtxt(context) }
  xmlSchemaSetParserStructuredErrors(context, recordError, Unmanaged.passUnretained(sink).toOpaque())
  return xmlSchemaParse(context)
}

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
  pointer.map { String(cString: $0) }
}

// MARK: - External resources

/// Refuses every external resource but Concord's schemas: the embedded ones by bare name, and
/// files in the schema directories the user named. Documents themselves never load anything
/// (a `<!DOCTYPE` is refused before parsing), so this guards schemas and defends in depth.
private func loadExternalResource(
  _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
  guard let url else { return nil }
  switch ResourcePolicy.shared.decision(for: String(cString: url)) {
  case .embedded(let text):
    let bytes = Array(text.utf8)
    let buffer = bytes.withUnsafeBufferPointer { pointer in
      pointer.withMemoryRebound(to: CChar.self) {
        xmlParserInputBufferCreateMem($0.baseAddress, Int32($0.count), XML_CHAR_ENCODING_UTF8)
      }
    }
    guard let buffer else { return nil }
    return xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_UTF8)
  case .file(let path):
    return xmlNewInputFromFile(context, path)
  case .refused:
    return nil
  }
}

// MARK: - Errors

/// Collects the errors of one parsing or validation context.
private final class ErrorSink {
  let path: String
  let source: UnsafeRawBufferPointer?
  let locator: TagLocator?
  var diagnostics: [Diagnostic] = []
  /// Set when reading stops early: whatever libxml2 reports after that is not kept.
  var closed = false

  init(path: String, source: UnsafeRawBufferPointer?) {
    self.path = path
    self.source = source
    self.locator = source.map(TagLocator.init)
  }

  func record(_ error: xmlError) {
    guard !closed else { return }
    let raw = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    // libxml2 follows a failed facet check with this internal note about the same value.
    if raw.contains("No precomputed value available") { return }
    let message = Self.readable(raw)
    let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
    var line = Int(error.line)
    var column = Int(error.int2)
    if column <= 0, line > 0, let locator {
      if let duplicate = locator.duplicateKey(forMessage: raw, before: line) {
        (line, column) = duplicate
      } else {
        column = locator.column(forMessage: raw, line: line)
      }
    }
    let file: String
    if let name = error.file.map({ String(cString: $0) }), !name.isEmpty, name != path,
      locator == nil
    {
      file = name
    } else {
      file = path
    }
    diagnostics.append(
      Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
  }

  /// libxml2's messages end with a newline and spell names as `{urn:concord:1}clause`.
  static func readable(_ message: String) -> String {
    // One line per diagnostic: some messages continue on a second line ("Bytes: 0xFF …").
    var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
    text = text.replacingOccurrences(of: "{\(XML.concordNamespace)}", with: "")
    text = text.replacingOccurrences(of: "{\(XML.xmlNamespace)}", with: "xml:")
    text = text.replacingOccurrences(of: "Schemas validity error : ", with: "")
    return text
  }
}

private func recordError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let userData, let error else { return }
  Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
}

// MARK: - Reading with SAX

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

/// Only the events Concord reads: elements and their text. Everything else (comments,
/// processing instructions) is skipped; no document is built.
private func makeSAXHandler() -> xmlSAXHandler {
  var handler = xmlSAXHandler()
  handler.initialized = UInt32(XML_SAX2_MAGIC)
  handler.startElementNs = { user, localName, prefix, namespace, _, _, attributeCount, _, attributes in
    guard let user, let localName else { return }
    Unmanaged<SAXReader>.fromOpaque(user).takeUnretainedValue()
      .startElement(
        localName, prefix: prefix, namespace: namespace, attributes: attributes, count: Int(attributeCount))
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

/// Follows the parser's events: checks Concord's limits on depth and text length, stops at
/// the hundredth error, and hands elements and text to the consumer as Swift values.
private final class SAXReader {
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
  /// The schema's identity constraints checked here, and the values each has seen.
  private let uniques: [UniqueConstraint]
  private let uniqueNames: [(element: CName, attribute: CName)]
  private let concordNamespace = CName(XML.concordNamespace)
  @exclusivity(unchecked) private var seen: [Set<String>]
  @exclusivity(unchecked) private(set) var stopped = false

  init(
    context: xmlParserCtxtPtr, sink: ErrorSink, limits: Limits, uniques: [UniqueConstraint],
    consumer: (any XMLEventConsumer)?
  ) {
    self.context = context
    self.sink = sink
    self.limits = limits
    self.uniques = uniques
    self.uniqueNames = uniques.map { (CName($0.element), CName($0.attribute)) }
    self.seen = Array(repeating: [], count: uniques.count)
    self.consumer = consumer
  }

  func startElement(
    _ name: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int
  ) {
    endText()
    guard !stopped else { return }
    let line = Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    open.append(Open(name: name, prefix: prefix, line: line))
    if open.count > limits.maxDepth {
      return stop(
        "elements nest \(open.count) levels deep here, over the limit of \(limits.maxDepth) (set \(Limits.depthVariable) to raise it)"
      )
    }
    // Five pointers an attribute: local name, prefix, namespace, value start, value end.
    for index in 0..<count {
      guard let attributes, let start = attributes[5 * index + 3], let end = attributes[5 * index + 4],
        end - start > limits.maxTextBytes
      else { continue }
      let name = attributes[5 * index].map { String(cString: $0) } ?? ""
      return stop(
        "the value of attribute \(name) is \(end - start) bytes, over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)"
      )
    }
    if !uniques.isEmpty {
      checkUniques(name, namespace: namespace, attributes: attributes, count: count)
    }
    guard !tooManyErrors(), let consumer, skipping == nil else { return }
    var element = XML.Element(
      name: String(cString: name), namespace: namespace.map { String(cString: $0) }, line: line)
    element.attributes.reserveCapacity(count)
    for index in 0..<count {
      guard let attributes, let localName = attributes[5 * index], let start = attributes[5 * index + 3],
        let end = attributes[5 * index + 4]
      else { continue }
      element.attributes.append(
        XML.Attribute(
          name: String(cString: localName), namespace: attributes[5 * index + 2].map { String(cString: $0) },
          value: attributeValue(UnsafeBufferPointer(start: start, count: end - start))))
    }
    if consumer.wantsColumns {
      element.column = sink.locator?.column(ofTag: open[open.count - 1].qualifiedName, line: line) ?? 0
    }
    if !consumer.start(element, endingAt: Int(xmlByteConsumed(context))) { skipping = open.count }
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
  }

  func text(_ characters: UnsafePointer<xmlChar>, count: Int) {
    guard !stopped, !open.isEmpty else { return }
    textLength += count
    if consumer != nil, skipping == nil, textLength <= limits.maxTextBytes {
      textBytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
    }
  }

  /// Whether this element repeats a value that one of the schema's identity constraints
  /// wants unique; reported at its start tag, found from where the parser stands.
  private func checkUniques(
    _ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int
  ) {
    guard let namespace, concordNamespace.matches(namespace) else { return }
    let depth = open.count
    for index in uniques.indices
    where (uniques[index].anyDepth ? depth >= 2 : depth == 2) && uniqueNames[index].element.matches(name) {
      for attribute in 0..<count {
        guard let attributes, attributes[5 * attribute + 1] == nil,
          let attributeName = attributes[5 * attribute], uniqueNames[index].attribute.matches(attributeName),
          let start = attributes[5 * attribute + 3], let end = attributes[5 * attribute + 4]
        else { continue }
        let value = XML.collapsed(
          attributeValue(UnsafeBufferPointer(start: start, count: end - start)))
        if !seen[index].insert(value).inserted {
          let place = sink.source.flatMap {
            TagLocator($0).place(
              ofTag: open[open.count - 1].qualifiedName, before: Int(xmlByteConsumed(context)))
          }
          sink.diagnostics.append(
            Diagnostic(
              file: sink.path, line: place?.line ?? open[open.count - 1].line, column: place?.column ?? 0,
              message: uniques[index].duplicateMessage(value)))
        }
      }
    }
  }

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

  /// With entity substitution off, libxml2 hands an attribute's `&amp;` on as `&#38;`.
  private func attributeValue(_ bytes: UnsafeBufferPointer<xmlChar>) -> String {
    let value = String(decoding: bytes, as: UTF8.self)
    guard bytes.contains(UInt8(ascii: "&")) else { return value }
    return value.replacingOccurrences(of: "&#38;", with: "&")
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

  /// libxml2's messages as Concord words them: on one line, and its own limits (which cut in
  /// before Concord's while it parses ahead) named with the variable that raises Concord's.
  func worded(_ diagnostic: Diagnostic) -> Diagnostic {
    var diagnostic = diagnostic
    // One line per diagnostic: some messages go on ("Bytes: 0xC3 0x28 …").
    let message = diagnostic.message.split(whereSeparator: \.isNewline).joined(separator: " ")
    diagnostic.message = message
    if message.contains("Excessive depth in document") {
      let cap = min(limits.maxDepth, Limits.parserMaxDepth)
      let advice =
        limits.maxDepth < Limits.parserMaxDepth
        ? "set \(Limits.depthVariable) to raise it" : "libxml2's own ceiling, which Concord does not lift"
      diagnostic.message =
        "elements nest more than \(cap) levels deep, over the limit of \(limits.maxDepth) (\(advice))"
    } else if message.contains("Huge input lookup") || message.contains("huge text node")
      || message.contains("AttValue length too long")
    {
      diagnostic.message =
        "a text or attribute value over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)"
    }
    return diagnostic
  }
}
