import Foundation
import Testing

@testable import ConcordKit

/// SPEC §6: in a DOCX redline, "reject all" gives back the older revision and "accept all" the
/// newer, paragraph numbers aside — checked by applying both to `word/document.xml`
/// (`TrackedChanges`) and comparing with each revision's own DOCX, paragraph by paragraph, style
/// and footnotes included.
@Suite struct DocxRedlineTests {
  static let pairs = [(0, 1), (1, 2), (0, 2)]
  static let languages = ["en", "ru", "zh"]

  func docx(_ declaration: Declaration, _ language: String, against previous: Declaration? = nil) throws
    -> Data
  {
    try Exporter.export(declaration, as: .docx(language: language), against: previous)
  }

  /// Both buttons on the redline of `new` against `old`, and what each should give.
  func check(_ old: Declaration, _ new: Declaration, _ language: String, _ name: String) throws {
    let redline = try docx(new, language, against: old)
    let before = TrackedChanges.normalised(try TrackedChanges.paragraphs(of: docx(old, language), .accept))
    let after = TrackedChanges.normalised(try TrackedChanges.paragraphs(of: docx(new, language), .accept))
    let rejected = TrackedChanges.normalised(try TrackedChanges.paragraphs(of: redline, .reject))
    let accepted = TrackedChanges.normalised(try TrackedChanges.paragraphs(of: redline, .accept))
    #expect(rejected == before, "\(name) \(language): reject all \(firstDifference(rejected, before))")
    #expect(accepted == after, "\(name) \(language): accept all \(firstDifference(accepted, after))")
  }

