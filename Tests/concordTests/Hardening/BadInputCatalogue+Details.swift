import Foundation

/// The catalogue's cases of smaller things once passed over without a word, or reported
/// against the wrong file.
extension BadInputCatalogue {
  static let details: [BadInput] = [
    BadInput(
      "empty-round-folder",
      "ws/positions/round-2: error: the round has no position files: a round needs at least one",
      assembledUntil: 1
    ) {
      try FileManager.default.createDirectory(
        atPath: $0 + "/ws/positions/round-2", withIntermediateDirectories: true)
    },
    BadInput(
      "hidden-position-file",
      "ws/positions/round-1/.CHE.xml: error: a hidden file would be ignored: give it a name without the leading dot"
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml", into: scratch + "/ws/positions/round-1/.CHE.xml") {
        $0.replacingOccurrences(of: "participant=\"BEL\"", with: "participant=\"CHE\"")
      }
    },
    BadInput(
      "member-without-a-base-language-name",
      "ws/members.xml:12:3: error: participant \"CHE\" has no name in the base language \"en\": add <name xml:lang=\"en\">"
    ) { scratch in
      try edit(scratch + "/ws/members.xml") {
        $0.replacingOccurrences(of: "    <name xml:lang=\"en\">the Swiss Confederation</name>\n", with: "")
      }
    },
    BadInput(
      "round-number-out-of-range",
      "ws/positions/round-1/BEL.xml:2:52: error: Element 'positions', attribute 'round': [facet 'maxInclusive'] The value '99999999999999999999' is greater than the maximum value allowed ('999999999')."
    ) { scratch in
      try edit(scratch + "/ws/positions/round-1/BEL.xml") {
        $0.replacingOccurrences(of: "round=\"1\"", with: "round=\"99999999999999999999\"")
      }
    },
    BadInput(
      "too-many-reference-errors",
      "ws/positions/round-1/BEL.xml:102:3: error: support on paragraph \"missing-100\", which does not exist in Rev.0",
      "ws/positions/round-1/BEL.xml: note: 50 more problems in this file are not shown"
    ) { scratch in
      let stances = (1...150).map { "  <support paragraph=\"missing-\($0)\"/>" }.joined(separator: "\n")
      try edit(scratch + "/ws/positions/round-1/BEL.xml") {
        $0.replacingOccurrences(of: "  <support paragraph=\"pre-purpose\"/>", with: stances)
      }
    },
    BadInput(
      "revisions-folder-is-a-file",
      "ws/revisions: error: is not a folder: revisions are kept in the folder revisions/"
    ) { scratch in
      try? FileManager.default.removeItem(atPath: scratch + "/ws/revisions")
      try Data("notes\n".utf8).write(to: URL(fileURLWithPath: scratch + "/ws/revisions"))
    },
    BadInput(
      "position-file-removed-after-its-revision",
      "ws/positions/round-1/BEL.xml: error: removed after Rev.1 was assembled from it; revisions are immutable",
      commands: [.assemble], assembledUntil: 1
    ) { try FileManager.default.removeItem(atPath: $0 + "/ws/positions/round-1/BEL.xml") },
    BadInput(
      "file-name-with-a-control-character",
      "ws/clauses/03-\\u{1B}[31mred.txt: error: not a clause file: files in clauses/ must end in .xml"
    ) { try Data("x\n".utf8).write(to: URL(fileURLWithPath: $0 + "/ws/clauses/03-\u{1B}[31mred.txt")) },
  ]
}
