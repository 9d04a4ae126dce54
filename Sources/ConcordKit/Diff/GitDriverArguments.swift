/// What git hands an external diff driver (`GIT_EXTERNAL_DIFF`, `diff.<driver>.command`):
/// `path old-file old-hex old-mode new-file new-hex new-mode`, two more for a rename or copy
/// (`new-path` and git's header lines, "similarity index 94%\nrename from …\nrename to …"),
/// or the path alone for an unmerged file. A side that does not exist (a file added or
/// deleted) is `/dev/null` with hex and mode `.`.
public struct GitDriverArguments: Hashable, Sendable {
  public struct Side: Hashable, Sendable {
    /// The temporary file git wrote (or the working-tree file itself); nil for `/dev/null`.
    public var file: String?
    /// The blob's object name; nil when git has none (`.`, or all zeros for an unhashed
    /// working-tree file).
    public var hex: String?
    public var mode: String?

    init(file: String, hex: String, mode: String) {
      self.file = file == "/dev/null" ? nil : file
      self.hex = hex.count >= 40 && hex.contains { $0 != "0" } && hex.allSatisfy(\.isHexDigit) ? hex : nil
      self.mode = mode == "." ? nil : mode
    }
  }

  /// The path in the repository (the old path of a rename).
  public var path: String
  /// The new path of a rename or copy; `path` otherwise.
  public var newPath: String
  public var old: Side?
  public var new: Side?
  /// git's header lines for a rename or copy ("similarity index …"), empty otherwise.
  public var renameInfo: [String]

  /// True for git's one-argument call about an unmerged path.
  public var isUnmerged: Bool { old == nil && new == nil }

  public init(_ arguments: [String]) throws {
    switch arguments.count {
    case 1:
      self.init(path: arguments[0], newPath: arguments[0], old: nil, new: nil, renameInfo: [])
    case 7, 9:
      let old = Side(file: arguments[1], hex: arguments[2], mode: arguments[3])
      let new = Side(file: arguments[4], hex: arguments[5], mode: arguments[6])
      let renamed = arguments.count == 9
      self.init(
        path: arguments[0], newPath: renamed ? arguments[7] : arguments[0],
        old: old.file == nil ? nil : old, new: new.file == nil ? nil : new,
        renameInfo: renamed
          ? arguments[8].split(separator: "\n").map(String.init).filter { !$0.isEmpty } : [])
    default:
      throw DiagnosticsError(
        Diagnostic(
          file: "concord diff --git-external",
          message:
            "git passes 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode), 9 for a rename (and new-path rename-info), or 1 for an unmerged path; got \(arguments.count)"
        ))
    }
  }

  init(path: String, newPath: String, old: Side?, new: Side?, renameInfo: [String]) {
    self.path = path
    self.newPath = newPath
    self.old = old
    self.new = new
    self.renameInfo = renameInfo
  }

  /// `rev-(N-1).xml` beside a new `rev-N.xml` (N ≥ 1) that has no old side; nil otherwise.
  var predecessorPath: String? {
    guard old == nil, new != nil else { return nil }
    let slash = newPath.lastIndex(of: "/")
    let folder = slash.map { String(newPath[...$0]) } ?? ""
    let name = slash.map { String(newPath[newPath.index(after: $0)...]) } ?? newPath
    guard name.hasPrefix("rev-"), name.hasSuffix(".xml") else { return nil }
    let digits = name.dropFirst(4).dropLast(4)
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      digits.count < 10, let number = Int(digits), number >= 1
    else { return nil }
    return "\(folder)rev-\(number - 1).xml"
  }
}
