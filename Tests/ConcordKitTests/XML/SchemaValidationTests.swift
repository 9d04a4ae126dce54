import Foundation
import Testing

@testable import ConcordKit

/// Each schema against one valid document and several broken ones
/// (`Fixtures/<schema>/valid-*.xml`, `invalid-*.xml`): the diagnostics must name the line and
/// column of the fault and say what is wrong, in the `file:line:col: error: message` format.
@Suite struct SchemaValidationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var fixture: String
    var expected: [String]
    var testDescription: String { fixture }
  }

  /// Every invalid fixture and the diagnostics it must give, as `line:col: error: message`.
  static let invalid: [Case] = [
    Case(
      fixture: "workspace/invalid-unknown-element.xml",
      expected: ["5:3: error: Element 'chair': This element is not expected. Expected is ( languages )."]),
    Case(
      fixture: "workspace/invalid-missing-attribute.xml",
      expected: ["2:1: error: Element 'workspace': The attribute 'id' is required but missing."]),
    Case(
      fixture: "workspace/invalid-bad-silence.xml",
      expected: [
        "6:14: error: Element 'consensus', attribute 'silence': [facet 'enumeration'] The value 'majority' is not an element of the set {'consent', 'objection'}."
      ]),
    Case(
      fixture: "workspace/invalid-wrong-order.xml",
      expected: [
        "4:3: error: Element 'languages': This element is not expected. Expected is one of ( title, body )."
      ]),
    Case(
      fixture: "workspace/invalid-bad-id.xml",
      expected: [
        #"2:34: error: Element 'workspace', attribute 'id': [facet 'pattern'] The value '2025 summit' is not accepted by the pattern '[A-Za-z][A-Za-z0-9_.\-]*'."#
      ]),
    Case(
      fixture: "members/invalid-lowercase-code.xml",
      expected: [
        "6:16: error: Element 'participant', attribute 'code': [facet 'pattern'] The value 'bbb' is not accepted by the pattern '[A-Z]{3}'."
      ]),
    Case(
      fixture: "members/invalid-unknown-attribute.xml",
      expected: ["3:43: error: Element 'participant', attribute 'vote': The attribute 'vote' is not allowed."]
    ),
    Case(
      fixture: "members/invalid-missing-status.xml",
      expected: ["6:3: error: Element 'participant': The attribute 'status' is required but missing."]),
    Case(
      fixture: "members/invalid-duplicate-code.xml",
      expected: [
        "6:3: error: Element 'participant': Duplicate key-sequence ['AAA'] in unique identity-constraint 'uniqueParticipantCode'."
      ]),
    Case(
      fixture: "members/invalid-name-without-lang.xml",
      expected: ["4:5: error: Element 'name': The attribute 'xml:lang' is required but missing."]),
    Case(
      fixture: "section/invalid-unknown-element.xml",
      expected: ["4:48: error: Element 'em': This element is not expected. Expected is ( parties )."]),
    Case(
      fixture: "section/invalid-bad-kind.xml",
      expected: [
        "2:45: error: Element 'section', attribute 'kind': [facet 'enumeration'] The value 'annex' is not an element of the set {'preamble', 'operative'}."
      ]),
    Case(
      fixture: "section/invalid-heading-after-clause.xml",
      expected: ["6:3: error: Element 'heading': This element is not expected. Expected is ( clause )."]),
    Case(
      fixture: "section/invalid-clause-without-id.xml",
      expected: ["3:3: error: Element 'clause': The attribute 'id' is required but missing."]),
    Case(
      fixture: "section/invalid-bad-clause-id.xml",
      expected: [
        #"3:11: error: Element 'clause', attribute 'id': [facet 'pattern'] The value '1-trade' is not accepted by the pattern '[A-Za-z][A-Za-z0-9_.\-]*'."#
      ]),
    Case(
      fixture: "section/invalid-duplicate-clause-id.xml",
      expected: [
        "6:3: error: Element 'clause': Duplicate key-sequence ['eco-trade'] in unique identity-constraint 'uniqueClauseId'."
      ]),
    Case(
      fixture: "section/invalid-empty.xml",
      expected: [
        "4:1: error: Element 'section': Missing child element(s). Expected is one of ( heading, clause )."
      ]),
    Case(
      fixture: "positions/invalid-unknown-stance.xml",
      expected: ["4:3: error: Element 'veto': This element is not expected."]),
    Case(
      fixture: "positions/invalid-bad-option.xml",
      expected: [
        "3:34: error: Element 'support', attribute 'option': [facet 'pattern'] The value '0' is not accepted by the pattern '[1-9][0-9]{0,5}|delete'."
      ]),
    Case(
      fixture: "positions/invalid-withdraw-without-option.xml",
      expected: ["3:3: error: Element 'withdraw': The attribute 'option' is required but missing."]),
    Case(
      fixture: "positions/invalid-round-zero.xml",
      expected: [
        "2:52: error: Element 'positions', attribute 'round': '0' is not a valid value of the atomic type 'xs:positiveInteger'."
      ]),
    Case(
      fixture: "positions/invalid-amend-without-text.xml",
      expected: ["3:3: error: Element 'amend': Missing child element(s). Expected is ( text )."]),
    Case(
      fixture: "positions/invalid-option-on-delete.xml",
      expected: ["3:33: error: Element 'delete', attribute 'option': The attribute 'option' is not allowed."]),
    Case(
      fixture: "positions/invalid-empty-comment.xml",
      expected: [
        "3:3: error: Element 'comment': the text is empty or only white space; write the text, or leave the element out"
      ]),
    Case(
      fixture: "declaration/invalid-unknown-element.xml",
      expected: ["6:3: error: Element 'venue': This element is not expected. Expected is ( languages )."]),
    Case(
      fixture: "declaration/invalid-unknown-attribute.xml",
      expected: ["40:46: error: Element 'option', attribute 'weight': The attribute 'weight' is not allowed."]
    ),
    Case(
      fixture: "declaration/invalid-missing-since.xml",
      expected: ["27:5: error: Element 'paragraph': The attribute 'since' is required but missing."]),
    Case(
      fixture: "declaration/invalid-bad-status.xml",
      expected: [
        "36:42: error: Element 'paragraph', attribute 'status': [facet 'enumeration'] The value 'pending' is not an element of the set {'draft', 'open', 'agreed', 'agreed-ad-ref'}."
      ]),
    Case(
      fixture: "declaration/invalid-bad-number.xml",
      expected: [
        "51:27: error: Element 'paragraph', attribute 'number': [facet 'pattern'] The value 'bis1' is not accepted by the pattern '[0-9]+([a-z]+)?'."
      ]),
    Case(
      fixture: "declaration/invalid-bad-sha.xml",
      expected: [
        "24:50: error: Element 'input', attribute 'sha256': [facet 'pattern'] The value '0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef' is not accepted by the pattern '[0-9a-f]{64}'."
      ]),
    Case(
      fixture: "declaration/invalid-duplicate-paragraph.xml",
      expected: [
        "51:5: error: Element 'paragraph': Duplicate key-sequence ['eco-trade'] in unique identity-constraint 'uniqueParagraphId'."
      ]),
    Case(
      fixture: "declaration/invalid-stance-before-option.xml",
      expected: ["28:7: error: Element 'stance': This element is not expected. Expected is ( option )."]),
  ]

  static let valid = SchemaName.allCases.flatMap { Fixtures.files(in: $0.rawValue, prefix: "valid-") }

  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  @Test func everySchemaHasOneValidAndSeveralInvalidFixtures() {
    for schema in SchemaName.allCases {
      #expect(Fixtures.files(in: schema.rawValue, prefix: "valid-").count >= 1, "\(schema)")
      #expect(Fixtures.files(in: schema.rawValue, prefix: "invalid-").count >= 5, "\(schema)")
    }
  }

  @Test func everyInvalidFixtureHasItsExpectedDiagnostics() {
    let onDisk = SchemaName.allCases.flatMap { Fixtures.files(in: $0.rawValue, prefix: "invalid-") }
    #expect(Set(onDisk) == Set(Self.invalid.map(\.fixture)))
  }

  @Test(arguments: valid)
  func aValidDocumentGivesNoDiagnostics(fixture: String) throws {
    #expect(reader.validate(Fixtures.path(fixture), displayPath: fixture) == [])
    let kind = try #require(SchemaName(rawValue: String(fixture.prefix { $0 != "/" })))
    let root = try reader.read(Fixtures.path(fixture), as: kind, displayPath: fixture)
    #expect(root.name == kind.rootElement)
    #expect(root.line == 2 && root.column == 1)
  }

  @Test(arguments: invalid)
  func anInvalidDocumentIsReportedAtTheFaultWithLibxml2sReason(_ invalid: Case) {
    let expected = invalid.expected.map { "\(invalid.fixture):\($0)" }
    let found = reader.validate(Fixtures.path(invalid.fixture), displayPath: invalid.fixture)
    #expect(found.map(\.description) == expected)
  }

  @Test(arguments: invalid)
  func readingAnInvalidDocumentThrowsTheSameDiagnostics(_ invalid: Case) {
    let expected = invalid.expected.map { "\(invalid.fixture):\($0)" }
    #expect {
      try reader.read(Fixtures.path(invalid.fixture), displayPath: invalid.fixture)
    } throws: { error in
      (error as? DiagnosticsError)?.diagnostics.map(\.description) == expected
    }
  }

  @Test func schemasFromADirectoryJudgeLikeTheEmbeddedOnes() {
    let fromDisk = DocumentReader(
      schemas: SchemaLibrary(source: .directory(Fixtures.repository + "/Schemas")))
    for invalid in Self.invalid {
      let path = Fixtures.path(invalid.fixture)
      #expect(
        fromDisk.validate(path, displayPath: invalid.fixture)
          == reader.validate(path, displayPath: invalid.fixture))
    }
  }
}

