import Foundation
import Testing

/// ARCHITECTURE.md's rules, checked on the sources: a stage uses only the stages before it,
/// and only `XML/LibXML2/` imports the C library. ConcordKit is one module, so the compiler
/// cannot hold the stages apart; this test does, by the types each file names.
@Suite struct StageDependencyTests {
  /// Each stage and the stages it may use (besides itself), in pipeline order.
  static let allowed: [String: Set<String>] = [
    "Support": [],
    "Model": ["Support"],
    "XML": ["Support", "Model"],
    "Workspace": ["Support", "Model", "XML"],
    "Words": ["Support", "Model"],
    "Merge": ["Support", "Model", "Workspace", "Words"],
    "Diff": ["Support", "Model", "XML", "Store", "Words"],
    "Status": ["Support", "Model", "XML", "Store", "Diff"],
    "Import": ["Support", "Model", "XML", "Workspace"],
    "Store": ["Support", "Model", "XML", "Workspace", "Merge", "Import"],
    "Export": ["Support", "Model", "XML", "Store", "Diff", "Words", "Import"],
    "Publish": [
      "Support", "Model", "XML", "Workspace", "Words", "Merge", "Import", "Store", "Diff", "Status", "Export",
    ],
  ]

  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ConcordKit")

  @Test func everyStageFolderHasItsRule() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
      .filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(Self.allowed.keys), "ARCHITECTURE.md and this test name every stage")
  }

  @Test func aStageUsesOnlyTheStagesBeforeIt() throws {
    let files = try Self.swiftFiles()
    // The stage that declares each top-level type.
    var home: [String: String] = [:]
    for file in files {
      for name in Self.declaredTypes(in: file.code) { home[name] = file.stage }
    }
    var violations: [String] = []
    for file in files {
      let mayUse = (Self.allowed[file.stage] ?? []).union([file.stage])
      let used = Set(Self.identifiers(in: file.code)).compactMap { name in
        home[name].map { (name, $0) }
      }
      for (name, stage) in used.sorted(by: { $0.0 < $1.0 }) where !mayUse.contains(stage) {
        violations.append("\(file.path) (\(file.stage)) uses \(name) from \(stage)")
      }
    }
    #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
  }

  @Test func onlyTheLibXML2FolderImportsTheCLibrary() throws {
    let importers = try Self.swiftFiles().filter { $0.code.contains("import CLibXML2") }.map(\.path)
    #expect(!importers.isEmpty)
    #expect(importers.allSatisfy { $0.hasPrefix("XML/LibXML2/") }, "\(importers)")
  }

  // MARK: - Reading the sources

  struct File {
    var path: String
    var stage: String
    /// The code with comments and string literals blanked out.
    var code: String
  }

  static func swiftFiles() throws -> [File] {
    guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [] }
    var files: [File] = []
    for case let relative as String in walker where relative.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
      let stage = String(relative.split(separator: "/").first ?? "")
      files.append(File(path: relative, stage: stage, code: codeOnly(text)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Top-level `struct`, `enum`, `class`, `protocol`, `actor` and `typealias` names.
  static func declaredTypes(in code: String) -> [String] {
    let pattern =
      #"(?m)^(?:public |package |internal |private |fileprivate |final |indirect )*(?:struct|enum|class|protocol|actor|typealias) +([A-Z][A-Za-z0-9_]*)"#
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(code.startIndex..., in: code)
    return expression.matches(in: code, range: range).compactMap { match in
      Range(match.range(at: 1), in: code).map { String(code[$0]) }
    }
  }

  /// Capitalised identifiers that are not member names (`.Kind` after a dot is skipped only
  /// when it follows a lower-case name, as in `value.Kind`; `Stage.Type` counts its first part).
  static func identifiers(in code: String) -> [String] {
    var names: [String] = []
    var current = ""
    var previous: Character = " "
    for character in code {
      if character.isLetter || character.isNumber || character == "_" {
        current.append(character)
        continue
      }
      if let first = current.first, first.isUppercase, previous != "." { names.append(current) }
      if !current.isEmpty { previous = " " }
      current = ""
      previous = character == "." ? "." : (character.isWhitespace ? previous : character)
    }
    return names
  }

  /// Blanks out comments and string literals, which may name anything.
  static func codeOnly(_ text: String) -> String {
    var result = ""
    var index = text.startIndex
    func starts(_ prefix: String) -> Bool { text[index...].hasPrefix(prefix) }
    while index < text.endIndex {
      if starts("//") {
        while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
      } else if starts("/*") {
        while index < text.endIndex, !starts("*/") {
          if text[index] == "\n" { result.append("\n") }
          index = text.index(after: index)
        }
        if index < text.endIndex { index = text.index(index, offsetBy: 2) }
      } else if starts("\"\"\"") {
        // Blanked, but its lines kept, so that line numbers stay true.
        index = text.index(index, offsetBy: 3)
        result += "\"\""
        while index < text.endIndex, !starts("\"\"\"") {
          if text[index] == "\n" { result.append("\n") }
          index = text.index(after: index)
        }
        if index < text.endIndex { index = text.index(index, offsetBy: 3) }
      } else if text[index] == "\"" {
        index = text.index(after: index)
        while index < text.endIndex, text[index] != "\"", text[index] != "\n" {
          if text[index] == "\\" { index = text.index(after: index) }
          if index < text.endIndex { index = text.index(after: index) }
        }
        if index < text.endIndex { index = text.index(after: index) }
        result += "\"\""
      } else {
        result.append(text[index])
        index = text.index(after: index)
      }
    }
    return result
  }
}
