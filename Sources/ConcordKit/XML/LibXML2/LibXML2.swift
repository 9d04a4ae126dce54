import CLibXML2

/// The entry points of the one folder that talks to libxml2 (`XML/LibXML2/`), and what its
/// files share: the options documents are parsed with and the one-time initialisation.
///
/// Everything else in Concord sees plain Swift values: `XML.Element` trees, `Diagnostic`s and
/// the opaque `CompiledSchema`. Every libxml2 object created in this folder is freed here too,
/// and no C pointer leaves it. The folder, by concern:
/// - `PushParser.swift`: the SAX push-parse loop, and the plain parse that words a
///   document's well-formedness errors;
/// - `SAXHandler.swift`, `SAXReader.swift`: the parser's callbacks, and the reader state they
///   drive (open elements, text, Concord's limits, the early stop a consumer may ask for);
/// - `ValidatorPlug.swift`: libxml2's streaming schema validator, plugged into the parser
///   when the root element's start tag has chosen the schema;
/// - `UniqueCheck.swift`: the embedded schemas' `xs:unique`, checked in the same pass;
/// - `SchemaCompiler.swift`: schemas compiled from Concord's embedded copies or from a folder;
/// - `EntityLoader.swift`: the external-entity loader that refuses all but schema files;
/// - `ErrorSink.swift`: errors captured per context, and libxml2's messages as Concord words
///   them.
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
    let validation: Validation = schema.map { .schema($0) } ?? .none
    let diagnostics = parse(bytes, path: path, validation: validation, limits: limits, into: builder)
    let root = diagnostics.contains { $0.severity == .error } ? nil : builder?.root
    return (root, diagnostics)
  }

  /// The libxml2 version this binary runs with, e.g. 20914.
  static var version: Int { Int(concord_libxml_version()) }

  /// `XML_PARSE_NONET` alone: no network, no entity substitution, no DTD loading, default limits.
  static let parseOptions = Int32(XML_PARSE_NONET.rawValue)

  /// Initialises libxml2 once per process, with the entity loader installed, and silences
  /// its generic error output on the calling thread.
  static func initialize() {
    _ = initialized
    // libxml2 keeps these per thread: set them on whichever thread is reading.
    concord_silence_generic_errors()
  }
}

/// What a pass validates against: nothing, a schema known beforehand, or the schema the root
/// element names, chosen when its start tag arrives (so the document is parsed once).
enum Validation {
  case none
  case schema(CompiledSchema)
  /// Returns the schema for this root element (nil: read without one), or throws
  /// `DiagnosticsError` to refuse the document: its diagnostics are then all that is reported.
  case chosenAtRoot((RootElement) throws -> CompiledSchema?)
}

/// A document's root element as its start tag gives it, for choosing the schema.
struct RootElement: Hashable, Sendable {
  /// The local name; `prefix:name` when the prefix is not declared (libxml2's tree does so).
  var name: String
  var namespace: String?
  var line: Int
  var column: Int
}

private let initialized: Bool = {
  xmlInitParser()
  xmlSetExternalEntityLoader(loadExternalResource)
  return true
}()
