import Foundation

/// An XML Schema from a file outside Concord's own vocabulary — such as the OASIS Akoma Ntoso
/// schema (`akomantoso30.xsd`, with its `xml.xsd` beside it) — compiled once, to validate
/// documents against. The schema may import `.xsd` files from its own directory, nothing else.
public struct ExternalSchema: Sendable {
  public let path: String
  private let compiled: CompiledSchema

  /// Throws the schema's own diagnostics when it is missing or does not compile.
  public init(file path: String) throws {
    self.path = path
    switch LibXML2.compileSchema(file: path, documents: "documents against it") {
    case .success(let schema): compiled = schema
    case .failure(let error): throw error
    }
  }

  /// Every problem found in `data`; empty when it is valid. Streams the document, so memory
  /// stays flat; linear in its size.
  public func validate(_ data: Data, displayPath: String) -> [Diagnostic] {
    data.withUnsafeBytes { bytes in
      LibXML2.read(bytes, path: displayPath, schema: compiled, buildTree: false).diagnostics
        .filter { $0.severity == .error }
    }
  }
}
