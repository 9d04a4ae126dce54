import Foundation

/// The example workspace grown `copies` times (each operative section again, with its ids
/// suffixed `-c1`, `-c2`, …), so that assembling it takes long enough to be interrupted at
/// many points: at 15 copies, about 1,000 paragraphs and three revisions of 1.3 MB each.
struct LargeWorkspace {
  let path: String

  init(in folder: String, copies: Int = 15) throws {
    let files = FileManager.default
    path = folder + "/ws"
    try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try files.copyItem(
      atPath: ConcordProcess.repositoryRoot.appendingPathComponent("Drafts/sco-2025").path, toPath: path)
    try? files.removeItem(atPath: path + "/revisions")
    let clauses = path + "/clauses"
    let originals = try files.contentsOfDirectory(atPath: clauses).filter { !$0.hasPrefix("01-") }.sorted()
    for copy in 1...max(copies, 1) {
      for name in originals {
        let text = try String(contentsOfFile: clauses + "/" + name, encoding: .utf8)
        let renamed = text.replacingOccurrences(
          of: #" id="([^"]+)""#, with: " id=\"$1-c\(copy)\"", options: .regularExpression)
        let target = clauses + "/" + name.replacingOccurrences(of: ".xml", with: "-c\(copy).xml")
        try Data(renamed.utf8).write(to: URL(fileURLWithPath: target))
      }
    }
  }

  var revisionsFolder: String { path + "/revisions" }

  /// The revision files on disk, by number, and every other name in `revisions/`.
  func revisionFiles() throws -> (revisions: [Int: Data], others: [String]) {
    guard FileManager.default.fileExists(atPath: revisionsFolder) else { return ([:], []) }
    var revisions: [Int: Data] = [:]
    var others: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: revisionsFolder) {
      if name.hasPrefix("rev-"), name.hasSuffix(".xml"), let number = Int(name.dropFirst(4).dropLast(4)) {
        revisions[number] = try Data(contentsOf: URL(fileURLWithPath: revisionsFolder + "/" + name))
      } else {
        others.append(name)
      }
    }
    return (revisions, others.sorted())
  }

  /// Everything but `revisions/`: the inputs, which no run may change.
  var inputs: WorkspaceSnapshot { WorkspaceSnapshot(path, ignoring: [".concord.lock", "revisions"]) }
}
