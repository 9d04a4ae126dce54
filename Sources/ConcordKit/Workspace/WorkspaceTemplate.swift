import Foundation

/// What `concord init` writes: a new workspace with one example of each file, in the
/// languages asked for, which validates and assembles; and the workspace's `.gitignore` (the
/// lock and temporary files) and `.gitattributes` (revisions diffed by `concord diff`).
public enum WorkspaceTemplate {
  /// The files of a new workspace, relative to its folder, and their text. Store's
  /// `WorkspaceFolder.create` writes them. The first language is the base language.
  static func files(id: String, languages: [String]) -> [(String, String)] {
    emptyFiles(id: id, languages: languages) + examples(languages: languages)
  }

  /// A workspace ready for `concord import`: settings and participants, no clauses.
  static func emptyFiles(id: String, languages: [String]) -> [(String, String)] {
    [
      ("workspace.xml", workspace(id: id, languages: languages)),
      ("members.xml", members(languages: languages)),
    ]
  }

  /// The example's files in English, under the id `new-declaration`.
  static var files: [(String, String)] { files(id: "new-declaration", languages: ["en"]) }

  /// Git's files for the workspace, written beside it by `init` (and `init --empty`).
  static let gitFiles: [(String, String)] = [
    (".gitignore", "# Written and removed by concord while it works.\n.concord.lock\n.concord-tmp-*\n"),
    (
      ".gitattributes",
      "# git diff shows revisions paragraph by paragraph once the driver is set up:\n"
        + "#   git config diff.concord.command \"concord diff --git-external\"\nrevisions/*.xml diff=concord\n"
    ),
  ]

  /// Whether `id` can be a workspace id (the folder name `init` takes): a letter, then
  /// letters, digits, `_`, `.` or `-`.
  public static func isValidId(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.isASCIILetter else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.isASCIILetter || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
    }
  }

  /// Whether `code` looks like a language tag: `en`, `zh-Hans`.
  public static func isValidLanguage(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard let primary = parts.first, (2...3).contains(primary.count),
      primary.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count)
        && part.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) }
    }
  }

  // MARK: - Files

  /// A language's words, or the English example (for the base language only).
  private static func words(_ language: String, base: Bool) -> ExampleWords? {
    ExampleWords.example(in: language) ?? (base ? ExampleWords.all["en"] : nil)
  }

  private static func perLanguage(
    _ languages: [String], indent: String, _ make: (String, ExampleWords) -> String
  ) -> String {
    languages.enumerated().compactMap { index, language in
      words(language, base: index == 0).map { indent + make(language, $0) + "\n" }
    }.joined()
  }

  private static func note(_ languages: [String]) -> String {
    let missing = languages.filter { ExampleWords.example(in: $0) == nil }
    guard !missing.isEmpty else { return "" }
    return "<!-- No example text in \(missing.joined(separator: ", ")): "
      + (ExampleWords.example(in: languages[0]) == nil
        ? "the base language has the English example to replace; " : "")
      + "other languages' texts are translation pending until added. -->\n"
  }

  private static func workspace(id: String, languages: [String]) -> String {
    let base = languages.first ?? "en"
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      \(note(languages))<workspace xmlns="urn:concord:1" id="\(id)">

      """ + perLanguage(languages, indent: "  ") { "<title xml:lang=\"\($0)\">\($1.title)</title>" } + """
          <body>Council of the Organisation</body>
          <languages base="\(base)">\(languages.joined(separator: " "))</languages>
          <consensus silence="consent"/>

        """ + perLanguage(languages, indent: "  ") { "<subject xml:lang=\"\($0)\">\($1.subject)</subject>" }
          + """
            <!-- <symbol>ORG/2025/DD</symbol>: the document symbol; circulated revisions add /Rev.N -->
          </workspace>

          """
  }

  private static func members(languages: [String]) -> String {
    let participants = [("AUT", "member"), ("BEL", "member"), ("CHE", "observer")]
    let entries = participants.enumerated().map { index, participant in
      "  <participant code=\"\(participant.0)\" status=\"\(participant.1)\">\n"
        + perLanguage(languages, indent: "    ") { "<name xml:lang=\"\($0)\">\($1.names[index])</name>" }
        + "  </participant>\n"
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Participants in protocol order. Only members count for consensus. -->
      <members xmlns="urn:concord:1">

      """ + entries.joined() + "</members>\n"
  }

  private static func examples(languages: [String]) -> [(String, String)] {
    let base = languages.first ?? "en"
    let amended = words(base, base: true)?.amendedTrade ?? ""
    func texts(_ text: KeyPath<ExampleWords, String>) -> String {
      perLanguage(languages, indent: "    ") { "<text xml:lang=\"\($0)\">\($1[keyPath: text])</text>" }
    }
    return [
      (
        "clauses/01-preamble.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- One section a file, in file-name order. The preamble is not numbered. -->
        <section xmlns="urn:concord:1" id="preamble" kind="preamble">
          <clause id="pre-purpose">

        """ + texts(\.preamble) + "  </clause>\n</section>\n"
      ),
      (
        "clauses/02-cooperation.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- <parties/> stands where the subject goes: "The Member States", or the states that join. -->
        <section xmlns="urn:concord:1" id="cooperation" kind="operative">

        """ + perLanguage(languages, indent: "  ") { "<heading xml:lang=\"\($0)\">\($1.heading)</heading>" }
          + "  <clause id=\"coop-trade\">\n" + texts(\.trade) + "  </clause>\n"
          + "  <clause id=\"coop-next\">\n" + texts(\.meeting) + "  </clause>\n</section>\n"
      ),
      (
        "positions/round-1/AUT.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Round 1 answers Rev.0. Stances: support, amend, delete, insert, dissociate,
             reserve, withdraw, comment. -->
        <positions xmlns="urn:concord:1" participant="AUT" round="1" answers="0">
          <support paragraph="pre-purpose"/>
          <amend paragraph="coop-trade">
            <text xml:lang="\(base)">\(amended)</text>
          </amend>
        </positions>

        """
      ),
    ]
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