  func firstDifference(_ got: [String], _ expected: [String]) -> String {
    let index =
      (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] } ?? min(got.count, expected.count)
    let have = index < got.count ? got[index] : "(nothing)"
    let want = index < expected.count ? expected[index] : "(nothing)"
    return "differs at paragraph \(index + 1): gives \"\(have)\", the revision has \"\(want)\""
  }

  @Test(arguments: languages)
  func rejectAllGivesTheOlderRevisionAndAcceptAllTheNewer(language: String) throws {
    let revisions = try (0...2).map(ExampleRevisions.load)
    for (old, new) in Self.pairs {
      try check(revisions[old], revisions[new], language, "Rev.\(old) → Rev.\(new)")
    }
  }

  @Test(arguments: ["en", "ar"])
  func theEdgeCasesToo(language: String) throws {
    let cases: [(String, Declaration, Declaration)] = [
      ("earlier → everything", EdgeCases.earlier(), EdgeCases.everything()),
      ("everything → earlier", EdgeCases.everything(), EdgeCases.earlier()),
      ("headings appear", EdgeCases.onlyPreamble(), EdgeCases.everything()),
      ("headings disappear", EdgeCases.everything(), EdgeCases.onlyPreamble()),
      ("the preamble disappears", EdgeCases.earlier(), EdgeCases.onlyOperative()),
      ("paragraphs move", EdgeCases.everything(), Self.moved(EdgeCases.everything())),
    ]
    for (name, old, new) in cases { try check(old, new, language, name) }
  }

  /// op-3 before op-2, and op-4 moved into the first operative section.
  static func moved(_ declaration: Declaration) -> Declaration {
    var declaration = declaration
    let paragraphs = declaration.sections[1].paragraphs
    if let two = paragraphs.firstIndex(where: { $0.id == "op-2" }),
      let three = paragraphs.firstIndex(where: { $0.id == "op-3" })
    {
      declaration.sections[1].paragraphs.swapAt(two, three)
    }
    declaration.sections[1].paragraphs += declaration.sections[2].paragraphs
    declaration.sections[2].paragraphs = []
    return declaration
  }

  @Test func bracketsLabelsDroppedOptionsAndFootnotesAreTracked() throws {
    let redline = try docx(try ExampleRevisions.load(2), "en", against: try ExampleRevisions.load(1))
    let deleted = try TrackedChanges.changes(in: redline).filter { $0.name == "del" }
      .map { $0.all("delText").map(\.text).joined() }
    // eco-year resolved to option 2: option 1's bracket and label go, and so does option 2's line.
    #expect(deleted.contains("[Option 1: "))
    #expect(deleted.contains { $0.hasPrefix("Option 2 (CHN): ") && $0.hasSuffix("]") })
    // The KGZ reservation was lifted: its footnote reference is deleted, the footnote kept.
    let entries = try DocxPackage.entries(of: redline)
    let footnotes = try TrackedChanges.parsed(entries["word/footnotes.xml"], name: "footnotes.xml")
    let kgz = try #require(
      footnotes.all("footnote").first { $0.all("t").map(\.text).joined().contains("Reservation (KGZ)") })
    let document = try TrackedChanges.parsed(entries["word/document.xml"], name: "document.xml")
    let reference = try #require(document.all("del").first { !$0.all("footnoteReference").isEmpty })
    #expect(reference.find("footnoteReference")?.w("id") == kgz.w("id"))
  }

  @Test func anInsertedParagraphIsInsertedWholeMarkIncluded() throws {
    let redline = try docx(try ExampleRevisions.load(1), "en", against: try ExampleRevisions.load(0))
    let document = try TrackedChanges.parsed(
      try DocxPackage.entries(of: redline)["word/document.xml"], name: "document.xml")
    let paragraph = try #require(
      document.all("p").first { $0.all("bookmarkStart").contains { $0.w("name") == "concord_1_ind-1" } })
    #expect(paragraph.find("pPr")?.find("rPr")?.elements.map(\.name) == ["ins"])
    let runs = paragraph.elements.filter { $0.name == "r" }
    #expect(runs.isEmpty, "every run of ind-1 is inside w:ins")
    let text = paragraph.all("ins").map { $0.all("t").map(\.text).joined() }.joined()
    #expect(text.hasPrefix("14bis.[Option 1 (IND): The Member States strongly condemn"))
    #expect(text.hasSuffix("brought to justice.]"))
  }

  @Test func everyChangeIsDatedAndIdentified() throws {
    let dated = try docx(EdgeCases.everything(), "en", against: EdgeCases.earlier())
    let undated = try docx(try ExampleRevisions.load(2), "en", against: try ExampleRevisions.load(0))
    for (data, date) in [(dated, "2025-09-01T00:00:00Z"), (undated, DocxFormatter.undatedChange)] {
      let changes = try TrackedChanges.changes(in: data)
      #expect(!changes.isEmpty)
      #expect(changes.allSatisfy { $0.w("date") == date && $0.w("author")?.isEmpty == false })
      // Annotation ids (changes and bookmarks) are unique across the document.
      let document = try TrackedChanges.parsed(
        try DocxPackage.entries(of: data)["word/document.xml"], name: "d")
      let ids = (changes + document.all("bookmarkStart")).compactMap { $0.w("id") }
      #expect(Set(ids).count == changes.count + document.all("bookmarkStart").count)
    }
  }

  @Test func aRevisionAgainstItselfHasNoTrackedChanges() throws {
    let revision = try ExampleRevisions.load(2)
    #expect(try TrackedChanges.changes(in: docx(revision, "ru", against: revision)).isEmpty)
    #expect(try TrackedChanges.changes(in: docx(revision, "ru")).isEmpty)
  }

  /// The redline carries the newer revision's bookmarks, as its own DOCX does, and reads back
  /// through `import --as` as the same positions: none, unedited.
  @Test(arguments: languages)
  func aRedlineCopyReadsBackLikeTheRevisionItself(language: String) throws {
    let old = try ExampleRevisions.load(1)
    let new = try ExampleRevisions.load(2)
    func bookmarks(_ data: Data) throws -> [String] {
      let document = try TrackedChanges.parsed(
        try DocxPackage.entries(of: data)["word/document.xml"], name: "d")
      return document.all("bookmarkStart").compactMap { $0.w("name") }
    }
    let redline = try docx(new, language, against: old)
    let plain = try docx(new, language)
    #expect(try bookmarks(redline) == bookmarks(plain))
    for data in [redline, plain] {
      let package = try WordPackage(data, path: "copy.docx", reader: DocumentReader())
      let copy = try EditedCopy(
        package: package, path: "copy.docx", declaration: new, participant: "IND", round: 3)
      #expect(copy.stances.isEmpty, "\(copy.stances)")
    }
  }
}
