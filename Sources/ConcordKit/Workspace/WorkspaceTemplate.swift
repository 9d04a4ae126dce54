import Foundation

/// What `concord init` writes: a new workspace with one example of each file, which
/// validates and assembles.
public enum WorkspaceTemplate {
  /// The files of a new workspace, relative to its folder, and their text. Store's
  /// `WorkspaceFolder.create` writes them.
  static var files: [(String, String)] { emptyFiles + examples }

  /// A workspace ready for `concord import`: settings and participants, no clauses.
  static var emptyFiles: [(String, String)] { Array(all.prefix(2)) }

  private static var examples: [(String, String)] { Array(all.dropFirst(2)) }

  private static let all: [(String, String)] = [
    (
      "workspace.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <workspace xmlns="urn:concord:1" id="new-declaration">
        <title xml:lang="en">Declaration of the Council</title>
        <title xml:lang="fr">Déclaration du Conseil</title>
        <body>Council of the Organisation</body>
        <languages base="en">en fr</languages>
        <consensus silence="consent"/>
        <subject xml:lang="en">The Member States</subject>
        <subject xml:lang="fr">Les États membres</subject>
      </workspace>

      """
    ),
    (
      "members.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Participants in protocol order. Only members count for consensus. -->
      <members xmlns="urn:concord:1">
        <participant code="AUT" status="member">
          <name xml:lang="en">the Republic of Austria</name>
          <name xml:lang="fr">la République d’Autriche</name>
        </participant>
        <participant code="BEL" status="member">
          <name xml:lang="en">the Kingdom of Belgium</name>
          <name xml:lang="fr">le Royaume de Belgique</name>
        </participant>
        <participant code="CHE" status="observer">
          <name xml:lang="en">the Swiss Confederation</name>
          <name xml:lang="fr">la Confédération suisse</name>
        </participant>
      </members>

      """
    ),
    (
      "clauses/01-preamble.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- One section a file, in file-name order. The preamble is not numbered. -->
      <section xmlns="urn:concord:1" id="preamble" kind="preamble">
        <clause id="pre-purpose">
          <text xml:lang="en">Guided by the purposes and principles of the Charter of the Organisation,</text>
          <text xml:lang="fr">Guidés par les buts et principes de la Charte de l’Organisation,</text>
        </clause>
      </section>

      """
    ),
    (
      "clauses/02-cooperation.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- <parties/> stands where the subject goes: "The Member States", or the states that join. -->
      <section xmlns="urn:concord:1" id="cooperation" kind="operative">
        <heading xml:lang="en">Cooperation</heading>
        <heading xml:lang="fr">Coopération</heading>
        <clause id="coop-trade">
          <text xml:lang="en"><parties/> will deepen cooperation in trade and investment.</text>
          <text xml:lang="fr"><parties/> approfondiront leur coopération en matière de commerce et d’investissement.</text>
        </clause>
        <clause id="coop-next">
          <text xml:lang="en">The next meeting of the Council will be held in 2027.</text>
          <text xml:lang="fr">La prochaine réunion du Conseil se tiendra en 2027.</text>
        </clause>
      </section>

      """
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
          <text xml:lang="en"><parties/> will deepen cooperation in sustainable trade and investment.</text>
        </amend>
      </positions>

      """
    ),
  ]
}
