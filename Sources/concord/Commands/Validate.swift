import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check files, or whole workspaces, against their schemas and each other.",
      discussion: """
        A folder is validated as a workspace: every file against its schema, then the
        references between them (ids, participant codes, rounds). Problems are printed as
        file:line:col: error: message. Exit status: 0 valid, 1 invalid, 2 usage.
        """)

    @Argument(help: "Workspace folders or single Concord XML files.")
    var paths: [String]

    @Option(help: "Output format: text (diagnostics on stderr) or json (a report on stdout).")
    var format: ReportFormat = .text

    @OptionGroup var schemas: SchemaOptions

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
      if paths.isEmpty { throw ValidationError("Name at least one workspace folder or file.") }
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw ValidationError("No such file or folder: \(path)")
      }
    }

    func run() throws {
      let validator = Validator(loader: WorkspaceLoader(reader: schemas.reader))
      let progress = ProgressLine("validating \(paths.count == 1 ? paths[0] : "\(paths.count) paths")")
      let report = validator.validate(paths)
      progress.finish()
      switch format {
      case .text:
        Console.report(report.diagnostics)
        if report.isValid {
          Console.out("\(report.files.count) file\(report.files.count == 1 ? "" : "s") valid")
        }
      case .json:
        Console.out(ValidationJSON.render(report))
      }
      if !report.isValid { throw ExitCode(1) }
    }
  }
}
