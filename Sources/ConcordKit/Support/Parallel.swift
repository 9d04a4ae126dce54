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

/// Runs of `0..<count` (at most `limit` of them, as even as can be), each made into a part on
/// its own, on every core, the parts in order: for long tables and lists of paragraphs written
/// a run at a time by writers of their own, then put together.
func parallelRuns<T>(count: Int, limit: Int = 64, _ part: @Sendable (Range<Int>) -> T) -> [T] {
  let runs = runs(of: count, atMost: limit)
  return parallelMap(count: runs.count) { part(runs[$0]) }
}

/// `0..<count` cut into at most `limit` runs, as even as can be, none empty (none at all
/// when `count` is 0).
func runs(of count: Int, atMost limit: Int) -> [Range<Int>] {
  let runs = min(count, limit)
  return (0..<runs).map { ($0 * count / runs)..<(($0 + 1) * count / runs) }
}

/// The output buffer the chunks write to, each its own disjoint part.
private struct SharedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
  init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// `(first(), second())`, the two computed at once (on two cores when there are two): for
/// two independent jobs of about the same length, such as checking a workspace's revision
/// chain while the revision a command needs is read.
func concurrently<A, B>(_ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B)
  -> (Result<A, Error>, Result<B, Error>)
{
  nonisolated(unsafe) var a: Result<A, Error>?
  nonisolated(unsafe) var b: Result<B, Error>?
  // Each iteration writes only its own variable; concurrentPerform returns after both.
  DispatchQueue.concurrentPerform(iterations: 2) { index in
    if index == 0 { a = Result(catching: first) } else { b = Result(catching: second) }
  }
  guard let a, let b else { preconditionFailure("concurrentPerform ran both iterations") }
  return (a, b)
}

/// A job started on a thread of its own at once, while the caller goes on with another;
/// `result()` waits for it. Its own thread, not a dispatch worker: a job started from inside
/// `concurrently` or `parallelMap` still runs beside the caller instead of after it.
final class Alongside<T>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once by the job's thread before `done` is signalled, read after the wait.
  private var outcome: Result<T, Error>?

  init(_ job: @escaping @Sendable () throws -> T) {
    let thread = Thread { [self] in
      outcome = Result(catching: job)
      done.signal()
    }
    // libxml2's parser and the decoders recurse no deeper than the depth limit allows.
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The job's result, once it has finished.
  func result() -> Result<T, Error> {
    done.wait()
    done.signal()
    return outcome
      ?? .failure(DiagnosticsError(Diagnostic(file: "", message: "a job ended without a result")))
  }
}

/// Lets go of `value` on a thread of its own. Taking apart tens of thousands of decoded
/// paragraphs (each a few arrays and dictionaries) is work for a core with nothing better to
/// do, not for the caller, who has output to write.
func releaseAside<T: Sendable>(_ value: consuming T) {
  let held = SharedOnce(value, readers: 1)
  Thread { held.done() }.start()
}

/// A value that `readers` threads each use once, let go as soon as the last of them is done
/// with it rather than when every thread that held it ends: the bytes of a revision that one
/// thread decodes and another validates are not held while a report is made of what they
/// decoded; a large value handed to a thread that only lets go of it (`releaseAside`).
final class SharedOnce<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: T?
  private var readers: Int

  init(_ value: consuming T, readers: Int) {
    self.value = value
    self.readers = readers
  }

  /// `body` with the value (nil when every reader is done already: not expected), counted as
  /// one reader's use.
  func use<R>(_ body: (T?) throws -> R) rethrows -> R {
    lock.lock()
    let value = self.value
    lock.unlock()
    defer { done() }
    return try body(value)
  }

  /// One reader done, without using the value.
  func done() {
    lock.lock()
    readers -= 1
    if readers <= 0 { value = nil }
    lock.unlock()
  }
}
