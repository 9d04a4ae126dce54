import Foundation

@testable import ConcordKit

#if canImport(Glibc)
  import Glibc
#endif

/// Every entry under a folder — kind, permissions and content — to show that a command left
/// a workspace untouched. Never follows symbolic links and never opens anything but regular
/// files (a FIFO would block); files over 16 MiB are described by size and modification
/// time instead of read. Linear in the size of the files read.
struct WorkspaceSnapshot: Equatable, CustomStringConvertible {
  /// Relative path → description.
  private(set) var entries: [String: String] = [:]

  /// - Parameter ignoring: names left out wherever they are (the lock file `assemble` keeps).
  init(_ root: String, ignoring: Set<String> = [".concord.lock"]) {
    walk(root, relative: "", ignoring: ignoring)
  }

  var description: String {
    entries.keys.sorted().map { "\($0): \(entries[$0] ?? "")" }.joined(separator: "\n")
  }

  /// What changed from `other` to this one, one line a path.
  func changes(since other: WorkspaceSnapshot) -> String {
    let paths = Set(entries.keys).union(other.entries.keys).sorted()
    return paths.filter { entries[$0] != other.entries[$0] }.map {
      "\($0): \(other.entries[$0] ?? "(none)") → \(entries[$0] ?? "(none)")"
    }.joined(separator: "\n")
  }

  // MARK: - Walking

  private mutating func walk(_ path: String, relative: String, ignoring: Set<String>) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
    for name in names.sorted() where !ignoring.contains(name) {
      let full = path + "/" + name
      let key = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard lstat(full, &info) == 0 else {
        entries[key] = "unreadable entry"
        continue
      }
      let mode = String(info.st_mode & 0o7777, radix: 8)
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        entries[key] = "folder \(mode)"
        walk(full, relative: key, ignoring: ignoring)
      case S_IFLNK:
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
        entries[key] = "link → \(target)"
      case S_IFREG:
        let size = Int(info.st_size)
        if size <= 16 << 20, let data = FileManager.default.contents(atPath: full) {
          entries[key] = "file \(mode) \(Digest.sha256(data))"
        } else {
          entries[key] = "file \(mode) \(size) bytes, modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
      default:
        entries[key] = "special \(mode)"
      }
    }
  }
}
