import Foundation

/// Reads Concord documents: checks what libxml2 should never see, then parses and validates
/// each against the schema its root element names.
public struct DocumentReader: Sendable {
  public var schemas: SchemaLibrary
  public var limits: Limits

  public init(schemas: SchemaLibrary = SchemaLibrary(), limits: Limits = .fromEnvironment) {
    self.schemas = schemas
    self.limits = limits
  }

  /// Reads, checks and validates a file, returning its element tree.
  /// - Parameters:
  ///   - expected: the kind the caller needs; another root element is an error.
  ///   - displayPath: how diagnostics name the file.
  public func read(_ path: String, as expected: SchemaName? = nil, displayPath: String? = nil)
    throws -> XML.Element
  {
    let name = displayPath ?? path
    let data = try readFile(path, shownAs: name)
    return try read(data, as: expected, displayPath: name)
  }

  public func read(_ data: Data, as expected: SchemaName? = nil, displayPath: String) throws
    -> XML.Element
  {
    let builder = TreeBuilder()
    try read(data, as: expected, displayPath: displayPath, into: builder)
    guard let root = builder.root else {
      throw DiagnosticsError(Diagnostic(file: displayPath, message: "the document is empty"))
    }
    return root
  }

  /// Reads, checks and validates a document, handing its elements and text to `consumer` as
  /// the parser meets them; throws every error found. A consumer that has all it needs
  /// (`isSatisfied`) ends the reading there, without error (see `readHead`).
  func read(_ data: Data, as expected: SchemaName?, displayPath: String, into consumer: any XMLEventConsumer)
    throws
  {
    let errors = errors(in: data, as: expected, displayPath: displayPath, into: consumer)
    if !errors.isEmpty { throw DiagnosticsError(errors) }
  }

  /// The same reading on two threads, for a large document read whole: `consumer` hears the
  /// events of a pass that leaves the schema out, on a thread of its own, while this thread
  /// runs `first` (another job, such as checking the chain of revisions) and then validates
  /// the document. `first`'s error comes first, then validation's; what `consumer` made of a
  /// document that breaks its schema is thrown away unused, so the outcome is `first` then
  /// the one pass. On one core, or for a small document, it is just that. For a consumer that
  /// reads the whole document (not `readHead`'s, which stops early: validation here does not).
  /// - Parameter then: run on the decoding thread with the consumer when its pass ended
  ///   without an error, while this one may still validate (work on what the consumer made,
  ///   kept for when validation has passed; not run when the reading is not split).
  func readAlongside<Consumer: XMLEventConsumer & SendableMetatype>(
    _ data: consuming Data, as expected: SchemaName?, displayPath: String, into consumer: Consumer,
    from threshold: Int = alongsideBytes, then: @escaping @Sendable (Consumer) -> Void = { _ in },
    after first: () throws -> Void = {}
  ) throws {
    guard data.count >= threshold, ProcessInfo.processInfo.activeProcessorCount > 1 else {
      try first()
      return try read(data, as: expected, displayPath: displayPath, into: consumer)
    }
    // Let go of the bytes once both passes are over, not when `then` has done its work too.
    let shared = SharedOnce(consume data, readers: 2)
    let handed = HandedOver(consumer)
    let decoding = Alongside { [limits] in
      let errors = shared.use { data in
        data?.withUnsafeBytes { bytes -> [Diagnostic]? in
          // The precheck is validation's; a document it refuses is not handed to libxml2 here.
          guard (try? Self.precheck(bytes, path: displayPath)) != nil else { return nil }
          return LibXML2.parse(
            bytes, path: displayPath, validation: .none, limits: limits, into: handed.consumer
          )
          .filter { $0.severity == .error }
        }
      }
      if errors?.isEmpty == true { then(handed.consumer) }
      return errors ?? []
    }
    do {
      try first()
    } catch {
      shared.done()
      _ = decoding.result()
      throw error
    }
    let errors = shared.use { data in
      // Never without the bytes (only a failed `first` lets go of them early); if it were,
      // nothing would pass unvalidated.
      data.map { self.errors(in: $0, as: expected, displayPath: displayPath, into: nil) }
        ?? [Diagnostic(file: displayPath, message: "the document was not validated")]
    }
    let parsed = (try? decoding.result().get()) ?? []
    if !errors.isEmpty { throw DiagnosticsError(errors) }
    if !parsed.isEmpty { throw DiagnosticsError(parsed) }
  }

  /// A consumer handed to the thread that reads into it, and back once it has finished: used by
  /// one thread at a time.
  private struct HandedOver<Consumer>: @unchecked Sendable {
    let consumer: Consumer
    init(_ consumer: Consumer) { self.consumer = consumer }
  }

  /// From this size on, `readAlongside` splits the reading (below it, a thread costs more
  /// than it saves).
  static let alongsideBytes = 1 << 20

