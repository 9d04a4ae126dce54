import Foundation
import Testing

@testable import ConcordKit

@Suite struct EscapingTests {
  @Test func textEscapesMarkupAndAttributesEscapeQuotesAndWhiteSpaceToo() {
    var refused: [Unicode.Scalar] = []
    let text = "<b>A & \"B\"</b>\tit's\n\r"
    #expect(
      Escaping.escape(text, .text) { refused.append($0) } == "&lt;b&gt;A &amp; \"B\"&lt;/b&gt;\tit's\n&#13;")
    #expect(
      Escaping.escape(text, .attribute) { refused.append($0) }
        == "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;&#9;it's&#10;&#13;")
    #expect(Escaping.escape("it's", [.apostrophes]) { refused.append($0) } == "it&#39;s")
    #expect(refused.isEmpty)
  }

  @Test func charactersXMLCannotCarryAreLeftOutAndReported() {
    var refused: [Unicode.Scalar] = []
    #expect(Escaping.escape("bell \u{7} \u{FFFE}", .text) { refused.append($0) } == "bell  ")
    #expect(refused == ["\u{7}", "\u{FFFE}"])
    #expect(Escaping.refusal(of: "\u{7}", in: "XML") == "character U+7 cannot be written in XML")
  }

  @Test func xmlWriterEscapesThroughTheSameEscaper() {
    let text = "a < b & \"c\"\n"
    #expect(XMLWriter.escape(text, quote: false) { _ in } == Escaping.escape(text, .text) { _ in })
    #expect(XMLWriter.escape(text, quote: true) { _ in } == Escaping.escape(text, .attribute) { _ in })
    #expect(Escaping.escape("plain text", .attribute) { _ in } == "plain text")
  }
}

