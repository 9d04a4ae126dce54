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

  /// - Parameter progress: told after each file read ("read 120 files"), for a progress line.
  public func load(_ path: String, progress: ProgressHandler? = nil) throws -> Workspace {
    var diagnostics: [Diagnostic] = []
    guard FileSystem.isDirectory(path) else {
      throw DiagnosticsError(Diagnostic(file: path, message: "not a workspace folder"))
    }
    var inputs: [InputDigest] = []

    func document(_ relative: String, _ kind: SchemaName, _ inputKind: InputDigest.Kind)
      -> XML.Element?
    {
      let file = FileSystem.join(path, relative)
      do {
        let data = try FileSystem.read(file, limit: reader.limits.maxInputBytes)
        let root = try reader.read(data, as: kind, displayPath: file)
        inputs.append(InputDigest(kind: inputKind, path: relative, sha256: Digest.sha256(data)))
        progress?("read \(inputs.count) files")
        return root
      } catch let error as DiagnosticsError {
        diagnostics += error.diagnostics
      } catch {
        diagnostics.append(Diagnostic(file: file, message: "\(error)"))
      }
      return nil
    }

    // A folder that cannot be listed is an error, never an empty folder: a round read as
    // empty would be assembled into a revision without its positions.
    func names(in folder: String) -> [String] {
      do {
        return try FileSystem.names(in: folder)
      } catch let error as DiagnosticsError {
        diagnostics += error.diagnostics
      } catch {
        diagnostics.append(Diagnostic(file: folder, message: "cannot list the folder: \(error)"))
      }
      return []
    }

    let workspaceRoot = document(Self.workspaceFile, .workspace, .workspace)
    let membersRoot = document(Self.membersFile, .members, .members)

    var sections: [Section] = []
    var sectionTrees: [(String, XML.Element)] = []
    let clausesPath = FileSystem.join(path, Self.clausesFolder)
    if FileSystem.isDirectory(clausesPath) {
      for name in names(in: clausesPath) {
        let relative = "\(Self.clausesFolder)/\(name)"
        guard name.hasSuffix(".xml") else {
          diagnostics.append(
            Diagnostic(
              file: FileSystem.join(path, relative),
              message: "not a clause file: files in clauses/ must end in .xml"))
          continue
        }
        if let root = document(relative, .section, .clauses) {
          let file = FileSystem.join(path, relative)
          sections.append(InputDecoding.section(root, file: file))
          sectionTrees.append((file, root))
        }
      }
    } else {
      diagnostics.append(
        Diagnostic(file: clausesPath, message: "missing folder: the zero draft's clause files go here"))
    }

    var rounds: [Round] = []
    var positionTrees: [(String, XML.Element)] = []
    let positionsPath = FileSystem.join(path, Self.positionsFolder)
    if FileSystem.isDirectory(positionsPath) {
      for folder in names(in: positionsPath) {
        let folderPath = FileSystem.join(positionsPath, folder)
        guard folder.hasPrefix("round-"), let number = Int(folder.dropFirst("round-".count)),
          number >= 1, FileSystem.isDirectory(folderPath), folder == "round-\(number)"
        else {
          diagnostics.append(
            Diagnostic(
              file: folderPath,
              message: "unexpected entry in positions/: expected folders round-1, round-2, …"))
          continue
        }
        var round = Round(number: number, positions: [])
        for name in names(in: folderPath) {
          let relative = "\(Self.positionsFolder)/\(folder)/\(name)"
          guard name.hasSuffix(".xml") else {
            diagnostics.append(
              Diagnostic(
                file: FileSystem.join(path, relative),
                message: "not a position file: expected <CODE>.xml"))
            continue
          }
          if let root = document(relative, .positions, .positions) {
            let file = FileSystem.join(path, relative)
            round.positions.append(InputDecoding.positions(root, file: file))
            positionTrees.append((file, root))
          }
        }
        rounds.append(round)
      }
    }
    rounds.sort { $0.number < $1.number }

    guard let workspaceRoot, let membersRoot else {
      throw DiagnosticsError(diagnostics.removingRepeats())
    }
    let settings = InputDecoding.settings(
      workspaceRoot, file: FileSystem.join(path, Self.workspaceFile))
    let participants = InputDecoding.participants(membersRoot.elements(named: "participant"))
    let order = ProtocolOrder(participants)
    for index in rounds.indices {
      rounds[index].positions.sort { order.precedes($0.participant, $1.participant) }
    }
    inputs.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }

    let workspace = Workspace(
      path: path, settings: settings, participants: participants, sections: sections,
      rounds: rounds, inputs: inputs)
    // Without every clause file (or without any), references to paragraphs cannot be checked.
    let draftComplete =
      !sections.isEmpty && !diagnostics.contains { $0.file.contains("/\(Self.clausesFolder)/") }
    var checks = CrossChecks(workspace: workspace, draftComplete: draftComplete)
    checks.checkLanguages(
      in: [
        (FileSystem.join(path, Self.workspaceFile), workspaceRoot),
        (FileSystem.join(path, Self.membersFile), membersRoot),
      ] + sectionTrees + positionTrees)
    checks.run()
    diagnostics += checks.diagnostics
    guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics.removingRepeats()) }
    return workspace
  }
}
