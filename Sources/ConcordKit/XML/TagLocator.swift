/// Finds the column of a start tag or attribute in a document's bytes.
///
/// libxml2 records the line of each element but not its column, and schema errors carry
/// neither; this recovers the column from the raw text so every diagnostic can say
/// `file:line:col`. Line starts are indexed once (linear time), lazily, on first use; the
/// tags of a line are located in one pass over it, however many there are (a whole document
/// on one line included).
final class TagLocator {
  private let bytes: UnsafeRawBufferPointer
  private var lineStarts: [Int]?
  /// Where the last tag of a name located on a line was found, to search on from there.
  private var seen: [Key: (offset: Int, column: Int)] = [:]

  private struct Key: Hashable {
    var line: Int
    var name: String
  }

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// The column of the next not-yet-located `<name` on `line` (elements arrive in order).
  func column(ofTag name: String, line: Int) -> Int {
    let key = Key(line: line, name: name)
    let starts = indexedLineStarts()
    guard line >= 1, line <= starts.count else { return 0 }
    let end = line < starts.count ? starts[line] : bytes.count
    let pattern = Array(("<" + name).utf8)
    // Resume one byte after the previous match (its column counted), or at the line's start.
    var (offset, column) = seen[key].map { ($0.offset, $0.column) } ?? (starts[line - 1], 0)
    if seen[key] != nil {
      offset += 1
      if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { column += 1 }
    }
    while offset + pattern.count <= end {
      if matches(pattern, at: offset), isBoundary(at: offset + pattern.count, end: end) {
        seen[key] = (offset, column)
        return column + 1
      }
      offset += 1
      if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { column += 1 }
    }
    seen[key] = (end, column)
    return 0
  }

  /// The column an error message refers to: `Element 'x', attribute 'y': …` points at `y=`
  /// (or else at `<x`) on the given line.
  func column(forMessage message: String, line: Int) -> Int {
    guard let element = quoted(after: "Element '", in: message) else { return 0 }
    let name = element.split(separator: "}").last.map(String.init) ?? element
    guard
      let tag = find("<" + name, line: line, occurrence: 0, boundary: true)
        ?? find(":" + name, line: line, occurrence: 0, boundary: true)
    else { return 0 }
    if let attribute = quoted(after: "attribute '", in: message) {
      let local = attribute.split(separator: "}").last.map(String.init) ?? attribute
      let prefix = attribute.hasPrefix("{\(XML.xmlNamespace)}") ? "xml:" : ""
      if let column = find(" " + prefix + local + "=", line: line, occurrence: 0, from: tag) {
        return column + 2
      }
    }
    return tag + 1
  }

  // MARK: - Searching

  private func quoted(after marker: String, in message: String) -> String? {
    guard let start = message.range(of: marker) else { return nil }
    let rest = message[start.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
  }

  /// The 0-based character column of the `occurrence`-th match of `needle` on `line`,
  /// at or after character column `from`.
  private func find(
    _ needle: String, line: Int, occurrence: Int, boundary: Bool = false, from: Int = 0
  ) -> Int? {
    let starts = indexedLineStarts()
    guard line >= 1, line <= starts.count else { return nil }
    let lineStart = starts[line - 1]
    let lineEnd = line < starts.count ? starts[line] : bytes.count
    let pattern = Array(needle.utf8)
    var remaining = occurrence
    var offset = lineStart
    var column = 0
    while offset + pattern.count <= lineEnd {
      if column >= from, matches(pattern, at: offset),
        !boundary || isBoundary(at: offset + pattern.count, end: lineEnd)
      {
        if remaining == 0 { return column }
        remaining -= 1
      }
      offset += 1
      if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { column += 1 }
    }
    return nil
  }

  private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
    for index in 0..<pattern.count where bytes[offset + index] != pattern[index] { return false }
    return true
  }

  private func isBoundary(at offset: Int, end: Int) -> Bool {
    guard offset < end else { return true }
    switch bytes[offset] {
    case UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\t"),
      UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      return true
    default:
      return false
    }
  }

  private func indexedLineStarts() -> [Int] {
    if let lineStarts { return lineStarts }
    var starts = [0]
    for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    lineStarts = starts
    return starts
  }
}
