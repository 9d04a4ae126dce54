import Foundation
import Testing

@testable import ConcordKit

@Suite struct HTMLExportTests {
  /// Parsed as XML: the page is written so that an XML parser reads it too.
  func wellFormed(_ data: Data, name: String) throws -> XML.Element {
    let (root, diagnostics) = data.withUnsafeBytes {
      LibXML2.read($0, path: name, schema: nil, buildTree: true)
    }
    #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.description))")
    return try #require(root)
  }

  @Test func everyPageIsWellFormed() throws {
    for revision in [0, 1, 2] {
      let declaration = try ExampleRevisions.load(revision)
      let previous = revision > 0 ? try ExampleRevisions.load(revision - 1) : nil
      for language in declaration.settings.languages {
        _ = try wellFormed(
          try Exporter.export(declaration, as: .html(language: language)), name: "rev-\(revision).\(language)"
        )
        _ = try wellFormed(
          try Exporter.export(declaration, as: .html(language: language), against: previous),
          name: "redline \(revision)")
      }
    }
    for (name, declaration, previous) in EdgeCases.all {
      _ = try wellFormed(
        try Exporter.export(declaration, as: .html(language: "ar"), against: previous), name: name)
    }
  }

  @Test func everyTextAndAttributeIsEscaped() throws {
    let data = try Exporter.export(EdgeCases.everything(), as: .html())
    let html = Golden.string(data)
    #expect(!html.contains("<b>bold</b>"))
    #expect(html.contains("Recalling &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\" text,"))
    #expect(html.contains("<title>Declaration on &lt;Edge&gt; &amp; \"Corner\" Cases — Rev.3</title>"))
    #expect(html.contains("Pending &lt;capital&gt; &amp; co."))
    let root = try wellFormed(data, name: "edge")
    #expect(root.all("b").isEmpty)
  }

  @Test func languageAndDirectionAreDeclared() throws {
    let arabic = try wellFormed(
      try Exporter.export(EdgeCases.everything(), as: .html(language: "ar")), name: "ar")
    #expect(arabic[attribute: "lang"] == "ar")
    #expect(arabic[attribute: "dir"] == "rtl")
    let pending = arabic.all("span").filter { $0[attribute: "class"] == "pending" }
    #expect(!pending.isEmpty)
    #expect(pending.allSatisfy { $0[attribute: "lang"] == "en" && $0[attribute: "dir"] == "ltr" })
    let chinese = try wellFormed(
      try Exporter.export(try ExampleRevisions.load(2), as: .html(language: "zh")), name: "zh")
    #expect(chinese[attribute: "lang"] == "zh" && chinese[attribute: "dir"] == "ltr")
  }

  @Test func thePageIsSelfContainedAndPrintsOnA4() throws {
    let html = Golden.string(try Exporter.export(try ExampleRevisions.load(2), as: .html()))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("@media print"))
    #expect(!html.contains("<link") && !html.contains("<script") && !html.contains("src="))
  }

  @Test func aRedlineUnderlinesInsertionsAndStrikesDeletions() throws {
    let data = try Exporter.export(
      try ExampleRevisions.load(2), as: .html(), against: try ExampleRevisions.load(1))
    let root = try wellFormed(data, name: "redline")
    #expect(root.all("ins").map(\.text).contains("stand for"))
    #expect(root.all("del").map(\.text).contains("note the importance of"))
    #expect(Golden.string(data).contains("ins { text-decoration: underline;"))
    #expect(Golden.string(data).contains("del { text-decoration: line-through;"))
    let digital = root.all("div").first { $0[attribute: "id"] == "p-eco-digital" }
    #expect(digital?[attribute: "data-changed-by"] == "PAK RUS")
    #expect(
      root.all("p").contains {
        $0.text == "Changes since Rev.1: insertions underlined, deletions struck through."
      })
  }

  @Test func aCleanPageHasNoInsertionsOrDeletions() throws {
    let root = try wellFormed(try Exporter.export(try ExampleRevisions.load(2), as: .html()), name: "clean")
    #expect(root.all("ins").isEmpty && root.all("del").isEmpty)
    #expect(root.all("li").count == 0)
    let open = root.all("div").filter { ($0[attribute: "class"] ?? "").hasPrefix("para open") }
    #expect(open.compactMap { $0[attribute: "id"] } == ["p-pol-sanctions", "p-eco-climate"])
  }
}
