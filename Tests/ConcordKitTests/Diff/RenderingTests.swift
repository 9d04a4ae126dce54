import Foundation
import Testing

@testable import ConcordKit

private func smallChanges() throws -> Changes {
  try DiffFixture.declaration("small-rev3.xml").changes(to: DiffFixture.declaration("small-rev4.xml"))
}

@Test func jsonHasTheShapeOfTheCommandLineContract() throws {
  let json = JSONDiffRenderer().render(try smallChanges())
  let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  #expect(object["from"] as? Int == 3)
  #expect(object["to"] as? Int == 4)
  let changes = try #require(object["changes"] as? [[String: Any]])
  #expect(changes.count == 8)
  let kinds = Set(["added", "deleted", "moved", "changed", "status"])
  for change in changes {
    #expect(change["id"] is String)
    #expect(kinds.contains(change["kind"] as? String ?? ""))
    #expect(change["fromNumber"] is String || change["fromNumber"] is NSNull)
    #expect(change["toNumber"] is String || change["toNumber"] is NSNull)
    let words = try #require(change["words"] as? [String: [[String: String]]])
    for edits in words.values {
      for edit in edits {
        #expect(["equal", "insert", "delete"].contains(edit["op"] ?? ""))
        #expect(edit["text"] != nil)
      }
    }
  }
  let culture = try #require(changes.first { $0["id"] as? String == "op-culture" })
  #expect(culture["fromNumber"] as? String == "5")
  #expect(culture["toNumber"] as? String == "3")
  let zh = try #require((culture["words"] as? [String: [[String: String]]])?["zh"])
  #expect(zh.map { $0["op"] ?? "" } == ["equal", "insert", "equal", "delete", "insert", "equal"])
  let preamble = try #require(changes.first { $0["id"] as? String == "pre-spirit" })
  #expect(preamble["fromNumber"] is NSNull)
  #expect((object["lineage"] as? [Any])?.count == 8)
}

@Test func jsonOfNoChangesIsStillTheContractShape() throws {
  let declaration = try DiffFixture.declaration("small-rev3.xml")
  let json = JSONDiffRenderer().render(declaration.changes(to: declaration))
  #expect(json.hasPrefix(#"{"from":3,"to":3,"#))
  #expect(json.contains(#""changes":[]"#))
}

@Test func plainTextMarksWordsLikeGitWordDiffAndHasNoEscapes() throws {
  let text = TextDiffRenderer().render(try smallChanges())
  #expect(text.contains("  zh  成员国将{+全面+}深化[-文化-]{+人文+}合作。"))
  #expect(text.contains("deleted  op-energy  (was 3)  by CHN"))
  #expect(text.contains("moved    op-youth  (4 → 5)"))
  #expect(!text.contains("\u{1B}["))
}

@Test func colouredTextUsesRedAndGreenInsteadOfMarkers() throws {
  let text = TextDiffRenderer(color: true).render(try smallChanges())
  #expect(text.contains("\u{1B}[32m全面\u{1B}[0m"))
  #expect(text.contains("\u{1B}[31m文化\u{1B}[0m"))
  #expect(!text.contains("{+"))
}

@Test func statusTransitionsAloneAreListedTogether() {
  let old = Make.declaration(
    0,
    Make.numbered(["a", "b", "c"]).map {
      var p = $0
      p.status = .draft
      return p
    })
  var new = Make.declaration(1, Make.numbered(["a", "b", "c"]))
  new.sections[0].paragraphs[2].status = .open
  let text = TextDiffRenderer().render(old.changes(to: new))
  #expect(text.contains("status   draft → agreed, nothing else: 2 paragraphs\n  a b\n"))
  #expect(text.contains("status   draft → open, nothing else: 1 paragraph\n  c\n"))
}

@Test func renumberingIsSummedUpAsRunsOfLineage() {
  let entries = [("14bis", "15"), ("15", "16"), ("16", "17"), ("17", "18"), ("30", "29")].map {
    LineageEntry(id: $0.0, fromNumber: $0.0, toNumber: $0.1, inOld: true, inNew: true, change: nil, by: [])
  }
  #expect(TextDiffRenderer.renumbering(entries) == ["14bis → 15", "15–17 → 16–18", "30 → 29"])
}

@Test func theFullLineageTableListsEveryParagraph() throws {
  let text = TextDiffRenderer(fullLineage: true).render(try smallChanges())
  #expect(text.contains("  op-energy   3         —         deleted  CHN"))
  #expect(text.contains("  pre-spirit  preamble  preamble  changed  CHN"))
}

@Test func htmlIsSelfContainedWithInsDelMovedAndAContentsList() throws {
  let html = HTMLDiffRenderer().render(try smallChanges())
  #expect(html.hasPrefix("<!DOCTYPE html>"))
  #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
  #expect(html.contains("<ins>全面</ins>"))
  #expect(html.contains("<del>文化</del>"))
  #expect(html.contains("<span class=\"moved\">"))
  #expect(html.contains("<a href=\"#p-op-culture\">3. op-culture</a>"))
  #expect(html.contains("<table class=\"side\">"))
  #expect(html.contains("text-decoration: underline double"))
}

@Test func htmlEscapesEveryTextAndAttribute() throws {
  let html = HTMLDiffRenderer().render(try smallChanges())
  #expect(html.contains("Guided by the &quot;Shanghai Spirit&quot; of mutual trust &amp; mutual benefit,"))
  #expect(html.contains("the People&#39;s Republic of China"))
  let hostile = Make.declaration(1, [Make.paragraph("x", "1", "<b>bold</b> & \"quoted\" <script>")])
  var changed = hostile
  changed.sections[0].paragraphs[0].options[0].texts["en"] = ClauseText(plain: "<img src=x onerror=alert(1)>")
  let page = HTMLDiffRenderer().render(hostile.changes(to: changed))
  #expect(!page.contains("<img") && !page.contains("<b>") && !page.contains("<script>"))
  #expect(page.contains("&lt;<ins>img src=x onerror=alert(1)</ins>&gt;"))
}

@Test func htmlParsesAsXMLTooAndSharesThePageStyleSheet() throws {
  let html = HTMLDiffRenderer().render(try smallChanges())
  let data = Data(html.utf8)
  let (root, diagnostics) = data.withUnsafeBytes {
    LibXML2.read($0, path: "diff", schema: nil, buildTree: true)
  }
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
  let page = try #require(root)
  #expect(page.all("input").map { $0[attribute: "id"] } == ["view-inline", "view-side"])
  #expect(page.all("ins").map(\.text).contains("全面"))
  #expect(html.contains(StyleSheet.diff.css))
}
