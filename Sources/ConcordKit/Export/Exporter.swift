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
  /// The revision in `format`. With `previous`, the formats that support it show the changes
  /// since that revision (insertions and deletions); with `final`, a revision with open
  /// paragraphs is refused.
  ///
  /// Throws `OpenParagraphsError` when `final` finds open paragraphs, and `DiagnosticsError`
  /// for a language the revision does not have or a text XML cannot carry.
  public static func export(
    _ declaration: Declaration, as format: ExportFormat, against previous: Declaration? = nil,
    final: Bool = false
  ) throws -> Data {
    if final {
      let open = openParagraphs(in: declaration)
      if !open.isEmpty { throw OpenParagraphsError(revision: declaration.revision, paragraphs: open) }
    }
    let language = try checkedLanguage(format.language, in: declaration)
    let previous = format.supportsRedline ? previous : nil
    func presentation() -> Presentation {
      Presentation(declaration, language: language, against: previous)
    }
    switch format {
    case .xml:
      return Data(try DeclarationWriter().xml(declaration).utf8)
    case .text(_, let width):
      return Data(TextFormatter(width: width).text(presentation()).utf8)
    case .markdown:
      return Data(MarkdownFormatter().markdown(presentation()).utf8)
    case .html:
      return Data(try HTMLFormatter().html(presentation()).utf8)
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

/// `--final` on a revision that still has open paragraphs.
public struct OpenParagraphsError: Error, Sendable, CustomStringConvertible {
  public var revision: Int
  public var paragraphs: [Paragraph]

  public var description: String {
    let list = paragraphs.map { paragraph in
      "  \(paragraph.number.map { "\($0) " } ?? "(preamble) ")\(paragraph.id)"
    }
    let count = paragraphs.count == 1 ? "1 paragraph is" : "\(paragraphs.count) paragraphs are"
    return (["Rev.\(revision) is not final: \(count) still open:"] + list).joined(separator: "\n")
  }
}
