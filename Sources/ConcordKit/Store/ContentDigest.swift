import Foundation

/// A revision's seal: the SHA-256 of its own bytes, written into its root element as
/// `digest="…"`, computed with the value itself written as 64 zeros.
///
/// Each revision also records its predecessor's seal (provenance, `kind="revision"`): a
/// predecessor whose bytes changed either no longer matches its own seal or, sealed again,
/// no longer matches the seal its successor recorded. One SHA-256 pass a file, to write it
/// and to check it. It catches an edit made by hand or by
/// another program, not a forger (who can seal again): revisions are a record, not a secret.
enum ContentDigest {
  static let placeholder = String(repeating: "0", count: 64)
  private static let attribute = Array(" digest=\"".utf8)

  /// The bytes with the placeholder replaced by their digest: sealed in place, as a writer
  /// made them, then made into `Data` once (a large revision is not held three times over).
  static func sealed(_ bytes: consuming [UInt8]) -> Data {
    var sealed = consume bytes
    if let range = sealed.withUnsafeBytes(valueRange(in:)) {
      var stream = Digest.Stream()
      sealed.withUnsafeBytes { stream.update($0) }
      sealed.replaceSubrange(range, with: Array(stream.finish().utf8))
    }
    return Data(sealed)
  }

  /// The seal the bytes carry, and the one their content gives (nil without a seal).
  static func seal(of data: Data) -> (recorded: String, computed: String)? {
    var stream = Digest.Stream()
    guard let recorded = hash(data, into: &stream) else { return nil }
    return (recorded, stream.finish())
  }

  /// Hashes `data` as a seal is computed — the seal's value written as the placeholder,
  /// without copying the bytes — and returns the value that stood there; bytes without a
  /// seal are hashed as they are, and nil returned. `data` may be a file's first bytes, the
  /// rest hashed after it.
  static func hash(_ data: Data, into stream: inout Digest.Stream) -> String? {
    guard let range = valueRange(in: data) else {
      stream.update(data)
      return nil
    }
    stream.update(data[..<range.lowerBound])
    stream.update(Array(placeholder.utf8))
    stream.update(data[range.upperBound...])
    return String(decoding: data[range], as: UTF8.self)
  }

  /// The seal written in sealed bytes, read without hashing them again.
  static func recorded(in data: Data) -> String? {
    valueRange(in: data).map { String(decoding: data[$0], as: UTF8.self) }
  }

  /// Where the 64 characters of the root element's `digest` value stand: looked for in the
  /// root start tag only (the first `<declaration`'s tag, before its `>`).
  private static func valueRange(in data: Data) -> Range<Int>? { data.withUnsafeBytes(valueRange(in:)) }

  private static func valueRange(in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
    let root = Array("<declaration".utf8)
    guard let start = find(root, in: bytes, from: 0, before: min(bytes.count, 4096)) else { return nil }
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
    guard let found = find(attribute, in: bytes, from: start, before: end) else { return nil }
    let value = found + attribute.count
    guard value + 64 < bytes.count, bytes[value + 64] == UInt8(ascii: "\"") else { return nil }
    return value..<value + 64
  }

  private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int, before: Int)
    -> Int?
  {
    guard before - needle.count >= from else { return nil }
    for index in from...(before - needle.count)
    where bytes[index] == needle[0] && (0..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) {
      return index
    }
    return nil
  }
}
