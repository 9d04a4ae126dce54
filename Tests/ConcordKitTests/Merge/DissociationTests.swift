import Testing

@testable import ConcordKit

@Suite struct DissociationTests {
  typealias F = MergeFixture

  private func dissociated(_ codes: [String]) throws -> (Declaration, Paragraph) {
    var workspace = F.workspace()
    workspace.sections[1].clauses[0].texts["ru"] = ClauseText(source: "<parties/> поддерживают торговлю.")
    workspace.sections[1].clauses[0].texts["zh"] = ClauseText(source: "<parties/>支持贸易。")
    let revisions = try F.assemble(
      workspace, [F.round(1, codes.map { ($0, [("p1", Stance.Action.dissociate(.current))]) })])
    let declaration = revisions[1]
    return (declaration, try #require(declaration.paragraph("p1")))
  }

  @Test func everyMemberJoiningGivesTheDefaultSubject() throws {
    let revisions = try F.assemble(F.workspace(), [F.round(1, [])])
    let paragraph = try #require(revisions[1].paragraph("p1"))
    #expect(revisions[1].subject(of: paragraph, in: "en") == "The Member States")
  }

  @Test func theJoiningMembersAreTheSubjectInEnglish() throws {
    let (declaration, paragraph) = try dissociated(["BBB"])
    #expect(paragraph.status == .agreed)
    #expect(paragraph.joiners(among: declaration.members).map(\.code) == ["AAA", "CCC"])
    let text = declaration.renderedText(of: paragraph, option: try #require(paragraph.current), in: "en").text
    #expect(
      text == "The Republic of Aland and the Republic of Cora support cooperation in trade and investment.")
  }

  @Test func theJoiningMembersAreTheSubjectInRussianAndChinese() throws {
    let (declaration, paragraph) = try dissociated(["CCC"])
    let option = try #require(paragraph.current)
    #expect(
      declaration.renderedText(of: paragraph, option: option, in: "ru").text
        == "Республика Аланд и Королевство Бора поддерживают торговлю.")
    #expect(declaration.renderedText(of: paragraph, option: option, in: "zh").text == "阿兰共和国和博拉王国支持贸易。")
  }

  @Test func listsOfThreeFollowEachLanguagesGrammar() {
    #expect(ListGrammar.join(["A", "B", "C"], in: "en") == "A, B and C")
    #expect(ListGrammar.join(["A", "B", "C"], in: "ru") == "A, B и C")
    #expect(ListGrammar.join(["甲", "乙", "丙"], in: "zh") == "甲、乙和丙")
  }

  @Test func aParagraphWithoutPartiesGetsAFootnote() throws {
    let revisions = try F.assemble(F.workspace(), [F.round(1, [("AAA", [("p3", .dissociate(.current))])])])
    let paragraph = try #require(revisions[1].paragraph("p3"))
    #expect(
      revisions[1].dissociationFootnote(of: paragraph, in: "en")
        == "The Republic of Aland does not join this paragraph.")
    #expect(
      revisions[1].dissociationFootnote(of: paragraph, in: "ru")
        == "Республика Аланд не присоединяется к данному пункту.")
  }

  @Test func supportLiftsADissociation() throws {
    let revisions = try F.assemble(
      F.workspace(),
      [
        F.round(1, [("BBB", [("p1", .dissociate(.current))])]),
        F.round(2, [("BBB", [("p1", .support(.current))])]),
      ])
    #expect(revisions[1].paragraph("p1")?.dissociations.count == 1)
    #expect(revisions[2].paragraph("p1")?.dissociations.isEmpty == true)
  }
}
