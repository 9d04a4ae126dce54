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
  /// Reads a document from memory with libxml2's streaming reader, validating it against
  /// `schema` when one is given, building the element tree when `buildTree` is set, and
  /// stopping at the first element nested deeper, or text longer, than `limits` allow.
  ///
  /// Time is linear in the document's size; memory is the tree (when built) plus libxml2's
  /// small streaming window.
  static func read(
    _ bytes: UnsafeRawBufferPointer, path: String, schema: CompiledSchema?, buildTree: Bool,
    limits: Limits = Limits()
  ) -> (root: XML.Element?, diagnostics: [Diagnostic]) {
    initialize()
    let sink = ErrorSink(path: path, source: bytes)
    let options = parseOptions(for: limits)
    guard
      let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let reader = xmlReaderForMemory(base, Int32(bytes.count), path, "UTF-8", options)
    else {
      return (nil, [Diagnostic(file: path, message: "libxml2 could not open the document")])
    }
    var validation: xmlSchemaValidCtxtPtr?
    defer {
      // The reader unplugs itself from the validation context: free it first.
      xmlFreeTextReader(reader)
      if let validation { xmlSchemaFreeValidCtxt(validation) }
    }
    let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
    if let schema {
      validation = xmlSchemaNewValidCtxt(schema.pointer)
      guard let validation, xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
        return (nil, [Diagnostic(file: path, message: "libxml2 could not start schema validation")])
      }
      xmlSchemaSetValidStructuredErrors(validation, recordError, sinkPointer)
      // Not the reader's own error handler: once the validator is plugged in, libxml2 2.9 hands
      // that handler the validator's state in place of the parser's and crashes on the first
      // well-formedness error (a truncated file). The thread's handler gets the right sink.
      xmlSetStructuredErrorFunc(sinkPointer, recordError)
    } else {
      xmlTextReaderSetStructuredErrorHandler(reader, recordError, sinkPointer)
    }
    defer { concord_silence_generic_errors() }

    var builder = buildTree ? TreeBuilder() : nil
    let limitCheck = LimitCheck(limits: limits, path: path, source: bytes)
    while true {
      let status = xmlTextReaderRead(reader)
      if status != 1 {
        if status < 0 {
          // The reader drops the parser's error at the end of input, and reports a truncated
          // file as "Extra content at the end": a plain parse names the first real problem.
          let errors = wellFormednessErrors(bytes, path: path, options: options)
          if !errors.isEmpty {
            sink.diagnostics = errors
          } else if !sink.diagnostics.contains(where: { $0.severity == .error }) {
            sink.diagnostics.append(Diagnostic(file: path, message: "the document could not be read"))
          }
        }
        break
      }
      if let problem = limitCheck.problem(at: reader) {
        sink.diagnostics.append(problem)
        break
      }
      if sink.diagnostics.count >= maxErrorsPerDocument {
        // One read can bring several errors: keep exactly the first hundred.
        sink.diagnostics =
          Array(sink.diagnostics.prefix(maxErrorsPerDocument)) + [
            Diagnostic(
              file: path, message: "too many errors; stopped after the first \(maxErrorsPerDocument)")
          ]
        break
      }
      builder?.take(reader, sink: sink)
    }
    if schema != nil && xmlTextReaderIsValid(reader) != 1 && sink.diagnostics.isEmpty {
      sink.diagnostics.append(Diagnostic(file: path, message: "the document is not valid"))
    }
    let diagnostics = sink.diagnostics.map { limitCheck.worded($0) }
    let root = diagnostics.contains { $0.severity == .error } ? nil : builder?.root
    return (root, diagnostics)
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
    switch source {
    case .embedded:
      displayPath = "<embedded>/\(name.fileName)"
      sink = ErrorSink(path: displayPath, source: nil)
      let text = Array(EmbeddedSchemas.text(of: name.fileName).utf8)
      text.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
          else { return }
          schema = parse(context, sink: sink)
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
    return finish(schema, sink: sink, displayPath: displayPath, documents: "\(name.rootElement) documents")
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
      schema = parse(context, sink: sink)
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
    _ schema: xmlSchemaPtr?, sink: ErrorSink, displayPath: String, documents: String
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
    return .success(CompiledSchema(schema))
  }

  /// The libxml2 version this binary runs with, e.g. 20914.
  static var version: Int { Int(concord_libxml_version()) }
}

/// A compiled XML Schema, freed when the last reference goes.
final class CompiledSchema: @unchecked Sendable {
  fileprivate let pointer: xmlSchemaPtr

