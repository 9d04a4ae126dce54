/// Lines of plain text, written as UTF-8 bytes: a long report is appended to one buffer, not
/// made of a String a line (each piece appended to a String checks and merges its flags).
struct TextLines {
  private(set) var bytes: [UInt8] = []

  init() {}

  /// Room for `capacity` bytes, when the length is known (parts about to be put together).
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// A whole line.
  mutating func line(_ text: String) {
    append(text)
    bytes.append(0x0A)
  }

  /// Every line of `lines`, each ended by a newline.
  mutating func lines(_ lines: [String]) {
    for text in lines { line(text) }
  }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Lines already written by another.
  mutating func append(_ other: TextLines) { bytes.append(contentsOf: other.bytes) }

  mutating func endLine() { bytes.append(0x0A) }

  /// `text` padded with spaces to `width` characters as a screen shows them, or followed by one
  /// space when it is as wide or wider.
  mutating func append(_ text: String, paddedTo width: Int) {
    append(text)
    // ASCII without CR (ids, codes, the matrix's cells: nearly every text padded) has one
    // character a byte, counted without segmenting.
    let plain = !text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }
    let count = plain ? text.utf8.count : text.count
    let spaces = count >= width ? 1 : width - count
    for _ in 0..<spaces { bytes.append(0x20) }
  }
}
