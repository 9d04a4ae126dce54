import ArgumentParser
import ConcordKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The benchmark: for each size, times Concord and its peers in the same run — validation
/// against `xmllint --noout --schema`, diffing against `git diff --no-index
/// --word-diff=porcelain`, assembling against the floor of xmllint parsing and validating
/// every input and output — and reports medians, ratios, peak memory and growth with N.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Time Concord against xmllint and git diff; print a table, write JSON.")

  @Option(
    help: "Sizes (paragraphs), comma-separated (50000 too for the growth: add it, about 6 more minutes).")
  var sizes = "1000,10000"

  @Option(
    help:
      "Rounds of positions in the generated workspaces, comma-separated: each count gives its own rows (a workspace of k rounds has k+1 revisions)."
  )
  var rounds = "1,8"

  @Option(
    name: .customLong("repeat"),
    help: "Repetitions of each measurement, after one warm-up run (the median is reported).")
  var repetitions: Int = 3

  @Option(help: "The concord binary to measure (build it with `swift build -c release`).")
  var concord = ".build/release/concord"

  @Option(help: "The folder of Concord's XML Schemas, for xmllint.")
  var schemas = "Schemas"

  @Option(help: "Scratch folder for generated data.")
  var work = FileManager.default.temporaryDirectory.path + "/concord-bench"

  @Option(help: "Write the results as JSON to this file.")
  var json: String?

  @Option(
    help:
      "Tasks to run, comma-separated: validate, diff and diff-floor (a generated pair of declarations), and on a workspace assemble, incremental, noop, status, status-json, status-html, verify, diff-revisions, diff-revisions-floor, validate-clauses, export-text, export-markdown, export-akn, export-docx, publish, import. A floor is what the task must do whatever its speed (validating what it reads), timed against the task's peer."
  )
  var tasks = (["validate", "diff", "diff-floor"] + Run.workspaceTasks).joined(separator: ",")

  var roundCounts: [Int] { rounds.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 } }

  func validate() throws {
    guard FileManager.default.isExecutableFile(atPath: concord) else {
      throw ValidationError(
        "No concord binary at \(concord): run `swift build -c release` first, or pass --concord.")
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: work, isDirectory: &isFolder), !isFolder.boolValue {
      throw ValidationError("--work \(work) is a file, not a folder: remove it or pass another --work.")
    }
    guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1.") }
    guard !roundCounts.isEmpty else {
      throw ValidationError("--rounds needs at least one count of 1 or more.")
    }
  }

  func run() throws {
    let ns = sizes.split(separator: ",").compactMap { Int($0) }
    let wanted = Set(tasks.split(separator: ",").map(String.init))
    var results: [Result] = []
    for n in ns {
      let folder = "\(work)/\(n)"
      try? FileManager.default.removeItem(atPath: folder)
      log("N = \(n): generating data in \(folder)")
      let (a, b) = PairGenerator(
        paragraphs: n, edited: 0.05, inserted: 0.01, deleted: 0.01, moved: 0.01,
        languages: ["en", "ru", "zh"], seed: 7
      ).make()
      try writeFile(try DeclarationWriter().xml(a), to: "\(folder)/a.xml")
      try writeFile(try DeclarationWriter().xml(b), to: "\(folder)/b.xml")
      let bytes = FileSize.of("\(folder)/b.xml") ?? 0

      if wanted.contains("validate") {
        log("N = \(n): validate")
        results.append(
          Result(
            n: n, revisions: 0, task: "validate", detail: "\(bytes / 1024) KiB declaration",
            runs: samples(
              [concord, "validate", "\(folder)/b.xml"],
              floor: {
                Measurement.of([
                  "xmllint", "--noout", "--schema", "\(schemas)/declaration.xsd", "\(folder)/b.xml",
                ])
              }), peerName: "xmllint --noout --schema"))
      }
      let wordDiff = Self.wordDiff + ["\(folder)/a.xml", "\(folder)/b.xml"]
      if wanted.contains("diff") {
        log("N = \(n): diff")
        results.append(
          Result(
            n: n, revisions: 0, task: "diff", detail: "two loose files, both validated",
            runs: samples(
              [concord, "diff", "\(folder)/a.xml", "\(folder)/b.xml", "--format", "json"],
              floor: { Measurement.of(wordDiff) }), peerName: Self.wordDiffName))
      }
      if wanted.contains("diff-floor") {
        log("N = \(n): diff's floor")
        var floor = Result(
          n: n, revisions: 0, task: "diff-floor",
          detail: "validate of the two loose files, which diff does first",
          runs: samples(
            [concord, "validate", "\(folder)/a.xml", "\(folder)/b.xml"], floor: { Measurement.of(wordDiff) }),
          peerName: Self.wordDiffName)
        floor.bounds = "diff"
        results.append(floor)
      }
      if !wanted.isDisjoint(with: Self.workspaceTasks) {
        for count in roundCounts {
          results += try workspaceResults(n: n, rounds: count, folder: folder, wanted: wanted)
        }
      }
    }
    print(Report.table(results), terminator: "")
    if let json {
      try writeFile(Report.json(results), to: json)
      print("wrote \(json)")
    }
  }

  /// The diff's peer, before its two files.
  static let wordDiff = ["git", "diff", "--no-index", "--word-diff=porcelain"]
  static let wordDiffName = "git diff --word-diff=porcelain"

  /// Runs Concord and its peer once each to warm up (discarded), then in turn, so that a
  /// shared machine's drifting load weighs on both alike. `before` runs, untimed, before each
  /// run of the command (to undo what the last one wrote).
  func samples(_ command: [String], floor: () -> Measurement, before: (() -> Void)? = nil)
    -> (concord: [Measurement], peer: [Measurement])
  {
    before?()
    _ = Measurement.of(command)
    _ = floor()
    var runs: (concord: [Measurement], peer: [Measurement]) = ([], [])
    for _ in 0..<repetitions {
      before?()
      runs.concord.append(Measurement.of(command))
      runs.peer.append(floor())
    }
    return runs
  }

  /// xmllint parsing and validating every file `assemble` reads and writes, one process per
  /// document kind: the least any validating tool must do.
  func floor(_ workspace: String) -> Measurement {
    let groups: [(String, [String])] = [
      ("workspace", [workspace + "/workspace.xml"]), ("members", [workspace + "/members.xml"]),
      ("section", files(in: workspace + "/clauses")),
      ("positions", files(in: workspace + "/positions")),
      ("declaration", files(in: workspace + "/revisions")),
    ]
    var total = Measurement(seconds: 0, peakKilobytes: 0, status: 0, didItsJob: true)
    for (schema, documents) in groups where !documents.isEmpty {
      let one = Measurement.of(["xmllint", "--noout", "--schema", "\(schemas)/\(schema).xsd"] + documents)
      total.seconds += one.seconds
      total.peakKilobytes = max(total.peakKilobytes, one.peakKilobytes)
      total.didItsJob = total.didItsJob && one.didItsJob
    }
    return total
  }

  func log(_ text: String) {
    // A log line that cannot be written is not worth stopping the measurements for.
    _ = Descriptor.write(Data((text + "\n").utf8), to: STDERR_FILENO)
  }
}

