import Testing

@testable import ConcordKit

@Suite struct ConsensusRuleTests {
  typealias F = MergeFixture

  @Test func rev0HasEveryParagraphAsDraftWithOneOption() throws {
    let rev0 = try F.assemble(F.workspace(), []).last
    #expect(rev0?.paragraphs.map(\.status) == [.draft, .draft, .draft, .draft])
    #expect(rev0?.paragraphs.map(\.number) == [nil, "1", "2", "3"])
    #expect(rev0?.paragraph("p1")?.options.count == 1)
  }

  @Test func silenceIsConsentByDefault() throws {
    let revisions = try F.assemble(F.workspace(), [F.round(1, [("AAA", [("p1", .support(.current))])])])
    #expect(revisions[1].paragraphs.allSatisfy { $0.status == .agreed })
  }

  @Test func underObjectionEveryMemberMustSupport() throws {
    let some = try F.assemble(
      F.workspace(.objection), [F.round(1, [("AAA", [("p1", .support(.current))])])])
    #expect(some[1].paragraph("p1")?.status == .open)
    #expect(some[1].paragraph("p2")?.status == .open)
    let all = try F.assemble(
      F.workspace(.objection),
      [F.round(1, ["AAA", "BBB", "CCC"].map { ($0, [("p1", Stance.Action.support(.current))]) })])
    #expect(all[1].paragraph("p1")?.status == .agreed)
    #expect(all[1].paragraph("p2")?.status == .open)
  }

  @Test func aNewProposalKeepsTheParagraphOpenForOneRound() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("BBB", [("p1", .amend(F.text("<parties/> support cooperation in trade.")))])]),
        F.round(2, [("AAA", [("p1", .support(.number(2)))]), ("CCC", [("p1", .support(.number(2)))])]),
      ])
    let open = try #require(revisions[1].paragraph("p1"))
    #expect(open.status == .open)
    #expect(open.options.map(\.reference) == [.current, .number(2)])
    #expect(open.options[1].sponsors == ["BBB"])
    let agreed = try #require(revisions[2].paragraph("p1"))
    #expect(agreed.status == .agreed)
    #expect(agreed.options.count == 1)
    #expect(agreed.current?.texts["en"]?.source == "<parties/> support cooperation in trade.")
    #expect(agreed.changes == [ChangeRecord(revision: 2, by: ["BBB"])])
  }

  @Test func supportForTwoOptionsLeavesTheParagraphOpen() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("BBB", [("p1", .amend(F.text("<parties/> support trade.")))])]),
        F.round(2, [("AAA", [("p1", .support(.current))]), ("BBB", [("p1", .support(.number(2)))])]),
      ])
    #expect(revisions[2].paragraph("p1")?.status == .open)
    #expect(revisions[2].paragraph("p1")?.options.count == 2)
  }

  @Test func withdrawingTheOnlySponsorRemovesTheOption() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("BBB", [("p2", .amend(F.text("<parties/> note the digital economy.")))])]),
        F.round(2, [("BBB", [("p2", .withdraw(.number(2)))])]),
      ])
    let paragraph = try #require(revisions[2].paragraph("p2"))
    #expect(paragraph.status == .agreed)
    #expect(paragraph.options.map(\.reference) == [.current])
    #expect(
      paragraph.current?.texts["en"]?.source
        == "<parties/> note the importance of the digital economy for growth.")
  }

  @Test func withdrawingByANonSponsorIsAnError() throws {
    #expect(throws: DiagnosticsError.self) {
      try F.assemble(
        F.workspace(),
        [
          F.round(1, [("BBB", [("p2", .amend(F.text("<parties/> note it.")))])]),
          F.round(2, [("CCC", [("p2", .withdraw(.number(2)))])]),
        ])
    }
  }

  @Test func anAgreedDeletionRemovesTheParagraphAndRenumbers() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("AAA", [("p1", .delete)])]),
        F.round(2, [("BBB", [("p1", .support(.delete))])]),
      ])
    #expect(revisions[1].paragraph("p1")?.options.last?.isDeletion == true)
    #expect(revisions[2].paragraph("p1") == nil)
    #expect(revisions[2].paragraph("p2")?.number == "1")
  }

  @Test func anInsertionIsNumberedBisWhileOpenAndTakesItsPlaceOnceAgreed() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(
          1,
          [
            ("CCC", [("c-1", .insert(after: "p1", texts: F.text("<parties/> welcome the new fund.")))]),
            ("AAA", [("a-1", .insert(after: "p1", texts: F.text("<parties/> welcome the new bank.")))]),
          ]),
        F.round(2, [("BBB", [("a-1", .support(.current))])]),
      ])
    #expect(revisions[1].paragraphs.map(\.id) == ["pre", "p1", "a-1", "c-1", "p2", "p3"])
    #expect(revisions[1].paragraphs.map(\.number) == [nil, "1", "1bis", "1ter", "2", "3"])
    #expect(revisions[1].paragraph("a-1")?.status == .open)
    #expect(revisions[2].paragraphs.map(\.number) == [nil, "1", "2", "3", "4", "5"])
    #expect(revisions[2].paragraph("c-1")?.status == .agreed)
  }

  @Test func anInsertionInThePreambleIsUnnumbered() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [F.round(1, [("AAA", [("a-1", .insert(after: "preamble", texts: F.text("Noting the report,")))])])])
    #expect(revisions[1].paragraphs.first?.id == "a-1")
    #expect(revisions[1].paragraphs.first?.number == nil)
  }

  @Test func observersAreRecordedAsCommentsAndNeverBlock() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(
          1,
          [
            (
              "OBS",
              [("p1", .amend(F.text("<parties/> oppose trade."))), ("p2", .comment("We welcome this."))]
            )
          ])
      ])
    let p1 = try #require(revisions[1].paragraph("p1"))
    #expect(p1.status == .agreed)
    #expect(p1.options.count == 1)
    #expect(p1.comments.first?.participant == "OBS")
    #expect(revisions[1].paragraph("p2")?.comments.first?.note == "We welcome this.")
  }

  @Test func anAgreedParagraphIsReopenedByANewProposal() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, []),
        F.round(2, [("CCC", [("p3", .amend(F.text("The next meeting will be held in 2027.")))])]),
      ])
    #expect(revisions[1].paragraph("p3")?.status == .agreed)
    #expect(revisions[2].paragraph("p3")?.status == .open)
    #expect(revisions[2].paragraph("p3")?.options.count == 2)
  }

  @Test func optionsAreNumberedInTheirFirstSponsorsProtocolOrder() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(
          1,
          [
            ("CCC", [("p3", .amend(F.text("The next meeting will be held in Cora.")))]),
            ("AAA", [("p3", .amend(F.text("The next meeting will be held in Aland.")))]),
          ])
      ])
    let options = try #require(revisions[1].paragraph("p3")?.options)
    #expect(options.map(\.sponsors) == [[], ["AAA"], ["CCC"]])
  }

  @Test func aPositionOnAParagraphThatIsGoneIsAnError() throws {
    #expect(throws: DiagnosticsError.self) {
      try F.assemble(
        F.workspace(),
        [
          F.round(1, [("AAA", [("p1", .delete)])]),
          F.round(2, [("BBB", [("p1", .support(.delete))])]),
          F.round(3, [("CCC", [("p1", .support(.current))])]),
        ])
    }
  }
}
