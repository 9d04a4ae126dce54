import ArgumentParser

/// `concord-bench`: synthetic workspaces and revision pairs of any size, and a benchmark
/// that times Concord side by side with the tools a user would pick instead.
@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "concord-bench",
    abstract: "Generate large synthetic workspaces and benchmark Concord against xmllint and git.",
    subcommands: [GenerateWorkspace.self, GeneratePair.self, Run.self, WordDiffBench.self])
}

/// ConcordKit has an `Option` too; here `@Option` is ArgumentParser's.
typealias Option = ArgumentParser.Option
