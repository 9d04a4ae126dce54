import Foundation
import Testing

@testable import ConcordKit

/// A revision read alone is validated on a core of its own while a second pass decodes it
/// (`DocumentReader.readAlongside`): the outcome is the one pass's, value for value and
/// error for error, whatever is wrong with the bytes.
@Suite struct ReadingAlongsideTests {
  static let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))
  static let fixture = Fixtures.path("declaration/valid-rev-1.xml")

  /// The fixture, changed: each breaks it in another way.
  static let breakages: [(String, @Sendable (String) -> String)] = [
    ("valid as it is", { $0 }),
    (
      "a status no schema allows",
      { $0.replacing(#"status="agreed""#, with: #"status="bogus""#, maxReplacements: 1) }
    ),
    (
      "an element no schema allows",
      { $0.replacing("</paragraph>", with: "<junk/></paragraph>", maxReplacements: 1) }
    ),
    ("not well-formed", { $0.replacing("</paragraph>", with: "</paragraf>", maxReplacements: 1) }),
    ("cut short", { String($0.prefix($0.utf8.count / 2)) }),
    (
      "breaking the schema, then cut short",
      {
        let broken = $0.replacing(#"status="agreed""#, with: #"status="bogus""#, maxReplacements: 1)
        return String(broken.prefix(broken.utf8.count * 3 / 4))
      }
    ),
    (
      "a document type declaration",
      { $0.replacing("<declaration", with: "<!DOCTYPE declaration []><declaration", maxReplacements: 1) }
    ),
    ("another kind of document", { $0.replacing("declaration", with: "section") }),
    ("a NUL byte", { $0.replacing("</paragraph>", with: "\u{0}</paragraph>", maxReplacements: 1) }),
  ]

  @Test(arguments: 0..<breakages.count)
  func theOutcomeIsTheOnePasss(_ index: Int) throws {
    let original = try String(contentsOfFile: Self.fixture, encoding: .utf8)
    let data = Data(Self.breakages[index].1(original).utf8)
    let file = "broken.xml"
    let one = Result { try DeclarationDecoding.declaration(data, file: file, reader: Self.reader) }
    let split = Result {
      try DeclarationDecoding.declaration(data, file: file, reader: Self.reader, alongside: true, from: 0)
    }
    switch (one, split) {
    case (.success(let a), .success(let b)):
      #expect(index == 0)
      #expect(a == b)
    case (.failure(let a), .failure(let b)):
      #expect(index != 0)
      let expected = DiagnosticsError.diagnostics(of: a, file: file)
      #expect(!expected.isEmpty)
      #expect(DiagnosticsError.diagnostics(of: b, file: file) == expected, "\(Self.breakages[index].0)")
    default:
      Issue.record("\(Self.breakages[index].0): one pass \(one), split \(split)")
    }
  }

  /// Work done with the declaration while it is still validated is given with a document
  /// that passed, and never with one that did not: the errors are then the one pass's alone.
  @Test(arguments: 0..<breakages.count)
  func workDoneMeanwhileComesOnlyWithAValidDocument(_ index: Int) throws {
    let original = try String(contentsOfFile: Self.fixture, encoding: .utf8)
    let data = Data(Self.breakages[index].1(original).utf8)
    let one = Result { try DeclarationDecoding.declaration(data, file: "broken.xml", reader: Self.reader) }
    let split = Result {
      try DeclarationDecoding.declaration(
        data, file: "broken.xml", reader: Self.reader, from: 0, meanwhile: { $0.paragraphs.map(\.id) })
    }
    switch (one, split) {
    case (.success(let declaration), .success(let (decoded, ids))):
      #expect(decoded == declaration)
      #expect(ids == declaration.paragraphs.map(\.id))
    case (.failure(let a), .failure(let b)):
      #expect(
        DiagnosticsError.diagnostics(of: b, file: "") == DiagnosticsError.diagnostics(of: a, file: ""),
        "\(Self.breakages[index].0)")
    default:
      Issue.record("\(Self.breakages[index].0): one pass \(one), split \(split)")
    }
  }

  /// What runs before validation (the chain's check) has the first word, valid bytes or not.
  @Test(arguments: [0, 1])
  func whatRunsFirstIsReportedFirst(_ index: Int) throws {
    let original = try String(contentsOfFile: Self.fixture, encoding: .utf8)
    let data = Data(Self.breakages[index].1(original).utf8)
    let chain = DiagnosticsError(Diagnostic(file: "rev-1.xml", message: "the chain is broken"))
    var ran = false
    #expect {
      try DeclarationDecoding.declaration(
        data, file: "broken.xml", reader: Self.reader, alongside: true, from: 0
      ) {
        ran = true
        throw chain
      }
    } throws: { error in
      DiagnosticsError.diagnostics(of: error, file: "") == chain.diagnostics
    }
    #expect(ran)
  }

  /// The bytes are let go once both passes have read them: the work done meanwhile (a status
  /// page, an export) does not hold the revision's file in memory as well. The work waits
  /// here for the bytes to be freed, which happens only if nothing but the two passes held them.
  @Test func theBytesAreLetGoBeforeTheWorkDoneMeanwhileEnds() throws {
    let original = Array(try String(contentsOfFile: Self.fixture, encoding: .utf8).utf8)
    let freed = DispatchSemaphore(value: 0)
    let storage = UnsafeMutableRawPointer.allocate(byteCount: original.count, alignment: 1)
    storage.copyMemory(from: original, byteCount: original.count)
    let (_, sawThemFreed) = try DeclarationDecoding.declaration(
      Data(
        bytesNoCopy: storage, count: original.count,
        deallocator: .custom { pointer, _ in
          pointer.deallocate()
          freed.signal()
        }),
      file: "valid-rev-1.xml", reader: Self.reader, from: 0,
      meanwhile: { _ in freed.wait(timeout: .now() + 20) == .success })
    #expect(sawThemFreed == true)
  }
}

