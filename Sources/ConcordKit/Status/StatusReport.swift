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
      self.init(revision: declaration.revision, counts: StatusCounts(declaration.paragraphs))
    }

    public init(revision: Int, counts: StatusCounts) {
      self.revision = revision
      draft = counts.draft
      agreed = counts.agreed
      agreedAdReferendum = counts.agreedAdReferendum
      open = counts.open
    }

    public var total: Int { draft + agreed + agreedAdReferendum + open }
  }

  /// - Parameter history: every revision up to and including `declaration`, in any order.
  public init(declaration: Declaration, history: [Declaration]) {
    self.declaration = declaration
    self.convergence = history.filter { $0.revision <= declaration.revision }
      .sorted { $0.revision < $1.revision }.map(Convergence.init)
  }

  /// The report from the revision alone, when its history records every revision's counts
  /// (as every revision Concord writes does); nil otherwise.
  public init?(declaration: Declaration) {
    let entries = declaration.history.filter { $0.revision <= declaration.revision }
    var rows: [Convergence] = []
    for entry in entries {
      guard let counts = entry.counts else { return nil }
      rows.append(Convergence(revision: entry.revision, counts: counts))
    }
    guard rows.map(\.revision) == Array(0...declaration.revision) else { return nil }
    self.declaration = declaration
    self.convergence = rows
  }

  /// Participants who took a stance in the round behind this revision, in protocol order.
  public var participantsWithStances: [Participant] {
    let codes = Set(declaration.paragraphs.flatMap { $0.stances.map(\.participant) })
    return declaration.participants.filter { codes.contains($0.code) }
  }

  /// The stance of `participant` on `paragraph` in the round behind this revision: its
  /// stance when it took one, else its comment.
  public func stance(of participant: String, on paragraph: Paragraph) -> RecordedStance? {
    paragraph.stances.first { $0.participant == participant && $0.kind != .comment }
      ?? paragraph.stances.first { $0.participant == participant }
  }

  /// An option's text in the base language as people read it (`<parties/>` rendered); empty
  /// when it has none.
  public func renderedInBaseLanguage(_ option: Option, of paragraph: Paragraph) -> String {
    let base = declaration.settings.baseLanguage
    guard option.texts[base] != nil else { return "" }
    return declaration.renderedText(of: paragraph, option: option, in: base).text
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
    try load(workspace: path, revision: revision, reader: reader, rendered: { _ in }).report
  }

  /// The report, and `render` of it: made while the revision is still being checked and
  /// validated (`RevisionStore.load(_:meanwhile:)`), given once it has passed.
  public static func load<T>(
    workspace path: String, revision: Int? = nil, reader: DocumentReader = DocumentReader(),
    rendered render: @escaping @Sendable (StatusReport) -> T
  ) throws -> (report: StatusReport, rendered: T) {
    let store = RevisionStore(workspacePath: path, reader: reader)
    // The convergence comes from the revision's own history; only files written without
    // counts make the earlier revisions be read.
    let (declaration, early) = try store.load(revision.map(RevisionReference.number)) { declaration in
      StatusReport(declaration: declaration).map { ($0, render($0)) }
    }
    if let early, let (report, rendered) = early { return (report, rendered) }
    if let report = StatusReport(declaration: declaration) { return (report, render(report)) }
    let earlier = try store.revisions().filter { $0 < declaration.revision }.map(store.load)
    let report = StatusReport(declaration: declaration, history: earlier + [declaration])
    return (report, render(report))
  }
}
