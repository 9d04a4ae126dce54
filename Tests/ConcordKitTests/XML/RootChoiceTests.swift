import Foundation
import Testing

@testable import ConcordKit

/// The schema is chosen by the root element as libxml2 reads its start tag, in the one pass
/// that validates: however the tag is written, what the parser makes of it decides.
@Suite struct RootChoiceTests {
  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  func diagnostics(of text: String, as kind: SchemaName? = nil) -> [String] {
    reader.validate(Data(text.utf8), as: kind, displayPath: "doc.xml").map(\.description)
  }

  static let section = DocumentReaderTests.section

  @Test func aNamespaceWrittenWithCharacterReferencesIsConcordsNamespace() throws {
    let text = Self.section.replacingOccurrences(
      of: "xmlns=\"urn:concord:1\"", with: "xmlns=\"urn&#58;concord&#x3A;1\"")
    #expect(diagnostics(of: text, as: .section) == [])
    #expect(
      try reader.read(Data(text.utf8), as: .section, displayPath: "doc.xml")[attribute: "id"] == "economy")
  }

  @Test func aStartTagOverSeveralLinesWithAGreaterThanSignInAValueNamesItsElement() {
    let text = """
      <?xml version="1.0"?>
      <!-- a comment > with a sign -->
      <?tool note="<section>"?>
      <section note="a > b" xmlns="urn:concord:1"
        id="economy">
      </section>

      """
    #expect(
      diagnostics(of: text, as: .positions) == [
        "doc.xml:5:1: error: expected a <positions> document, found <section>"
      ])
  }

  @Test func anUndeclaredPrefixStaysInTheNameOfAnElementInNoNamespace() {
    #expect(
      diagnostics(of: "<?xml version=\"1.0\"?>\n<c:section id=\"x\"/>\n") == [
        "doc.xml:2:1: error: expected a Concord document in namespace urn:concord:1, found <c:section>"
      ])
  }

  @Test func aDeclaredPrefixIsReadThroughItsNamespace() {
    let text = Self.section.replacingOccurrences(
      of: "<section xmlns=\"urn:concord:1\"", with: "<c:section xmlns:c=\"urn:concord:1\""
    )
    .replacingOccurrences(of: "</section>", with: "</c:section>")
    .replacingOccurrences(of: "<clause", with: "<c:clause").replacingOccurrences(
      of: "</clause>", with: "</c:clause>"
    )
    .replacingOccurrences(of: "<text", with: "<c:text").replacingOccurrences(of: "</text>", with: "</c:text>")
    #expect(diagnostics(of: text, as: .section) == [])
  }

  @Test func theWrongRootIsReportedWhateverFollowsIt() {
    // Before, a second parser chose the schema and failed on a break in its first 512 bytes.
    let broken = "<?xml version=\"1.0\"?>\n<agenda xmlns=\"urn:concord:1\">\n<a></b>\n</agenda>\n"
    let far = broken.replacingOccurrences(
      of: "<a>", with: String(repeating: "<x>padding</x>\n", count: 200) + "<a>")
    for text in [broken, far] {
      #expect(
        diagnostics(of: text) == [
          #"doc.xml:2:1: error: expected a Concord document in namespace urn:concord:1, found <agenda xmlns="urn:concord:1">"#
        ])
    }
  }

  @Test func aDocumentBrokenBeforeItsRootIsReportedByItsBreak() {
    #expect(
      diagnostics(of: "<?xml version=\"1.0\"?>\n<!-- unterminated\n<section/>") == [
        "doc.xml:3:11: error: Comment not terminated",
        "doc.xml:3:11: error: Start tag expected, '<' not found",
      ])
    #expect(
      diagnostics(of: "<?xml version=\"1.0\"?>\n<section xmlns=\"urn:concord:1\" a=\"1\" a=\"2\"/>\n") == [
        "doc.xml:2:43: error: Attribute a redefined"
      ])
  }

  @Test func aRootAloneIsValidatedAgainstItsSchema() {
    #expect(
      diagnostics(of: "<members xmlns=\"urn:concord:1\"/>") == [
        "doc.xml:1:1: error: Element 'members': Missing child element(s). Expected is ( participant )."
      ])
  }
}
