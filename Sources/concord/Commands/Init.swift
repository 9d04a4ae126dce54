import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a new workspace with one example of each file.",
      discussion: """
        The folder's name is the workspace's id. Also writes .gitignore (the lock and temporary
        files) and .gitattributes (revisions/*.xml diff=concord).
        """)

    @Argument(help: "The folder to create (must not exist, or be empty); its name is the workspace id.")
    var directory: String

    @Flag(help: "Only workspace.xml, members.xml and an empty clauses/: for `concord import`.")
    var empty = false

    @Option(
      help: ArgumentHelp(
        "The workspace's languages, the base language first (the example has texts in ar, en, es, fr, ru and zh).",
        valueName: "en,ru,zh"))
    var languages: String = "en"

    func run() throws {
      do {
        let files = try WorkspaceFolder.create(
          at: directory, empty: empty,
          languages: languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        for file in files { Console.out("created \(file)") }
        if empty {
          Console.out(
            "Next: edit workspace.xml and members.xml, then run `concord import \(directory) <draft.docx|.md|.txt>`."
          )
        } else {
          Console.out(
            "Next: edit the files, then run `concord validate \(directory)` and `concord assemble \(directory)`."
          )
        }
      } catch {
        throw Console.fail(error)
      }
    }
  }
}
