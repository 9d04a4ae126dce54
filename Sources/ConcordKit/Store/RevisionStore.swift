/// Revisions on disk: `revisions/rev-<n>.xml` in a workspace.
public struct RevisionStore: Sendable {
  public static let folder = "revisions"

  public let workspacePath: String
  public var reader: DocumentReader

  public init(workspacePath: String, reader: DocumentReader = DocumentReader()) {
    self.workspacePath = workspacePath
    self.reader = reader
  }

  public var folderPath: String { FileSystem.join(workspacePath, Self.folder) }

  public static func fileName(of revision: Int) -> String { "rev-\(revision).xml" }

  /// `rev-12.xml` → 12; nil for any other name (temporary files included).
  public static func revisionNumber(ofFile name: String) -> Int? {
    guard name.hasPrefix("rev-"), name.hasSuffix(".xml") else { return nil }
    let digits = name.dropFirst(4).dropLast(4)
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      let number = Int(digits), "rev-\(number).xml" == name
    else { return nil }
    return number
  }

  public func path(of revision: Int) -> String {
    FileSystem.join(folderPath, Self.fileName(of: revision))
  }

  /// The revision numbers on disk, ascending.
  public func revisions() throws -> [Int] {
    guard FileSystem.isDirectory(folderPath) else { return [] }
    return try FileSystem.names(in: folderPath).compactMap(Self.revisionNumber(ofFile:)).sorted()
  }

  /// Reads and validates one revision.
  public func load(_ revision: Int) throws -> Declaration {
    try Self.loadDeclaration(path(of: revision), reader: reader)
  }

  /// Reads and validates one revision, with the SHA-256 of its file, reading it once.
  public func loadWithDigest(_ revision: Int) throws -> (declaration: Declaration, sha256: String) {
    let path = path(of: revision)
    let data = try FileSystem.read(path, limit: reader.limits.maxInputBytes)
    return (try DeclarationDecoding.declaration(data, file: path, reader: reader), Digest.sha256(data))
  }

  /// Reads and validates any declaration file.
  public static func loadDeclaration(_ path: String, reader: DocumentReader = DocumentReader())
    throws -> Declaration
  {
    let data = try reader.readFile(path, shownAs: path)
    return try DeclarationDecoding.declaration(data, file: path, reader: reader)
  }
}
