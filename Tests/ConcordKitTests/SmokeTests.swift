import Testing

@testable import ConcordKit

@Test func embeddedSchemasCompile() throws {
  let library = SchemaLibrary(source: .embedded)
  for name in SchemaName.allCases { try library.check(name) }
}
