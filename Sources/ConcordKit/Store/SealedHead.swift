import Foundation

/// A revision file read a chunk at a time for its chain: the seal recomputed as the bytes go
/// past, and only the bytes of its head kept (everything up to the end of its first
/// `<section …>` start tag). Checking a chain of large revisions then holds a chunk and a
/// head of each, not each whole file, and copies nothing to blank the seal.
struct SealedHead {
  /// The seal the file carries and the one its content gives; nil when it carries none.
  var seal: (recorded: String, computed: String)?
  /// The file's first bytes, through its first section's start tag (the whole file when no
  /// such tag was found).
  var bytes: Data

  /// The seal holds: the content is the one it was sealed with.
  var isIntact: Bool { seal.map { $0.recorded == $0.computed } ?? false }

  private static let boundary = Array("<section".utf8)

  static func read(_ path: String, limit: Int, chunkSize: Int = 1 << 20) throws -> SealedHead {
    var bytes = Data()
    var stream = Digest.Stream()
    var recorded: String?
    var headEnd: Int?
    var scanFrom = 0
    try FileSystem.readChunks(path, limit: limit, chunkSize: chunkSize) { chunk in
      if headEnd != nil { return stream.update(chunk) }
      bytes.append(contentsOf: chunk)
      switch Self.end(in: bytes, from: scanFrom) {
      case .found(let end):
        recorded = ContentDigest.hash(bytes, into: &stream)
        bytes.removeSubrange(end...)
        headEnd = end
      case .notYet(let resume):
        scanFrom = resume
      }
    }
    if headEnd == nil { recorded = ContentDigest.hash(bytes, into: &stream) }
    return SealedHead(seal: recorded.map { ($0, stream.finish()) }, bytes: bytes)
  }

  private enum Search {
    /// The offset just past the first section's start tag.
    case found(Int)
    /// Not in the bytes so far: look again from this offset when more come.
    case notYet(resume: Int)
  }

  /// Where the head ends: just past the `>` that closes the first `<section`.
  private static func end(in data: Data, from offset: Int) -> Search {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Search in
      let last = bytes.count - boundary.count
      var index = offset
      while index <= last {
        if bytes[index] == boundary[0], (1..<boundary.count).allSatisfy({ bytes[index + $0] == boundary[$0] })
        {
          guard let close = bytes[(index + boundary.count)...].firstIndex(of: UInt8(ascii: ">")) else {
            return .notYet(resume: index)
          }
          return .found(close + 1)
        }
        index += 1
      }
      return .notYet(resume: max(0, last + 1))
    }
  }
}
