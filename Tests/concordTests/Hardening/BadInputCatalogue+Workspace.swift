import Foundation

/// The catalogue's cases about schemas, references between files, and revisions.
extension BadInputCatalogue {
  /// Documents that break their schema, and schemas that are missing or broken.
  static let schemas: [BadInput] = [
    BadInput(
      "unknown-attribute",
      "ws/positions/round-1/AUT.xml:6:33: error: Element 'amend', attribute 'urgent': The attribute 'urgent' is not allowed."
    ),
    BadInput(
      "unknown-element",
      "ws/clauses/01-preamble.xml:7:5: error: Element 'footnote': This element is not expected. Expected is ( text )."
    ),
    BadInput(
      "missing-required-attribute",
      "ws/clauses/02-cooperation.xml:10:3: error: Element 'clause': The attribute 'id' is required but missing."
    ),
    BadInput(
      "invalid-attribute-value",
      "ws/members.xml:12:27: error: Element 'participant', attribute 'status': [facet 'enumeration'] The value 'guest' is not an element of the set"
    ),
    BadInput(
      "wrong-root-element",
      "ws/clauses/03-members.xml:3:1: error: expected a <section> document, found <members>"),
    BadInput(
      "positions-as-section",
      "ws/clauses/03-positions.xml:2:1: error: expected a <section> document, found <positions>"),
    BadInput(
      "wrong-namespace",
      "ws/clauses/01-preamble.xml:3:1: error: expected a <section> document in namespace urn:concord:1, found <section xmlns=\"urn:concord:2\">"
    ),
    BadInput(
      "no-namespace",
      "ws/positions/round-1/BEL.xml:2:1: error: expected a <positions> document in namespace urn:concord:1, found <positions>"
    ),
    BadInput(
      "schema-file-missing",
      "schemas/positions.xsd: error: schema file is missing; cannot validate positions documents"
    ) { try FileManager.default.removeItem(atPath: $0 + "/schemas/positions.xsd") },
    BadInput(
      "schema-folder-missing",
      "/nonexistent/concord-schemas: error: schema folder does not exist (named by --schemas or CONCORD_SCHEMAS); cannot validate workspace documents",
      environment: ["CONCORD_SCHEMAS": "/nonexistent/concord-schemas"]),
    BadInput(
      "schema-file-broken",
      "schemas/section.xsd: error: schema failed to compile; cannot validate section documents"
    ),
    BadInput(
      "schema-file-invalid",
      "/schemas/section.xsd:10:1: error: Element '{http://www.w3.org/2001/XMLSchema}element': The attribute 'type' and the <complexType> child are mutually exclusive.",
      "schemas/section.xsd: error: schema failed to compile; cannot validate section documents"),
    BadInput(
      "schema-imports-over-network",
      "/schemas/section.xsd:8:1: error: Element '{http://www.w3.org/2001/XMLSchema}import': Failed to parse the XML resource 'http://127.0.0.1:9/elsewhere.xsd'.",
      "schemas/section.xsd: error: schema failed to compile"),
    BadInput(
      "schema-includes-outside-file",
      "/schemas/section.xsd:7:1: error: Element '{http://www.w3.org/2001/XMLSchema}include': Failed to parse the XML resource '/etc/passwd'.",
      "schemas/section.xsd: error: schema failed to compile"),
  ]

  /// What no schema can say: ids, codes, rounds and languages that do not fit together.
  static let crossChecks: [BadInput] = [
    BadInput(
      "duplicate-clause-id-across-files",
      "ws/clauses/03-more.xml:4:3: error: duplicate clause id \"coop-trade\", first used at ws/clauses/02-cooperation.xml:6:3"
    ),
    BadInput(
      "duplicate-section-id",
      "ws/clauses/03-more.xml:2:1: error: duplicate section id \"cooperation\", first used at ws/clauses/02-cooperation.xml:3:1"
    ),
    BadInput(
      "clause-id-equals-section-id",
      "ws/clauses/03-more.xml:4:3: error: clause id \"cooperation\" is already the id of the section at ws/clauses/02-cooperation.xml:3:1"
    ),
    BadInput(
      "unknown-participant",
      "ws/positions/round-1/XYZ.xml:2:1: error: unknown participant \"XYZ\": not in members.xml"),
    BadInput(
      "position-on-missing-paragraph",
      "ws/positions/round-1/BEL.xml:5:3: error: delete on paragraph \"coop-energy\", which does not exist in Rev.0"
    ),
    BadInput(
      "conflicting-stances",
      "ws/positions/round-1/BEL.xml:5:3: error: BEL takes two stances on paragraph \"coop-next\" in round 1 (the first at line 4)"
    ),
    BadInput(
      "wrong-answers-revision",
      "ws/positions/round-1/BEL.xml:2:1: error: answers=\"1\" but round 1 answers Rev.0"),
    BadInput(
      "round-attribute-mismatch",
      "ws/positions/round-1/BEL.xml:2:1: error: round=\"2\" but the file is in positions/round-1/"),
    BadInput(
      "file-name-mismatch",
      "ws/positions/round-1/BEL.xml:2:1: error: the file name does not match participant=\"AUT\": name it AUT.xml"
    ),
    BadInput(
      "missing-round",
      "ws/positions/round-3: error: round 3 follows round 1, but round-2 is missing: rounds are numbered without gaps"
    ),
    BadInput(
      "unknown-language",
      "ws/clauses/01-preamble.xml:6:5: error: language \"de\" is not one of the workspace's languages (en fr)"
    ),
    BadInput(
      "insert-after-missing-paragraph",
      "ws/positions/round-1/BEL.xml:4:3: error: insert after \"coop-energy\": no such paragraph or section in Rev.0"
    ),
    BadInput(
      "insert-with-existing-id",
      "ws/positions/round-1/BEL.xml:4:3: error: insert id \"coop-trade\" is already the id of a paragraph or section"
    ),
    BadInput(
      "insert-id-twice",
      "ws/positions/round-1/BEL.xml:4:3: error: duplicate insert id \"new-1\", first used at ws/positions/round-1/AUT.xml:9:3"
    ),
    BadInput(
      "withdraw-option-one",
      "ws/positions/round-1/BEL.xml:4:3: error: option 1 is the current text and cannot be withdrawn"),
    BadInput(
      "amendment-without-base-language",
      "ws/positions/round-1/BEL.xml:4:3: error: the amendment has no text in the base language \"en\""),
    BadInput(
      "clause-without-base-language",
      "ws/clauses/02-cooperation.xml:10:3: error: clause \"coop-next\" has no text in the base language \"en\""
    ),
    BadInput(
      "no-members",
      "ws/members.xml: error: no participant has status=\"member\": consensus needs at least one member"),
    BadInput(
      "base-language-not-listed",
      "ws/workspace.xml: error: the base language \"de\" is not among the languages en fr"),
    BadInput("language-listed-twice", "ws/workspace.xml: error: a language is listed twice in <languages>"),
  ]

