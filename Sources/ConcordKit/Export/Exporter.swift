import Foundation

/// The formats `concord export` writes.
public enum ExportFormat: Hashable, Sendable {
  /// Concord's own revision XML (`Schemas/declaration.xsd`).
  case xml
  /// Akoma Ntoso 3.0: one expression (language) of the declaration.
  case akomaNtoso(language: String? = nil)
  /// Plain text, wrapped to `width` columns.
  case text(language: String? = nil, width: Int = 80)
  /// CommonMark.
  case markdown(language: String? = nil)
  /// A self-contained, printable HTML page.
  case html(language: String? = nil)
  /// A Word document.
  case docx(language: String? = nil)

  /// The language asked for; nil means the base language.
  var language: String? {
    switch self {
    case .xml: nil
    case .akomaNtoso(let language), .markdown(let language), .html(let language),
      .docx(let language):
      language
    case .text(let language, _): language
    }
  }

  /// Whether the format can show changes against an earlier revision.
  public var supportsRedline: Bool {
    switch self {
    case .akomaNtoso, .html, .docx: true
    case .xml, .text, .markdown: false
    }
  }

  /// DOCX is a ZIP package; every other format is UTF-8 text.
  public var isBinary: Bool {
    if case .docx = self { return true }
    return false
  }
}

/// Turns a revision into bytes in one of the export formats.
public enum Exporter {
  /// A declaration read and exported, as `concord export` does it: without a revision to
  /// compare with, the export is made while the declaration is still being validated (on the
  /// core that decoded it: `DeclarationSource.load(reader:meanwhile:)`) and kept once it has
  /// passed. Not a DOCX: it is deflated on every core already, so made early it gained no
  /// time and held the file's bytes longer (24 MB more at 10,000 paragraphs).
  /// - Parameters:
  ///   - previous: reads the revision to show the changes since, after `source` is read.
  ///   - read: told of the declaration once it is read (to say what is being written).
  public static func export(
    _ source: DeclarationSource, as format: ExportFormat, final: Bool = false,
    reader: DocumentReader = DocumentReader(), against previous: (() throws -> Declaration)? = nil,
    read: (Declaration) -> Void = { _ in }
  ) throws -> (declaration: Declaration, previous: Declaration?, data: Data) {
    let early: Bool
    if case .docx = format { early = false } else { early = previous == nil }
    let loaded = try source.load(reader: reader) { declaration in
      early ? Result { try export(declaration, as: format, final: final) } : nil
    }
    let older = try previous?()
    read(loaded.declaration)
    let data =
      try (loaded.meanwhile ?? nil)?.get()
      ?? export(loaded.declaration, as: format, against: older, final: final)
    return (loaded.declaration, older, data)
  }

  /// The revision in `format`. With `previous`, the formats that support it show the changes
  /// since that revision (insertions and deletions); with `final`, a revision with open
  /// paragraphs is refused.
  ///
  /// Throws `OpenParagraphsError` when `final` finds open paragraphs, and `DiagnosticsError`
  /// for a language the revision does not have or a text XML cannot carry.
  ///
  /// `links`: for HTML, links the page shows above the text on screen (not in print), e.g. to
  /// the same revision in other formats (`concord publish`).
  public static func export(
    _ declaration: Declaration, as format: ExportFormat, against previous: Declaration? = nil,
    final: Bool = false, links: [DocumentLink] = []
  ) throws -> Data {
    let language = try checkedLanguage(format.language, in: declaration)
    if final {
      let open = openParagraphs(in: declaration)
      // XML holds every language; every other format the one asked for.
      let languages = format == .xml ? declaration.settings.languages : [language]
      let pending = pendingTranslations(in: declaration, languages: languages)
      if !open.isEmpty || !pending.isEmpty {
        throw OpenParagraphsError(revision: declaration.revision, paragraphs: open, pending: pending)
      }
    }
    let previous = format.supportsRedline ? previous : nil
    func presentation() -> Presentation {
      let isDocx = if case .docx = format { true } else { false }
      return Presentation(
        declaration, language: language, against: previous, keepingOutdatedTranslations: !isDocx)
    }
    switch format {
    case .xml:
      return Data(try DeclarationWriter().xml(declaration).utf8)
    case .text(_, let width):
      return Data(TextFormatter(width: width).utf8(presentation()))
    case .markdown:
      return Data(MarkdownFormatter().markdown(presentation()).utf8)
    case .html:
      return try HTMLFormatter(links: links).data(presentation())
    case .akomaNtoso:
      return Data(try AkomaNtosoFormatter().xml(presentation()).utf8)
    case .docx:
      return try DocxFormatter().docx(presentation())
    }
  }

