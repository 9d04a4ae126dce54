import Foundation

/// `concord publish <ws> -o DIR`: the whole negotiation as one self-contained static site —
/// no script, no file from outside, links relative — that a secretariat can put on any web
/// server or open from a disk:
///
/// ```
/// index.html                 revisions (symbol, date, counts), the convergence chart
/// status.html                the chair's view of the latest revision
/// lineage.html               every paragraph across every revision: origin, numbers, who changed it
/// rev-<n>/index.html         the revision in each language, with its files
/// rev-<n>/<lang>.html        the text; .docx, .akn.xml (Akoma Ntoso), .txt beside it
/// rev-<n>/redline-<lang>.html   against Rev.n-1
/// rev-<n>/status.html        the chair's view of that revision
/// ```
///
/// A pure function of the revisions: same workspace, same bytes. Linear in the number of
/// revisions times the size of a revision.
public struct Site: Sendable {
  public let revisions: [Declaration]

  public init(revisions: [Declaration]) {
    self.revisions = revisions.sorted { $0.revision < $1.revision }
  }

  /// The revisions of the workspace at `path`, their sequence and digests checked; decoded on
  /// every core.
  public static func load(
    workspace path: String, reader: DocumentReader = DocumentReader(), progress: ProgressHandler? = nil
  ) throws -> Site {
    let store = RevisionStore(workspacePath: path, reader: reader)
    progress?("checking the revisions")
    let latest = try store.resolve(nil)
    progress?("reading \(latest + 1) revisions")
    let revisions = parallelMap(count: latest + 1) { number in Result { try store.load(number) } }
    return Site(revisions: try revisions.map { try $0.get() })
  }

  /// Writes the site into `folder` (`PublishFolder`'s rules); rewrites only what changed.
  /// Written as it is made, a few revisions' files at a time (staged beside their places,
  /// put in place once all are made): memory holds the revisions and the files of as many
  /// revisions as there are cores, not the whole site.
  public static func publish(
    workspace path: String, to folder: String, reader: DocumentReader = DocumentReader(),
    progress: ProgressHandler? = nil
  ) throws -> PublishFolder.Outcome {
    let site = try load(workspace: path, reader: reader, progress: progress)
    var writer = try PublishFolder.Staging(folder)
    do {
      try site.make(progress: progress) { files in
        for (relative, data) in files { try writer.write(data, to: relative) }
      }
    } catch {
      writer.discard()
      throw error
    }
    progress?("putting the files in place")
    return try writer.commit()
  }

  /// Every file of the site, by relative path, in a fixed order.
  public func files(progress: ProgressHandler? = nil) throws -> [(path: String, data: Data)] {
    var all: [(path: String, data: Data)] = []
    try make(progress: progress) { all += $0 }
    return all
  }

  /// Makes the site's files in their fixed order and hands them on in batches: the site's
  /// own pages, then the revisions' files, made on every core, a revision at a time a core,
  /// as many revisions a batch as there are cores.
  func make(progress: ProgressHandler?, _ take: ([(path: String, data: Data)]) throws -> Void) throws {
    guard let latest = revisions.last else { return }
    let pages = SitePages(site: self)
    try take([
      ("index.html", Data(pages.index().utf8)), ("status.html", Data(StatusHTML.render(report(latest)).utf8)),
      ("lineage.html", Data(pages.lineage().utf8)),
    ])
    let made = RevisionsMade()
    let revisions = self.revisions
    let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
    for start in stride(from: 0, to: revisions.count, by: batch) {
      let window = Array(revisions[start..<min(start + batch, revisions.count)])
      let perRevision = parallelMap(count: window.count) { index in
        Result {
          defer { progress?("made the files of \(made.next()) of \(revisions.count) revisions") }
          return try self.files(of: window[index], pages: pages)
        }
      }
      for result in perRevision { try take(result.get()) }
    }
  }

  /// A revision's folder: its page, its status, and each language in every format with its
  /// redline.
  private func files(of declaration: Declaration, pages: SitePages) throws -> [(path: String, data: Data)] {
    let folder = Self.folder(of: declaration.revision)
    let previous = previousRevision(of: declaration)
    var files: [(path: String, data: Data)] = [
      ("\(folder)/index.html", Data(pages.revision(declaration).utf8)),
      ("\(folder)/status.html", Data(StatusHTML.render(report(declaration)).utf8)),
    ]
    for language in declaration.settings.languages {
      let links = Self.links(declaration, language: language, redline: previous != nil)
      for (suffix, format) in Self.formats(language) {
        let data = try Exporter.export(declaration, as: format, links: links)
        files.append(("\(folder)/\(language)\(suffix)", data))
      }
      if let previous {
        let html = try Exporter.export(
          declaration, as: .html(language: language), against: previous, links: links)
        files.append(("\(folder)/\(Self.redlineFile(language))", html))
      }
    }
    return files
  }

  // MARK: - Names

  static func folder(of revision: Int) -> String { "rev-\(revision)" }

  static func redlineFile(_ language: String) -> String { "redline-\(language).html" }

  /// The files of one language of a revision: suffix and format.
  static func formats(_ language: String) -> [(String, ExportFormat)] {
    [
      (".html", .html(language: language)), (".docx", .docx(language: language)),
      (".akn.xml", .akomaNtoso(language: language)), (".txt", .text(language: language)),
    ]
  }

  /// What a revision's HTML pages in `language` link to: the site, the revision's page, the
  /// same text in the other formats, the clean text and the redline.
  static func links(_ declaration: Declaration, language: String, redline: Bool) -> [DocumentLink] {
    var links = [
      DocumentLink("All revisions", href: "../index.html"),
      DocumentLink("Rev.\(declaration.revision)", href: "index.html"),
      DocumentLink("HTML", href: "\(language).html"), DocumentLink("DOCX", href: "\(language).docx"),
      DocumentLink("Akoma Ntoso", href: "\(language).akn.xml"), DocumentLink("text", href: "\(language).txt"),
    ]
    if redline {
      links.append(DocumentLink("changes since Rev.\(declaration.revision - 1)", href: redlineFile(language)))
    }
    links.append(DocumentLink("status", href: "status.html"))
    return links
  }

  func previousRevision(of declaration: Declaration) -> Declaration? {
    revisions.last { $0.revision < declaration.revision }
  }

  /// The chair's view of `declaration`, its convergence from the revisions up to it.
  func report(_ declaration: Declaration) -> StatusReport {
    StatusReport(declaration: declaration)
      ?? StatusReport(
        declaration: declaration, history: revisions.filter { $0.revision <= declaration.revision })
  }
}

/// A count that several threads take numbers from, one each.
private final class RevisionsMade: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }
}
