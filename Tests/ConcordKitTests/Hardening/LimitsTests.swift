import Foundation
import Testing

@testable import ConcordKit

/// Input size, nesting depth and text length: safe defaults, configurable, and a clear error
/// naming the place and the variable when one is exceeded.
@Suite struct LimitsTests {
  @Test func theDefaultsAre128MiBDepth64AndTexts1MiB() {
    let limits = Limits()
    #expect(limits.maxInputBytes == 128 << 20)
    #expect(limits.maxDepth == 64)
    #expect(limits.maxTextBytes == 1 << 20)
  }

  @Test func aDocumentNestedOneLevelTooDeepIsRefusedAtTheElementThatCrossesTheLimit() throws {
    // section(1) clause(2) text(3) parties(4)
    let reader = DocumentReader(limits: Limits(maxDepth: 3))
    let error = try #require(throws: DiagnosticsError.self) {
      try reader.read(Data(section(text: "<parties/> agree.").utf8), as: .section, displayPath: "s.xml")
    }
    #expect(
      error.description
        == "s.xml:4:25: error: elements nest 4 levels deep here, over the limit of 3 (set CONCORD_MAX_DEPTH to raise it)"
    )
    let deepEnough = DocumentReader(limits: Limits(maxDepth: 4))
    #expect(throws: Never.self) {
      try deepEnough.read(Data(section(text: "<parties/> agree.").utf8), as: .section, displayPath: "s.xml")
    }
  }

  @Test func aTextOneByteOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws {
    let reader = DocumentReader(limits: Limits(maxTextBytes: 10))
    #expect(throws: Never.self) {
      try reader.read(Data(section(text: "0123456789").utf8), as: .section, displayPath: "s.xml")
    }
    let error = try #require(throws: DiagnosticsError.self) {
      try reader.read(Data(section(text: "0123456789A").utf8), as: .section, displayPath: "s.xml")
    }
    #expect(
      error.description
        == "s.xml:4:5: error: a text of 11 bytes, over the limit of 10 bytes (set CONCORD_MAX_TEXT_BYTES to raise it)"
    )
  }

  @Test func anAttributeValueOverTheLimitIsRefusedInValidationToo() throws {
    let reader = DocumentReader(limits: Limits(maxTextBytes: 10))
    let document = section(text: "x").replacingOccurrences(of: "id=\"c-1\"", with: "id=\"c-12345678901\"")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.xml").path
    try Data(document.utf8).write(to: URL(fileURLWithPath: file))
    let diagnostics = reader.validate(file, displayPath: "s.xml")
    #expect(
      diagnostics.map(\.description).contains(
        "s.xml:3:3: error: the value of attribute id is 13 bytes, over the limit of 10 bytes (set CONCORD_MAX_TEXT_BYTES to raise it)"
      ))
  }

  @Test func limitsAreCappedAtLibxml2sOwnCeilings() throws {
    #expect(Limits(maxDepth: 300).maxDepth == 256)
    #expect(Limits(maxTextBytes: 20_000_000).maxTextBytes == 10_000_000)
    let deep = "<a>" + String(repeating: "<b>", count: 299) + String(repeating: "</b>", count: 299) + "</a>"
    let result = Data(deep.utf8).withUnsafeBytes {
      LibXML2.read($0, path: "d.xml", schema: nil, buildTree: false, limits: Limits(maxDepth: 300))
    }
    #expect(result.diagnostics.map(\.message).first?.hasPrefix("elements nest") == true)
    let refused = Data(deep.utf8).withUnsafeBytes {
      LibXML2.read($0, path: "d.xml", schema: nil, buildTree: false, limits: Limits())
    }
    #expect(refused.diagnostics.map(\.message).first?.hasPrefix("elements nest") == true)
  }

  @Test func aFileOverTheInputLimitIsRefusedBeforeItIsRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big.xml").path
    try Data(section(text: "x").utf8).write(to: URL(fileURLWithPath: file))
    let error = try #require(throws: DiagnosticsError.self) {
      try DocumentReader(limits: Limits(maxInputBytes: 100)).read(file, displayPath: "big.xml")
    }
    #expect(
      error.description.hasSuffix("over the limit of 100 bytes (set CONCORD_MAX_INPUT_BYTES to raise it)"))
  }

  /// A section file whose one clause's English text is `text` (raw XML), on line 4.
  func section(text: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <section xmlns="urn:concord:1" id="s" kind="operative">
      <clause id="c-1">
        <text xml:lang="en">\(text)</text>
      </clause>
    </section>

    """
  }
}
