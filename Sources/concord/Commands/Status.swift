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

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
      case text, json, html

      /// The report in this format, as the segments printed one after another.
      @Sendable func render(_ report: StatusReport) -> [[UInt8]] {
        switch self {
        case .text: return [StatusText.utf8(report)]
        case .json: return StatusJSON.segments(report) + [[UInt8(ascii: "\n")]]
        case .html: return StatusHTML.segments(report)
        }
      }
    }

    func validate() throws {
      if let revision, revision < 0 {
        throw ValidationError("--revision takes a revision number (0 or more).")
      }
    }

    func run() throws {
      let progress = ProgressLine("reading the revisions of \(workspace)")
      defer { progress.finish() }
      do {
        // The report is written while the revision is still being validated, and printed
        // once it has passed.
        let (report, output) = try StatusReport.load(
          workspace: workspace, revision: revision, reader: schemas.reader, rendered: format.render)
        progress.finish()
        Console.out(output)
        Console.exitWithoutTeardown(keeping: report)
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
    }
  }
}
