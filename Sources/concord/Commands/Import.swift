import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Bring a draft (.docx, .md, .txt) or a delegation's edited Word copy into a workspace.",
      discussion: """
        Without --as: the file is the zero draft, and becomes the clause files of a workspace
        that has none (concord init DIR --empty makes one). With --lang L: the file is a
        translation, whose paragraphs become language L's texts of the clauses, in order.
        With --as CODE: the file is CODE's edited copy of the latest revision, exported by
        concord export --format docx; it becomes positions/round-<next>/CODE.xml.
        --dry-run prints what would be written and writes nothing.
        """)

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Argument(help: "The file to import: a .docx, .md or .txt draft, or an edited .docx copy (--as).")
    var file: String

    @Option(help: "The language of a translation of the draft already imported.")
    var lang: String?

    @Option(name: .customLong("as"), help: "The participant whose edited copy this is (e.g. IND).")
    var participant: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be written; write nothing.")
    var dryRun = false

    @OptionGroup var schemas: SchemaOptions

    func validate() throws {
      if participant != nil, lang != nil {
        throw ValidationError("--as and --lang do not go together: an edited copy says its language itself.")
      }
      if let participant, participant.count != 3 || !participant.allSatisfy({ $0.isASCII && $0.isUppercase })
      {
        throw ValidationError("--as takes a participant code of three capital letters, such as IND.")
      }
    }

    func run() throws {
      let outcome: WorkspaceFolder.ImportOutcome
      // One step, long only for a large document: the line says what and for how long.
      let progress = ProgressLine("importing \(file) into \(workspace)")
      defer { progress.finish() }
      do {
        if let participant {
          outcome = try WorkspaceFolder.importCopy(
            file, into: workspace, as: participant, dryRun: dryRun, reader: schemas.reader)
        } else {
          outcome = try WorkspaceFolder.importDraft(
            file, into: workspace, language: lang, dryRun: dryRun, reader: schemas.reader)
        }
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
      progress.finish()
      for warning in outcome.warnings { Console.error(warning) }
      for (path, data) in outcome.preview {
        if outcome.preview.count > 1 { Console.out("--- \(path)") }
        Console.out(data)
      }
      for path in outcome.written { Console.out("wrote \(path)") }
      if let summary = outcome.summary { Console.out(summary) }
    }
  }
}