/// One run of a command: wall time, peak resident memory, exit status.
struct Measurement {
  var seconds: Double
  var peakKilobytes: Int
  /// As `waitpid` gives it.
  var status: Int32
  /// Whether the command did its job: it exited 0, or 1 for `git diff` (the files differ). A
  /// missing or broken command did not, and its time means nothing.
  var didItsJob: Bool

  /// Runs `argv` with output discarded and measures it. Peak memory comes from GNU time
  /// (`/usr/bin/time -f %M`), which forks from a small process: a child spawned directly from
  /// this one would count this process's own memory in its peak. Without GNU time, memory
  /// is reported as 0.
  static func of(_ argv: [String]) -> Measurement {
    let timeTool = "/usr/bin/time"
    let report = FileManager.default.temporaryDirectory.path + "/concord-bench-\(getpid()).time"
    let measured = FileManager.default.isExecutableFile(atPath: timeTool)
    let command = measured ? [timeTool, "-f", "%M", "-o", report] + argv : argv
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { for pointer in arguments { free(pointer) } }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    guard posix_spawnp(&pid, command[0], &actions, nil, &arguments, environ) == 0 else {
      return Measurement(seconds: .nan, peakKilobytes: 0, status: -1, didItsJob: false)
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    var peak = 0
    if measured, let text = try? String(contentsOfFile: report, encoding: .utf8) {
      peak =
        text.split(whereSeparator: \.isNewline).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        .last ?? 0
      try? FileManager.default.removeItem(atPath: report)
    }
    // The exit code, when no signal ended the process.
    let exitCode: Int32? = status & 0x7f == 0 ? (status >> 8) & 0xff : nil
    let done: Set<Int32> = argv.starts(with: ["git", "diff"]) ? [0, 1] : [0]
    return Measurement(
      seconds: seconds, peakKilobytes: peak, status: status, didItsJob: exitCode.map(done.contains) ?? false)
  }
}

struct Result {
  var n: Int
  /// Revisions in the workspace the task ran on (0: not a workspace's task).
  var revisions: Int
  var task: String
  var detail: String
  var concord: [Measurement]
  var peer: [Measurement]
  var peerName: String
  /// When set, memory is compared with this (a file's size) instead of the peer's peak.
  var memoryBaseKilobytes: Int?
  /// For a floor (work the task must do whatever its speed, against the task's peer): the
  /// task whose time target it bounds from below.
  var bounds: String?

