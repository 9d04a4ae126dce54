import Testing

@testable import ConcordKit

private func texts(_ source: String) -> [String] {
  let bytes = Array(source.utf8)
  return Tokenizer.tokens(of: source).map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

@Test func latinTextSplitsIntoWordsSpacesAndPunctuation() {
  #expect(
    texts("The Member States, on 1 July 2025, agreed.")
      == [
        "The", " ", "Member", " ", "States", ",", " ", "on", " ", "1", " ", "July", " ", "2025", ",", " ",
        "agreed", ".",
      ])
}

@Test func anApostropheInsideAWordBelongsToIt() {
  #expect(
    texts("the People’s Republic's 'own'") == [
      "the", " ", "People’s", " ", "Republic's", " ", "'", "own", "'",
    ])
}

@Test func cyrillicWordsAreWholeTokensAndGuillemetsArePunctuation() {
  #expect(
    texts("подтверждают поддержку «Одного пояса»")
      == ["подтверждают", " ", "поддержку", " ", "«", "Одного", " ", "пояса", "»"])
}

@Test func eachHanCharacterIsItsOwnToken() {
  #expect(texts("成员国重申，") == ["成", "员", "国", "重", "申", "，"])
}

@Test func mixedScriptTextKeepsLatinWordsWholeBetweenHanCharacters() {
  #expect(texts("支持WTO规则和2030年议程") == ["支", "持", "WTO", "规", "则", "和", "2030", "年", "议", "程"])
}

@Test func thePartiesPlaceholderIsOneToken() {
  let tokens = Tokenizer.tokens(of: "<parties/> reaffirm <b>")
  #expect(tokens.first?.kind == .parties)
  #expect(texts("<parties/> reaffirm <b>") == ["<parties/>", " ", "reaffirm", " ", "<", "b", ">"])
}

@Test func combiningMarksStayWithTheLetterTheyFollow() {
  // "й" written as и + U+0306, and "é" as e + U+0301.
  #expect(texts("и\u{306}од cafe\u{301}!") == ["и\u{306}од", " ", "cafe\u{301}", "!"])
}

@Test func tokensRebuildTheTextByteForByte() {
  let samples = [
    "", "  leading and trailing  ", "<parties/>重申恪守《联合国宪章》宗旨和原则。",
    "Государства-члены — «за»\tand\nnew lines", "emoji 👍🏽 and ZWJ 👩‍👩‍👧 stay", "a\u{A0}b\u{3000}c",
  ]
  for sample in samples {
    #expect(texts(sample).joined() == sample)
  }
}

@Test func whiteSpaceRunsAreOneTokenOfKindSpace() {
  let tokens = Tokenizer.tokens(of: "a \t\u{A0} b")
  #expect(tokens.map(\.kind) == [.word, .space, .word])
}