/// Concord checks the embedded schemas' `xs:unique` constraints itself (libxml2's streaming
/// identity constraints cost a quarter of validating a large revision); schemas read from a
/// folder keep them. Both must judge alike.
@Suite struct UniqueConstraintTests {
  @Test func theEmbeddedSchemasUniqueConstraintsAreTakenOutForConcordToCheck() {
    let expected: [SchemaName: [UniqueConstraint]] = [
      .members: [
        UniqueConstraint(
          name: "uniqueParticipantCode", element: "participant", anyDepth: false, attribute: "code")
      ],
      .section: [
        UniqueConstraint(name: "uniqueClauseId", element: "clause", anyDepth: false, attribute: "id")
      ],
      .declaration: [
        UniqueConstraint(name: "uniqueParagraphId", element: "paragraph", anyDepth: true, attribute: "id")
      ],
    ]
    for name in SchemaName.allCases {
      let (schema, constraints) = UniqueConstraint.takingOut(
        of: EmbeddedSchemas.text(of: name.fileName), rootElement: name.rootElement)
      #expect(constraints == expected[name] ?? [], "\(name)")
      #expect(!schema.contains("xs:unique"), "\(name)")
    }
  }

  @Test func anyOtherFormOfConstraintStaysInTheSchema() {
    let schema = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:c="urn:concord:1">
        <xs:element name="members">
          <xs:unique name="u">
            <xs:selector xpath="c:participant/c:name"/>
            <xs:field xpath="@xml:lang"/>
          </xs:unique>
        </xs:element>
      </xs:schema>
      """
    let (kept, constraints) = UniqueConstraint.takingOut(of: schema, rootElement: "members")
    #expect(constraints.isEmpty)
    #expect(kept == schema)
  }

  /// One line, three participants: the duplicate is the third tag on the line, with its code
  /// spaced (an `xs:token` compares collapsed).
  @Test func aDuplicateIsFoundAtItsOwnTagWhereverItStands() throws {
    let document =
      #"<members xmlns="urn:concord:1"><participant code="AAA" status="member"><name xml:lang="en">A</name></participant><participant code="BBB" status="member"><name xml:lang="en">B</name></participant><participant code=" AAA " status="member"><name xml:lang="en">C</name></participant></members>"#
    let folder = try TemporaryFolder()
    let path = folder.path + "/m.xml"
    try Data(document.utf8).write(to: URL(fileURLWithPath: path))
    let native = DocumentReader(schemas: SchemaLibrary(source: .embedded)).validate(
      path, displayPath: "m.xml")
    let column =
      try #require(document.range(of: "<participant code=\" AAA")).lowerBound.utf16Offset(in: document) + 1
    #expect(
      native.map(\.description) == [
        "m.xml:1:\(column): error: Element 'participant': Duplicate key-sequence ['AAA'] in unique identity-constraint 'uniqueParticipantCode'."
      ])
    let libxml2 = DocumentReader(schemas: SchemaLibrary(source: .directory(Fixtures.repository + "/Schemas")))
      .validate(path, displayPath: "m.xml")
    #expect(libxml2.map(\.message) == native.map(\.message))
  }
}
