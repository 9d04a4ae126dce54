import Foundation

/// Loads a workspace folder: reads and validates every file against its schema, decodes the
/// model, and runs the cross-checks no schema can express. Reports every problem it finds,
/// not just the first.
public struct WorkspaceLoader: Sendable {
  public var reader: DocumentReader

  public init(reader: DocumentReader = DocumentReader()) { self.reader = reader }

  /// The files of a workspace, relative to its folder: what `validate` checks and what
  /// revisions are assembled from.
  public static let workspaceFile = "workspace.xml"
  public static let membersFile = "members.xml"
  public static let clausesFolder = "clauses"
  public static let positionsFolder = "positions"

  /// What is wrong with `path` as a workspace folder before anything in it is read: nil
  /// when it is a folder. The one wording of "not a workspace folder".
  public static func folderProblem(_ path: String) -> Diagnostic? {
    FileSystem.isDirectory(path) ? nil : Diagnostic(file: path, message: "not a workspace folder")
  }

  /// A workspace as far as it could be read.
  struct Reading {
    /// The workspace, when workspace.xml and members.xml could be read.
    var workspace: Workspace?
    var diagnostics: [Diagnostic]
    /// Whether every file was read and valid and the zero draft has sections: the problems
    /// left, if any, are cross-checks, and what positions refer to can be judged too.
    var isComplete: Bool
  }

  /// - Parameter progress: told after each file read ("read 120 files"), for a progress line.
  public func load(_ path: String, progress: ProgressHandler? = nil) throws -> Workspace {
    let reading = read(path, progress: progress)
    guard let workspace = reading.workspace, reading.diagnostics.isEmpty else {
      throw DiagnosticsError(reading.diagnostics)
    }
    return workspace
  }

  /// Reads what can be read and reports every problem; never throws.
  func read(_ path: String, progress: ProgressHandler? = nil) -> Reading {
    if let problem = Self.folderProblem(path) {
      return Reading(workspace: nil, diagnostics: [problem], isComplete: false)
    }
    var files = FileReader(path: path, reader: reader, progress: progress)
    files.prefetch()
    let workspaceRoot = files.document(Self.workspaceFile, .workspace, .workspace)
    let membersRoot = files.document(Self.membersFile, .members, .members)
    let sections = files.sections()
    var rounds = files.rounds()
    guard let workspaceRoot, let membersRoot else {
      return Reading(workspace: nil, diagnostics: files.diagnostics.removingRepeats(), isComplete: false)
    }
    let settings = InputDecoding.settings(workspaceRoot, file: FileSystem.join(path, Self.workspaceFile))
    let participants = InputDecoding.participants(membersRoot.elements(named: "participant"))
    let order = ProtocolOrder(participants)
    for index in rounds.indices {
      rounds[index].positions.sort { order.precedes($0.participant, $1.participant) }
    }
    let inputs = files.inputs.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    let workspace = Workspace(
      path: path, settings: settings, participants: participants, sections: sections.map(\.section),
      rounds: rounds, inputs: inputs)
    let isComplete = files.diagnostics.isEmpty && !sections.isEmpty
    var checks = CrossChecks(workspace: workspace)
    checks.checkLanguages(
      in: [
        (FileSystem.join(path, Self.workspaceFile), workspaceRoot),
        (FileSystem.join(path, Self.membersFile), membersRoot),
      ] + sections.map { ($0.file, $0.root) } + files.positionTrees)
    checks.checkNames(in: membersRoot, file: FileSystem.join(path, Self.membersFile))
    checks.run()
    return Reading(
      workspace: workspace,
      // A reader stops at 100 errors a document; the cross-checks stop at 100 a file too.
      diagnostics: (files.diagnostics + checks.diagnostics.cappedPerFile()).removingRepeats(),
      isComplete: isComplete)
  }
}

/// Reads a workspace's files one by one, keeping every problem and each file's digest.
private struct FileReader {
  let path: String
  let reader: DocumentReader
  let progress: ProgressHandler?
  var diagnostics: [Diagnostic] = []
  var inputs: [InputDigest] = []
  var positionTrees: [(String, XML.Element)] = []
  /// Every document read and validated ahead, on every core, by its path relative to the
  /// workspace; the passes below take them in their own order, so the diagnostics keep it.
  private var prefetched: [String: Result<(root: XML.Element, sha256: String), DiagnosticsError>] = [:]

  init(path: String, reader: DocumentReader, progress: ProgressHandler?) {
    self.path = path
    self.reader = reader
    self.progress = progress
  }

  mutating func document(_ relative: String, _ kind: SchemaName, _ inputKind: InputDigest.Kind)
    -> XML.Element?
  {
    switch prefetched.removeValue(forKey: relative) ?? Self.read(relative, kind, in: path, reader) {
    case .success(let document):
      inputs.append(InputDigest(kind: inputKind, path: relative, sha256: document.sha256))
      progress?("read \(inputs.count) files")
      return document.root
    case .failure(let error):
      diagnostics += error.diagnostics
      return nil
    }
  }

