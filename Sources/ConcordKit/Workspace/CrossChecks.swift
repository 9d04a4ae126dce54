/// The checks on a workspace that no schema can express and that need no revision: ids unique
/// across files, participant codes, file names that match their contents, rounds in
/// sequence. What a position refers to in the revision it answers (paragraphs, options, one's
/// own proposals) is judged once, by the merge (`Negotiation`), for `validate` and `assemble`
/// alike.
struct CrossChecks {
  let workspace: Workspace
  private(set) var diagnostics: [Diagnostic] = []

  init(workspace: Workspace) { self.workspace = workspace }

  mutating func run() {
    checkSettings()
    checkParticipants()
    let paragraphIDs = checkSections()
    checkRounds(clauseIDs: paragraphIDs)
  }

  /// Every `xml:lang` must be one of the workspace's languages, and an element holds one text
  /// (title, subject, name, heading, clause or proposal text) per language: a second one
  /// would silently replace the first.
  mutating func checkLanguages(in documents: [(file: String, root: XML.Element)]) {
    let declared = Set(workspace.settings.languages)
    func walk(_ element: XML.Element, file: String) {
      if let language = element.language, !declared.contains(language) {
        report(
          "language \"\(language)\" is not one of the workspace's languages (\(workspace.settings.languages.joined(separator: " "))); declare it in workspace.xml",
          at: element.location(in: file))
      }
      var seen: Set<[String]> = []
      for child in element.elements {
        if let language = child.language, !seen.insert([child.name, language]).inserted {
          report(
            "a second <\(child.name)> in \"\(language)\" in this <\(element.name)>: one per language (the first would be lost)",
            at: child.location(in: file))
        }
        walk(child, file: file)
      }
    }
    for document in documents { walk(document.root, file: document.file) }
  }

  /// Every participant is named in the base language, the language every text falls back to.
  mutating func checkNames(in members: XML.Element, file: String) {
    let base = workspace.settings.baseLanguage
    for participant in members.elements(named: "participant")
    where !participant.elements(named: "name").contains(where: { $0.language == base }) {
      report(
        "participant \"\(participant[attribute: "code"] ?? "")\" has no name in the base language \"\(base)\": add <name xml:lang=\"\(base)\">",
        at: participant.location(in: file))
    }
  }

  // MARK: - Files

  private mutating func checkSettings() {
    let settings = workspace.settings
    let file = FileSystem.join(workspace.path, WorkspaceLoader.workspaceFile)
    if !settings.languages.contains(settings.baseLanguage) {
      report(
        "the base language \"\(settings.baseLanguage)\" is not among the languages \(settings.languages.joined(separator: " "))",
        at: SourceLocation(file: file))
    }
    if Set(settings.languages).count != settings.languages.count {
      report("a language is listed twice in <languages>", at: SourceLocation(file: file))
    }
  }

  private mutating func checkParticipants() {
    if !workspace.participants.contains(where: \.isMember) {
      report(
        "no participant has status=\"member\": consensus needs at least one member",
        at: SourceLocation(file: FileSystem.join(workspace.path, WorkspaceLoader.membersFile)))
    }
  }

  /// Returns the ids of the zero draft's paragraphs.
  private mutating func checkSections() -> Set<String> {
    if workspace.sections.isEmpty {
      report(
        "the zero draft has no sections: add at least one file to clauses/",
        at: SourceLocation(
          file: FileSystem.join(workspace.path, WorkspaceLoader.clausesFolder)))
    }
    var sectionAt: [String: SourceLocation] = [:]
    for section in workspace.sections {
      if let first = sectionAt[section.id] {
        report("duplicate section id \"\(section.id)\", first used at \(first)", at: section.location)
      } else {
        sectionAt[section.id] = section.location
      }
    }
    var clauseAt: [String: SourceLocation] = [:]
    let base = workspace.settings.baseLanguage
    for section in workspace.sections {
      for clause in section.clauses {
        if let first = clauseAt[clause.id] {
          report("duplicate clause id \"\(clause.id)\", first used at \(first)", at: clause.location)
        } else if let other = sectionAt[clause.id] {
          report(
            "clause id \"\(clause.id)\" is already the id of the section at \(other)", at: clause.location)
        } else {
          clauseAt[clause.id] = clause.location
        }
        if clause.texts[base] == nil {
          report("clause \"\(clause.id)\" has no text in the base language \"\(base)\"", at: clause.location)
        }
        for language in blank(clause.texts) {
          report(
            "clause \"\(clause.id)\" has an empty text in \"\(language)\": write the text",
            at: clause.location)
        }
      }
    }
    return Set(clauseAt.keys)
  }

