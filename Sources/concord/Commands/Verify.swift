import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild every revision from the inputs recorded in it and compare the bytes.",
      discussion: """
        Checks the revisions' sequence and the digests recorded along the chain, then
        rebuilds Rev.0 from the clauses and each Rev.k from Rev.k-1 and round k, and
        compares each with the file on disk. Exit status: 0 intact, 1 otherwise.
        """)

    @Argument(help: "The workspace folder.")
    var workspace: String

    @OptionGroup var schemas: SchemaOptions

    func run() throws {
      let progress = ProgressLine()
      defer { progress.finish() }
      let report: Verifier.Report
      do {
        report = try Verifier(loader: WorkspaceLoader(reader: schemas.reader))
          .verify(workspace, progress: progress.handler)
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
      progress.finish()
      Console.report(report.diagnostics)
      if let last = report.verified.last, report.isIntact {
        let range = last == 0 ? "Rev.0" : "Rev.0 to Rev.\(last)"
        Console.out("\(range): every revision rebuilt from its recorded inputs, byte for byte")
      } else if report.isIntact {
        Console.out("no revisions yet")
      }
      if !report.isIntact { throw ExitCode(1) }
    }
  }
}
