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

  /// The revisions of the workspace at `path`, their sequence and digests checked.
  public static func load(workspace path: String, reader: DocumentReader = DocumentReader()) throws -> Site {
    let store = RevisionStore(workspacePath: path, reader: reader)
    let latest = try store.resolve(nil)
    return Site(revisions: try (0...latest).map(store.load))
  }

  /// Writes the site into `folder` (`PublishFolder`'s rules); rewrites only what changed.
  public static func publish(
    workspace path: String, to folder: String, reader: DocumentReader = DocumentReader()
  ) throws -> PublishFolder.Outcome {
    let files = try load(workspace: path, reader: reader).files()
    return try PublishFolder.write(files, to: folder)
  }

  /// Every file of the site, by relative path, in a fixed order.
  public func files() throws -> [(path: String, data: Data)] {
    guard let latest = revisions.last else { return [] }
    var files: [(path: String, data: Data)] = []
    let pages = SitePages(site: self)
    files.append(("index.html", Data(pages.index().utf8)))
    files.append(("status.html", Data(StatusHTML.render(report(latest)).utf8)))
    files.append(("lineage.html", Data(pages.lineage().utf8)))
    for declaration in revisions {
      let folder = Self.folder(of: declaration.revision)
      let previous = previousRevision(of: declaration)
      files.append(("\(folder)/index.html", Data(pages.revision(declaration).utf8)))
      files.append(("\(folder)/status.html", Data(StatusHTML.render(report(declaration)).utf8)))
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
