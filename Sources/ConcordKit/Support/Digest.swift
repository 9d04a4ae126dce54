import Crypto
import Foundation

enum Digest {
  /// The SHA-256 of `data`, as 64 lower-case hexadecimal digits.
  static func sha256(_ data: Data) -> String {
    var stream = Stream()
    stream.update(data)
    return stream.finish()
  }

  /// A SHA-256 taken over bytes that come in pieces (a file read a chunk at a time, or bytes
  /// with one range replaced), with no copy of the whole.
  struct Stream {
    private var hasher = SHA256()

    mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

    mutating func update(_ data: some DataProtocol) { hasher.update(data: data) }

    /// The digest of every byte given, as 64 lower-case hexadecimal digits.
    func finish() -> String {
      let digits = Array("0123456789abcdef".utf8)
      var hex: [UInt8] = []
      hex.reserveCapacity(64)
      for byte in hasher.finalize() {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0F)])
      }
      return String(decoding: hex, as: UTF8.self)
    }
  }
}
