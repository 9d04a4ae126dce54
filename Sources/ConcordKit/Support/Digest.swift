import Crypto
import Foundation

enum Digest {
  /// The SHA-256 of `data`, as 64 lower-case hexadecimal digits.
  static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { byte in
      let digits = Array("0123456789abcdef")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }.joined()
  }
}
