import Foundation

/// The revisions of a workspace as a chain: each checked against its seal and its
/// predecessor's recorded digest, and read only as far as its head (settings, participants,
/// history, provenance: everything before its paragraphs).
///
/// Every command that reads a workspace's revisions checks the chain first, so that a
/// planted, removed, renamed or hand-edited revision is reported, precisely, before anything
/// is built on it. Cost: one read and one SHA-256 of each file (a chunk at a time), and a parse of its head.
public struct RevisionChain: Sendable {
  /// A revision as the chain knows it.
  public struct Link: Sendable {
    /// The revision's head: its paragraphs left out.
    public var head: Declaration
    /// Its seal (the SHA-256 of its content), which the revision after it records.
    public var sha256: String
  }

  public let links: [Link]

  /// The latest revision's number, -1 when there is none.
  public var latest: Int { links.last?.head.revision ?? -1 }

  /// Reads and checks the chain of the revisions on disk.
  ///
  /// The files are read, hashed and their heads parsed on every core (a chunk at a time, so
  /// memory holds a chunk and a head a core, not the history); they are then checked in order.
  /// - Parameter onEveryCore: false when another job has the other cores (a revision decoded
  ///   meanwhile): the files are then read one after another, on this thread.
  public init(_ store: RevisionStore, onEveryCore: Bool = true) throws {
    let numbers = try store.sequence()
    let reads =
      onEveryCore
      ? parallelMap(count: numbers.count) { Self.read(numbers[$0], store: store) }
      : numbers.map { Self.read($0, store: store) }
    var links: [Link] = []
    var errors: [Diagnostic] = []
    for (number, read) in zip(numbers, reads) {
      let file = store.path(of: number)
      let (sha256, head) = try read.get()
      switch head {
      case .success(let head):
        if let previous = links.last { errors += Self.check(head, follows: previous, store: store) }
        links.append(Link(head: head, sha256: sha256))
        continue
      case .failure(let error):
        errors += DiagnosticsError.diagnostics(of: error, file: file)
      }
      // Whatever follows a broken revision cannot be checked against it: stop here.
      errors += Self.successorProblems(sha256: sha256, of: number, store: store)
      break
    }
    guard errors.isEmpty else { throw DiagnosticsError(errors.removingRepeats()) }
    self.links = links
  }

  /// One revision file read on its own: its SHA-256 (its seal's when it has one) and its head,
  /// or what is wrong with its bytes. A file that cannot be read at all is the outer failure.
  private static func read(_ number: Int, store: RevisionStore) -> Result<
    (sha256: String, head: Result<Declaration, Error>), Error
  > {
    Result {
      let file = store.path(of: number)
      // The usual case, a chunk at a time: an intact seal, and the head's bytes parsed alone.
      let sealed = try SealedHead.read(file, limit: store.reader.limits.maxInputBytes)
      if sealed.isIntact, let sha256 = sealed.seal?.computed,
        let head = try? Self.head(sealed.bytes, file: file, store: store)
      {
        return (sha256, .success(head))
      }
      // Anything else is read whole, for the precise diagnostics.
      let data = try store.reader.readFile(file, shownAs: file)
      let seal = ContentDigest.seal(of: data)
      let sha256 = seal?.computed ?? Digest.sha256(data)
      let problems = Self.problems(of: data, seal: seal, file: file, store: store)
      guard problems.isEmpty else { return (sha256, .failure(DiagnosticsError(problems))) }
      return (sha256, Result { try Self.head(data, file: file, store: store) })
    }
  }

  // MARK: - Checks

  /// What is wrong with a revision's bytes on their own: a broken seal, and then whatever a
  /// full, validating read finds (the precise place of an edit that breaks the schema).
  private static func problems(
    of data: Data, seal: (recorded: String, computed: String)?, file: String, store: RevisionStore
  ) -> [Diagnostic] {
    switch seal.map({ $0.recorded == $0.computed }) {
    case .some(true):
      return []
    case .some(false):
      let seal = Diagnostic(
        file: file,
        message:
          "was changed after concord wrote it: its content no longer matches the digest sealed in it (revisions are never edited; restore it from your copy or from git)"
      )
      return [seal] + store.reader.validate(data, as: .declaration, displayPath: file)
    case nil:
      let problems = store.reader.validate(data, as: .declaration, displayPath: file)
      return problems.isEmpty
        ? [
          Diagnostic(
            file: file,
            message:
              "carries no digest: it was not written by concord assemble (revisions are never written by hand)"
          )
        ] : problems
    }
  }

  /// The revision after `number` records this file's seal; when the content's differs, say
  /// so too.
  private static func successorProblems(sha256: String, of number: Int, store: RevisionStore)
    -> [Diagnostic]
  {
    let next = store.path(of: number + 1)
    guard FileSystem.isRegularFile(next),
      let data = try? store.reader.readFile(next, shownAs: next),
      let head = try? Self.head(data, file: next, store: store),
      let recorded = head.provenance.first(where: { $0.kind == .revision }),
      recorded.sha256 != sha256
    else { return [] }
    return [
      Diagnostic(
        file: store.path(of: number), message: "differs from the file Rev.\(number + 1) was assembled from")
    ]
  }

  /// A revision follows the one before it: same workspace, and the predecessor's file is the
  /// one it was assembled from.
  private static func check(_ head: Declaration, follows previous: Link, store: RevisionStore)
    -> [Diagnostic]
  {
    var errors: [Diagnostic] = []
    let file = store.path(of: head.revision)
    if head.settings.id != previous.head.settings.id {
      errors.append(
        Diagnostic(
          file: file,
          message:
            "belongs to workspace \"\(head.settings.id)\", but Rev.\(previous.head.revision) to \"\(previous.head.settings.id)\": a revision from another workspace"
        ))
    }
    let recorded = head.provenance.first { $0.kind == .revision }
    if recorded?.path != RevisionStore.relativePath(of: previous.head.revision) {
      errors.append(
        Diagnostic(
          file: file,
          message: "does not name Rev.\(previous.head.revision) as the revision it was assembled from"))
    } else if recorded?.sha256 != previous.sha256 {
      errors.append(
        Diagnostic(
          file: store.path(of: previous.head.revision),
          message: "differs from the file Rev.\(head.revision) was assembled from"))
    }
    return errors
  }

  /// The head of a sealed revision, its number checked against its file name.
  private static func head(_ data: Data, file: String, store: RevisionStore) throws -> Declaration {
    let root = try store.reader.readHead(data, as: .declaration, displayPath: file, before: "section")
    let head = DeclarationDecoding.declaration(root, sections: [], file: file)
    return try store.numbered(
      head, RevisionStore.revisionNumber(ofFile: URL(fileURLWithPath: file).lastPathComponent) ?? -1)
  }
}
