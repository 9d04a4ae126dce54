import Foundation
import Testing

@testable import ConcordKit

/// The checks no schema can express, each on a copy of `Fixtures/minimal-workspace` with one
/// file changed. Each test expects exactly the diagnostics the change causes, naming the file
/// and the line of the fault.
@Suite struct CrossCheckTests {
  let workspace: ScratchWorkspace

  init() throws { workspace = try ScratchWorkspace() }

  /// `path:line:col: error: message` for a file of the scratch workspace.
  func error(_ relative: String, _ line: Int, _ column: Int, _ message: String) -> String {
    "\(workspace.file(relative)):\(line):\(column): error: \(message)"
  }

  @Test func theMinimalWorkspaceIsValid() throws {
    #expect(workspace.diagnostics() == [])
    let loaded = try WorkspaceLoader(reader: DocumentReader(schemas: SchemaLibrary(source: .embedded)))
      .load(workspace.path)
    #expect(loaded.sections.map(\.id) == ["preamble", "economy"])
    #expect(loaded.rounds.map(\.number) == [1, 2])
    #expect(loaded.rounds[0].positions.map(\.participant) == ["AAA", "BBB", "CCC"])
    #expect(loaded.inputs.map(\.path).first == "clauses/01-preamble.xml")
  }

  @Test func aClauseIdUsedInTwoFilesIsADuplicate() throws {
    try workspace.edit(
      "clauses/01-preamble.xml", replacing: "</section>",
      with: "  <clause id=\"eco-trade\">\n    <text xml:lang=\"en\">Trade.</text>\n  </clause>\n</section>")
    #expect(
      workspace.diagnostics() == [
        error(
          "clauses/02-economy.xml", 5, 3,
          "duplicate clause id \"eco-trade\", first used at \(workspace.file("clauses/01-preamble.xml")):7:3")
      ])
  }

  @Test func aClauseIdThatIsASectionIdIsADuplicate() throws {
    try workspace.edit(
      "clauses/02-economy.xml", replacing: "<clause id=\"eco-next\">", with: "<clause id=\"preamble\">")
    try workspace.edit("positions/round-1/BBB.xml", replacing: "eco-next", with: "preamble")
    #expect(
      workspace.diagnostics() == [
        error(
          "clauses/02-economy.xml", 9, 3,
          "clause id \"preamble\" is already the id of the section at \(workspace.file("clauses/01-preamble.xml")):2:1"
        ),
        error(
          "positions/round-1/BBB.xml", 3, 3,
          "support on paragraph \"preamble\", which does not exist in Rev.0"),
      ])
  }

  @Test func twoInsertionsWithOneIdAreDuplicates() throws {
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "</positions>",
      with:
        "  <insert id=\"aaa-1\" after=\"eco-next\">\n    <text xml:lang=\"en\">Also new.</text>\n  </insert>\n</positions>"
    )
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/BBB.xml", 4, 3,
          "duplicate insert id \"aaa-1\", first used at \(workspace.file("positions/round-1/AAA.xml")):7:3")
      ])
  }

  @Test func anInsertionCannotTakeTheIdOfAParagraph() throws {
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "</positions>",
      with:
        "  <insert id=\"pre-purpose\" after=\"eco-next\">\n    <text xml:lang=\"en\">New.</text>\n  </insert>\n</positions>"
    )
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/BBB.xml", 4, 3,
          "insert id \"pre-purpose\" is already the id of a paragraph or section")
      ])
  }

  @Test func anInsertionIdFromAnEarlierRoundIsTaken() throws {
    try workspace.edit(
      "positions/round-2/BBB.xml", replacing: "</positions>",
      with:
        "  <insert id=\"aaa-1\" after=\"eco-next\">\n    <text xml:lang=\"en\">Again.</text>\n  </insert>\n</positions>"
    )
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-2/BBB.xml", 5, 3, "insert id \"aaa-1\" is already the id of a paragraph or section"
        )
      ])
  }

  @Test func positionsByAnUnknownParticipantAreRejected() throws {
    try workspace.write(
      "positions/round-1/DDD.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <positions xmlns="urn:concord:1" participant="DDD" round="1" answers="0">
        <support paragraph="eco-next"/>
      </positions>

      """)
    #expect(
      workspace.diagnostics() == [
        error("positions/round-1/DDD.xml", 2, 1, "unknown participant \"DDD\": not in members.xml")
      ])
  }

  @Test func aStanceOnAParagraphThatDoesNotExistIsRejected() throws {
    try workspace.edit("positions/round-1/BBB.xml", replacing: "eco-next", with: "eco-missing")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/BBB.xml", 3, 3,
          "support on paragraph \"eco-missing\", which does not exist in Rev.0")
      ])
  }

  @Test func anInsertionAfterAParagraphThatDoesNotExistIsRejected() throws {
    try workspace.edit(
      "positions/round-1/AAA.xml", replacing: "after=\"eco-trade\"", with: "after=\"eco-missing\"")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/AAA.xml", 7, 3,
          "insert after \"eco-missing\": no such paragraph or section in Rev.0")
      ])
  }

  @Test func anInsertedParagraphExistsOnlyFromTheNextRound() throws {
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "<support paragraph=\"eco-next\"/>",
      with: "<support paragraph=\"aaa-1\"/>")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/BBB.xml", 3, 3, "support on paragraph \"aaa-1\", which does not exist in Rev.0")
      ])
  }

  @Test func twoStancesByOneParticipantOnOneParagraphInOneRoundAreRejected() throws {
    try workspace.edit(
      "positions/round-1/BBB.xml", replacing: "</positions>",
      with: "  <delete paragraph=\"eco-next\"/>\n</positions>")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/BBB.xml", 4, 3,
          "BBB takes two stances on paragraph \"eco-next\" in round 1 (the first at line 3): one stance per paragraph per round"
        )
      ])
  }

  @Test func aFileNamedForAnotherParticipantIsRejected() throws {
    try workspace.move("positions/round-1/BBB.xml", to: "positions/round-1/CHN.xml")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/CHN.xml", 2, 1,
          "the file name does not match participant=\"BBB\": name it BBB.xml")
      ])
  }

  @Test func aFileInAnotherRoundsFolderIsRejected() throws {
    try workspace.edit("positions/round-1/BBB.xml", replacing: "round=\"1\"", with: "round=\"2\"")
    #expect(
      workspace.diagnostics() == [
        error("positions/round-1/BBB.xml", 2, 1, "round=\"2\" but the file is in positions/round-1/")
      ])
  }

  @Test func aLanguageTheWorkspaceDoesNotDeclareIsRejected() throws {
    try workspace.edit(
      "clauses/02-economy.xml",
      replacing: "<text xml:lang=\"fr\">La prochaine", with: "<text xml:lang=\"de\">La prochaine")
    #expect(
      workspace.diagnostics() == [
        error(
          "clauses/02-economy.xml", 11, 5,
          "language \"de\" is not one of the workspace's languages (en fr); declare it in workspace.xml")
      ])
  }

  @Test func aLanguageInAPositionIsCheckedToo() throws {
    try workspace.edit(
      "positions/round-1/AAA.xml", replacing: "<text xml:lang=\"en\"><parties/> welcome",
      with: "<text xml:lang=\"en\"><parties/> welcome</text>\n    <text xml:lang=\"es\"><parties/> welcome")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-1/AAA.xml", 9, 5,
          "language \"es\" is not one of the workspace's languages (en fr); declare it in workspace.xml")
      ])
  }

  @Test func aBaseLanguageOutsideTheLanguagesIsRejected() throws {
    try workspace.edit(
      "workspace.xml", replacing: "<languages base=\"en\">en fr", with: "<languages base=\"en\">fr")
    let diagnostics = workspace.diagnostics()
    #expect(
      diagnostics.contains(
        "\(workspace.file("workspace.xml")): error: the base language \"en\" is not among the languages fr"))
    #expect(
      diagnostics.contains(
        error(
          "workspace.xml", 3, 3,
          "language \"en\" is not one of the workspace's languages (fr); declare it in workspace.xml")))
  }

  @Test func roundsThatSkipANumberAreRejected() throws {
    try workspace.move("positions/round-2", to: "positions/round-3")
    try workspace.edit(
      "positions/round-3/BBB.xml", replacing: "round=\"2\" answers=\"1\"", with: "round=\"3\" answers=\"2\"")
    #expect(
      workspace.diagnostics() == [
        "\(workspace.file("positions/round-3")): error: round 3 follows round 1, but round-2 is missing: rounds are numbered without gaps"
      ])
  }

  @Test func aFirstRoundOtherThanOneIsRejected() throws {
    try workspace.move("positions/round-1", to: "positions/round-0")
    #expect(
      workspace.diagnostics().first
        == "\(workspace.file("positions/round-0")): error: unexpected entry in positions/: expected folders round-1, round-2, …"
    )
  }

  @Test func positionsThatAnswerTheWrongRevisionAreRejected() throws {
    try workspace.edit("positions/round-2/BBB.xml", replacing: "answers=\"1\"", with: "answers=\"0\"")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-2/BBB.xml", 2, 1,
          "answers=\"0\" but round 2 answers Rev.1: positions are written against the previous revision")
      ])
  }

  @Test func withdrawingTheCurrentTextIsRejected() throws {
    try workspace.edit(
      "positions/round-2/BBB.xml", replacing: "<support paragraph=\"aaa-1\"/>",
      with: "<withdraw paragraph=\"aaa-1\" option=\"1\"/>")
    #expect(
      workspace.diagnostics() == [
        error(
          "positions/round-2/BBB.xml", 3, 3,
          "option 1 is the current text and cannot be withdrawn; withdraw your own proposal by its number, or option=\"delete\""
        )
      ])
  }

  @Test func aProposalWithoutTheBaseLanguageIsRejected() throws {
    try workspace.edit(
      "positions/round-1/AAA.xml", replacing: "<text xml:lang=\"en\"><parties/> welcome",
      with: "<text xml:lang=\"fr\"><parties/> welcome")
    #expect(
      workspace.diagnostics() == [
        error("positions/round-1/AAA.xml", 7, 3, "the insertion has no text in the base language \"en\"")
      ])
  }

  @Test func aWorkspaceWithoutMembersIsRejected() throws {
    try workspace.write(
      "members.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <members xmlns="urn:concord:1">
        <participant code="AAA" status="observer"><name xml:lang="en">A</name></participant>
        <participant code="BBB" status="partner"><name xml:lang="en">B</name></participant>
        <participant code="CCC" status="partner"><name xml:lang="en">C</name></participant>
      </members>

      """)
    #expect(
      workspace.diagnostics() == [
        "\(workspace.file("members.xml")): error: no participant has status=\"member\": consensus needs at least one member"
      ])
  }

  @Test func anEmptyDraftIsOneErrorNotOneForEveryReference() throws {
    for name in ["01-preamble.xml", "02-economy.xml"] {
      try FileManager.default.removeItem(atPath: workspace.file("clauses/" + name))
    }
    #expect(
      workspace.diagnostics() == [
        "\(workspace.file("clauses")): error: the zero draft has no sections: add at least one file to clauses/"
      ])
  }

  @Test func strayFilesAreNamed() throws {
    try workspace.write("clauses/notes.txt", "notes")
    try workspace.write("positions/round-1/README", "notes")
    #expect(
      workspace.diagnostics() == [
        "\(workspace.file("clauses/notes.txt")): error: not a clause file: files in clauses/ must end in .xml",
        "\(workspace.file("positions/round-1/README")): error: not a position file: expected <CODE>.xml",
      ])
  }

  @Test func aSchemaErrorAndACrossCheckErrorAreBothReported() throws {
    try workspace.edit("clauses/01-preamble.xml", replacing: "kind=\"preamble\"", with: "kind=\"intro\"")
    try workspace.edit("positions/round-2/BBB.xml", replacing: "answers=\"1\"", with: "answers=\"7\"")
    let diagnostics = workspace.diagnostics()
    #expect(diagnostics.count == 2)
    #expect(diagnostics.first?.hasPrefix(workspace.file("clauses/01-preamble.xml") + ":2:") == true)
    #expect(
      diagnostics.last?.hasPrefix(workspace.file("positions/round-2/BBB.xml") + ":2:1: error: answers=\"7\"")
        == true)
  }

  @Test func aMissingSchemaFolderIsReportedOnceNotOncePerFile() throws {
    let reader = DocumentReader(
      schemas: SchemaLibrary(source: .directory(workspace.folder.path + "/no-schemas")))
    #expect {
      try WorkspaceLoader(reader: reader).load(workspace.path)
    } throws: { error in
      let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message) ?? []
      return messages.count == Set(messages).count && messages.count == 4
    }
  }
}
