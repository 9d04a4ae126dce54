// swift-tools-version:6.0
// libFuzzer targets for Concord. Not part of the main package: CI never builds them.
// Build and run with Scripts/fuzz (see "Hardening" in README.md).
import PackageDescription

let fuzzTargets = ["fuzz-clause", "fuzz-positions", "fuzz-revision", "fuzz-tokens", "fuzz-diff"]

let package = Package(
  name: "ConcordFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Concord", path: "..")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "ConcordKit", package: "Concord")]
    )
  ]
    + fuzzTargets.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) },
  swiftLanguageModes: [.v6]
)
