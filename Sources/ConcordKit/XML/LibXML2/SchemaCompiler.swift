import CLibXML2

/// Schema compilation: Concord's embedded schemas (their simple `xs:unique` taken out, to be
/// checked by `UniqueCheck`), or schema files from a folder the user named. Warnings count as
/// errors (an import skipped under NONET is only a warning).
extension LibXML2 {
  /// Compiles an XML Schema: from Concord's embedded copy, or from a file in a directory the
  /// user named.
  static func compileSchema(_ name: SchemaName, from source: SchemaSource) -> Result<
    CompiledSchema, DiagnosticsError
  > {
    initialize()
    let documents = "\(name.rootElement) documents"
    switch source {
    case .embedded:
      let displayPath = "<embedded>/\(name.fileName)"
      let sink = ErrorSink(path: displayPath, source: nil, wording: MessageWording())
      let (schemaText, uniques) = UniqueConstraint.takingOut(
        of: EmbeddedSchemas.text(of: name.fileName), rootElement: name.rootElement)
      var schema: xmlSchemaPtr?
      let text = Array(schemaText.utf8)
      text.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
          else { return }
          schema = parseSchema(context, sink: sink)
        }
      }
      return finish(schema, uniques: uniques, sink: sink, displayPath: displayPath, documents: documents)
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
      return compileSchema(file: file, documents: documents)
    }
  }

  /// Compiles the XML Schema in `file` (Concord's, or another such as the OASIS Akoma Ntoso
  /// schema). It may include or import `.xsd` files from its own directory, nothing else.
  /// `documents` names what it validates, for the messages.
  static func compileSchema(file: String, documents: String) -> Result<CompiledSchema, DiagnosticsError> {
    initialize()
    let sink = ErrorSink(path: file, source: nil, wording: MessageWording())
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
        contentsOf: data.withUnsafeBytes { wellFormednessErrors($0, path: file, wording: MessageWording()) },
        at: 0)
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

  private static func parseSchema(_ context: xmlSchemaParserCtxtPtr, sink: ErrorSink) -> xmlSchemaPtr? {
    defer { xmlSchemaFreeParserCtxt(context) }
    xmlSchemaSetParserStructuredErrors(context, recordError, Unmanaged.passUnretained(sink).toOpaque())
    return xmlSchemaParse(context)
  }
}

/// A compiled XML Schema, freed when the last reference goes. Opaque outside this folder.
final class CompiledSchema: @unchecked Sendable {
  /// libxml2's schema; read by `ValidatorPlug` only.
  let pointer: xmlSchemaPtr
  /// The identity constraints taken out of the schema, which the reader checks itself.
  let uniques: [UniqueConstraint]

  fileprivate init(_ pointer: xmlSchemaPtr, uniques: [UniqueConstraint] = []) {
    self.pointer = pointer
    self.uniques = uniques
  }

  deinit { xmlSchemaFree(pointer) }
}
