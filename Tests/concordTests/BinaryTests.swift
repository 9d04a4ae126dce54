import Foundation
import Testing

/// `concord` as its users run it: exit status, output streams and formats (SPEC Appendix B).
@Suite struct BinaryTests {
  @Test func validatingTheExampleWorkspaceSucceeds() throws {
    let scratch = try ScratchFolder()
    _ = try scratch.copyOfExample()
    let result = try Concord.run(["validate", "sco-2025"], in: scratch.path)
    #expect(result.status == 0)
    #expect(result.standardOutput == "28 files valid\n")
    #expect(result.standardError == "")
  }

  @Test func aCrossCheckErrorFailsWithTheFileAndLine() throws {
    let scratch = try ScratchFolder()
    let workspace = try scratch.copyOfExample()
    let file = workspace + "/positions/round-1/IND.xml"
    try scratch.replace(
      "<support paragraph=\"pol-un\"/>", with: "<support paragraph=\"pol-unknown\"/>", in: file)
    let result = try Concord.run(["validate", "sco-2025"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "sco-2025/positions/round-1/IND.xml:3:3: error: support on paragraph \"pol-unknown\", which does not exist in Rev.0\n"
    )
    #expect(result.standardOutput == "")
  }

  @Test func aSchemaErrorFailsWithTheFileLineAndColumn() throws {
    let scratch = try ScratchFolder()
    let workspace = try scratch.copyOfExample()
    try scratch.replace(
      "<participant code=\"MNG\" status=\"observer\">", with: "<participant code=\"MNG\" status=\"guest\">",
      in: workspace + "/members.xml")
    let result = try Concord.run(["validate", "sco-2025/members.xml"], in: scratch.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "sco-2025/members.xml:58:27: error: Element 'participant', attribute 'status': [facet 'enumeration'] The value 'guest' is not an element of the set {'member', 'observer', 'partner'}.\n"
    )
  }

  @Test func usageErrorsExitWithStatusTwo() throws {
    for arguments in [
      ["validate"], ["validate", "--format", "yaml", "Drafts/sco-2025"], ["frobnicate"],
      ["validate", "no/such/folder"],
    ] {
      let result = try Concord.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.standardError.contains("Usage: concord"), "\(arguments)")
    }
  }

  @Test func jsonOutputOfAValidWorkspace() throws {
    let scratch = try ScratchFolder()
    _ = try scratch.copyOfExample()
    let result = try Concord.run(["validate", "--format", "json", "sco-2025"], in: scratch.path)
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(Set(json.keys) == ["valid", "files", "diagnostics"])
    #expect(json["valid"] as? Bool == true)
    let files = try #require(json["files"] as? [String])
    #expect(files.count == 28)
    #expect(files.contains("sco-2025/workspace.xml"))
    #expect(files.contains("sco-2025/positions/round-2/TUR.xml"))
    #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
  }

  @Test func jsonOutputOfAnInvalidWorkspaceListsEachDiagnostic() throws {
    let scratch = try ScratchFolder()
    let workspace = try scratch.copyOfExample()
    try scratch.replace("answers=\"1\"", with: "answers=\"0\"", in: workspace + "/positions/round-2/TUR.xml")
    let result = try Concord.run(["validate", "--format", "json", "sco-2025"], in: scratch.path)
    #expect(result.status == 1)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["valid"] as? Bool == false)
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 1)
    let diagnostic = try #require(diagnostics.first)
    #expect(Set(diagnostic.keys) == ["file", "line", "column", "severity", "message"])
    #expect(diagnostic["file"] as? String == "sco-2025/positions/round-2/TUR.xml")
    #expect(diagnostic["line"] as? Int == 2)
    #expect(diagnostic["column"] as? Int == 1)
    #expect(diagnostic["severity"] as? String == "error")
    #expect((diagnostic["message"] as? String)?.hasPrefix("answers=\"0\" but round 2 answers Rev.1") == true)
  }

  @Test func initCreatesAWorkspaceThatValidates() throws {
    let scratch = try ScratchFolder()
    let created = try Concord.run(["init", "new-ws"], in: scratch.path)
    #expect(created.status == 0)
    #expect(created.standardOutput.contains("created new-ws/workspace.xml"))
    let validated = try Concord.run(["validate", "new-ws"], in: scratch.path)
    #expect(validated.status == 0)
    #expect(validated.standardOutput == "5 files valid\n")
  }

  @Test func initIntoAFolderThatIsNotEmptyFailsAndTouchesNothing() throws {
    let scratch = try ScratchFolder()
    try Data("mine".utf8).write(to: URL(fileURLWithPath: scratch.path + "/notes.txt"))
    let result = try Concord.run(["init", scratch.path])
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "\(scratch.path): error: folder is not empty; init only creates new workspaces\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["notes.txt"])
  }

  @Test func aHostileDocumentIsRejectedAndItsSecretNeverPrinted() throws {
    let scratch = try ScratchFolder()
    let secret = "TOP-SECRET-e2e-51d0"
    try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: scratch.path + "/secret.txt"))
    let document = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE positions [ <!ENTITY s SYSTEM "file://\(scratch.path)/secret.txt"> ]>
      <positions xmlns="urn:concord:1" participant="IND" round="1" answers="0">
        <comment paragraph="pol-un">&s;</comment>
      </positions>

      """
    try Data(document.utf8).write(to: URL(fileURLWithPath: scratch.path + "/IND.xml"))
    for format in ["text", "json"] {
      let result = try Concord.run(["validate", "--format", format, "IND.xml"], in: scratch.path)
      #expect(result.status == 1)
      #expect(!(result.standardOutput + result.standardError).contains(secret))
      let place =
        format == "text" ? "IND.xml:2:1: error: document type" : #""file":"IND.xml","line":2,"column":1"#
      #expect((result.standardOutput + result.standardError).contains(place))
    }
  }

  @Test func aMissingSchemaFolderIsOneClearErrorPerSchema() throws {
    let scratch = try ScratchFolder()
    _ = try scratch.copyOfExample()
    let result = try Concord.run(
      ["validate", "--schemas", "/nonexistent/schemas", "sco-2025"], in: scratch.path)
    #expect(result.status == 1)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.hasPrefix("/nonexistent/schemas: error: schema folder does not exist") })
  }

  @Test func helpAndVersionSucceed() throws {
    let help = try Concord.run(["--help"])
    #expect(help.status == 0)
    #expect(help.standardOutput.contains("validate"))
    #expect(try Concord.run(["--version"]).standardOutput == "0.1.0\n")
  }
}
