import Foundation
import Testing

/// Files short enough to read in a sitting and functions that fit on a screen: no source file
/// over 400 lines (the generated embedded schemas aside), no function over 80 lines.
@Suite struct SourceShapeTests {
  static let maxFileLines = 400
  static let maxFunctionLines = 80

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  static func files() throws -> [(path: String, text: String)] {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var files: [(path: String, text: String)] = []
    for case let relative as String in walker where relative.hasSuffix(".swift") {
      files.append(
        (relative, try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)))
    }
    return files.sorted { $0.path < $1.path }
  }

  @Test func noSourceFileIsOverFourHundredLines() throws {
    let long = try Self.files().filter { !$0.path.hasSuffix("EmbeddedSchemas.swift") }
      .map { ($0.path, $0.text.split(separator: "\n", omittingEmptySubsequences: false).count) }
      .filter { $0.1 > Self.maxFileLines }
    #expect(long.isEmpty, "\(long)")
  }

  @Test func noFunctionIsOverEightyLines() throws {
    var long: [String] = []
    for file in try Self.files() {
      let code = StageDependencyTests.codeOnly(file.text)
      for (line, length) in Self.functions(in: code) where length > Self.maxFunctionLines {
        long.append("\(file.path):\(line): \(length) lines")
      }
    }
    #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
  }

  /// The first line and length of every `func`, `init` and `subscript` body.
  static func functions(in code: String) -> [(line: Int, length: Int)] {
    let pattern = #"(?:\bfunc\s+[^\s(<]+|\binit[?!]?|\bsubscript)\s*(?:<[^>]*>)?\s*\("#
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let bytes = Array(code.utf8)
    let nsCode = code as NSString
    var result: [(Int, Int)] = []
    for match in expression.matches(in: code, range: NSRange(location: 0, length: nsCode.length)) {
      let prefix = nsCode.substring(to: match.range.location)
      var index = prefix.utf8.count
      // The body's opening brace: the first `{` after the signature, unless a `;` or a new
      // declaration (a protocol requirement) comes first.
      while index < bytes.count, bytes[index] != UInt8(ascii: "{") {
        if bytes[index] == UInt8(ascii: ";") { break }
        index += 1
      }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { continue }
      var depth = 0
      var end = index
      while end < bytes.count {
        if bytes[end] == UInt8(ascii: "{") { depth += 1 }
        if bytes[end] == UInt8(ascii: "}") {
          depth -= 1
          if depth == 0 { break }
        }
        end += 1
      }
      let first = bytes[..<prefix.utf8.count].filter { $0 == UInt8(ascii: "\n") }.count + 1
      let last = bytes[..<min(end, bytes.count)].filter { $0 == UInt8(ascii: "\n") }.count + 1
      result.append((first, last - first + 1))
    }
    return result
  }
}
