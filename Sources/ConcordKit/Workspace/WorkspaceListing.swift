/// The files of a workspace as its layout names them — `clauses/*.xml` and
/// `positions/round-<k>/*.xml` beside `workspace.xml` and `members.xml` — listed, not read,
/// with what is wrong with the layout where it is wrong (a stray file, a hidden XML file, a
/// round without position files), in the order a reader meets them.
///
/// The one place that knows which files a workspace consists of: the loader reads what it
/// lists, and `assemble` hashes what it lists to see whether anything changed.
struct WorkspaceListing: Sendable {
  /// A file to read, or a problem met at that point of the listing.
  enum Entry: Sendable {
    case file(String)
    case problem(Diagnostic)
  }

  /// What `positions/` holds, folder by folder in name order: a round, or a problem.
  enum RoundEntry: Sendable {
    case round(number: Int, entries: [Entry])
    case problem(Diagnostic)
  }

  /// `clauses/`, in file-name order.
  var clauses: [Entry] = []
  /// `positions/` (empty when there is no such folder: no round yet).
  var positions: [RoundEntry] = []

  init(path: String) {
    let clausesPath = FileSystem.join(path, WorkspaceLoader.clausesFolder)
    if FileSystem.isDirectory(clausesPath) {
      let (names, problems) = Self.names(in: clausesPath)
      clauses =
        problems.map(Entry.problem)
        + Self.entries(
          names, in: WorkspaceLoader.clausesFolder, of: path,
          otherwise: "not a clause file: files in \(WorkspaceLoader.clausesFolder)/ must end in .xml")
    } else {
      clauses = [
        .problem(
          Diagnostic(file: clausesPath, message: "missing folder: the zero draft's clause files go here"))
      ]
    }
    let positionsPath = FileSystem.join(path, WorkspaceLoader.positionsFolder)
    guard FileSystem.isDirectory(positionsPath) else { return }
    let (names, problems) = Self.names(in: positionsPath)
    positions = problems.map(RoundEntry.problem)
    for folder in names {
      let folderPath = FileSystem.join(positionsPath, folder)
      guard folder.hasPrefix("round-"), let number = Int(folder.dropFirst("round-".count)),
        number >= 1, FileSystem.isDirectory(folderPath), folder == "round-\(number)"
      else {
        positions.append(
          .problem(
            Diagnostic(
              file: folderPath,
              message: "unexpected entry in positions/: expected folders round-1, round-2, …")))
        continue
      }
      let (names, problems) = Self.names(in: folderPath)
      var entries = problems.map(Entry.problem)
      if names.isEmpty, FileSystem.isReadableDirectory(folderPath) {
        // An immutable revision would be made from nothing, and files added later refused.
        entries.append(
          .problem(
            Diagnostic(
              file: folderPath,
              message:
                "the round has no position files: a round needs at least one (an empty position file says a participant has nothing to say)"
            )))
      }
      entries += Self.entries(
        names, in: "\(WorkspaceLoader.positionsFolder)/\(folder)", of: path,
        otherwise: "not a position file: expected <CODE>.xml")
      positions.append(.round(number: number, entries: entries))
    }
  }

  /// Every file listed, relative to the workspace, with the schema it is read against and
  /// the kind of input it is: `workspace.xml`, `members.xml`, the clause files, the rounds'.
  var files: [(relative: String, schema: SchemaName, kind: InputDigest.Kind)] {
    var files: [(relative: String, schema: SchemaName, kind: InputDigest.Kind)] = [
      (WorkspaceLoader.workspaceFile, .workspace, .workspace),
      (WorkspaceLoader.membersFile, .members, .members),
    ]
    for case .file(let relative) in clauses { files.append((relative, .section, .clauses)) }
    for case .round(_, let entries) in positions {
      for case .file(let relative) in entries { files.append((relative, .positions, .positions)) }
    }
    return files
  }

  /// Whether the layout is as it should be (every problem here is one the loader reports).
  var isClean: Bool {
    let clausesClean = clauses.allSatisfy { if case .file = $0 { true } else { false } }
    return clausesClean
      && positions.allSatisfy { entry in
        guard case .round(_, let entries) = entry else { return false }
        return entries.allSatisfy { if case .file = $0 { true } else { false } }
      }
  }

  /// The names of `relative` as entries: its XML files, and the problem `otherwise` says for
  /// each other name.
  private static func entries(_ names: [String], in relative: String, of root: String, otherwise: String)
    -> [Entry]
  {
    names.map { name in
      name.hasSuffix(".xml")
        ? .file("\(relative)/\(name)")
        : .problem(Diagnostic(file: FileSystem.join(root, relative, name), message: otherwise))
    }
  }

  /// The names in a folder, hidden ones left out, and the problems of listing it.
  ///
  /// A folder that cannot be listed is an error, never an empty folder: a round read as empty
  /// would be assembled into a revision without its positions. A hidden XML file
  /// (`.TJK.xml`) would be skipped without a word: it is an error. Other hidden files (an
  /// editor's, the file manager's) are left alone.
  private static func names(in folder: String) -> (names: [String], problems: [Diagnostic]) {
    do {
      let names = try FileSystem.names(in: folder, includingHidden: true)
      let hidden = names.filter { $0.hasPrefix(".") && $0.lowercased().hasSuffix(".xml") }.map { name in
        Diagnostic(
          file: FileSystem.join(folder, name),
          message: "a hidden file would be ignored: give it a name without the leading dot, or remove it")
      }
      return (names.filter { !$0.hasPrefix(".") }, hidden)
    } catch let error as DiagnosticsError {
      return ([], error.diagnostics)
    } catch {
      return ([], [Diagnostic(file: folder, message: "cannot list the folder: \(error)")])
    }
  }
}