@Suite struct HTMLWriterTests {
  @Test func everyTextAndAttributeValueIsEscaped() {
    var html = HTMLWriter()
    html.element("p", [("title", "\"x\" & <y>"), ("hidden", nil)], text: "<script>alert(1)</script> \"q\"")
    #expect(
      html.output
        == "<p title=\"&quot;x&quot; &amp; &lt;y&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; \"q\"</p>\n")
    var quoting = HTMLWriter(quotesInText: true)
    quoting.element("p", [("title", "it's")], text: "the People's \"Spirit\"")
    #expect(quoting.output == "<p title=\"it&#39;s\">the People&#39;s &quot;Spirit&quot;</p>\n")
  }

  @Test func blocksPutChildrenOnIndentedLinesAndPhrasingRunsOn() {
    var html = HTMLWriter()
    html.block("section", [("id", "s")]) { html in
      html.element("h2", text: "Title")
      html.empty("input", [("type", "radio")])
      html.element("label", text: "Inline")
      html.block("div") { html in
        html.element("p") { html in
          html.text("a ")
          html.element("ins", text: "b")
          html.block("div") { $0.text("c") }
        }
      }
      html.element("td", text: "")
    }
    let expected = """
      <section id="s">
        <h2>Title</h2>
        <input type="radio"/><label>Inline</label>
        <div>
          <p>a <ins>b</ins><div>c</div></p>
        </div>
        <td></td>
      </section>

      """
    #expect(html.output == expected)
  }

  /// A long table written in parts on every core, and cells stamped once: the page, kept in
  /// the segments it was made in, is the page written one element after another.
  @Test func partsAndStampsWriteWhatOneElementAfterAnotherWould() {
    let rows = (0..<300).map { "row \($0) <&>" }
    func page(_ fast: Bool) -> HTMLWriter {
      var html = HTMLWriter(quotesInText: true)
      html.element("h1", text: "Title")
      html.block("table") { html in
        let silent = html.stamp("td", [("class", "s"), ("title", "AAA: 'silent'")], text: "·")
        let write: @Sendable (Int, inout HTMLWriter) -> Void = { index, html in
          html.block("tr") { html in
            html.element("th", text: rows[index])
            if fast {
              html.element(silent)
            } else {
              html.element("td", [("class", "s"), ("title", "AAA: 'silent'")], text: "·")
            }
          }
        }
        if fast {
          html.parts(count: rows.count, write)
        } else {
          for index in rows.indices { write(index, &html) }
        }
      }
      html.element("p", text: "after")
      return html
    }
    let (slow, fast) = (page(false), page(true))
    #expect(fast.segments.count > 1)
    #expect(Array(fast.segments.joined()) == slow.bytes)
    #expect(fast.bytes == slow.bytes)
    #expect(fast.output.contains("<td class=\"s\" title=\"AAA: &#39;silent&#39;\">·</td>"))
  }

  /// JSON parts kept as segments read as the same JSON as parts copied in.
  @Test func jsonSegmentsAreTheJSONCopiedIn() {
    func written(_ segments: Bool) -> JSONWriter {
      let json = JSONWriter()
      json.object {
        json.field("a", 1)
        json.field("runs") {
          json.array([["{\"x\":1}", "{\"x\":2}"], ["3"]]) { run in
            let part = JSONWriter()
            for item in run { part.raw(item) }
            if segments { json.raw(segment: part.bytes) } else { json.raw(part.bytes) }
          }
        }
        json.field("b", JSONWriter.member("k", "v").isEmpty)
      }
      return json
    }
    #expect(written(true).bytes == written(false).bytes)
    #expect(Array(written(true).segments.joined()) == written(false).bytes)
    #expect(written(false).output == #"{"a":1,"runs":[{"x":1},{"x":2},3],"b":false}"#)
  }

  @Test func aCharacterHTMLCannotCarryIsReportedNotWritten() {
    var html = HTMLWriter()
    html.element("p", [("title", "bell \u{7}")], text: "bell \u{7}")
    #expect(html.output == "<p title=\"bell \">bell </p>\n")
    #expect(html.problems == Array(repeating: "character U+7 cannot be written in HTML", count: 2))
  }

  @Test func thePageHasOneSkeleton() {
    let page = HTMLWriter.page(language: "ar", direction: "rtl", title: "A & B", style: .document) {
      $0.element("p", text: "x")
    }
    #expect(
      page.output.hasPrefix(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n  <head>\n    <meta charset=\"utf-8\"/>"))
    #expect(page.output.contains("<title>A &amp; B</title>\n    <style>\n:root {"))
    #expect(page.output.hasSuffix("</style>\n  </head>\n  <body>\n    <p>x</p>\n  </body>\n</html>\n"))
  }
}

@Suite struct StyleSheetTests {
  /// Each part's own text: the base, then what every other part adds to it.
  static var parts: [String] {
    let base = StyleSheet().css
    let added: [StyleSheet.Part] = [.document, .diff, .status, .heatMap, .chart]
    return [base] + added.map { String(StyleSheet($0).css.dropFirst(base.count)) }
  }

  @Test func everyPageStartsFromTheBaseWithItsOwnParts() {
    for sheet in [StyleSheet.document, .diff, .status] {
      #expect(sheet.css.hasPrefix(StyleSheet().css))
      #expect(sheet.css.contains("@page { size: A4;"))
      #expect(sheet.css.contains("ins { text-decoration: underline;"))
      #expect(sheet.css.contains("del { text-decoration: line-through;"))
      #expect(sheet.css.contains(".moved { text-decoration: underline double; }"))
    }
    #expect(StyleSheet.status.css.contains(".s-support") && !StyleSheet.diff.css.contains(".s-support"))
    #expect(StyleSheet.diff.css.contains("#view-side") && !StyleSheet.document.css.contains("#view-side"))
  }

  @Test func noPartHoldsMarkupOrARuleAnotherPartHolds() {
    var seen: [String: Int] = [:]
    for (index, text) in Self.parts.enumerated() {
      #expect(!text.contains("<") && !text.contains("&"))
      let rules = text.split(separator: "}").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      for rule in rules where !rule.isEmpty {
        #expect(seen[rule] == nil, "\(rule) is in parts \(seen[rule] ?? -1) and \(index)")
        seen[rule] = index
      }
    }
  }
}