  fileprivate init(_ pointer: xmlSchemaPtr) { self.pointer = pointer }

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
/// A document that breaks its schema a thousand ways is reported by its first hundred.
private let maxErrorsPerDocument = 100

/// The same options whatever the limits: Concord's limits are capped at libxml2's own
/// ceilings (depth 256, texts of 10,000,000 bytes) rather than lifting them with HUGE.
private func parseOptions(for limits: Limits) -> Int32 { parseOptions }
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

private func parse(_ context: xmlSchemaParserCtxtPtr, sink: ErrorSink) -> xmlSchemaPtr? {
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
  let locator: TagLocator?
  var diagnostics: [Diagnostic] = []

  init(path: String, source: UnsafeRawBufferPointer?) {
    self.path = path
    self.locator = source.map(TagLocator.init)
  }

  func record(_ error: xmlError) {
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

// MARK: - Limits

/// Concord's limits on nesting depth and text length, checked on each node the reader
/// delivers. Constant work per node, plus the length of each text and attribute value.
private struct LimitCheck {
  let limits: Limits
  let path: String
  let source: UnsafeRawBufferPointer

  func problem(at reader: xmlTextReaderPtr) -> Diagnostic? {
    guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
    switch xmlTextReaderNodeType(reader) {
    case 1:
      let depth = Int(xmlTextReaderDepth(reader)) + 1
      if depth > limits.maxDepth {
        return problem(
          "elements nest \(depth) levels deep here, over the limit of \(limits.maxDepth) (set \(Limits.depthVariable) to raise it)",
          at: node)
      }
      var attribute = node.pointee.properties
      while let current = attribute {
        let length = current.pointee.children?.pointee.content.map(byteCount) ?? 0
        if length > limits.maxTextBytes {
          let name = string(current.pointee.name) ?? ""
          return problem(
            "the value of attribute \(name) is \(length) bytes, over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)",
            at: node)
        }
        attribute = current.pointee.next
      }
    case 3, 4, 13, 14:
      let length = xmlTextReaderConstValue(reader).map(byteCount) ?? 0
      if length > limits.maxTextBytes, let parent = node.pointee.parent {
        return problem(
          "a text of \(length) bytes, over the limit of \(limits.maxTextBytes) bytes (set \(Limits.textBytesVariable) to raise it)",
          at: parent)
      }
    default:
      break
    }
    return nil
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

  /// A diagnostic at an element's start tag. Its column counts the element's ancestors of the
  /// same name on the same line, so `<a><a><a>` points at the right one.
  private func problem(_ message: String, at node: xmlNodePtr) -> Diagnostic {
    let line = Int(xmlGetLineNo(node))
    let prefix = node.pointee.ns?.pointee.prefix.flatMap(string).map { $0 + ":" } ?? ""
    let name = prefix + (string(node.pointee.name) ?? "")
    var occurrence = 0
    var ancestor = node.pointee.parent
    while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE,
      Int(xmlGetLineNo(current)) == line
    {
      if current.pointee.name.flatMap(string) == node.pointee.name.flatMap(string) { occurrence += 1 }
      ancestor = current.pointee.parent
    }
    let locator = TagLocator(source)
    var column = 0
    for _ in 0...occurrence { column = locator.column(ofTag: name, line: line) }
    return Diagnostic(file: path, line: line, column: column, message: message)
  }
}

private func byteCount(_ text: UnsafePointer<xmlChar>) -> Int { Int(xmlStrlen(text)) }

private func byteCount(_ text: UnsafeMutablePointer<xmlChar>) -> Int { byteCount(UnsafePointer(text)) }

// MARK: - Building the tree

/// Turns the reader's stream of nodes into an `XML.Element` tree.
private struct TreeBuilder {
  private var stack: [XML.Element] = []
  private(set) var root: XML.Element?

  mutating func take(_ reader: xmlTextReaderPtr, sink: ErrorSink) {
    switch xmlTextReaderNodeType(reader) {
    case 1:
      let name = string(xmlTextReaderConstLocalName(reader)) ?? ""
      let qualifiedName = string(xmlTextReaderConstName(reader)) ?? name
      let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
      let column = sink.locator?.column(ofTag: qualifiedName, line: line) ?? 0
      var element = XML.Element(
        name: name, namespace: string(xmlTextReaderConstNamespaceUri(reader)), line: line,
        column: column)
      let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
      if xmlTextReaderHasAttributes(reader) == 1 {
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
          if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
          element.attributes.append(
            XML.Attribute(
              name: string(xmlTextReaderConstLocalName(reader)) ?? "",
              namespace: string(xmlTextReaderConstNamespaceUri(reader)),
              value: string(xmlTextReaderConstValue(reader)) ?? ""))
        }
        xmlTextReaderMoveToElement(reader)
      }
      if isEmpty { append(.element(element)) } else { stack.append(element) }
    case 15:
      if let element = stack.popLast() { append(.element(element)) }
    case 3, 4, 13, 14:
      if !stack.isEmpty, let value = string(xmlTextReaderConstValue(reader)) {
        append(.text(value))
      }
    default:
      break
    }
  }

  private mutating func append(_ node: XML.Node) {
    if stack.isEmpty {
      if case .element(let element) = node { root = element }
    } else {
      stack[stack.count - 1].children.append(node)
    }
  }
}
