import Testing

@testable import ConcordKit

/// Diffs two texts in source form and returns the edits with their text, marked up as in
/// `git diff --word-diff=plain`.
func markedUp(_ old: String, _ new: String) -> String {
  let edits = ParagraphWords.edits(
    old: .init(clause: ClauseText(source: old), subject: "The Member States", language: "en"),
    new: .init(clause: ClauseText(source: new), subject: "The Member States", language: "en"))
  return edits.map { edit in
    switch edit.operation {
    case .equal: edit.text
    case .delete: "[-\(edit.text)-]"
    case .insert: "{+\(edit.text)+}"
    }
  }.joined()
}

@Test func aRewrittenPhraseIsOneHunkWhileAKeptWordBetweenChangesStays() {
  #expect(
    markedUp(
      "note the importance of deepening cooperation in the digital economy",
      "stand for deepening practical cooperation in the digital economy")
      == "[-note the importance of-]{+stand for+} deepening {+practical +}cooperation in the digital economy")
}

@Test func changesSeparatedOnlyByWhiteSpaceMerge() {
  #expect(markedUp("red green blue", "cyan magenta blue") == "[-red green-]{+cyan magenta+} blue")
}

@Test func anInsertedPhraseStartsWithAWordAndEndsWithItsSpace() {
  #expect(
    markedUp("peace and security", "peace and stability and security")
      == "peace and {+stability and +}security")
  #expect(markedUp("a b c", "a b x b c") == "a b {+x b +}c")
}

@Test func anAppendedClauseIsOneInsertion() {
  #expect(
    markedUp(
      "narrow the digital divide between and within countries.",
      "narrow the digital divide between and within countries, including through capacity-building.")
      == "narrow the digital divide between and within countries{+, including through capacity-building+}.")
}

@Test func hanTextIsComparedCharacterByCharacter() {
  #expect(markedUp("成员国将深化文化合作。", "成员国将全面深化人文合作。") == "成员国将{+全面+}深化[-文化-]{+人文+}合作。")
}

@Test func cyrillicTextIsComparedWordByWord() {
  #expect(
    markedUp(
      "будут углублять культурное сотрудничество", "будут всемерно углублять гуманитарное сотрудничество")
      == "будут {+всемерно +}углублять [-культурное-]{+гуманитарное+} сотрудничество")
}

@Test func mixedScriptTextKeepsEachScriptsOwnGrain() {
  #expect(markedUp("支持WTO规则", "支持WTO改革") == "支持WTO[-规则-]{+改革+}")
  #expect(markedUp("支持WTO规则", "支持IMF规则") == "支持[-WTO-]{+IMF+}规则")
}

@Test func aPlaceholderIsRenderedAndNeverSplit() {
  #expect(
    markedUp("<parties/> note the plan.", "<parties/> welcome the plan.")
      == "The Member States [-note-]{+welcome+} the plan.")
}

@Test func identicalAndEmptyTextsGiveNoEdits() {
  #expect(markedUp("Same text.", "Same text.") == "Same text.")
  #expect(markedUp("", "") == "")
  #expect(markedUp("", "New.") == "{+New.+}")
  #expect(markedUp("Old.", "") == "[-Old.-]")
}

@Test func plainTextEditsGiveBothTextsBackExactly() {
  let pairs = [
    ("", "new text"), ("old text", ""), ("same", "same"), ("a b c d", "d c b a"),
    ("  spaced  out ", "spaced out"), ("literal <parties/> text", "literal text"),
    ("Государства-члены подтверждают", "Государства-члены вновь подтверждают"),
    ("成员国指出合作的重要性", "成员国主张深化合作"),
  ]
  for (old, new) in pairs {
    let edits = ParagraphWords.edits(from: old, to: new)
    #expect(edits.filter { $0.operation != .insert }.map(\.text).joined() == old)
    #expect(edits.filter { $0.operation != .delete }.map(\.text).joined() == new)
  }
  #expect(ParagraphWords.edits(from: "", to: "").isEmpty)
}

/// The same words under another subject (a member stopped joining): only the placeholders
/// change, each as the old subject deleted and the new inserted, and the pieces give both
/// rendered texts back. (No word diff runs for them: the texts are the same.)
@Test func aChangedSubjectAloneReplacesEachPlaceholder() {
  let (before, after) = ("The Member States", "The Republic of AAA and the Republic of AAB")
  for source in [
    "<parties/> reaffirm that <parties/> act.", "The Council notes that <parties/> agree",
    "<parties/><parties/>", "<parties/>", "no placeholder at all",
  ] {
    let clause = ClauseText(source: source)
    let edits = ParagraphWords.edits(
      old: .init(clause: clause, subject: before, language: "en"),
      new: .init(clause: clause, subject: after, language: "en"))
    #expect(
      edits.filter { $0.operation != .insert }.map(\.text).joined() == clause.rendered(subject: before))
    #expect(
      edits.filter { $0.operation != .delete }.map(\.text).joined() == clause.rendered(subject: after))
  }
  let edits = ParagraphWords.edits(
    old: .init(clause: ClauseText(source: "<parties/> reaffirm"), subject: before, language: "en"),
    new: .init(clause: ClauseText(source: "<parties/> reaffirm"), subject: after, language: "en"))
  #expect(edits == [WordEdit(.delete, before), WordEdit(.insert, after), WordEdit(.equal, " reaffirm")])
}
