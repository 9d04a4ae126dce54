import ArgumentParser
import ConcordKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct Concord: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "concord",
    abstract: "Draft a declaration by consensus: merge positions into numbered revisions.",
    discussion: """
      A workspace is a folder: workspace.xml, members.xml, clauses/*.xml (the zero draft),
      positions/round-<k>/<CODE>.xml (each participant's positions on revision k-1) and
      revisions/rev-<n>.xml (written by `concord assemble`).
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Import.self, Validate.self, Assemble.self, Status.self, Diff.self, Export.self, Publish.self,
      Verify.self,
    ])

  /// Usage errors exit with status 2, as the command-line contract says (ArgumentParser's
  /// default is 64).
  static func main() {
    // A reader that goes away (`concord diff … | head`) is an EPIPE for `Console` to handle,
    // not a signal that kills the process mid-write.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code.rawValue == 64 {
        Console.error(fullMessage(for: error))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// Options every command that reads documents shares.
struct SchemaOptions: ParsableArguments {
  @Option(
    name: .customLong("schemas"),
    help: ArgumentHelp(
      "Read the XML Schemas from this folder instead of the copies built into concord.",
      valueName: "dir"))
  var directory: String?

  var library: SchemaLibrary {
    SchemaLibrary(source: directory.map(SchemaSource.directory) ?? .fromEnvironment)
  }

  var reader: DocumentReader { DocumentReader(schemas: library) }

  func validate() throws {
    if let problem = Limits.environmentProblems.first { throw ValidationError(problem) }
  }
}

/// ConcordKit has an `Option` too (a paragraph's option); in this module `@Option` is
/// ArgumentParser's.
typealias Option = ArgumentParser.Option
