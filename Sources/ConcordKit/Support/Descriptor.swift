import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An open file descriptor, written to the way every Concord writer does it.
public enum Descriptor {
  /// Writes every byte, retrying after interruptions; returns nil, or the `errno` of the
  /// write that failed (a full disk, a closed pipe).
  public static func write(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { buffer -> Int32? in
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
}
