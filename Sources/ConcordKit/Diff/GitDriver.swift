import Foundation

/// `concord diff --git-external`: git's external diff driver (SPEC §5). Two declarations are
/// compared like any two revisions; a rename (git's nine arguments) is a diff like any other; a
/// new `rev-N.xml` is shown against `rev-(N-1).xml` of the same tree, read through git
/// (`GitDriverRepository`); anything that is not a declaration gets git's own line diff, and so
/// does a declaration that cannot be read, after a diagnostic line saying why. It never fails
/// the way that stops git ("external diff died"): its status is 0, or with `exitCode` (for
/// `diff.<driver>.trustExitCode`) 1 when the two sides differ.
public struct GitDriver: Sendable {
  /// Renders the changes between two declarations (text, JSON or HTML).
  public var render: @Sendable (Changes) -> String
  /// Colour in git's line diff.
  public var color: Bool
  /// Exit status 1 when the sides differ (git's `trustExitCode` convention), 0 otherwise.
  public var exitCode: Bool
  public var reader: DocumentReader
  var repository = GitDriverRepository()

  public init(
    color: Bool = false, exitCode: Bool = false, reader: DocumentReader = DocumentReader(),
    render: @escaping @Sendable (Changes) -> String
  ) {
    self.color = color
    self.exitCode = exitCode
    self.reader = reader
    self.render = render
  }

  /// What to print, and the exit status.
  public struct Outcome: Sendable {
    public var output: Data
    public var status: Int32
  }

  public func run(_ arguments: [String]) -> Outcome {
    let request: GitDriverArguments
    do {
      request = try GitDriverArguments(arguments)
    } catch {
      let text = DiagnosticsError.diagnostics(of: error, file: "concord diff").map(\.description)
      return Outcome(output: Data(text.asLines.utf8), status: exitCode ? 2 : 0)
    }
    if request.isUnmerged {
      return Outcome(output: Data("* Unmerged path \(request.path)\n".utf8), status: 0)
    }
    let status: Int32 = exitCode && differ(request) ? 1 : 0
    return Outcome(output: output(for: request), status: status)
  }

  // MARK: - The two ways of showing a change

  private func output(for request: GitDriverArguments) -> Data {
    let predecessor = self.predecessor(of: request)
    defer { if let predecessor { try? FileManager.default.removeItem(atPath: predecessor.file) } }
    let old = predecessor?.file ?? request.old?.file
    let sides = [old, request.new?.file].compactMap { $0 }
    guard sides.allSatisfy(Self.isDeclaration) else { return lineDiff(request) }
    var title = "concord diff \(request.path)"
    if request.newPath != request.path { title += " → \(request.newPath)" }
    if let similarity = request.renameInfo.first { title += " (\(similarity))" }
    if let predecessor { title += " (new; against \(predecessor.path))" }
    do {
      let inputs = DiffInputs(
        old: old.map(DeclarationSource.file), new: request.new?.file.map(DeclarationSource.file))
      let (oldOutline, newOutline) = try inputs.load(reader: reader)
      return Data((title + "\n" + render(DeclarationDiff.changes(from: oldOutline, to: newOutline))).utf8)
    } catch {
      let names = Dictionary(
        [(old, predecessor?.path ?? "a/\(request.path)"), (request.new?.file, "b/\(request.newPath)")]
          .compactMap { file, name in file.map { ($0, name) } },
        uniquingKeysWith: { first, _ in first })
      let lines = DiagnosticsError.diagnostics(of: error, file: "concord diff").map { diagnostic in
        var diagnostic = diagnostic
        diagnostic.file = names[diagnostic.file] ?? diagnostic.file
        return diagnostic.description
      }
      let note = "concord diff: not shown as a declaration diff; git's line diff follows"
      return Data(([title] + lines + [note]).joined(separator: "\n").utf8) + Data("\n".utf8)
        + lineDiff(request)
    }
  }

  /// git's ordinary diff of the two files as git gave them, under git's header for the real
  /// paths.
  private func lineDiff(_ request: GitDriverArguments) -> Data {
    let old = request.old
    let new = request.new
    var header = ["diff --git a/\(request.path) b/\(request.newPath)"] + request.renameInfo
    if old == nil { header.append("new file mode \(new?.mode ?? "100644")") }
    if new == nil { header.append("deleted file mode \(old?.mode ?? "100644")") }
    if let oldMode = old?.mode, let newMode = new?.mode, oldMode != newMode,
      !request.renameInfo.contains(where: { $0.hasPrefix("old mode") })
    {
      header += ["old mode \(oldMode)", "new mode \(newMode)"]
    }
    if !request.renameInfo.contains(where: { $0.hasPrefix("index ") }) {
      func short(_ hex: String?) -> String { String((hex ?? "0000000").prefix(7)) }
      let mode = old?.mode == new?.mode ? old?.mode.map { " \($0)" } ?? "" : ""
      header.append("index \(short(old?.hex))..\(short(new?.hex))\(mode)")
    }
    let oldName = old == nil ? "/dev/null" : "a/\(request.path)"
    let newName = new == nil ? "/dev/null" : "b/\(request.newPath)"
    if let hunks = repository.lineDiff(old: old?.file, new: new?.file, color: color) {
      header += ["--- \(oldName)", "+++ \(newName)"]
      return Data(header.asLines.utf8) + hunks
    }
    if differ(request) { header.append("Binary files \(oldName) and \(newName) differ") }
    return Data(header.asLines.utf8)
  }

  // MARK: - Reading the sides

  /// For a new `rev-N.xml`, `rev-(N-1).xml` of the same tree, copied to a temporary file: from
  /// the working tree when git gives the new side from there unhashed, otherwise through git.
  private func predecessor(of request: GitDriverArguments) -> (path: String, file: String)? {
    guard let path = request.predecessorPath, let new = request.new else { return nil }
    let data: Data?
    if let hex = new.hex {
      data = repository.predecessor(path, of: request.newPath, blob: hex)
    } else {
      data = try? FileSystem.read(path, limit: reader.limits.maxInputBytes)
    }
    guard let data else { return nil }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("concord-\(UUID().uuidString)-\((path as NSString).lastPathComponent)").path
    guard (try? data.write(to: URL(fileURLWithPath: file))) != nil else { return nil }
    guard Self.isDeclaration(file) else {
      try? FileManager.default.removeItem(atPath: file)
      return nil
    }
    return (path, file)
  }

  /// Whether the two sides differ at all (a side missing counts as a difference).
  private func differ(_ request: GitDriverArguments) -> Bool {
    guard let old = request.old?.file, let new = request.new?.file else { return true }
    if let oldHex = request.old?.hex, let newHex = request.new?.hex { return oldHex != newHex }
    return FileManager.default.contentsEqual(atPath: old, andPath: new) == false
  }

  /// Whether the file's first element is a `declaration` (any prefix): what Concord shows; a
  /// declaration that is broken past its first tag is still one, and its errors are reported.
  static func isDeclaration(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
    var rest = Substring(head)
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      if rest.hasPrefix("?") || rest.hasPrefix("!") { continue }
      let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      return name.split(separator: ":").last == "declaration"
    }
    return false
  }
}
