import Foundation
import Testing

@testable import ConcordKit

/// The binary carries copies of `Schemas/*.xsd`. A schema edited without re-running
/// `Scripts/embed-schemas` would make `concord` judge by the old one: this fails first.
@Suite struct EmbeddedSchemasTests {
  static let schemaFolder = Fixtures.repository + "/Schemas"

  static var filesOnDisk: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: schemaFolder)) ?? [])
      .filter { $0.hasSuffix(".xsd") }.sorted()
  }

  @Test func everySchemaFileIsEmbeddedAndNothingElse() {
    #expect(Self.filesOnDisk.count >= SchemaName.allCases.count + 2)
    #expect(EmbeddedSchemas.names == Set(Self.filesOnDisk))
  }

  @Test(arguments: filesOnDisk)
  func theEmbeddedCopyEqualsTheFileByteForByte(name: String) throws {
    let onDisk = try Data(contentsOf: URL(fileURLWithPath: Self.schemaFolder + "/" + name))
    let embedded = Data(EmbeddedSchemas.text(of: name).utf8)
    #expect(
      embedded == onDisk,
      "Schemas/\(name) differs from its embedded copy: run Scripts/embed-schemas")
  }

  @Test(arguments: SchemaName.allCases)
  func everyEmbeddedSchemaCompiles(name: SchemaName) throws {
    try SchemaLibrary(source: .embedded).check(name)
  }

  @Test(arguments: SchemaName.allCases)
  func everySchemaFileCompilesFromItsFolder(name: SchemaName) throws {
    try SchemaLibrary(source: .directory(Self.schemaFolder)).check(name)
  }

  @Test func aMissingSchemaFolderSaysSo() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path + "/schemas"
    #expect {
      try SchemaLibrary(source: .directory(missing)).check(.section)
    } throws: { error in
      (error as? DiagnosticsError)?.description
        == "\(missing): error: schema folder does not exist (named by --schemas or CONCORD_SCHEMAS); cannot validate section documents"
    }
  }

  @Test func aMissingSchemaFileSaysWhichAndWhatCannotBeValidated() throws {
    let folder = try copyOfSchemas()
    try FileManager.default.removeItem(atPath: folder.path + "/positions.xsd")
    #expect {
      try SchemaLibrary(source: .directory(folder.path)).check(.positions)
    } throws: { error in
      (error as? DiagnosticsError)?.description
        == "\(folder.path)/positions.xsd: error: schema file is missing; cannot validate positions documents"
    }
    try SchemaLibrary(source: .directory(folder.path)).check(.section)
  }

  @Test func aSchemaReferringToAnUndefinedTypeFailsToCompileAtThatLine() throws {
    let folder = try copyOfSchemas()
    let file = folder.path + "/section.xsd"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try folder.write(
      "section.xsd",
      text.replacingOccurrences(
        of: "<xs:attribute name=\"kind\" type=\"c:SectionKind\"",
        with: "<xs:attribute name=\"kind\" type=\"c:Kind\""))
    #expect {
      try SchemaLibrary(source: .directory(folder.path)).check(.section)
    } throws: { error in
      (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
        "\(file):23:1: error: attribute decl. 'kind', attribute 'type': The QName value 'Kind' does not resolve to a(n) simple type definition.",
        "\(file): error: schema failed to compile; cannot validate section documents",
      ]
    }
  }

  @Test func aSchemaThatIsNotWellFormedSaysWhere() throws {
    let folder = try copyOfSchemas()
    let file = try folder.write(
      "members.xsd",
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"members\">\n</xs:schema>\n"
    )
    #expect {
      try SchemaLibrary(source: .directory(folder.path)).check(.members)
    } throws: { error in
      let found = (error as? DiagnosticsError)?.diagnostics.map(\.description) ?? []
      return found.first == "\(file):3:13: error: Opening and ending tag mismatch: element line 2 and schema"
        && found.contains("\(file):4:1: error: Premature end of data in tag schema line 1")
        && found.last == "\(file): error: schema failed to compile; cannot validate members documents"
    }
  }

  /// libxml2 only warns when NONET skips an import; Concord treats the warning as an error.
  @Test func aSchemaImportingOverTheNetworkIsRefused() throws {
    let folder = try copyOfSchemas()
    let text = try String(contentsOfFile: folder.path + "/common.xsd", encoding: .utf8)
    try folder.write(
      "common.xsd",
      text.replacingOccurrences(
        of: "schemaLocation=\"xml.xsd\"", with: "schemaLocation=\"http://www.w3.org/2001/xml.xsd\""))
    #expect {
      try SchemaLibrary(source: .directory(folder.path)).check(.workspace)
    } throws: { error in
      (error as? DiagnosticsError)?.diagnostics.last?.description
        == "\(folder.path)/workspace.xsd: error: schema failed to compile; cannot validate workspace documents"
    }
  }

  @Test func aBrokenSchemaFailsValidationOfItsDocumentsOnly() throws {
    let folder = try copyOfSchemas()
    try folder.write("section.xsd", "not a schema\n")
    let reader = DocumentReader(schemas: SchemaLibrary(source: .directory(folder.path)))
    let section = Fixtures.path("section/valid-operative.xml")
    #expect(
      reader.validate(section).last?.message == "schema failed to compile; cannot validate section documents")
    #expect(reader.validate(Fixtures.path("members/valid-three.xml")) == [])
  }

  // MARK: - Helpers

  private func copyOfSchemas() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for name in Self.filesOnDisk {
      try FileManager.default.copyItem(
        atPath: Self.schemaFolder + "/" + name, toPath: folder.path + "/" + name)
    }
    return folder
  }
}
