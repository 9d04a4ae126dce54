import Foundation
import Testing

/// A delegation's edited copy back in as its positions, and the issue's end-to-end run with
/// LibreOffice editing Rev.0 through UNO (skipped, visibly, where soffice or python3-uno is
/// missing).
@Suite struct EditedCopyTests {
  static let script = ConcordProcess.repositoryRoot.appendingPathComponent("Scripts/make-docx-fixtures").path

  static var hasLibreOffice: Bool {
    let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].contains {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    return soffice && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/uno.py")
  }

  /// Rev.0 of the English draft, assembled, exported as `rev0.docx`.
  static func circulated() throws -> Scratch {
    let scratch = try ImportTests.emptyWorkspace()
    _ = try ImportTests.run(["import", "ws", ImportTests.fixtures + "/zero-draft-en.docx"], in: scratch)
    _ = try ImportTests.run(
      ["import", "ws", ImportTests.fixtures + "/zero-draft-ru.docx", "--lang", "ru"], in: scratch)
    _ = try ImportTests.run(["assemble", "ws"], in: scratch)
    _ = try ImportTests.run(["export", "ws", "--format", "docx", "-o", "rev0.docx"], in: scratch)
    return scratch
  }

  static let expectedPositions = """
    <?xml version="1.0" encoding="UTF-8"?>
    <positions xmlns="urn:concord:1" participant="IND" round="1" answers="0">
      <comment paragraph="political-1">Support option 2</comment>
      <insert id="ind-1-1" after="political-2">
        <text xml:lang="en"><parties/> will cooperate against drug trafficking.</text>
      </insert>
      <amend paragraph="shared-1">
        <text xml:lang="en"><parties/> will deepen cooperation in sustainable trade and investment.</text>
      </amend>
      <comment paragraph="shared-3">We need a date.</comment>
      <delete paragraph="shared-2"/>
    </positions>

    """

  @Test func theCommittedTwoAuthorCopyGivesEachStance() throws {
    let scratch = try ImportTests.emptyWorkspace()
    defer { scratch.remove() }
    _ = try ImportTests.run(["import", "ws", ImportTests.fixtures + "/zero-draft-en.docx"], in: scratch)
    _ = try ImportTests.run(["assemble", "ws"], in: scratch)
    // The fixture was circulated from a workspace named new-declaration.
    let refused = try ConcordProcess.run(
      ["import", "ws", ImportTests.fixtures + "/rev-0-tracked-two-authors.docx", "--as", "IND"],
      in: scratch.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError.contains("was circulated by workspace \"new-declaration\", not \"council-2026\""))
    let other = try ImportTests.emptyWorkspace()
    defer { other.remove() }
    var settings = ImportTests.text(other.path + "/ws/workspace.xml")
    settings = settings.replacingOccurrences(of: "council-2026", with: "new-declaration")
    try settings.write(toFile: other.path + "/ws/workspace.xml", atomically: true, encoding: .utf8)
    _ = try ImportTests.run(["import", "ws", ImportTests.fixtures + "/zero-draft-en.docx"], in: other)
    _ = try ImportTests.run(["assemble", "ws"], in: other)
    let outcome = try ImportTests.run(
      ["import", "ws", ImportTests.fixtures + "/rev-0-tracked-two-authors.docx", "--as", "IND", "--dry-run"],
      in: other)
    #expect(outcome.standardOutput.contains(#"<support paragraph="political-1"/>"#), "\(outcome)")
    #expect(
      outcome.standardOutput.contains(
        #"<reserve paragraph="preamble-2">pending confirmation from capital</reserve>"#))
    #expect(outcome.standardOutput.contains(#"<delete paragraph="shared-2"/>"#))
    #expect(
      outcome.standardOutput.contains(
        "<parties/> condemn terrorism in all its forms and manifestations, wherever they occur."))
    #expect(
      outcome.standardOutput.contains("IND: 1 support, 2 amend, 1 delete, 1 insert, 1 reserve, 1 comment"),
      "\(outcome)")
    #expect(!FileManager.default.fileExists(atPath: other.path + "/ws/positions"), "a dry run writes nothing")
  }

  @Test func endToEndWithLibreOfficeTrackedAndUntrackedGiveTheSamePositions() throws {
    guard Self.hasLibreOffice else {
      print(
        "SKIPPED endToEndWithLibreOffice: needs soffice and python3-uno (apt-get install libreoffice-writer-nogui python3-uno)"
      )
      return
    }
    var results: [String] = []
    for track in [true, false] {
      let scratch = try Self.circulated()
      defer { scratch.remove() }
      let edit = try ConcordProcess.run(
        [
          "edit", "rev0.docx", "ind.docx", "--author", "IND",
          "--replace", "trade and investment", "sustainable trade and investment",
          "--delete", "digital economy",
          "--insert-after", "condemn terrorism", "The Member States will cooperate against drug trafficking.",
          "--comment", "next meeting", "We need a date.",
          "--comment", "reaffirm their", "Support option 2",
        ] + (track ? ["--track"] : []), binary: Self.script, in: scratch.path, timeout: 180)
      try #require(edit.status == 0, "\(edit)")
      let imported = try ImportTests.run(["import", "ws", "ind.docx", "--as", "IND"], in: scratch)
      #expect(imported.standardOutput.contains("IND: 1 amend, 1 delete, 1 insert, 2 comments"), "\(imported)")
      let positions = ImportTests.text(scratch.path + "/ws/positions/round-1/IND.xml")
      #expect(positions == Self.expectedPositions)
      results.append(positions)
      let assembled = try ImportTests.run(["assemble", "ws"], in: scratch)
      #expect(assembled.standardOutput.contains("Rev.1, 8 paragraphs: 5 agreed, 3 open"), "\(assembled)")
      let again = try ConcordProcess.run(["import", "ws", "ind.docx", "--as", "IND"], in: scratch.path)
      #expect(again.status == 1 && again.standardError.contains("is a copy of Rev.0, an older revision"))
    }
    #expect(results.count == 2 && results[0] == results[1])
  }
}
