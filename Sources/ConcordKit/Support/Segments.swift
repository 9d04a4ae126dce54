import Foundation

/// Output kept as the segments it was written in: the long parts a writer puts together
/// (made on other cores) are never copied into one buffer on their way out. A writer appends
/// to its current bytes; `close` hands those over as a segment, `add` a finished part.
struct Segments: Sendable {
  private var finished: [[UInt8]] = []

  /// A finished part, after those already here.
  mutating func add(_ segment: [UInt8]) {
    if !segment.isEmpty { finished.append(segment) }
  }

  /// The writer's bytes so far, as a segment: the writer starts afresh after it.
  mutating func close(_ current: inout [UInt8]) {
    add(current)
    current = []
  }

  /// Every segment, then `current` (what the writer is still appending to).
  func all(then current: [UInt8]) -> [[UInt8]] {
    current.isEmpty ? finished : finished + [current]
  }

  /// Every byte in one buffer, `current` last.
  func joined(then current: [UInt8]) -> [UInt8] {
    guard !finished.isEmpty else { return current }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count(then: current))
    for segment in finished { bytes += segment }
    return bytes + current
  }

  /// Every byte as the contents of a file, made from the segments (no joined copy first).
  func data(then current: [UInt8]) -> Data {
    var data = Data(capacity: count(then: current))
    for segment in finished { data.append(contentsOf: segment) }
    data.append(contentsOf: current)
    return data
  }

  private func count(then current: [UInt8]) -> Int { finished.reduce(current.count) { $0 + $1.count } }
}
