import Foundation

/// The commands that read or write an assembled workspace, each against its floor or peer
/// (issue 16's targets): `assemble` from scratch, of the last round and with nothing new,
/// `status` in its three formats, `verify`, `diff` of the last two revisions, `validate` of
/// the clause files, every `export` format, `publish`, and `import` of the zero draft as DOCX.
extension Run {
  static let workspaceTasks = [
    "assemble", "incremental", "noop", "status", "status-json", "status-html", "verify", "diff-revisions",
    "diff-revisions-floor", "validate-clauses", "export-text", "export-markdown", "export-akn", "export-docx",
    "publish", "import",
  ]

  /// One task: the command, its peer, and what the peer is.
  private struct Task {
    var name: String
    var command: [String]
    var peer: [String]
    var peerName: String
    /// Run before each measurement of the command, untimed (to undo what it wrote).
    var before: (() -> Void)? = nil
    /// For a floor: the task whose time target it bounds.
    var bounds: String? = nil
  }

  func workspaceResults(n: Int, rounds: Int, folder: String, wanted: Set<String>) throws -> [Result] {
    let workspace = "\(folder)/ws-\(rounds)"
    log("N = \(n), \(rounds) round(s): generating a workspace")
    _ = try WorkspaceGenerator(
      paragraphs: n, participants: 26, languages: ["en", "ru", "zh"], rounds: rounds, share: 0.1, seed: 7
    ).write(to: workspace)
    let revisions = "\(workspace)/revisions"
    let detail = "26 participants, \(rounds + 1) revisions"
    var results: [Result] = []
    if wanted.contains("assemble") {
      log("N = \(n), \(rounds) round(s): assemble")
      results.append(
        Result(
          n: n, revisions: rounds + 1, task: "assemble", detail: detail,
          runs: samples(
            [concord, "assemble", workspace], floor: { floor(workspace) },
            before: { try? FileManager.default.removeItem(atPath: revisions) }),
          peerName: "xmllint on all inputs and outputs"))
    }
    // Assemble once more, so that the revisions are there for the tasks that read them.
    try? FileManager.default.removeItem(atPath: revisions)
    _ = Measurement.of([concord, "assemble", workspace])
    let latest = "\(revisions)/rev-\(rounds).xml"
    let scratch = "\(folder)/scratch-\(rounds)"
    // publish writes every revision in every language and format: once per size, on the
    // workspace with the fewest rounds, so that a run stays within minutes.
    let once: Set<String> = rounds == roundCounts.first ? [] : ["publish"]
    for task in tasks(workspace: workspace, rounds: rounds, scratch: scratch)
    where wanted.contains(task.name) && !once.contains(task.name) {
      log("N = \(n), \(rounds) round(s): \(task.name)")
      let runs = samples(task.command, floor: { Measurement.of(task.peer) }, before: task.before)
      var result = Result(
        n: n, revisions: rounds + 1, task: task.name, detail: detail, runs: runs, peerName: task.peerName)
      result.bounds = task.bounds
      if task.name.hasPrefix("status") {
        // Status's memory target is against the latest revision's size, not a peer's memory.
        result.memoryBaseKilobytes = (FileSize.of(latest) ?? 0) / 1024
      }
      results.append(result)
    }
    if wanted.contains("import") && rounds == roundCounts.first {
      results += try importResults(n: n, workspace: workspace, scratch: scratch)
    }
    return results
  }

  /// The tasks on an assembled workspace of `rounds` rounds.
  private func tasks(workspace: String, rounds: Int, scratch: String) -> [Task] {
    let revisions = "\(workspace)/revisions"
    let latest = "\(revisions)/rev-\(rounds).xml"
    let previous = "\(revisions)/rev-\(rounds - 1).xml"
    let oneRead = ["xmllint", "--noout", latest]
    let readName = "xmllint --noout of the latest revision"
    let html = [concord, "export", workspace, "--format", "html"]
    let clauses = files(in: "\(workspace)/clauses")
    let status = { (format: String) in
      Task(
        name: "status-\(format)", command: [concord, "status", workspace, "--format", format], peer: oneRead,
        peerName: readName)
    }
    let export = { (format: String) in
      Task(
        name: "export-\(format)", command: [concord, "export", workspace, "--format", format], peer: html,
        peerName: "concord export --format html")
    }
    return [
      Task(
        name: "incremental", command: [concord, "assemble", workspace],
        peer: ["xmllint", "--noout", "--schema", "\(schemas)/declaration.xsd", previous, latest],
        peerName: "xmllint --schema of Rev.k-1 and Rev.k",
        before: { try? FileManager.default.removeItem(atPath: latest) }),
      Task(name: "noop", command: [concord, "assemble", workspace], peer: oneRead, peerName: readName),
      Task(name: "status", command: [concord, "status", workspace], peer: oneRead, peerName: readName),
      status("json"), status("html"),
      Task(name: "verify", command: [concord, "verify", workspace], peer: oneRead, peerName: readName),
      Task(
        name: "diff-revisions", command: [concord, "diff", workspace, "--format", "json"],
        peer: Self.wordDiff + [previous, latest], peerName: Self.wordDiffName),
      // The diff validates the latest revision (nothing vouches for it but its own seal): that
      // alone, on a copy outside the workspace, against the same peer.
      Task(
        name: "diff-revisions-floor", command: [concord, "validate", "\(scratch)/latest.xml"],
        peer: Self.wordDiff + [previous, latest], peerName: Self.wordDiffName,
        before: { Self.copy(latest, to: "\(scratch)/latest.xml") }, bounds: "diff-revisions"),
      Task(
        name: "validate-clauses", command: [concord, "validate"] + clauses,
        peer: ["xmllint", "--noout", "--schema", "\(schemas)/section.xsd"] + clauses,
        peerName: "xmllint --noout --schema"),
      export("text"), export("markdown"), export("akn"), export("docx"),
      Task(
        name: "publish", command: [concord, "publish", workspace, "--output", "\(scratch)/site"],
        peer: html, peerName: "concord export --format html (one page of many)",
        before: { try? FileManager.default.removeItem(atPath: "\(scratch)/site") }),
    ]
  }

  /// `import` of the zero draft exported as DOCX into a new workspace, against pandoc reading
  /// the same file.
  private func importResults(n: Int, workspace: String, scratch: String) throws -> [Result] {
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let docx = "\(scratch)/draft.docx"
    try? FileManager.default.removeItem(atPath: docx)
    _ = Measurement.of([concord, "export", workspace, "--revision", "0", "--format", "docx", "-o", docx])
    let target = "\(scratch)/imported"
    log("N = \(n): import")
    let runs = samples(
      [concord, "import", target, docx],
      floor: { Measurement.of(["pandoc", "-f", "docx", "-t", "plain", docx]) },
      before: {
        try? FileManager.default.removeItem(atPath: target)
        _ = Measurement.of([concord, "init", target, "--empty"])
      })
    let size = (FileSize.of(docx) ?? 0) / 1024
    return [
      Result(
        n: n, revisions: 0, task: "import", detail: "\(size) KiB DOCX zero draft", runs: runs,
        peerName: "pandoc -f docx -t plain")
    ]
  }

  private static func copy(_ file: String, to copy: String) {
    guard !FileManager.default.fileExists(atPath: copy) else { return }
    try? FileManager.default.createDirectory(
      atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? FileManager.default.copyItem(atPath: file, toPath: copy)
  }

  func files(in folder: String) -> [String] {
    ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }
      .sorted()
      .map { folder + "/" + $0 }
  }
}

enum FileSize {
  static func of(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
  }
}
