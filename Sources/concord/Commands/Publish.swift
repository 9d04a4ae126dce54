import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the whole negotiation as a self-contained static site.",
      discussion: """
        An index of revisions (symbol, date, counts, convergence), each revision in every
        language (HTML, DOCX, Akoma Ntoso, text), each revision's redline against the one
        before, the status page and the lineage of every paragraph. DIR must be new, empty or
        a site publish wrote; only files whose bytes change are rewritten.
        """)

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Option(
      name: [.short, .customLong("output")], help: "The site's folder (new, empty, or published before).")
    var output: String

    @OptionGroup var schemas: SchemaOptions

    func run() throws {
      let progress = ProgressLine("reading the revisions of \(workspace)")
      defer { progress.finish() }
      do {
        let outcome = try Site.publish(
          workspace: workspace, to: output, reader: schemas.reader, progress: progress.handler)
        progress.finish()
        Console.out(
          "published \(output)/index.html: \(outcome.written.count) files written, \(outcome.unchanged.count) unchanged"
        )
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
    }
  }
}