  /// Reads a document's head: its root element with the children before the first one named
  /// `boundary` (for a revision, everything before its first `<section>`), checked and
  /// validated as far as read. Reading stops there: the rest is neither read, validated nor
  /// reported, so ask for this only for bytes already proven sound (by their digest).
  func readHead(_ data: Data, as kind: SchemaName, displayPath: String, before boundary: String) throws
    -> XML.Element
  {
    let builder = HeadBuilder(before: boundary)
    try read(data, as: kind, displayPath: displayPath, into: builder)
    guard let head = builder.head else {
      throw DiagnosticsError(Diagnostic(file: displayPath, message: "the document is empty"))
    }
    return head
  }

  /// Reads a document that has no Concord schema, such as a part of a Word package: the same
  /// size limit and precheck as every Concord document (UTF-8 only, no NUL, no `<!DOCTYPE`),
  /// the same parser and limits, one SAX pass into `consumer`, no validation.
  func readForeign(_ data: Data, displayPath: String, into consumer: any XMLEventConsumer) throws {
    if data.count > limits.maxInputBytes {
      throw DiagnosticsError(
        Diagnostic(
          file: displayPath,
          message:
            "the part is larger than \(limits.maxInputBytes) bytes (\(Limits.inputBytesVariable) raises the limit)"
        ))
    }
    let errors: [Diagnostic] = data.withUnsafeBytes { bytes in
      do {
        try Self.precheck(bytes, path: displayPath)
      } catch let error as DiagnosticsError {
        return error.diagnostics
      } catch {
        return [Diagnostic(file: displayPath, message: "\(error)")]
      }
      return LibXML2.parse(bytes, path: displayPath, validation: .none, limits: limits, into: consumer)
        .filter { $0.severity == .error }
    }
    if !errors.isEmpty { throw DiagnosticsError(errors) }
  }

  /// Parses bytes cut from a document this reader has already read and validated (such as a
  /// revision's paragraphs put back inside their root and section start tags), handing their
  /// events to `consumer` with byte offsets into `data`: no precheck, no schema. Returns every
  /// problem found (none is expected).
  func reread(_ data: Data, displayPath: String, into consumer: any XMLEventConsumer) -> [Diagnostic] {
    data.withUnsafeBytes {
      LibXML2.parse($0, path: displayPath, validation: .none, limits: limits, into: consumer)
    }
  }

  /// Validates a file without building its tree (streaming: memory stays flat), returning
  /// every problem found; empty when the file is valid.
  public func validate(_ path: String, displayPath: String? = nil) -> [Diagnostic] {
    let name = displayPath ?? path
    do {
      return validate(try readFile(path, shownAs: name), as: nil, displayPath: name)
    } catch let error as DiagnosticsError {
      return error.diagnostics
    } catch {
      return [Diagnostic(file: name, message: "\(error)")]
    }
  }

  /// Validates a document held in memory, as its bytes are, without building its tree (how
  /// the assembler checks a revision before writing it); `expected` names the kind it must
  /// be, if any.
  public func validate(_ data: Data, as expected: SchemaName?, displayPath: String) -> [Diagnostic] {
    errors(in: data, as: expected, displayPath: displayPath, into: nil)
  }

  /// The one reading of a document: the precheck's look at its bytes, then one SAX pass in
  /// which the root element's start tag chooses the schema, and the validator joins there.
  private func errors(
    in data: Data, as expected: SchemaName?, displayPath path: String, into consumer: (any XMLEventConsumer)?
  ) -> [Diagnostic] {
    data.withUnsafeBytes { bytes in
      do {
        try Self.precheck(bytes, path: path)
      } catch let error as DiagnosticsError {
        return error.diagnostics
      } catch {
        return [Diagnostic(file: path, message: "\(error)")]
      }
      var rootFound = false
      let validation = Validation.chosenAtRoot { root in
        rootFound = true
        return try self.schema(for: root, expected: expected, path: path)
      }
      let errors = LibXML2.parse(bytes, path: path, validation: validation, limits: limits, into: consumer)
        .filter { $0.severity == .error }
      if errors.isEmpty, !rootFound, consumer?.isSatisfied != true {
        return [Diagnostic(file: path, message: "no root element found")]
      }
      return errors
    }
  }

  // MARK: - Before libxml2

  /// The file's bytes; problems reading it are reported under the name diagnostics use.
  func readFile(_ path: String, shownAs name: String) throws -> Data {
    do {
      return try FileSystem.read(path, limit: limits.maxInputBytes)
    } catch let error as DiagnosticsError {
      throw DiagnosticsError(
        error.diagnostics.map { diagnostic in
          var diagnostic = diagnostic
          diagnostic.file = name
          return diagnostic
        })
    }
  }