  /// Revisions already written, and inputs that changed under them.
  static let revisions: [BadInput] = [
    BadInput(
      "corrupted-revision", "ws/revisions/rev-1.xml:", "error: Premature end of data in tag",
      assembledUntil: 1
    ) { scratch in
      // Cut after the middle line, as a disk that lost the file's second half.
      let path = scratch + "/ws/revisions/rev-1.xml"
      let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      try Data(lines.prefix(lines.count / 2).joined(separator: "\n").utf8).write(
        to: URL(fileURLWithPath: path))
    },
    BadInput(
      "revision-breaks-its-schema",
      "ws/revisions/rev-0.xml:2:",
      "error: Element 'declaration', attribute 'approved': The attribute 'approved' is not allowed.",
      assembledUntil: 0
    ) { scratch in
      try edit(scratch + "/ws/revisions/rev-0.xml") {
        $0.replacingOccurrences(of: "revision=\"0\"", with: "revision=\"0\" approved=\"yes\"")
      }
    },
    BadInput(
      "revision-edited-by-hand",
      "ws/revisions/rev-0.xml: error: differs from the file Rev.1 was assembled from",
      commands: [.assemble], assembledUntil: 1
    ) { scratch in
      try edit(scratch + "/ws/revisions/rev-0.xml") {
        $0.replacingOccurrences(of: "held in 2027", with: "held in 2028")
      }
    },
    BadInput(
      "revision-missing-before-another",
      "ws/revisions/rev-2.xml: error: Rev.1 is missing before Rev.2: revisions are numbered from 0 without gaps",
      commands: [.assemble], assembledUntil: 1
    ) { scratch in
      try FileManager.default.moveItem(
        atPath: scratch + "/ws/revisions/rev-1.xml", toPath: scratch + "/ws/revisions/rev-2.xml")
    },
    BadInput(
      "positions-changed-after-their-revision",
      "ws/positions/round-1/BEL.xml: error: changed after Rev.1 was assembled from it; revisions are immutable",
      commands: [.assemble], assembledUntil: 1
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml") {
        $0.replacingOccurrences(
          of: "<support paragraph=\"coop-next\"/>", with: "<delete paragraph=\"coop-next\"/>")
      }
    },
    BadInput(
      "positions-added-after-their-revision",
      "ws/positions/round-1/CHE.xml: error: added after Rev.1 was assembled without it",
      commands: [.assemble], assembledUntil: 1
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml", into: scratch + "/ws/positions/round-1/CHE.xml") {
        $0.replacingOccurrences(of: "participant=\"BEL\"", with: "participant=\"CHE\"")
      }
    },
    BadInput(
      "round-2-answers-wrong-revision",
      "ws/positions/round-2/BEL.xml:2:1: error: answers=\"0\" but round 2 answers Rev.1", assembledUntil: 1
    ) { scratch in
      try FileManager.default.createDirectory(
        atPath: scratch + "/ws/positions/round-2", withIntermediateDirectories: true)
      try edit(scratch + "/ws/positions/round-1/BEL.xml", into: scratch + "/ws/positions/round-2/BEL.xml") {
        $0.replacingOccurrences(of: "round=\"1\"", with: "round=\"2\"")
      }
    },
  ]

  static func edit(_ path: String, into target: String? = nil, _ change: (String) -> String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = change(text)
    guard changed != text else { throw Failure("the edit of \(path) changed nothing") }
    try Data(changed.utf8).write(to: URL(fileURLWithPath: target ?? path))
  }
}
