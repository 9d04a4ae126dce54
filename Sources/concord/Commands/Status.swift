import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show where consensus stands: paragraphs, options, who stands where, convergence.")

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Option(help: "The revision to show (default: the latest).")
    var revision: Int?

    @Option(help: "Output format: text, json or html.")
    var format: StatusFormat = .text

    @OptionGroup var schemas: SchemaOptions

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func validate() throws {
      if let revision, revision < 0 {
        throw ValidationError("--revision takes a revision number (0 or more).")
      }
    }

    func run() throws {
      let progress = ProgressLine("reading the revisions of \(workspace)")
      defer { progress.finish() }
      do {
        let report = try StatusReport.load(workspace: workspace, revision: revision, reader: schemas.reader)
        progress.finish()
        switch format {
        case .text: Console.out(StatusText.utf8(report))
        case .json:
          var json = StatusJSON.utf8(report)
          json.append(UInt8(ascii: "\n"))
          Console.out(json)
        case .html: Console.out(StatusHTML.utf8(report))
        }
        Console.exitWithoutTeardown(keeping: report)
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
    }
  }
}
