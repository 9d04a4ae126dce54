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
  /// `schema` when one is given, and building the element tree when `buildTree` is set.
  ///
  /// Time is linear in the document's size; memory is the tree (when built) plus libxml2's
  /// small streaming window.
  static func read(
    _ bytes: UnsafeRawBufferPointer, path: String, schema: CompiledSchema?, buildTree: Bool
  ) -> (root: XML.Element?, diagnostics: [Diagnostic]) {
    initialize()
    let sink = ErrorSink(path: path, source: bytes)
    guard
      let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
      let reader = xmlReaderForMemory(base, Int32(bytes.count), path, "UTF-8", parseOptions)
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
    while true {
      let status = xmlTextReaderRead(reader)
      if status != 1 {
        if status < 0 {
          // The reader drops the parser's error at the end of input, and reports a truncated
          // file as "Extra content at the end": a plain parse names the first real problem.
          if let error = wellFormednessError(bytes, path: path) {
            sink.diagnostics = [error]
          } else if !sink.diagnostics.contains(where: { $0.severity == .error }) {
            sink.diagnostics.append(Diagnostic(file: path, message: "the document could not be read"))
          }
        }
        break
      }
      builder?.take(reader, sink: sink)
    }
    if schema != nil && xmlTextReaderIsValid(reader) != 1 && sink.diagnostics.isEmpty {
      sink.diagnostics.append(Diagnostic(file: path, message: "the document is not valid"))
    }
    let root = sink.diagnostics.contains { $0.severity == .error } ? nil : builder?.root
    return (root, sink.diagnostics)
  }

  /// The local name and namespace of the document's root element, read without validation.
  /// Stops at the first element, so it costs next to nothing on large files.
  static func rootElement(_ bytes: UnsafeRawBufferPointer, path: String) -> (
    name: String, namespace: String?
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
        return (
          string(xmlTextReaderConstLocalName(reader)) ?? "", string(xmlTextReaderConstNamespaceUri(reader))
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
      displayPath = file
      sink = ErrorSink(path: file, source: nil)
      guard FileSystem.isRegularFile(file) else {
        return .failure(
          DiagnosticsError(
            Diagnostic(
              file: file, message: "schema file is missing; cannot validate \(name.rootElement) documents")))
      }
      ResourcePolicy.shared.allow(directory: FileSystem.directory(of: FileSystem.absolute(file)))
      if let context = xmlSchemaNewParserCtxt(FileSystem.absolute(file)) {
        schema = parse(context, sink: sink)
      }
    }
    let problems = sink.diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.severity = .error
      return diagnostic
    }
    guard let schema, problems.isEmpty else {
      if let schema { xmlSchemaFree(schema) }
      let summary = Diagnostic(
        file: displayPath, message: "schema failed to compile; cannot validate \(name.rootElement) documents")
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
private func wellFormednessError(_ bytes: UnsafeRawBufferPointer, path: String) -> Diagnostic? {
  guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
    let context = xmlNewParserCtxt()
  else { return nil }
  defer { xmlFreeParserCtxt(context) }
  if let document = xmlCtxtReadMemory(context, base, Int32(bytes.count), path, "UTF-8", parseOptions) {
    xmlFreeDoc(document)
  }
  guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else { return nil }
  let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
  return Diagnostic(
    file: path, line: Int(error.pointee.line), column: Int(error.pointee.int2),
    message: ErrorSink.readable(message))
}

// MARK: - Initialisation and options

/// `XML_PARSE_NONET` alone: no network, no entity substitution, no DTD loading, default limits.
private let parseOptions = Int32(XML_PARSE_NONET.rawValue)
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
    let message = Self.readable(raw)
    let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
    let line = Int(error.line)
    var column = Int(error.int2)
    if column <= 0, line > 0, let locator {
      column = locator.column(forMessage: raw, line: line)
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
    var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
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
