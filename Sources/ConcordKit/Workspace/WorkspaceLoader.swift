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
  let listing: WorkspaceListing
  var diagnostics: [Diagnostic] = []
  var inputs: [InputDigest] = []
  var positionTrees: [(String, XML.Element)] = []
  /// Every document read and validated ahead, on every core, by its path relative to the
  /// workspace; the passes below take them in their own order, so the diagnostics keep it.
  private var prefetched: [String: Result<(root: XML.Element, sha256: String), DiagnosticsError>] = [:]

  init(path: String, reader: DocumentReader, progress: ProgressHandler?) {
    self.path = path
    self.listing = WorkspaceListing(path: path)
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
  /// (reading and validating is most of a workspace's load).
  mutating func prefetch() {
    let (root, reader, documents) = (path, self.reader, listing.files)
    let results = parallelMap(count: documents.count) { index in
      Self.read(documents[index].relative, documents[index].schema, in: root, reader)
    }
    for (index, result) in results.enumerated() { prefetched[documents[index].relative] = result }
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

  /// `clauses/*.xml` in file-name order.
  mutating func sections() -> [(section: Section, file: String, root: XML.Element)] {
    var sections: [(section: Section, file: String, root: XML.Element)] = []
    for entry in listing.clauses {
      switch entry {
      case .problem(let problem): diagnostics.append(problem)
      case .file(let relative):
        let file = FileSystem.join(path, relative)
        if let root = document(relative, .section, .clauses) {
          sections.append((InputDecoding.section(root, file: file), file, root))
        }
      }
    }
    return sections
  }

  /// `positions/round-<k>/<CODE>.xml`, rounds in number order.
  mutating func rounds() -> [Round] {
    var rounds: [Round] = []
    for entry in listing.positions {
      switch entry {
      case .problem(let problem): diagnostics.append(problem)
      case .round(let number, let entries):
        var round = Round(number: number, positions: [])
        for entry in entries {
          switch entry {
          case .problem(let problem): diagnostics.append(problem)
          case .file(let relative):
            let file = FileSystem.join(path, relative)
            if let root = document(relative, .positions, .positions) {
              round.positions.append(InputDecoding.positions(root, file: file))
              positionTrees.append((file, root))
            }
          }
        }
        rounds.append(round)
      }
    }
    return rounds.sorted { $0.number < $1.number }
  }
}
