import Foundation
import Testing

/// `concord import`, end to end on the binary, with documents made by LibreOffice
/// (`Tests/DocxFixtures/`, remade by `Scripts/make-docx-fixtures`) and Word's shapes made by
/// hand (`Scripts/make-hostile-docx`).
@Suite struct ImportTests {
  static let fixtures = ConcordProcess.repositoryRoot.appendingPathComponent("Tests/DocxFixtures").path

  /// A scratch folder with an empty en/ru workspace `ws` whose members are AUT, IND, PAK.
  static func emptyWorkspace() throws -> Scratch {
    let scratch = try Scratch()
    let made = try ConcordProcess.run(["init", "ws", "--empty"], in: scratch.path)
    guard made.status == 0 else { throw Failure("init --empty: \(made)") }
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <workspace xmlns="urn:concord:1" id="council-2026">
      <title xml:lang="en">Declaration of the Council</title>
      <title xml:lang="ru">Декларация Совета</title>
      <body>Council of the Organisation</body>
      <languages base="en">en ru</languages>
      <consensus silence="consent"/>
      <subject xml:lang="en">The Member States</subject>
      <subject xml:lang="ru">Государства-члены</subject>
    </workspace>

    """.write(toFile: scratch.path + "/ws/workspace.xml", atomically: true, encoding: .utf8)
    var members = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<members xmlns=\"urn:concord:1\">\n"
    for (code, en, ru) in [
      ("AUT", "the Republic of Austria", "Австрийская Республика"),
      ("IND", "the Republic of India", "Республика Индия"),
      ("PAK", "the Islamic Republic of Pakistan", "Исламская Республика Пакистан"),
    ] {
      members +=
        "  <participant code=\"\(code)\" status=\"member\"><name xml:lang=\"en\">\(en)</name><name xml:lang=\"ru\">\(ru)</name></participant>\n"
    }
    try (members + "</members>\n").write(
      toFile: scratch.path + "/ws/members.xml", atomically: true, encoding: .utf8)
    return scratch
  }

  static func run(_ arguments: [String], in scratch: Scratch) throws -> ConcordProcess.Outcome {
    let outcome = try ConcordProcess.run(arguments, in: scratch.path)
    #expect(outcome.status == 0, "\(arguments.joined(separator: " ")): \(outcome)")
    return outcome
  }

  static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

  @Test func aZeroDraftWithWordNumberingBecomesClauseFilesInEnglishAndRussian() throws {
    let scratch = try Self.emptyWorkspace()
    defer { scratch.remove() }
    _ = try Self.run(["import", "ws", Self.fixtures + "/zero-draft-en.docx"], in: scratch)
    _ = try Self.run(["import", "ws", Self.fixtures + "/zero-draft-ru.docx", "--lang", "ru"], in: scratch)
    let clauses = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/ws/clauses").sorted()
    #expect(clauses == ["01-preamble.xml", "02-political.xml", "03-shared.xml"])
    let political = Self.text(scratch.path + "/ws/clauses/02-political.xml")
    #expect(political.contains(#"<section xmlns="urn:concord:1" id="political" kind="operative">"#))
    #expect(political.contains(#"<heading xml:lang="ru">Политическое сотрудничество</heading>"#))
    #expect(political.contains(#"<clause id="political-2">"#))
    #expect(
      political.contains(
        #"<text xml:lang="en"><parties/> condemn terrorism in all its forms and manifestations.</text>"#))
    #expect(
      political.contains(
        #"<text xml:lang="ru"><parties/> осуждают терроризм во всех его формах и проявлениях.</text>"#))
    let shared = Self.text(scratch.path + "/ws/clauses/03-shared.xml")
    #expect(shared.contains(#"<clause id="shared-3">"#))
    #expect(shared.contains("The next meeting of the Council will be held in 2026."))
    let preamble = Self.text(scratch.path + "/ws/clauses/01-preamble.xml")
    #expect(preamble.contains(#"kind="preamble""#) && preamble.contains(#"<clause id="preamble-2">"#))
    #expect(!preamble.contains("Declaration of the Council of Heads of State"), "the title is no clause")
  }

  @Test func aTranslationThatDoesNotLineUpNamesBothSidesAndWritesNothing() throws {
    let scratch = try Self.emptyWorkspace()
    defer { scratch.remove() }
    _ = try Self.run(["import", "ws", Self.fixtures + "/zero-draft-en.docx"], in: scratch)
    try
      "# Декларация\n\n## Преамбула\n\nРуководствуясь Уставом,\n\n## Политика\n\n1. Государства-члены подтверждают.\n"
      .write(toFile: scratch.path + "/ru.md", atomically: true, encoding: .utf8)
    let before = WorkspaceSnapshot(scratch.path + "/ws")
    let outcome = try ConcordProcess.run(["import", "ws", "ru.md", "--lang", "ru"], in: scratch.path)
    #expect(outcome.status == 1)
    #expect(
      outcome.standardError.contains("ru.md: error: does not line up with the clauses: the file's line 7"),
      "\(outcome)")
    #expect(outcome.standardError.contains("clause preamble-2"), "\(outcome)")
    #expect(WorkspaceSnapshot(scratch.path + "/ws") == before)
  }

  @Test func markdownGivesTheSameRevisionZeroAsWord() throws {
    let markdown = """
      # Declaration of the Council of Heads of State

      ## Preamble

      Guided by the purposes and principles of the Charter of the United Nations,

      Noting the *eightieth* anniversary of the founding of the United Nations,

      ## Political cooperation

      1. The Member States reaffirm their commitment to the Charter of the Organisation.
      2. The Member States condemn terrorism in all its forms and manifestations.

      ## Shared prosperity

      3. The Member States will deepen cooperation in **trade** and investment.
      4) The Member States note the importance of the digital economy.
      5. The next meeting of the Council will be held in 2026.

      """
    var revisions: [String] = []
    for source in ["md", "docx"] {
      let scratch = try Self.emptyWorkspace()
      defer { scratch.remove() }
      let file = source == "md" ? scratch.path + "/draft.md" : Self.fixtures + "/zero-draft-en.docx"
      try markdown.write(toFile: scratch.path + "/draft.md", atomically: true, encoding: .utf8)
      _ = try Self.run(["import", "ws", file], in: scratch)
      _ = try Self.run(["assemble", "ws"], in: scratch)
      revisions.append(Self.text(scratch.path + "/ws/revisions/rev-0.xml"))
    }
    #expect(!revisions[0].isEmpty && revisions[0] == revisions[1])
  }

  @Test func wordsNoiseNeverReachesTheText() throws {
    let scratch = try Self.emptyWorkspace()
    defer { scratch.remove() }
    let outcome = try Self.run(["import", "ws", Self.fixtures + "/word-noise.docx"], in: scratch)
    #expect(outcome.standardError.contains("warning: tracked changes accepted in paragraph 6"))
    let preamble = Self.text(scratch.path + "/ws/clauses/01-preamble.xml")
    #expect(preamble.contains(#"<text xml:lang="en">Recalling the Charter of the Organisation,</text>"#))
    let cooperation = Self.text(scratch.path + "/ws/clauses/02-cooperation.xml")
    #expect(
      cooperation.contains(#"<text xml:lang="en"><parties/> will meet on 1 May 2026 in Tianjin.</text>"#))
    #expect(cooperation.contains(#"<text xml:lang="en"><parties/> support new projects moved here.</text>"#))
    #expect(
      cooperation.contains(#"<clause id="cooperation-3">"#), "a bullet paragraph is kept, as unnumbered")
  }
}
