import Foundation
import Testing

@testable import ConcordKit

/// `concord diff` reads revisions as outlines and decodes only the paragraphs whose bytes
/// differ. It must find exactly what comparing the fully decoded revisions finds.
@Suite struct OutlineDiffTests {
  let folder: TemporaryFolder
  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  init() throws { folder = try TemporaryFolder() }

  /// Writes `declaration` (optionally rewritten) and reads it back both ways.
  func written(_ declaration: Declaration, _ name: String, rewrite: (String) -> String = { $0 }) throws
    -> (decoded: Declaration, outline: DeclarationOutline)
  {
    let path = folder.path + "/" + name
    try Data(rewrite(try DeclarationWriter().xml(declaration)).utf8).write(to: URL(fileURLWithPath: path))
    return (
      try RevisionStore.loadDeclaration(path, reader: reader),
      try RevisionStore.outline(path, reader: reader)
    )
  }

  func expectSameChanges(
    _ old: Declaration?, _ new: Declaration?, rewrite: @escaping (String) -> String = { $0 }
  )
    throws
  {
    let a = try old.map { try written($0, "a.xml", rewrite: rewrite) }
    let b = try new.map { try written($0, "b.xml", rewrite: rewrite) }
    let eager = DeclarationDiff.changes(from: a?.decoded, to: b?.decoded)
    let outlined = DeclarationDiff.changes(from: a?.outline, to: b?.outline)
    #expect(outlined == eager)
    #expect(a?.outline.fellBackToWholeDecoding != true && b?.outline.fellBackToWholeDecoding != true)
    #expect(JSONDiffRenderer().render(outlined) == JSONDiffRenderer().render(eager))
  }

  @Test func theExampleRevisionsCompareAlikeEitherWay() throws {
    let example = try AssembledExample()
    let revisions = [example.rev0, example.rev1, example.rev2]
    for old in revisions {
      for new in revisions { try expectSameChanges(old, new) }
    }
    try expectSameChanges(nil, example.rev2)
    try expectSameChanges(example.rev1, nil)
  }

  @Test func everyKindOfChangeComparesAlikeEitherWay() throws {
    let old = Make.declaration(
      1,
      [
        Make.paragraph("keep", "1", "Kept text."), Make.paragraph("gone", "2", "Deleted text."),
        Make.paragraph("edit", "3", "<parties/> note the plan."), Make.paragraph("walk", "4", "Moving text."),
        Make.paragraph("open", "5", "Open text.", status: .open), Make.paragraph("last", "6", "Last text."),
        Make.paragraph("same", "7", "Same length, one letter apart: cat."),
      ])
    let new = Make.declaration(
      2,
      [
        Make.paragraph("walk", "1", "Moving text."), Make.paragraph("keep", "2", "Kept text."),
        Make.paragraph("edit", "3", "<parties/> welcome the plan.", texts: ["zh": "成员国欢迎该计划。"]),
        Make.paragraph("open", "4", "Open text.", status: .agreed), Make.paragraph("new", "5", "Added text."),
        Make.paragraph("last", "7", "Last text."),
        Make.paragraph("same", "8", "Same length, one letter apart: cut."),
      ])
    try expectSameChanges(old, new)
    // The same paragraphs moved to another section.
    try expectSameChanges(
      old,
      Make.declaration(
        2, sections: [("preamble", [Make.paragraph("keep", nil, "Kept text.")]), ("operative", [])]))
  }

  /// A revision written with a prefix for Concord's namespace: each paragraph is decoded inside
  /// the root's and its section's start tags, where the prefix is declared.
  @Test func aPrefixedRevisionComparesAlikeEitherWay() throws {
    let example = try AssembledExample()
    let prefixed: (String) -> String = { xml in
      xml.replacing(#/<(/?)([a-z]+)([ >/])/#) { "<\($0.output.1)c:\($0.output.2)\($0.output.3)" }
        .replacing(#"xmlns="urn:concord:1""#, with: #"xmlns:c="urn:concord:1""#)
    }
    #expect(prefixed("<a x=\"1\"><b/></a>") == "<c:a x=\"1\"><c:b/></c:a>")
    try expectSameChanges(example.rev0, example.rev2, rewrite: prefixed)
  }

  @Test func eachParagraphIsFoundWhereItStandsInTheFile() throws {
    let example = try AssembledExample()
    let outline = try written(example.rev2, "rev.xml").outline
    let text = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/rev.xml"))
    #expect(outline.count == example.rev2.sections.flatMap(\.paragraphs).count)
    for entry in outline.entries {
      let element = String(decoding: text[entry.range], as: UTF8.self)
      #expect(element.hasPrefix("<paragraph id=\"\(entry.id)\""))
      #expect(element.hasSuffix("</paragraph>"))
    }
    #expect(outline.paragraphs(Array(0..<outline.count)).count == outline.count)
  }
}
