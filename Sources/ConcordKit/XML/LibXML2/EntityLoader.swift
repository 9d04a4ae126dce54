import CLibXML2
import Foundation

/// The entity-loading policy: libxml2's external-entity loader is replaced (once, at
/// initialisation) by one that refuses every resource but Concord's schemas.
///
/// Allowed are the embedded schemas by bare name, and `.xsd` files in the schema directories
/// the user named. Documents themselves never load anything (a `<!DOCTYPE` is refused before
/// parsing), so this guards schemas and defends in depth.
func loadExternalResource(
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

/// Which external resources libxml2 may load: only schema files.
final class ResourcePolicy: @unchecked Sendable {
  enum Decision {
    case embedded(String)
    case file(String)
    case refused
  }

  static let shared = ResourcePolicy()
  private let lock = NSLock()
  private var directories: Set<String> = []

  func allow(directory: String) {
    lock.lock()
    directories.insert(directory)
    lock.unlock()
  }

  func decision(for url: String) -> Decision {
    let path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
    if !path.contains("/"), EmbeddedSchemas.names.contains(path) {
      return .embedded(EmbeddedSchemas.text(of: path))
    }
    guard path.hasSuffix(".xsd"), !path.contains("://") else { return .refused }
    let absolute = FileSystem.absolute(path)
    lock.lock()
    defer { lock.unlock() }
    return directories.contains(FileSystem.directory(of: absolute)) ? .file(absolute) : .refused
  }
}
