import Foundation
import ZIPFoundation

/// A Word package opened as untrusted input: the ZIP is checked before any part is read, and
/// each part is inflated under limits that are enforced while inflating, never taken from the
/// headers (which a ZIP bomb fills with whatever it likes).
///
/// Refused, each with a message naming the file: bytes that are no ZIP (a PDF, a Word 97-2003
/// `.doc`, random bytes), an OpenDocument file, a package without `word/document.xml`, entry
/// names with `..`, a leading `/` or a drive letter, two entries with one name, a part that
/// inflates past `maxPartBytes`, a package that inflates past `maxTotalBytes`, and a part that
/// inflates more than `maxRatio` times its compressed size once past 1 MiB.
struct DocxArchive {
  struct PackageLimits: Sendable {
    var maxPartBytes: Int
    var maxTotalBytes: Int
    var maxRatio: Int

    init(reading limits: Limits) {
      maxPartBytes = limits.maxInputBytes
      maxTotalBytes = 2 * limits.maxInputBytes
      maxRatio = 200
    }
  }

  let path: String
  private let archive: Archive
  private let entries: [String: Entry]
  private let limits: PackageLimits
  private var inflated = 0

  /// The parts Concord reads, when the package has them.
  static let document = "word/document.xml"
  static let styles = "word/styles.xml"
  static let numbering = "word/numbering.xml"
  static let comments = "word/comments.xml"
  static let customProperties = "docProps/custom.xml"
  static let coreProperties = "docProps/core.xml"

  init(_ data: Data, path: String, limits: PackageLimits) throws {
    self.path = path
    self.limits = limits
    try Self.checkKind(data, path: path)
    guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
      throw Self.error(path, "is not a Word document: its ZIP structure cannot be read")
    }
    var entries: [String: Entry] = [:]
    for entry in archive {
      let name = entry.path
      if let problem = Self.unsafeName(name) {
        throw Self.error(path, "entry \"\(name)\" \(problem); a Word document never has one")
      }
      if entries[name] != nil {
        throw Self.error(path, "two entries are named \"\(name)\"; a Word document has each part once")
      }
      entries[name] = entry
    }
    if entries["mimetype"] != nil || entries["content.xml"] != nil {
      throw Self.error(
        path, "is an OpenDocument file (ODT), not a Word document: save it as Word 2007-365 (.docx)")
    }
    guard entries[Self.document] != nil else {
      throw Self.error(path, "is a ZIP file but not a Word document: it has no \(Self.document)")
    }
    self.archive = archive
    self.entries = entries
  }

  /// A part's bytes, or nil when the package has no such part.
  mutating func part(_ name: String) throws -> Data? {
    guard let entry = entries[name] else { return nil }
    var data = Data()
    let compressed = max(Int(entry.compressedSize), 1)
    var total = inflated
    let limits = self.limits
    let path = self.path
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        total += chunk.count
        if data.count > limits.maxPartBytes {
          throw Self.error(
            path,
            "\(name) inflates to more than \(limits.maxPartBytes) bytes (\(Limits.inputBytesVariable) raises the limit)"
          )
        }
        if total > limits.maxTotalBytes {
          throw Self.error(
            path, "the package inflates to more than \(limits.maxTotalBytes) bytes (a ZIP bomb?)")
        }
        if data.count > 1 << 20, data.count / compressed > limits.maxRatio {
          throw Self.error(
            path,
            "\(name) inflates more than \(limits.maxRatio) times its compressed size (a ZIP bomb?)")
        }
      }
    } catch let error as DiagnosticsError {
      throw error
    } catch {
      throw Self.error(path, "\(name) cannot be inflated: \(error)")
    }
    inflated = total
    return data
  }

  // MARK: - Checks

  /// Names what the bytes are when they are plainly not a ZIP.
  private static func checkKind(_ data: Data, path: String) throws {
    let head = Array(data.prefix(8))
    if head.starts(with: Array("%PDF".utf8)) {
      throw error(path, "is a PDF, not a Word document: Concord reads .docx files")
    }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw error(path, "is a Word 97-2003 document (.doc): save it as Word 2007-365 (.docx)")
    }
    if !head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw error(path, "is not a Word document (.docx is a ZIP package, and this is none)")
    }
  }

  /// What is wrong with an entry name, or nil.
  private static func unsafeName(_ name: String) -> String? {
    if name.hasPrefix("/") || name.hasPrefix("\\") { return "is an absolute path" }
    if name.count >= 2, name.dropFirst().first == ":" { return "names a drive" }
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    if parts.contains("..") { return "leads outside the package (\"..\")" }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "holds a control character" }
    return nil
  }

  static func error(_ path: String, _ message: String) -> DiagnosticsError {
    DiagnosticsError(Diagnostic(file: path, message: message))
  }
}
