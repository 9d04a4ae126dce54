import Foundation
import Testing

@testable import ConcordKit

/// A revision is read as its schema reads it: attribute values of token types (every Concord
/// attribute but the provenance path) with white space collapsed.
@Suite struct DeclarationDecodingTests {
  @Test func spacesAroundAttributeValuesChangeNothing() throws {
    let fixture = Fixtures.path("declaration/valid-rev-1.xml")
    let original = try String(contentsOfFile: fixture, encoding: .utf8)
    // Pad every attribute value but the namespace, the provenance path and dates (libxml2 2.9
    // refuses a padded xs:date): `a="v w"` → `a="  v \n w\t"`.
    let attribute = #/ (?<name>[a-z]+)="(?<value>[^"]*)"/#
    let spaced = original.replacing(attribute) { match in
      let name = match.output.name
      guard !["xmlns", "path", "version", "encoding", "date"].contains(name), !match.output.value.isEmpty
      else { return match.output.0 }
      return " \(name)=\"  \(match.output.value.replacing(" ", with: " \n "))\t\""
    }
    #expect(spaced != original)
    let folder = try TemporaryFolder()
    let path = folder.path + "/spaced.xml"
    try Data(spaced.utf8).write(to: URL(fileURLWithPath: path))
    let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))
    #expect(reader.validate(path) == [])
    let padded = try RevisionStore.loadDeclaration(path, reader: reader)
    let plain = try RevisionStore.loadDeclaration(fixture, reader: reader)
    #expect(padded == plain)
    #expect(DeclarationDiff.changes(from: plain, to: padded).paragraphs.isEmpty)
  }

  @Test func collapsingKeepsWhatNeedsNothing() {
    #expect(XML.collapsed("p1") == "p1")
    #expect(XML.collapsed("AAA BBB") == "AAA BBB")
    #expect(XML.collapsed(" \tAAA \n BBB\r\n") == "AAA BBB")
    #expect(XML.collapsed("") == "")
    #expect(XML.collapsed("   ") == "")
  }
}
