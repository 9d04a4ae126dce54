import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what changed from one revision to another, or between two declaration files.",
      discussion: """
        Paragraphs are matched by id: renumbering is not a change (it shows as lineage).
        Reports added, deleted, moved, changed (wording, word by word per language) and
        status-only changes (status, options, joiners, reservations, translations).

          concord diff <ws>             latest~1 against latest
          concord diff <ws> <A> [<B>]   A, B: 3, rev-3, latest, latest~1 (B: latest)
          concord diff <A.xml> <B.xml>  two declaration files

        As a git diff driver (.gitattributes: revisions/*.xml diff=concord):
          git config diff.concord.command "concord diff --git-external"
        """)

    @Argument(
      help: ArgumentHelp(
        "A workspace and up to two revisions, or two declaration files (with --git-external: git's 7 arguments).",
        valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Output format: text, json or html.")
    var format: Format = .text

    @Flag(
      inversion: .prefixedNo,
      help:
        "Colour the text output (default: only when standard output is a terminal and NO_COLOR is not set).")
    var color: Bool?

    @Flag(help: "In text output, list every paragraph's number in both revisions.")
    var lineage = false

    @Flag(
      help: ArgumentHelp(
        "Run as git's external diff driver: take git's 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode)."
      ))
    var gitExternal = false

    @OptionGroup var schemas: SchemaOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func validate() throws {
      if gitExternal {
        // git passes one argument, the path, for an unmerged file.
        guard inputs.count == 7 || inputs.count == 1 else {
          throw ValidationError(
            "--git-external takes git's 7 arguments: path old-file old-hex old-mode new-file new-hex new-mode."
          )
        }
      } else if !(1...3).contains(inputs.count) {
        throw ValidationError("Name a workspace (and up to two revisions), or two declaration files.")
      }
    }

    func run() throws {
      if gitExternal && inputs.count == 1 {
        Console.out("* Unmerged path \(inputs[0])")
        return
      }
      do {
        let request = try gitExternal ? DiffInputs(gitExternal: inputs) : DiffInputs(arguments: inputs)
        let (old, new) = try request.load(reader: schemas.reader)
        let changes = DeclarationDiff.changes(from: old, to: new)
        var output = ""
        switch format {
        case .text:
          if gitExternal { output += "concord diff \(inputs[0])\n" }
          output += TextDiffRenderer(color: useColor, fullLineage: lineage).render(changes)
        case .json: output = JSONDiffRenderer().render(changes) + "\n"
        case .html: output = HTMLDiffRenderer().render(changes)
        }
        Console.out(output, terminator: "")
        // Done: end the process here rather than free two large declarations object by
        // object on the way out (a sixth of the run on a 10,000-paragraph pair).
        Foundation.exit(EXIT_SUCCESS)
      } catch {
        throw Console.fail(error)
      }
    }

    /// `--color` / `--no-color` when given; otherwise colour on a terminal unless NO_COLOR is set.
    private var useColor: Bool {
      if let color { return color }
      let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
      return !noColor && isatty(STDOUT_FILENO) == 1
    }
  }
}
