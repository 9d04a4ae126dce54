import Foundation

/// The catalogue's cases of texts that said nothing, or said it twice: a second text in one
/// language silently replaced the first, and an empty amendment could be agreed.
extension BadInputCatalogue {
  static let texts: [BadInput] = [
    BadInput(
      "two-texts-in-one-language-in-a-clause",
      "ws/clauses/02-cooperation.xml:8:5: error: a second <text> in \"en\" in this <clause>: one per language (the first would be lost)"
    ) { scratch in
      try edit(scratch + "/ws/clauses/02-cooperation.xml") {
        $0.replacingOccurrences(
          of: "trade and investment.</text>\n",
          with: "trade and investment.</text>\n    <text xml:lang=\"en\">Another text.</text>\n")
      }
    },
    BadInput(
      "two-titles-in-one-language",
      "ws/workspace.xml:4:3: error: a second <title> in \"en\" in this <workspace>: one per language (the first would be lost)"
    ) { scratch in
      try edit(scratch + "/ws/workspace.xml") {
        $0.replacingOccurrences(
          of: "<title xml:lang=\"fr\">",
          with: "<title xml:lang=\"en\">Another title</title>\n  <title xml:lang=\"fr\">")
      }
    },
    BadInput(
      "two-names-in-one-language",
      "ws/members.xml:6:5: error: a second <name> in \"en\" in this <participant>: one per language (the first would be lost)"
    ) { scratch in
      try edit(scratch + "/ws/members.xml") {
        $0.replacingOccurrences(
          of: "<name xml:lang=\"fr\">la République d’Autriche</name>",
          with: "<name xml:lang=\"en\">Austria</name>")
      }
    },
    BadInput(
      "two-texts-in-one-language-in-an-amendment",
      "ws/positions/round-1/AUT.xml:8:5: error: a second <text> in \"en\" in this <amend>: one per language (the first would be lost)"
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/AUT.xml") {
        $0.replacingOccurrences(
          of: "investment.</text>\n",
          with: "investment.</text>\n    <text xml:lang=\"en\">Something else.</text>\n")
      }
    },
    BadInput(
      "empty-amendment",
      "ws/positions/round-1/AUT.xml:6:3: error: the amendment's text in \"en\" is empty: write the full new text, or propose <delete>"
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/AUT.xml") {
        $0.replacingOccurrences(
          of: "<parties/> will deepen cooperation in sustainable trade and investment.", with: "  \n  ")
      }
    },
    BadInput(
      "empty-insertion",
      "ws/positions/round-1/BEL.xml:5:3: error: the insertion's text in \"en\" is empty: write the new paragraph's text"
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml") {
        $0.replacingOccurrences(
          of: "</positions>",
          with:
            "  <insert id=\"bel-1\" after=\"coop-trade\"><text xml:lang=\"en\"><parties/> </text></insert>\n</positions>"
        )
      }
    },
    BadInput(
      "whitespace-only-comment",
      "ws/positions/round-1/BEL.xml:7:3: error: Element 'comment': the text is empty or only white space; write the text, or leave the element out"
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml") {
        $0.replacingOccurrences(
          of: "</positions>", with: "  <comment paragraph=\"coop-next\">\n  \n  </comment>\n</positions>")
      }
    },
  ]
}