  /// Reads and validates the documents the passes will ask for, all at once on every core
  /// (reading and validating is most of a workspace's load). Lists folders only; anything
  /// it cannot list is left to the passes, which report it.
  mutating func prefetch() {
    var wanted: [(String, SchemaName)] = [
      (WorkspaceLoader.workspaceFile, .workspace), (WorkspaceLoader.membersFile, .members),
    ]
    let root = path
    func xmlFiles(in relative: String) -> [String] {
      let names = (try? FileSystem.names(in: FileSystem.join(root, relative))) ?? []
      return names.filter { $0.hasSuffix(".xml") }.map { "\(relative)/\($0)" }
    }
    wanted += xmlFiles(in: WorkspaceLoader.clausesFolder).map { ($0, .section) }
    let positions = WorkspaceLoader.positionsFolder
    for round in (try? FileSystem.names(in: FileSystem.join(root, positions))) ?? []
    where round.hasPrefix("round-") {
      wanted += xmlFiles(in: "\(positions)/\(round)").map { ($0, .positions) }
    }
    let (reader, documents) = (self.reader, wanted)
    let results = parallelMap(count: documents.count) { index in
      Self.read(documents[index].0, documents[index].1, in: root, reader)
    }
    for (index, result) in results.enumerated() { prefetched[documents[index].0] = result }
  }

  private static func read(_ relative: String, _ kind: SchemaName, in path: String, _ reader: DocumentReader)
    -> Result<(root: XML.Element, sha256: String), DiagnosticsError>
  {
    let file = FileSystem.join(path, relative)
    do {
      let data = try FileSystem.read(file, limit: reader.limits.maxInputBytes)
      let root = try reader.read(data, as: kind, displayPath: file)
      return .success((root, Digest.sha256(data)))
    } catch {
      return .failure(DiagnosticsError(DiagnosticsError.diagnostics(of: error, file: file)))
    }
  }

  /// A folder that cannot be listed is an error, never an empty folder: a round read as empty
  /// would be assembled into a revision without its positions.
  ///
  /// A hidden XML file (`.TJK.xml`) would be skipped without a word: it is an error. Other
  /// hidden files (an editor's, the file manager's) are left alone.
  mutating func names(in folder: String) -> [String] {
    do {
      let names = try FileSystem.names(in: folder, includingHidden: true)
      for name in names where name.hasPrefix(".") && name.lowercased().hasSuffix(".xml") {
        diagnostics.append(
          Diagnostic(
            file: FileSystem.join(folder, name),
            message: "a hidden file would be ignored: give it a name without the leading dot, or remove it"))
      }
      return names.filter { !$0.hasPrefix(".") }
    } catch let error as DiagnosticsError {
      diagnostics += error.diagnostics
    } catch {
      diagnostics.append(Diagnostic(file: folder, message: "cannot list the folder: \(error)"))
    }
    return []
  }

  /// `clauses/*.xml` in file-name order.
  mutating func sections() -> [(section: Section, file: String, root: XML.Element)] {
    let folder = WorkspaceLoader.clausesFolder
    let clausesPath = FileSystem.join(path, folder)
    guard FileSystem.isDirectory(clausesPath) else {
      diagnostics.append(
        Diagnostic(file: clausesPath, message: "missing folder: the zero draft's clause files go here"))
      return []
    }
    var sections: [(section: Section, file: String, root: XML.Element)] = []
    for name in names(in: clausesPath) {
      let relative = "\(folder)/\(name)"
      let file = FileSystem.join(path, relative)
      guard name.hasSuffix(".xml") else {
        diagnostics.append(
          Diagnostic(file: file, message: "not a clause file: files in clauses/ must end in .xml"))
        continue
      }
      if let root = document(relative, .section, .clauses) {
        sections.append((InputDecoding.section(root, file: file), file, root))
      }
    }
    return sections
  }

  /// `positions/round-<k>/<CODE>.xml`, rounds in number order.
  mutating func rounds() -> [Round] {
    let positionsPath = FileSystem.join(path, WorkspaceLoader.positionsFolder)
    guard FileSystem.isDirectory(positionsPath) else { return [] }
    var rounds: [Round] = []
    for folder in names(in: positionsPath) {
      let folderPath = FileSystem.join(positionsPath, folder)
      guard folder.hasPrefix("round-"), let number = Int(folder.dropFirst("round-".count)),
        number >= 1, FileSystem.isDirectory(folderPath), folder == "round-\(number)"
      else {
        diagnostics.append(
          Diagnostic(
            file: folderPath, message: "unexpected entry in positions/: expected folders round-1, round-2, …")
        )
        continue
      }
      rounds.append(round(number, in: folder))
    }
    return rounds.sorted { $0.number < $1.number }
  }

  private mutating func round(_ number: Int, in folder: String) -> Round {
    var round = Round(number: number, positions: [])
    let folderPath = FileSystem.join(path, WorkspaceLoader.positionsFolder, folder)
    let entries = names(in: folderPath)
    if entries.isEmpty, FileSystem.isReadableDirectory(folderPath) {
      // An immutable revision would be made from nothing, and files added later refused.
      diagnostics.append(
        Diagnostic(
          file: folderPath,
          message:
            "the round has no position files: a round needs at least one (an empty position file says a participant has nothing to say)"
        ))
    }
    for name in entries {
      let relative = "\(WorkspaceLoader.positionsFolder)/\(folder)/\(name)"
      let file = FileSystem.join(path, relative)
      guard name.hasSuffix(".xml") else {
        diagnostics.append(Diagnostic(file: file, message: "not a position file: expected <CODE>.xml"))
        continue
      }
      if let root = document(relative, .positions, .positions) {
        round.positions.append(InputDecoding.positions(root, file: file))
        positionTrees.append((file, root))
      }
    }
    return round
  }
}
