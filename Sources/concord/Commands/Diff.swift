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
        A new rev-N.xml is shown against rev-(N-1).xml of the same tree; a file that is not a
        declaration gets git's line diff; the driver exits 0 (with --exit-code: 1 when the
        sides differ), so it never stops git.
        """)

    @Argument(
      help: ArgumentHelp(
        "A workspace and up to two revisions, or two declaration files (with --git-external: git's 7 or 9 arguments).",
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
        "Run as git's external diff driver: take git's 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode), or 9 for a rename (… new-path rename-info)."
      ))
    var gitExternal = false

    @Flag(
      help:
        "With --git-external: exit 1 when the two sides differ (for git's diff.<driver>.trustExitCode); otherwise the driver always exits 0."
    )
    var exitCode = false

    @OptionGroup var schemas: SchemaOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func validate() throws {
      if gitExternal {
        // git passes one argument, the path, for an unmerged file; nine for a rename.
        guard [1, 7, 9].contains(inputs.count) else {
          throw ValidationError(
            "--git-external takes git's 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode), 9 for a rename (… new-path rename-info), or 1 for an unmerged path."
          )
        }
      } else if exitCode {
        throw ValidationError("--exit-code goes with --git-external.")
      } else if !(1...3).contains(inputs.count) {
        throw ValidationError("Name a workspace (and up to two revisions), or two declaration files.")
      }
    }

    func run() throws {
      if gitExternal { runAsGitDriver() }
      let progress = ProgressLine("reading both sides")
      defer { progress.finish() }
      do {
        let request = try DiffInputs(arguments: inputs)
        let (old, new) = try request.load(reader: schemas.reader)
        progress.update("comparing \(max(old?.count ?? 0, new?.count ?? 0)) paragraphs")
        let changes = DeclarationDiff.changes(from: old, to: new)
        progress.update("writing \(changes.paragraphs.count) changes as \(format.rawValue)")
        switch format {
        case .text:
          let text = TextDiffRenderer(color: useColor, fullLineage: lineage).render(changes)
          progress.finish()
          Console.out(text, terminator: "")
        case .json:
          let json = JSONDiffRenderer().segments(changes) + [[UInt8(ascii: "\n")]]
          progress.finish()
          Console.out(json)
        case .html:
          let page = HTMLDiffRenderer().segments(changes)
          progress.finish()
          Console.out(page)
        }
        // Done: end the process here rather than free two large declarations object by
        // object on the way out (a sixth of the run on a 10,000-paragraph pair).
        Console.exitWithoutTeardown(keeping: old as Any, new as Any, changes)
      } catch {
        progress.finish()
        throw Console.fail(error)
      }
    }

    /// As git's driver: whatever happens, print what there is to show and exit 0 (or, with
    /// --exit-code, 1 when the sides differ), so that git goes on.
    private func runAsGitDriver() -> Never {
      let (format, color, lineage) = (format, useColor, lineage)
      let driver = GitDriver(color: color, exitCode: exitCode, reader: schemas.reader) { changes in
        switch format {
        case .text: TextDiffRenderer(color: color, fullLineage: lineage).render(changes)
        case .json: JSONDiffRenderer().render(changes) + "\n"
        case .html: HTMLDiffRenderer().render(changes)
        }
      }
      let outcome = driver.run(inputs)
      Console.out(outcome.output)
      Foundation.exit(outcome.status)
    }

    /// `--color` / `--no-color` when given; otherwise colour on a terminal unless NO_COLOR is set.
    private var useColor: Bool {
      if let color { return color }
      let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
      return !noColor && isatty(STDOUT_FILENO) == 1
    }
  }
}
