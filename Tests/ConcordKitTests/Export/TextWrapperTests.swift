import Testing

@testable import ConcordKit

@Suite struct TextWrapperTests {
  @Test func hanCharactersAreTwoColumnsWideAndLatinOne() {
    #expect(TextWrapper.columns(of: "成员国") == 6)
    #expect(TextWrapper.columns(of: "SCO 成员") == 8)
    #expect(TextWrapper.columns(of: "Государства") == 11)
    #expect(TextWrapper.columns(of: "e\u{301}") == 1)
  }

  @Test func latinTextBreaksAtSpacesWithAHangingIndent() {
    let lines = TextWrapper(width: 20).wrap(
      "The Member States reaffirm their support.", firstPrefix: "12. ", restPrefix: "    ")
    #expect(lines == ["12. The Member", "    States reaffirm", "    their support."])
  }

  @Test func chineseBreaksBetweenAnyTwoCharacters() {
    let lines = TextWrapper(width: 10).wrap("成员国欢迎各项活动")
    #expect(lines == ["成员国欢迎", "各项活动"])
  }

  @Test func closingPunctuationNeverStartsALine() {
    let lines = TextWrapper(width: 10).wrap("成员国欢迎，各项活动。")
    #expect(lines == ["成员国欢", "迎，各项活", "动。"])
    for line in lines { #expect(!line.hasPrefix("，") && !line.hasPrefix("。")) }
  }

  @Test func openingPunctuationNeverEndsALine() {
    let lines = TextWrapper(width: 10).wrap("成员国重申《联合国宪章》")
    #expect(lines.allSatisfy { !$0.hasSuffix("《") })
    #expect(lines.joined() == "成员国重申《联合国宪章》")
  }

  @Test func aWordLongerThanTheLineIsCut() {
    let lines = TextWrapper(width: 10).wrap("a Good-Neighbourliness b")
    #expect(lines == ["a", "Good-Neigh", "bourliness", "b"])
  }

  @Test func mixedScriptsKeepTheirSpaces() {
    let lines = TextWrapper(width: 80).wrap("成员国支持 SCO 2030 年战略")
    #expect(lines == ["成员国支持 SCO 2030 年战略"])
  }
}
