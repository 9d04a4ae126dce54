// swift-tools-version:6.0
import PackageDescription

// Built and tested on Linux (Debian, Swift 6.3, libxml2 2.9): file locks, atomic writes and
// terminal checks call Glibc directly. No other platform is claimed.
let package = Package(
  name: "Concord",
  products: [
    .library(name: "ConcordKit", targets: ["ConcordKit"]),
    .executable(name: "concord", targets: ["concord"]),
    .executable(name: "concord-bench", targets: ["concord-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "ConcordKit",
      dependencies: [
        "CLibXML2",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(
      name: "concord",
      dependencies: [
        "ConcordKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "concord-bench",
      dependencies: [
        "ConcordKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "ConcordKitTests",
      dependencies: ["ConcordKit"],
      exclude: ["Fixtures", "Diff/Fixtures", "Export/Fixtures", "Hardening/FuzzRegressions"]
    ),
    .testTarget(
      name: "concordTests",
      dependencies: ["ConcordKit"],
      exclude: ["Hardening/Cases"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
