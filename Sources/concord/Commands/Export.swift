import ArgumentParser
import ConcordKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Concord {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a revision as XML, Akoma Ntoso, plain text, Markdown, HTML or DOCX.",
      discussion: """
        Exports the latest revision of a workspace (or --revision N, or a declaration file).
        text, markdown, html, docx and akn are in one language (--lang, default the base
        language). With --against, akn, html and docx show the changes since that revision:
        <ins>/<del>, or tracked changes in DOCX. --final refuses (exit 1) while any paragraph
        is open or any text awaits translation into the language exported (every language
        for xml), and lists both. Output goes to standard output, or atomically to -o FILE.
        """)

    @Argument(help: "A workspace folder, or a declaration file such as revisions/rev-2.xml.")
    var source: String

    @Option(help: "The revision to export (default: the latest in the workspace).")
    var revision: Int?

    @Option(help: "Output format: xml, akn, text, markdown, html or docx.")
    var format: Format

    @Option(help: "Language of the export (default: the declaration's base language).")
    var lang: String?

    @Option(help: "Line width of the text format, in columns (Han characters take two).")
    var width: Int = 80

    @Option(
      help: ArgumentHelp(
        "Show the changes since this revision (a number in the workspace, or a declaration file); akn, html and docx only.",
        valueName: "revision"))
    var against: String?

    @Flag(
      name: .customLong("final"),
      help:
        "Refuse to export while any paragraph is still open or any text awaits its translation into the language exported."
    )
    var isFinal = false

    @Option(
      name: [.short, .customLong("output")],
      help:
        "Write to this file (atomically; a regular file outside every workspace) instead of standard output (-)."
    )
    var output: String?

    @OptionGroup var schemas: SchemaOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case xml, akn, text, markdown, html, docx }

    func validate() throws {
      guard FileManager.default.fileExists(atPath: source) else {
        throw ValidationError("No such workspace or file: \(source)")
      }
      if revision != nil, !isWorkspace {
        throw ValidationError("--revision needs a workspace folder; \(source) is a file.")
      }
      if let revision, revision < 0 { throw ValidationError("--revision must be 0 or more.") }
      if width < 20 { throw ValidationError("--width must be at least 20 columns.") }
      if lang != nil, format == .xml {
        throw ValidationError("--lang does not apply to xml, which holds every language.")
      }
      if against != nil, ![.akn, .html, .docx].contains(format) {
        throw ValidationError("--against works with akn, html and docx only.")
      }
      if let against, Int(against) != nil, !isWorkspace {
        throw ValidationError("--against \(against) names a revision of a workspace; give a file instead.")
      }
    }

    func run() throws {
      let data: Data
      let declaration: Declaration
      let previous: Declaration?
      let progress = ProgressLine("reading the revision")
      defer { progress.finish() }
      do {
        (declaration, previous, data) = try Exporter.export(
          DeclarationSource.latest(of: source).revision(revision), as: exportFormat, final: isFinal,
          reader: schemas.reader,
          against: against.map { against in
            { try DeclarationSource(against, in: isWorkspace ? source : nil).load(reader: schemas.reader) }
          }
        ) { declaration in
          progress.update(
            "writing Rev.\(declaration.revision) as \(format.rawValue), \(declaration.paragraphs.count) paragraphs"
          )
        }
        if let output, output != "-" {
          try OutputFile.write(data, to: output, inputs: [source] + (against.map { [$0] } ?? []))
          progress.finish()
          Console.exitWithoutTeardown(keeping: declaration, previous as Any)
        }
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
      progress.finish()
      if format == .docx, isatty(STDOUT_FILENO) == 1 {
        Console.error("error: DOCX is binary and standard output is a terminal: use -o FILE, or redirect.")
        throw ExitCode(1)
      }
      Console.out(data)
      Console.exitWithoutTeardown(keeping: declaration, previous as Any)
    }

    // MARK: - Helpers

    private var isWorkspace: Bool {
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }

    private var exportFormat: ExportFormat {
      switch format {
      case .xml: .xml
      case .akn: .akomaNtoso(language: lang)
      case .text: .text(language: lang, width: width)
      case .markdown: .markdown(language: lang)
      case .html: .html(language: lang)
      case .docx: .docx(language: lang)
      }
    }
  }
}
