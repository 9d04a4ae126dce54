#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the column of a start tag or attribute in a document's bytes.
///
/// libxml2 records the line of each element but not its column, and schema errors carry
/// neither; this recovers the column from the raw text so every diagnostic can say
/// `file:line:col`. Line starts are indexed lazily and only as far as the lines asked for
/// (with `memchr`), so locating the root element of a large file reads its first lines only;
/// over a whole document the indexing is linear in its size. The tags of a line are located
/// in one pass over it, however many there are.
final class TagLocator {
  private let bytes: UnsafeRawBufferPointer
  /// The offsets where lines 1, 2, … start, as far as indexed.
  private var lineStarts: [Int] = [0]
  /// Bytes before this offset have been indexed.
  private var indexed = 0
  /// Just past the last tag located, and its column: elements arrive in document order, so
  /// the next one starts after it. Searching and counting columns resume there, which keeps
  /// locating every element linear in the document's size (one-line documents included).
  private var cursor = 0
  private var cursorColumn = 1

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// The column of the next `<name` on `line` after the last tag located (elements arrive
  /// in document order).
  func column(ofTag name: String, line: Int) -> Int {
    guard line >= 1, line <= indexLines(through: line) else { return 0 }
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
    let pattern = Array(("<" + name).utf8)
    var offset = lineStart
    var column = 1
    if cursor > lineStart {
      offset = cursor
      column = cursorColumn
    }
    while offset + pattern.count <= lineEnd {
      if bytes[offset] == pattern[0], matches(pattern, at: offset),
        isBoundary(at: offset + pattern.count, end: lineEnd)
      {
        cursor = offset + pattern.count
        cursorColumn = column + pattern.count
        return column
      }
      if bytes[offset] & 0xC0 != 0x80 { column += 1 }
      offset += 1
    }
    return 0
  }

  /// The column an error message refers to: `Element 'x', attribute 'y': …` points at `y=`
  /// (or else at `<x`) on the given line.
  func column(forMessage message: String, line: Int) -> Int {
    guard let element = quoted(after: "Element '", in: message) else { return 0 }
    let name = element.split(separator: "}").last.map(String.init) ?? element
    guard
      let tag = find("<" + name, line: line, occurrence: 0, boundary: true)
        ?? find(":" + name, line: line, occurrence: 0, boundary: true).map({
          tagStart(before: $0, line: line)
        })
    else {
      // Content errors ("Missing child element(s)") arrive at the element's end tag.
      return find("</" + name, line: line, occurrence: 0, boundary: true).map { $0 + 1 } ?? 0
    }
    if let attribute = quoted(after: "attribute '", in: message) {
      let local = attribute.split(separator: "}").last.map(String.init) ?? attribute
      let prefix = attribute.hasPrefix("{\(XML.xmlNamespace)}") ? "xml:" : ""
      if let column = find(" " + prefix + local + "=", line: line, occurrence: 0, from: tag) {
        return column + 2
      }
    }
    return tag + 1
  }

  /// Where the duplicate that `Duplicate key-sequence ['value'] …` names stands. The streaming
  /// validator reports it at the end of the constraint's scope (`</members>`), which says
  /// nothing useful; this finds the second start tag of the element on or before `line` that
  /// carries the value in an attribute on its own line. Nil when the message is another one or
  /// the tags do not fit that shape.
  ///
  /// Linear in the bytes before `line`; runs only on this error.
  func duplicateKey(forMessage message: String, before line: Int) -> (line: Int, column: Int)? {
    guard message.contains("Duplicate key-sequence"),
      let element = quoted(after: "Element '", in: message),
      let value = quoted(after: "key-sequence ['", in: message)
    else { return nil }
    let name = element.split(separator: "}").last.map(String.init) ?? element
    var found = 0
    for candidate in 1...max(1, min(line, indexLines(through: line))) {
      // One pass each over the line: the tags, the tags' ends, the values.
      let tags = columns(of: "<" + name, line: candidate, boundary: true)
      guard !tags.isEmpty else { continue }
      let ends = columns(of: ">", line: candidate)
      let values =
        (columns(of: "=\"\(value)\"", line: candidate) + columns(of: "='\(value)'", line: candidate))
        .sorted()
      for tag in tags {
        // The value must stand inside this tag: after its `<`, before its `>`.
        let end = ends.first(atOrAfter: tag) ?? Int.max
        guard let carried = values.first(atOrAfter: tag), carried < end else { continue }
        found += 1
        if found == 2 { return (candidate, tag + 1) }
      }
    }
    return nil
  }

  /// The line and column of the last `<name` start tag before byte `offset`: the parser's
  /// position just after a start tag tells exactly which tag it was. Runs only on an error.
  func place(ofTag name: String, before offset: Int) -> (line: Int, column: Int)? {
    let pattern = Array(("<" + name).utf8)
    var start = min(offset, bytes.count) - pattern.count
    while start >= 0 {
      if bytes[start] == pattern[0], matches(pattern, at: start),
        isBoundary(at: start + pattern.count, end: bytes.count)
      {
        break
      }
      start -= 1
    }
    guard start >= 0 else { return nil }
    while lineStarts[lineStarts.count - 1] <= start, indexed < bytes.count {
      indexLines(through: lineStarts.count)
    }
    let line = lineStarts.lastIndex { $0 <= start } ?? 0
    var column = 1
    for index in lineStarts[line]..<start where bytes[index] & 0xC0 != 0x80 { column += 1 }
    return (line + 1, column)
  }

  // MARK: - Searching

  /// The column of the last `<` before `column` on `line` (the start of a prefixed tag).
  private func tagStart(before column: Int, line: Int) -> Int {
    columns(of: "<", line: line).last { $0 < column } ?? column
  }

  /// The 0-based character columns of every match of `needle` on `line`, in one pass.
  private func columns(of needle: String, line: Int, boundary: Bool = false) -> [Int] {
    guard line >= 1, line <= indexLines(through: line) else { return [] }
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
    let pattern = Array(needle.utf8)
    var found: [Int] = []
    var offset = lineStart
    var column = 0
    while offset + pattern.count <= lineEnd {
      if matches(pattern, at: offset), !boundary || isBoundary(at: offset + pattern.count, end: lineEnd) {
        found.append(column)
      }
      offset += 1
      if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { column += 1 }
    }
    return found
  }

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
    guard line >= 1, line <= indexLines(through: line) else { return nil }
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
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

  /// Indexes line starts until the end of `line` is known (or the bytes end); returns how
  /// many lines are indexed.
  @discardableResult
  private func indexLines(through line: Int) -> Int {
    guard let base = bytes.baseAddress else { return lineStarts.count }
    while lineStarts.count <= line, indexed < bytes.count {
      if let newline = memchr(base + indexed, Int32(UInt8(ascii: "\n")), bytes.count - indexed) {
        indexed = base.distance(to: UnsafeRawPointer(newline)) + 1
        lineStarts.append(indexed)
      } else {
        indexed = bytes.count
      }
    }
    return lineStarts.count
  }
}

extension [Int] {
  /// The first element at or after `value` in an ascending array (binary search).
  fileprivate func first(atOrAfter value: Int) -> Int? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count ? self[low] : nil
  }
}
