import Testing

@testable import ConcordKit

@Suite struct ProposalTests {
  typealias F = MergeFixture

  @Test func identicalAmendmentsAreOneOptionWithSeveralSponsors() throws {
    let amended = "<parties/> support cooperation in sustainable trade and investment."
    let revisions = try F.assemble(
      F.workspace(),
      [F.round(1, [("CCC", [("p1", .amend(F.text(amended)))]), ("AAA", [("p1", .amend(F.text(amended)))])])])
    let options = try #require(revisions[1].paragraph("p1")?.options)
    #expect(options.count == 2)
    #expect(options[1].sponsors == ["AAA", "CCC"])
  }

  @Test func disjointAmendmentsAreAlsoOfferedConsolidatedByTheFacilitator() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(
          1,
          [
            (
              "AAA",
              [("p2", .amend(F.text("<parties/> stress the importance of the digital economy for growth.")))]
            ),
            (
              "BBB",
              [
                (
                  "p2",
                  .amend(
                    F.text("<parties/> note the importance of the digital economy for sustainable growth."))
                )
              ]
            ),
          ]),
        F.round(2, [("CCC", [("p2", .support(.number(4)))])]),
      ])
    let options = try #require(revisions[1].paragraph("p2")?.options)
    #expect(options.count == 4)
    #expect(options[3].sponsors == [facilitatorCode])
    #expect(options[3].combines == [2, 3])
    #expect(
      options[3].texts["en"]?.source
        == "<parties/> stress the importance of the digital economy for sustainable growth.")
    let agreed = try #require(revisions[2].paragraph("p2"))
    #expect(agreed.status == .agreed)
    #expect(agreed.changes.last?.by == ["AAA", "BBB"])
  }

  @Test func overlappingAmendmentsStayApart() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(
          1,
          [
            (
              "AAA",
              [("p2", .amend(F.text("<parties/> note the importance of the green economy for growth.")))]
            ),
            (
              "BBB",
              [("p2", .amend(F.text("<parties/> note the importance of the blue economy for growth.")))]
            ),
          ])
      ])
    let options = try #require(revisions[1].paragraph("p2")?.options)
    #expect(options.count == 3)
    #expect(!options.contains { $0.sponsors == [facilitatorCode] })
  }

  @Test func aReservationMakesTheParagraphAgreedAdRefUntilLifted() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("BBB", [("p3", .reserve(.current, note: "Pending confirmation from capital."))])]),
        F.round(2, []),
        F.round(3, [("BBB", [("p3", .support(.current))])]),
      ])
    #expect(revisions[1].paragraph("p3")?.status == .agreedAdReferendum)
    #expect(revisions[1].paragraph("p3")?.reservations.first?.note == "Pending confirmation from capital.")
    #expect(revisions[2].paragraph("p3")?.status == .agreedAdReferendum)
    #expect(revisions[3].paragraph("p3")?.status == .agreed)
    #expect(revisions[3].paragraph("p3")?.reservations.isEmpty == true)
  }

  @Test func aTranslationMissingFromTheAgreedOptionIsPending() throws {
    var workspace = F.workspace()
    workspace.sections[1].clauses[0].texts["ru"] = ClauseText(source: "<parties/> поддерживают торговлю.")
    let revisions = try F.assemble(
      workspace,
      [
        F.round(1, [("AAA", [("p1", .amend(F.text("<parties/> support trade.")))])]),
        F.round(2, [("BBB", [("p1", .support(.number(2)))])]),
      ])
    let paragraph = try #require(revisions[2].paragraph("p1"))
    let option = try #require(paragraph.current)
    #expect(option.texts["ru"] == nil)
    let rendered = revisions[2].renderedText(of: paragraph, option: option, in: "ru")
    #expect(rendered.translationPending)
    #expect(rendered.text == "The Member States support trade.")
  }
}
