import Foundation

/// The document kinds Concord knows, each with its schema in `Schemas/`.
public enum SchemaName: String, CaseIterable, Sendable {
  case workspace, members, section, positions, declaration

  /// The root element of documents of this kind.
  public var rootElement: String { rawValue }
  public var fileName: String { rawValue + ".xsd" }

  /// The kind of a document with this root element in Concord's namespace.
  public init?(rootElement: String) { self.init(rawValue: rootElement) }
}

/// Where schemas come from: the copies compiled into Concord (the default), or a directory
/// (`--schemas DIR`, or the `CONCORD_SCHEMAS` environment variable).
public enum SchemaSource: Hashable, Sendable {
  case embedded
  case directory(String)

  /// `CONCORD_SCHEMAS` when set, else the embedded schemas.
  public static var fromEnvironment: SchemaSource {
    if let directory = ProcessInfo.processInfo.environment["CONCORD_SCHEMAS"], !directory.isEmpty {
      return .directory(directory)
    }
    return .embedded
  }
}

/// Compiled schemas, each compiled once on first use and then reused.
public final class SchemaLibrary: @unchecked Sendable {
  public let source: SchemaSource
  private let lock = NSLock()
  private var compiled: [SchemaName: Result<CompiledSchema, DiagnosticsError>] = [:]

  public init(source: SchemaSource = .fromEnvironment) { self.source = source }

  func schema(_ name: SchemaName) -> Result<CompiledSchema, DiagnosticsError> {
    lock.lock()
    defer { lock.unlock() }
    if let result = compiled[name] { return result }
    let result = LibXML2.compileSchema(name, from: source)
    compiled[name] = result
    return result
  }

  /// Throws the schema's own diagnostics when it is missing or broken.
  public func check(_ name: SchemaName) throws {
    if case .failure(let error) = schema(name) { throw error }
  }
}
