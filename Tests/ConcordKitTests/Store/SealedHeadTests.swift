import Foundation
import Testing

@testable import ConcordKit

/// The chain reads each revision a chunk at a time (`SealedHead`): whatever the chunks, the
/// seal is the one the whole file gives, and the head is exactly the bytes before the
/// paragraphs, parsed as the whole file's head is.
@Suite struct SealedHeadTests {
  private static let chunkSizes = [1, 7, 64, 1000, 4096, 1 << 20]

  @Test func aRevisionReadInChunksHasTheWholeFilesSealAndHead() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path)
    let file = workspace.file("revisions/rev-1.xml")
    let data = try workspace.read("revisions/rev-1.xml")
    let whole = try #require(ContentDigest.seal(of: data))
    #expect(whole.recorded == whole.computed)
    let sectionTag = try #require(String(decoding: data, as: UTF8.self).range(of: "<section"))
    let text = String(decoding: data, as: UTF8.self)
    let headEnd = try #require(text[sectionTag.upperBound...].firstIndex(of: ">"))
    let expected = Data(text[...headEnd].utf8)
    for size in Self.chunkSizes {
      let head = try SealedHead.read(file, limit: 1 << 30, chunkSize: size)
      #expect(head.seal?.recorded == whole.recorded, "chunks of \(size)")
      #expect(head.seal?.computed == whole.computed, "chunks of \(size)")
      #expect(head.isIntact)
      #expect(head.bytes == expected, "chunks of \(size)")
    }
  }

  @Test func anEditAnywhereBreaksTheSealInEveryChunking() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path)
    var text = String(decoding: try workspace.read("revisions/rev-2.xml"), as: UTF8.self)
    let last = try #require(text.range(of: "</declaration>", options: .backwards))
    text.replaceSubrange(last, with: "<!-- x --></declaration>")
    try workspace.write("revisions/rev-2.xml", text)
    for size in Self.chunkSizes {
      let head = try SealedHead.read(workspace.file("revisions/rev-2.xml"), limit: 1 << 30, chunkSize: size)
      #expect(head.seal != nil)
      #expect(!head.isIntact, "chunks of \(size)")
    }
  }

  @Test func aFileWithoutSectionsIsKeptWholeAndOneWithoutASealIsNotIntact() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sealed-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = Data("<declaration xmlns=\"urn:concord:1\" revision=\"0\"/>\n".utf8)
    try bytes.write(to: folder)
    for size in Self.chunkSizes {
      let head = try SealedHead.read(folder.path, limit: 1 << 30, chunkSize: size)
      #expect(head.bytes == bytes)
      #expect(head.seal == nil)
      #expect(!head.isIntact)
    }
  }

  @Test func aFileOverTheLimitIsRefusedAsAWholeReadRefusesIt() throws {
    let workspace = try TemporaryWorkspace()
    defer { workspace.remove() }
    _ = try Assembler().assemble(workspace.path)
    let file = workspace.file("revisions/rev-0.xml")
    #expect(throws: DiagnosticsError.self) { try SealedHead.read(file, limit: 100, chunkSize: 7) }
  }
}
