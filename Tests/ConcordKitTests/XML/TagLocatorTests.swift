import Testing

@testable import ConcordKit

/// Columns recovered from the raw text, for diagnostics libxml2 gives only a line.
@Suite struct TagLocatorTests {
  /// Runs `body` with a locator over `text`.
  func locate<T>(in text: String, _ body: (TagLocator) -> T) -> T {
    Array(text.utf8).withUnsafeBytes { body(TagLocator($0)) }
  }

  @Test func repeatedTagsOnOneLineAreLocatedInOrder() {
    let columns = locate(in: "<a>\n  <b/><b/>\n<bb/><b/>") { locator in
      [
        locator.column(ofTag: "b", line: 2), locator.column(ofTag: "b", line: 2),
        locator.column(ofTag: "b", line: 3),
      ]
    }
    #expect(columns == [3, 7, 6])
  }

  @Test func columnsCountCharactersNotBytes() {
    let column = locate(in: "<t>成员国 <p/></t>") { $0.column(ofTag: "p", line: 1) }
    #expect(column == 8)
  }

  @Test func theLastLineWithoutANewlineAndLinesPastTheEndAreHandled() {
    let columns = locate(in: "<a>\n<b/>") {
      [$0.column(ofTag: "b", line: 2), $0.column(ofTag: "b", line: 9)]
    }
    #expect(columns == [1, 0])
  }

  @Test func anAttributeErrorPointsAtTheAttribute() {
    let column = locate(in: "<x>\n  <clause id=\"1\" xml:lang=\"en\"/>") {
      $0.column(
        forMessage:
          "Element '{urn:concord:1}clause', attribute '{http://www.w3.org/XML/1998/namespace}lang': bad",
        line: 2)
    }
    #expect(column == 18)
  }

  @Test func aDuplicateKeyIsFoundAtItsSecondElement() {
    let text = "<m>\n  <p code=\"AAA\"/>\n  <p code=\"BBB\"/>\n  <p code=\"AAA\"/>\n</m>"
    let place = locate(in: text) {
      $0.duplicateKey(
        forMessage:
          "Element '{urn:concord:1}p': Duplicate key-sequence ['AAA'] in unique identity-constraint 'u'.",
        before: 5)
    }
    #expect(place?.line == 4 && place?.column == 3)
  }

  @Test func otherMessagesAreNotDuplicateKeys() {
    let place = locate(in: "<m/>") { $0.duplicateKey(forMessage: "Element 'm': other", before: 1) }
    #expect(place == nil)
  }
}
