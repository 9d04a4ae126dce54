import Foundation

/// The repository git runs an external diff driver in, read through git itself: git starts the
/// driver at the top of the working tree with `GIT_DIR` set, so a plain `git` finds the same
/// repository, index and objects.
struct GitDriverRepository: Sendable {
  /// The program to run (`git` on the `PATH`).
  var git = "git"

  struct Outcome {
    var status: Int32
    var output: Data
  }

  /// Runs git with `arguments`; standard error is discarded (a failed look-up is an answer).
  func run(_ arguments: [String]) -> Outcome? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [git] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, output: data)
  }

  /// The object name `revision` resolves to (`:path` in the index, `<commit>:path`), or nil.
  func object(_ revision: String) -> String? {
    guard let outcome = run(["rev-parse", "--verify", "--quiet", revision]), outcome.status == 0
    else { return nil }
    let name = String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return name.isEmpty ? nil : name
  }

  /// The bytes of blob `name`.
  func blob(_ name: String) -> Data? {
    guard let outcome = run(["cat-file", "blob", name]), outcome.status == 0 else { return nil }
    return outcome.output
  }

  /// `predecessor` (`rev-(N-1).xml`) as it is in the tree that holds blob `hex` at `path`:
  /// the commit that added that blob there (what `git log -p` and `git show` are showing,
  /// which need not be HEAD), else the index when it holds that blob there (`git diff
  /// --cached`). Nil when neither has the predecessor.
  func predecessor(_ predecessor: String, of path: String, blob hex: String) -> Data? {
    if let added = run([
      "log", "--all", "--format=%H", "-1", "--diff-filter=A", "--find-object=\(hex)", "--", path,
    ]), added.status == 0 {
      let commit = String(decoding: added.output, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if !commit.isEmpty, let name = object("\(commit):\(predecessor)") { return blob(name) }
    }
    if object(":\(path)") == hex, let name = object(":\(predecessor)") { return blob(name) }
    return nil
  }

  /// git's own line diff of two files (`git diff --no-index --no-ext-diff`): its hunks, from
  /// the first `@@` line on, as bytes (a file need not be UTF-8), without git's header, which
  /// names the temporary files; nil when git found no text hunks (binary files, or no change).
  func lineDiff(old: String?, new: String?, color: Bool) -> Data? {
    let arguments =
      ["diff", "--no-index", "--no-ext-diff", color ? "--color=always" : "--no-color", "--"]
      + [old ?? "/dev/null", new ?? "/dev/null"]
    guard let outcome = run(arguments), outcome.status == 0 || outcome.status == 1 else { return nil }
    let bytes = outcome.output
    var lineStart = bytes.startIndex
    while lineStart < bytes.endIndex {
      let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
      let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
      if Self.plain(line).hasPrefix("@@") { return Data(bytes[lineStart...]) }
      lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
    }
    return nil
  }

  /// `line` without ANSI colour sequences.
  private static func plain(_ line: String) -> String {
    guard line.contains("\u{1B}") else { return line }
    var result = ""
    var escaping = false
    for character in line {
      if escaping {
        if character.isLetter { escaping = false }
      } else if character == "\u{1B}" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
