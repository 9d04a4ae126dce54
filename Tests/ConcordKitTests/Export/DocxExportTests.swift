import Foundation
import Testing

@testable import ConcordKit

extension XML.Element {
  /// A WordprocessingML attribute (`w:id`) by its local name.
  func w(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

@Suite struct DocxExportTests {
  func parts(_ data: Data) throws -> [String: Data] { try DocxPackage.entries(of: data) }

  func parsed(_ data: Data?, name: String) throws -> XML.Element {
    let data = try #require(data, "missing \(name)")
    let (root, diagnostics) = data.withUnsafeBytes {
      LibXML2.read($0, path: name, schema: nil, buildTree: true)
    }
    #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.description))")
    return try #require(root)
  }

  @Test func thePackageHoldsTheWordParts() throws {
    let entries = try parts(try Exporter.export(try ExampleRevisions.load(2), as: .docx()))
    #expect(
      entries.keys.sorted() == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/custom.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/footer1.xml", "word/footnotes.xml", "word/header1.xml", "word/settings.xml", "word/styles.xml",
      ])
    for (name, data) in entries { _ = try parsed(data, name: name) }
  }

  @Test func trackedChangesAreInsertionsAndDeletionsBySponsors() throws {
    let data = try Exporter.export(
      try ExampleRevisions.load(2), as: .docx(), against: try ExampleRevisions.load(1))
    let document = try parsed(try parts(data)["word/document.xml"], name: "document.xml")
    let insertions = document.all("ins").filter { !$0.elements.isEmpty }
    let deletions = document.all("del").filter { !$0.elements.isEmpty }
    let inserted = insertions.map { ($0.w("author") ?? "", $0.all("t").map(\.text).joined()) }
    let deleted = deletions.map { ($0.w("author") ?? "", $0.all("delText").map(\.text).joined()) }
    #expect(inserted.contains { $0 == ("PAK, RUS", "stand for") })
    #expect(deleted.contains { $0 == ("PAK, RUS", "note the importance of") })
    #expect(inserted.contains { $0 == ("CHN", " and building the capacity of developing countries") })
    #expect(inserted.contains { $0.0 == "IND" && $0.1.hasPrefix("Option 3 (IND): ") })
    #expect(document.all("delText").allSatisfy { !$0.text.isEmpty })
    let ids = (insertions + deletions).compactMap { $0.w("id") }
    #expect(Set(ids).count == ids.count)
    // Rev.2 has no date: every change carries the same fixed one, never the clock's.
    #expect((insertions + deletions).allSatisfy { $0.w("date") == DocxFormatter.undatedChange })
  }

  @Test func addedAndRemovedParagraphsHaveTrackedParagraphMarks() throws {
    let data = try Exporter.export(EdgeCases.everything(), as: .docx(), against: EdgeCases.earlier())
    let document = try parsed(try parts(data)["word/document.xml"], name: "document.xml")
    let marks = document.all("rPr").filter { $0.elements.contains { $0.name == "ins" || $0.name == "del" } }
    #expect(marks.contains { $0.elements.first?.name == "del" })
    #expect(marks.contains { $0.elements.first?.name == "ins" })
    // The removed paragraph is one deletion, its number, brackets and label with its text.
    let removed = document.all("del").filter { $0.all("delText").map(\.text).joined().contains("Gone &") }
    #expect(removed.map { $0.all("delText").map(\.text).joined() } == ["2.[Option 1: Gone & forgotten.]"])
    #expect(document.all("ins").allSatisfy { $0.w("date") == "2025-09-01T00:00:00Z" })
  }

  @Test func notesAreFootnotes() throws {
    let entries = try parts(try Exporter.export(try ExampleRevisions.load(1), as: .docx()))
    let footnotes = try parsed(entries["word/footnotes.xml"], name: "footnotes.xml")
    let notes = footnotes.all("footnote").filter { $0.w("type") == nil }
    #expect(notes.map { $0.w("id") } == ["1"])
    #expect(
      notes.first?.all("t").map(\.text).joined() == " Reservation (KGZ): Pending confirmation from capital.")
    let document = try parsed(entries["word/document.xml"], name: "document.xml")
    #expect(document.all("footnoteReference").map { $0.w("id") } == ["1"])
  }

  @Test func headingsAndNumbersAreThere() throws {
    let entries = try parts(try Exporter.export(try ExampleRevisions.load(2), as: .docx(language: "zh")))
    let document = try parsed(entries["word/document.xml"], name: "document.xml")
    let paragraphs = document.all("p")
    let headings = paragraphs.filter { $0.find("pStyle")?.w("val") == "Heading1" }.map {
      $0.all("t").map(\.text).joined()
    }
    #expect(headings == ["巩固政治互信", "维护共同安全", "共同繁荣与可持续发展", "深化人文交流", "提升本组织效能"])
    let numbered = paragraphs.filter { $0.find("pStyle")?.w("val") == "Numbered" }
    #expect(numbered.count == 64)
    #expect(numbered.first?.all("t").first?.text == "1.")
  }

  @Test func theSameRevisionGivesTheSameBytes() throws {
    let declaration = try ExampleRevisions.load(2)
    let previous = try ExampleRevisions.load(1)
    let first = try Exporter.export(declaration, as: .docx(), against: previous)
    let second = try Exporter.export(declaration, as: .docx(), against: previous)
    #expect(first == second)
  }
}
