import Foundation

/// `(0..<count).map(transform)`, computed on every core: the indices are cut into chunks that
/// run concurrently, and the results come back in index order. `transform` must be safe to
/// call from several threads at once (pure functions of immutable values are).
func parallelMap<T>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  guard count > 1, cores > 1 else { return (0..<count).map(transform) }
  // A few chunks a core, so that one slow chunk does not hold the others up.
  let chunks = min(count, cores * 4)
  return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    guard let base = buffer.baseAddress else { return }
    let results = SharedBuffer(base)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      for index in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
        (results.base + index).initialize(to: transform(index))
      }
    }
    initialized = count
  }
}

/// The output buffer the chunks write to, each its own disjoint part.
private struct SharedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
  init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}