  init(
    n: Int, revisions: Int, task: String, detail: String,
    runs: (concord: [Measurement], peer: [Measurement]), peerName: String
  ) {
    self.n = n
    self.revisions = revisions
    self.task = task
    self.detail = detail
    self.concord = runs.concord
    self.peer = runs.peer
    self.peerName = peerName
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  var concordSeconds: Double { Self.median(concord.map(\.seconds)) }
  var peerSeconds: Double { Self.median(peer.map(\.seconds)) }
  var concordPeak: Int { concord.map(\.peakKilobytes).max() ?? 0 }
  var peerPeak: Int { peer.map(\.peakKilobytes).max() ?? 0 }
  var timeRatio: Double { concordSeconds / peerSeconds }
  var memoryRatio: Double { Double(concordPeak) / Double(max(memoryBaseKilobytes ?? peerPeak, 1)) }
  var failed: Bool { concord.contains { $0.status != 0 } }
  var peerFailed: Bool { peer.contains { !$0.didItsJob } }

  /// Issue 16's targets for this task at this size: they hold at 10,000 paragraphs and
  /// more, except validation's time, which has one at 1,000 too (where start-up dominates).
  /// Memory: against the peer's peak, or for `status` against the latest revision's size.
  var target: (time: Double?, memory: Double?) { bounds == nil ? Self.target(of: task, n: n) : (nil, nil) }

  static func target(of task: String, n: Int) -> (time: Double?, memory: Double?) {
    switch (task, n >= 10_000) {
    case ("validate", true): (0.8, 0.5)
    case ("validate", false): (1.25, nil)
    case ("validate-clauses", true): (0.5, nil)
    case ("diff", true): (1.0, 2.0)
    case ("diff-revisions", true): (0.7, nil)
    case ("noop", true), ("export-text", true): (1.5, nil)
    case ("status", true), ("status-json", true), ("status-html", true): (1.5, 2.0)
    case ("assemble", true): (2.0, 2.0)
    default: (nil, nil)
    }
  }

  var hasTargets: Bool { target.time != nil || target.memory != nil }

  var meetsTargets: Bool {
    !failed && !peerFailed && timeRatio <= target.time ?? .infinity
      && memoryRatio <= target.memory ?? .infinity
  }
}

enum Report {
  static func table(_ results: [Result]) -> String {
    var lines = [
      "N        revs  task                  concord     peer        ratio  target  concord MB  peer MB  ratio  target  growth  verdict",
      String(repeating: "-", count: 129),
    ]
    for result in results {
      let previous = results.last {
        $0.task == result.task && $0.revisions == result.revisions && $0.n < result.n
      }
      let growth = previous.map {
        (result.concordSeconds / $0.concordSeconds) / (Double(result.n) / Double($0.n))
      }
      lines.append(
        [
          pad(String(result.n), 8), pad(result.revisions > 0 ? String(result.revisions) : "—", 5),
          pad(result.task, 21), pad(ms(result.concordSeconds), 11),
          pad(ms(result.peerSeconds), 11),
          pad(fixed(result.timeRatio), 6), pad(result.target.time.map { "≤" + fixed($0) } ?? "—", 7),
          pad(mb(result.concordPeak), 11), pad(mb(result.memoryBaseKilobytes ?? result.peerPeak), 8),
          pad(fixed(result.memoryRatio), 6),
          pad(result.target.memory.map { "≤" + fixed($0) } ?? "—", 7), pad(growth.map(fixed) ?? "—", 7),
          result.failed
            ? "FAILED (exit status)" : result.peerFailed ? "PEER FAILED (is it installed?)" : verdict(result),
        ].joined(separator: " "))
    }
    lines.append("")
    lines.append(
      "peers: validate = xmllint --noout --schema; diff = git diff --no-index --word-diff=porcelain;")
    lines.append("       assemble = xmllint --noout --schema over every input and output file (the floor);")
    lines.append("       the other workspace tasks name theirs in the JSON; status's memory is against the")
    lines.append("       latest revision's size (peer MB shows it).")
    lines.append("floors: what a task must do whatever its speed (validate what it reads), against the")
    lines.append("        task's peer: a floor above the task's target leaves it no room.")
    lines.append("growth: (time at N / time at the previous N) / (N / previous N); 1.00 is linear.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Met or missed; for a floor, whether it leaves room for the target of the task it bounds.
  private static func verdict(_ result: Result) -> String {
    if let bounded = result.bounds {
      guard let target = Result.target(of: bounded, n: result.n).time else { return "floor" }
      return result.timeRatio > target ? "floor above \(bounded)'s ≤" + fixed(target) : "floor"
    }
    return !result.hasTargets ? "no target" : result.meetsTargets ? "met" : "MISSED"
  }

  static func json(_ results: [Result]) -> String {
    let json = JSONWriter()
    json.object {
      json.field("results") {
        json.array(results) { result in
          json.object {
            json.field("n", result.n)
            json.field("revisions", result.revisions)
            json.field("task", result.task)
            json.field("detail", result.detail)
            json.field("peer", result.peerName)
            json.field("concordMedianMs", Int((result.concordSeconds * 1000).rounded()))
            json.field("peerMedianMs", Int((result.peerSeconds * 1000).rounded()))
            json.field("timeRatio", fixed(result.timeRatio))
            json.field("concordPeakKB", result.concordPeak)
            json.field("peerPeakKB", result.peerPeak)
            json.field("memoryRatio", fixed(result.memoryRatio))
            if result.peerFailed { json.field("peerFailed", true) }
            if result.hasTargets {
              json.field("met", result.meetsTargets)
            } else {
              json.field("met", nil as String?)
            }
            json.field("concordRunsMs") {
              json.array(result.concord) { json.value(Int(($0.seconds * 1000).rounded())) }
            }
            json.field("peerRunsMs") {
              json.array(result.peer) { json.value(Int(($0.seconds * 1000).rounded())) }
            }
          }
        }
      }
    }
    return json.output + "\n"
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  private static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
  private static func mb(_ kilobytes: Int) -> String { String(format: "%.1f", Double(kilobytes) / 1024) }
  private static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}
