import Foundation
import Testing

@testable import ConcordKit

@Suite struct StatusHTMLTests {
  static func report(_ declaration: Declaration, history: [Declaration] = []) -> StatusReport {
    StatusReport(declaration: declaration, history: history + [declaration])
  }

  func wellFormed(_ html: String, name: String) throws -> XML.Element {
    let data = Data(html.utf8)
    let (root, diagnostics) = data.withUnsafeBytes {
      LibXML2.read($0, path: name, schema: nil, buildTree: true)
    }
    #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.description))")
    return try #require(root)
  }

  @Test func thePageIsSelfContainedAndWellFormed() throws {
    let history = try [0, 1].map(ExampleRevisions.load)
    let html = StatusHTML.render(Self.report(try ExampleRevisions.load(2), history: history))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
    #expect(html.contains("@page { size: A4;") && html.contains(".s-support { background: #2e9e5b;"))
    let root = try wellFormed(html, name: "status")
    #expect(root.all("svg").count == 1)
    #expect(root.all("rect").contains { $0[attribute: "class"] == "agreed" })
  }

  @Test func theHeatMapHasACellAParticipantAndParagraph() throws {
    let declaration = try ExampleRevisions.load(2)
    let report = Self.report(declaration)
    let root = try wellFormed(StatusHTML.render(report), name: "status")
    let cells = root.all("td").filter { ($0[attribute: "class"] ?? "").hasPrefix("cell") }
    // A row a paragraph with stances or still open; a column every member, and every other
    // participant who took a stance.
    let rows = declaration.paragraphs.filter { !$0.stances.isEmpty || $0.status == .open }.count
    let columns = Set(declaration.members.map(\.code) + report.participantsWithStances.map(\.code)).count
    #expect(cells.count == rows * columns)
    #expect(cells.contains { $0.text == "·" && $0[attribute: "title"] == "TJK: silent" })
    #expect(cells.contains { $0[attribute: "class"] == "cell s-support" && $0.text == "S" })
  }

  @Test func everyTextAndAttributeIsEscaped() throws {
    var declaration = EdgeCases.everything()
    declaration.update("op-1") { $0.stances = [RecordedStance(participant: "BBB", kind: .support)] }
    let html = StatusHTML.render(Self.report(declaration))
    #expect(!html.contains("<b>bold</b>") && !html.contains("<Kingdom>"))
    #expect(
      html.contains("<title>Declaration on &lt;Edge&gt; &amp; &quot;Corner&quot; Cases — Rev.3</title>"))
    #expect(html.contains("title=\"the &lt;Kingdom&gt; of B\""))
    let root = try wellFormed(html, name: "edge status")
    #expect(root.all("b").allSatisfy { $0.text.hasPrefix("Option") || $0.text == "Delete" })
  }
}
