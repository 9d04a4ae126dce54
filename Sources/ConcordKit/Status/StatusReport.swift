/// Where consensus stands: one revision's paragraphs, the participant × paragraph matrix of
/// stances taken in the round that produced it, and the convergence across revisions.
public struct StatusReport: Sendable {
  public var declaration: Declaration
  /// Every revision so far, oldest first, as counts.
  public var convergence: [Convergence]

  public struct Convergence: Hashable, Sendable {
    public var revision: Int
    public var draft: Int
    public var agreed: Int
    public var agreedAdReferendum: Int
    public var open: Int

    public init(_ declaration: Declaration) {
      revision = declaration.revision
      let statuses = declaration.paragraphs.map(\.status)
      draft = statuses.filter { $0 == .draft }.count
      agreed = statuses.filter { $0 == .agreed }.count
      agreedAdReferendum = statuses.filter { $0 == .agreedAdReferendum }.count
      open = statuses.filter { $0 == .open }.count
    }

    public var total: Int { draft + agreed + agreedAdReferendum + open }
  }

  /// - Parameter history: every revision up to and including `declaration`, in any order.
  public init(declaration: Declaration, history: [Declaration]) {
    self.declaration = declaration
    self.convergence = history.filter { $0.revision <= declaration.revision }
      .sorted { $0.revision < $1.revision }.map(Convergence.init)
  }

  /// Participants who took a stance in the round behind this revision, in protocol order.
  public var participantsWithStances: [Participant] {
    let codes = Set(declaration.paragraphs.flatMap { $0.stances.map(\.participant) })
    return declaration.participants.filter { codes.contains($0.code) }
  }

  /// The stance of `participant` on `paragraph` in the round behind this revision.
  public func stance(of participant: String, on paragraph: Paragraph) -> RecordedStance? {
    paragraph.stances.first { $0.participant == participant }
  }

  /// The options of a paragraph as people read them: option number or "delete", sponsors,
  /// and the text per language with `<parties/>` rendered.
  public func rendered(_ option: Option, of paragraph: Paragraph) -> [String: String] {
    var texts: [String: String] = [:]
    for language in declaration.settings.languages where option.texts[language] != nil {
      texts[language] = declaration.renderedText(of: paragraph, option: option, in: language).text
    }
    return texts
  }

  /// The languages a paragraph's current text lacks (translation pending).
  public func pendingTranslations(of paragraph: Paragraph) -> [String] {
    guard let current = paragraph.current, !current.texts.isEmpty else { return [] }
    return declaration.settings.languages.filter { current.texts[$0] == nil }
  }
}

extension RecordedStance {
  /// One letter for the matrix (`Stance.Kind.symbol`).
  public var symbol: String { kind.symbol }
}

extension StatusReport {
  /// The report on revision `revision` (default: the latest) of the workspace at `path`.
  public static func load(
    workspace path: String, revision: Int? = nil, reader: DocumentReader = DocumentReader()
  ) throws -> StatusReport {
    let store = RevisionStore(workspacePath: path, reader: reader)
    let wanted = try store.resolve(revision.map(RevisionReference.number))
    let earlier = try store.revisions().filter { $0 < wanted }.map(store.load)
    let declaration = try store.load(wanted)
    return StatusReport(declaration: declaration, history: earlier + [declaration])
  }
}
