import ArgumentParser
import ConcordKit
import Foundation

extension Concord {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a new workspace with one example of each file.")

    @Argument(help: "The folder to create (must not exist, or be empty).")
    var directory: String

    func run() throws {
      do {
        let files = try WorkspaceFolder.create(at: directory)
        for file in files { Console.out("created \(file)") }
        Console.out(
          "Next: edit the files, then run `concord validate \(directory)` and `concord assemble \(directory)`."
        )
      } catch {
        throw Console.fail(error)
      }
    }
  }
}
