import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Assemble: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every revision that is due: Rev.0, then Rev.k for each round k.",
      discussion: """
        Rev.0 is the zero draft (clauses/). Rev.k follows from Rev.k-1 and the positions in
        positions/round-k/. Existing revisions are never rewritten; if their inputs have
        changed since, nothing is written and the changes are listed.
        """)

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Option(help: "Stop at this revision number.")
    var until: Int?

    @Option(
      help:
        "Date the new revisions (YYYY-MM-DD); default today's date (UTC). The date is recorded in the revision, so verify rebuilds the same bytes."
    )
    var date: String?

    @Option(
      help: ArgumentHelp(
        "When another concord process is writing the workspace, wait up to this many seconds for it to finish instead of stopping at once.",
        valueName: "seconds"))
    var wait: Double = 0

    @OptionGroup var schemas: SchemaOptions

    func validate() throws {
      if let until, until < 0 { throw ValidationError("--until takes a revision number (0 or more).") }
      if !(0...86_400).contains(wait) {
        throw ValidationError("--wait takes a number of seconds, 0 to 86400.")
      }
      if let date, !CalendarDate.isValid(date) {
        throw ValidationError("--date \(date) is not a date: give one as YYYY-MM-DD, e.g. 2025-09-01.")
      }
    }

    func run() throws {
      let assembler = Assembler(loader: WorkspaceLoader(reader: schemas.reader))
      let progress = ProgressLine()
      defer { progress.finish() }
      do {
        let report = try assembler.assemble(
          workspace, until: until, date: date ?? Self.today(), waiting: wait, progress: progress.handler)
        progress.finish()
        Console.report(report.warnings)
        for revision in report.written {
          Console.out("wrote \(RevisionSummary.line(for: revision, in: workspace))")
        }
        Console.out("Rev.\(report.current) is current")
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
    }

    /// Today's date in UTC, as `YYYY-MM-DD`: what a revision assembled without `--date` records.
    static func today() -> String {
      let formatter = ISO8601DateFormatter()
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.formatOptions = [.withFullDate]
      return formatter.string(from: Date())
    }
  }
}