  /// The paragraphs still open, in document order: what `--final` refuses.
  public static func openParagraphs(in declaration: Declaration) -> [Paragraph] {
    declaration.paragraphs.filter { $0.status == .open }
  }

  /// The paragraphs whose current text lacks one of `languages` (translation pending), with
  /// those languages, in document order: what `--final` refuses too.
  public static func pendingTranslations(in declaration: Declaration, languages: [String])
    -> [PendingTranslation]
  {
    declaration.paragraphs.compactMap { paragraph in
      guard let current = paragraph.current, !current.texts.isEmpty else { return nil }
      let missing = languages.filter { current.texts[$0] == nil }
      return missing.isEmpty ? nil : PendingTranslation(paragraph: paragraph, languages: missing)
    }
  }

  // MARK: - Checks

  private static func checkedLanguage(_ language: String?, in declaration: Declaration) throws
    -> String
  {
    let settings = declaration.settings
    guard let language else { return settings.baseLanguage }
    guard settings.languages.contains(language) else {
      throw DiagnosticsError(
        Diagnostic(
          file: "Rev.\(declaration.revision)",
          message:
            "the declaration has no language \"\(language)\"; its languages are \(settings.languages.joined(separator: ", "))"
        ))
    }
    return language
  }
}

/// A link an HTML page shows above its text: a label and a relative address.
public struct DocumentLink: Hashable, Sendable {
  public var label: String
  public var href: String

  public init(_ label: String, href: String) {
    self.label = label
    self.href = href
  }
}

/// A paragraph whose current text is not yet in some languages.
public struct PendingTranslation: Hashable, Sendable {
  public var paragraph: Paragraph
  public var languages: [String]
}

/// `--final` on a revision that still has open paragraphs, or texts awaiting translation
/// into a language asked for.
public struct OpenParagraphsError: Error, Sendable, CustomStringConvertible {
  public var revision: Int
  public var paragraphs: [Paragraph]
  public var pending: [PendingTranslation]

  public init(revision: Int, paragraphs: [Paragraph], pending: [PendingTranslation] = []) {
    self.revision = revision
    self.paragraphs = paragraphs
    self.pending = pending
  }

  public var description: String {
    func name(_ paragraph: Paragraph) -> String {
      "  \(paragraph.number.map { "\($0) " } ?? "(preamble) ")\(paragraph.id)"
    }
    func count(_ n: Int, _ verb: (String, String)) -> String {
      n == 1 ? "1 paragraph \(verb.0)" : "\(n) paragraphs \(verb.1)"
    }
    var lines: [String] = []
    if !paragraphs.isEmpty {
      lines.append("\(count(paragraphs.count, ("is", "are"))) still open:")
      lines += paragraphs.map(name)
    }
    if !pending.isEmpty {
      lines.append("\(count(pending.count, ("awaits", "await"))) translation:")
      lines += pending.map { name($0.paragraph) + " (" + $0.languages.joined(separator: ", ") + ")" }
    }
    guard !lines.isEmpty else { return "Rev.\(revision) is not final" }
    lines[0] = "Rev.\(revision) is not final: " + lines[0]
    if !paragraphs.isEmpty, !pending.isEmpty,
      let index = lines.firstIndex(where: { $0.hasSuffix("translation:") })
    {
      lines[index] = "and " + lines[index]
    }
    return lines.joined(separator: "\n")
  }
}