  /// The schema for a document whose root element is `root`; throws when that is not a
  /// Concord document, or not the kind expected.
  private func schema(for root: RootElement, expected: SchemaName?, path: String) throws -> CompiledSchema {
    let kind = SchemaName(rootElement: root.name)
    guard root.namespace == XML.concordNamespace, let kind else {
      let found = root.namespace.map { "<\(root.name) xmlns=\"\($0)\">" } ?? "<\(root.name)>"
      let wanted = expected.map { "a <\($0.rootElement)> document" } ?? "a Concord document"
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: root.line, column: root.column,
          message:
            "expected \(wanted) in namespace \(XML.concordNamespace), found \(found)"))
    }
    if let expected, kind != expected {
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: root.line, column: root.column,
          message: "expected a <\(expected.rootElement)> document, found <\(kind.rootElement)>"))
    }
    switch schemas.schema(kind) {
    case .success(let schema): return schema
    case .failure(let error): throw error
    }
  }

  /// Refuses what Concord never accepts, before libxml2 sees it: empty files, UTF-16 and
  /// UTF-32 or another declared encoding (Concord documents are UTF-8; libxml2 would follow a
  /// declared ISO-8859-1 even after a UTF-8 BOM and garble the text), NUL bytes, and any
  /// `<!DOCTYPE` (the way in for entity expansion and external entities; no Concord document
  /// needs one). The NUL scan is `memchr` over the whole file, which reads at memory speed;
  /// the other checks read the first bytes or the prolog only.
  static func precheck(_ bytes: UnsafeRawBufferPointer, path: String) throws {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "the file is empty; expected an XML document"))
    }
    if bytes.count > Int(Int32.max) {
      throw DiagnosticsError(
        Diagnostic(file: path, message: "the file is over 2 GiB, more than libxml2 can read"))
    }
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
        || (bytes[0] == 0 || bytes[1] == 0)
    {
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: 1, column: 1,
          message: "the file is UTF-16 or UTF-32; Concord reads UTF-8 only (re-save it as UTF-8)"))
    }
    if let (offset, encoding) = declaredEncoding(in: bytes),
      !["utf-8", "utf8"].contains(encoding.lowercased())
    {
      let (line, column) = position(of: offset, in: bytes)
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: line, column: column,
          message:
            "the file declares encoding=\"\(encoding)\"; Concord reads UTF-8 only (re-save it as UTF-8)"))
    }
    if let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) {
      let offset = base.distance(to: UnsafeRawPointer(found))
      let (line, column) = position(of: offset, in: bytes)
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: line, column: column,
          message: "the file contains a NUL byte, which XML does not allow (is it a binary file?)"))
    }
    if let offset = doctypeOffset(in: bytes) {
      let (line, column) = position(of: offset, in: bytes)
      throw DiagnosticsError(
        Diagnostic(
          file: path, line: line, column: column,
          message:
            "document type declarations (<!DOCTYPE>) are not accepted: Concord documents need none, and they carry entity expansion and external entities"
        ))
    }
  }

  /// The 1-based line and character column of a byte offset.
  private static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (Int, Int) {
    var line = 1
    var column = 1
    for index in 0..<offset {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[index] & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="…"?>`), with the
  /// offset of its value; nil without one. Reads only the declaration.
  private static func declaredEncoding(in bytes: UnsafeRawBufferPointer) -> (Int, String)? {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard bytes.count > start + 6, bytes[start..<start + 5].elementsEqual("<?xml".utf8) else {
      return nil
    }
    let declaration = bytes[start..<min(bytes.count, start + 256)]
    guard let end = declaration.firstIndex(of: UInt8(ascii: ">")),
      let text = String(validating: bytes[start..<end], as: UTF8.self),
      let name = text.range(of: "encoding")
    else { return nil }
    let rest = text[name.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return (start + text.utf8.distance(from: text.startIndex, to: rest.startIndex) + 1, String(value))
  }

  /// Where a `<!DOCTYPE` stands in the prolog (the only place XML allows one), skipping the
  /// XML declaration, processing instructions, comments and white space. Reads only the
  /// prolog, so it costs nothing on large documents.
  private static func doctypeOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
    func hasPrefix(_ text: String, at offset: Int) -> Bool {
      let pattern = Array(text.utf8)
      guard offset + pattern.count <= bytes.count else { return false }
      return (0..<pattern.count).allSatisfy { bytes[offset + $0] == pattern[$0] }
    }
    func skip(past terminator: String, from offset: Int) -> Int {
      var index = offset
      while index < bytes.count, !hasPrefix(terminator, at: index) { index += 1 }
      return index + terminator.utf8.count
    }
    var index = hasPrefix("\u{FEFF}", at: 0) ? 3 : 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      case UInt8(ascii: "<"):
        if hasPrefix("<?", at: index) {
          index = skip(past: "?>", from: index + 2)
        } else if hasPrefix("<!--", at: index) {
          index = skip(past: "-->", from: index + 4)
        } else if hasPrefix("<!DOCTYPE", at: index) {
          return index
        } else {
          return nil
        }
      default:
        return nil
      }
    }
    return nil
  }
}