  private mutating func checkRounds(clauseIDs: Set<String>) {
    let sectionIDs = Set(workspace.sections.map(\.id))
    var known = clauseIDs
    var insertedAt: [String: SourceLocation] = [:]
    var expected = 1
    for round in workspace.rounds {
      let folder = FileSystem.join(workspace.path, WorkspaceLoader.positionsFolder, "round-\(round.number)")
      if round.number != expected {
        let missing =
          expected == round.number - 1
          ? "round-\(expected)" : "round-\(expected) to round-\(round.number - 1)"
        report(
          "round \(round.number) follows round \(expected - 1), but \(missing) is missing: rounds are numbered without gaps",
          at: SourceLocation(file: folder))
      }
      expected = round.number + 1
      var newIDs: [String: SourceLocation] = [:]
      for positions in round.positions {
        check(
          positions, round: round.number, known: known, sections: sectionIDs, inserted: &insertedAt,
          newIDs: &newIDs)
      }
      known.formUnion(newIDs.keys)
    }
  }

  private mutating func check(
    _ positions: Positions, round: Int, known: Set<String>, sections: Set<String>,
    inserted: inout [String: SourceLocation], newIDs: inout [String: SourceLocation]
  ) {
    let file = positions.location.file
    let expectedName = "\(positions.participant).xml"
    if !file.hasSuffix("/" + expectedName) {
      report(
        "the file name does not match participant=\"\(positions.participant)\": name it \(expectedName)",
        at: positions.location)
    }
    if positions.round != round {
      report(
        "round=\"\(positions.round)\" but the file is in positions/round-\(round)/",
        at: positions.location)
    }
    if positions.answers != round - 1 {
      report(
        "answers=\"\(positions.answers)\" but round \(round) answers Rev.\(round - 1): positions are written against the previous revision",
        at: positions.location)
    }
    guard workspace.participant(positions.participant) != nil else {
      report(
        "unknown participant \"\(positions.participant)\": not in members.xml",
        at: positions.location)
      return
    }
    var stanceAt: [String: SourceLocation] = [:]
    for stance in positions.stances {
      // An insertion reusing a paragraph's id is reported as such below, not as a second stance.
      let reusesID: Bool
      if case .insert = stance.action {
        reusesID = known.contains(stance.paragraph)
      } else {
        reusesID = false
      }
      // A comment is no stance (SPEC §3): it may stand beside one, and come several times.
      let isComment = stance.kind == .comment
      if !isComment, let first = stanceAt[stance.paragraph], !reusesID {
        report(
          "\(positions.participant) takes two stances on paragraph \"\(stance.paragraph)\" in round \(round) (the first at line \(first.line)): one stance per paragraph per round",
          at: stance.location)
      }
      if !isComment { stanceAt[stance.paragraph] = stance.location }
      if case .insert = stance.action {
        checkInsertion(stance, known: known, sections: sections, inserted: &inserted, newIDs: &newIDs)
      } else {
        checkProposal(stance)
      }
    }
  }

  private mutating func checkInsertion(
    _ stance: Stance, known: Set<String>, sections: Set<String>,
    inserted: inout [String: SourceLocation], newIDs: inout [String: SourceLocation]
  ) {
    guard case .insert(_, let texts) = stance.action else { return }
    if known.contains(stance.paragraph) || sections.contains(stance.paragraph) {
      report(
        "insert id \"\(stance.paragraph)\" is already the id of a paragraph or section", at: stance.location)
    } else if let first = inserted[stance.paragraph] ?? newIDs[stance.paragraph] {
      report("duplicate insert id \"\(stance.paragraph)\", first used at \(first)", at: stance.location)
    } else {
      newIDs[stance.paragraph] = stance.location
      inserted[stance.paragraph] = stance.location
    }
    let base = workspace.settings.baseLanguage
    if texts[base] == nil {
      report("the insertion has no text in the base language \"\(base)\"", at: stance.location)
    }
    for language in blank(texts) {
      report(
        "the insertion's text in \"\(language)\" is empty: write the new paragraph's text",
        at: stance.location)
    }
  }

  private mutating func checkProposal(_ stance: Stance) {
    let base = workspace.settings.baseLanguage
    if case .amend(let texts) = stance.action {
      if texts[base] == nil {
        report("the amendment has no text in the base language \"\(base)\"", at: stance.location)
      }
      for language in blank(texts) {
        report(
          "the amendment's text in \"\(language)\" is empty: write the full new text, or propose <delete>",
          at: stance.location)
      }
    }
    if case .withdraw(.number(1)) = stance.action {
      report(
        "option 1 is the current text and cannot be withdrawn; withdraw your own proposal by its number, or option=\"delete\"",
        at: stance.location)
    }
  }

  /// The languages whose text says nothing (white space, or `<parties/>` alone).
  private func blank(_ texts: [String: ClauseText]) -> [String] {
    texts.filter(\.value.isBlank).map(\.key).sorted()
  }

  private mutating func report(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, at: location))
  }
}
