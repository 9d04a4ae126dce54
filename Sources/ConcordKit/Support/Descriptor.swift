import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An open file descriptor, written to the way every Concord writer does it.
public enum Descriptor {
  /// Writes every byte, retrying after interruptions; returns nil, or the `errno` of the
  /// write that failed (a full disk, a closed pipe).
  public static func write(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { write($0, to: descriptor) }
  }

  /// A text's UTF-8 bytes, written where they are (a large output is not copied first).
  public static func write(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
  }

  public static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard let base = buffer.baseAddress else { return nil }
    var written = 0
    while written < buffer.count {
      let result = Glibc.write(descriptor, base + written, buffer.count - written)
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return nil
  }
}
