import Foundation

/// The commands that read an assembled workspace, each against its floor or peer (issue 16's
/// targets): a no-op `assemble`, `status`, `verify`, and the exports. The workspace is the
/// one `assemble` was timed on, with its revisions left in place.
extension Run {
  static let workspaceTasks = ["noop", "status", "verify", "export-text", "export-markdown", "export-akn"]

  func workspaceResults(n: Int, workspace: String, wanted: Set<String>) -> [Result] {
    let revisions = "\(workspace)/revisions"
    // Assemble once more, so that the revisions are there (the assemble task removes them).
    _ = Measurement.of([concord, "assemble", workspace])
    let latest =
      ((try? FileManager.default.contentsOfDirectory(atPath: revisions)) ?? [])
      .filter { $0.hasPrefix("rev-") }.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }.last
      .map { "\(revisions)/\($0)" } ?? ""
    let oneRead = ["xmllint", "--noout", latest]
    let html = [concord, "export", workspace, "--format", "html"]
    let tasks: [(String, [String], [String], String)] = [
      ("noop", [concord, "assemble", workspace], oneRead, "xmllint --noout of the latest revision"),
      ("status", [concord, "status", workspace], oneRead, "xmllint --noout of the latest revision"),
      ("verify", [concord, "verify", workspace], oneRead, "xmllint --noout of the latest revision"),
      (
        "export-text", [concord, "export", workspace, "--format", "text"], html,
        "concord export --format html"
      ),
      (
        "export-markdown", [concord, "export", workspace, "--format", "markdown"], html,
        "concord export --format html"
      ),
      (
        "export-akn", [concord, "export", workspace, "--format", "akn"], html, "concord export --format html"
      ),
    ]
    var results: [Result] = []
    for (task, command, peer, peerName) in tasks where wanted.contains(task) {
      log("N = \(n): \(task)")
      let (concordRuns, peerRuns) = samples(command, peer)
      results.append(
        Result(
          n: n, task: task, detail: "the assembled workspace", concord: concordRuns, peer: peerRuns,
          peerName: peerName))
    }
    return results
  }
}
