import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a new workspace with one example of each file.")

    @Argument(help: "The folder to create (must not exist, or be empty).")
    var directory: String

    @Flag(help: "Only workspace.xml, members.xml and an empty clauses/: for `concord import`.")
    var empty = false

    func run() throws {
      do {
        let files = try WorkspaceFolder.create(at: directory, empty: empty)
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
