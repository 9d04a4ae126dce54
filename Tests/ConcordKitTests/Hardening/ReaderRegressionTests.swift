import Foundation
import Testing

@testable import ConcordKit

#if canImport(Glibc)
  import Glibc
#endif

/// The reader bugs hardening found, each pinned by the input that showed it.
@Suite struct ReaderRegressionTests {
  @Test func aTruncatedDocumentIsReportedNotACrash() throws {
    // libxml2 2.9 handed the reader's error relay the schema validator's state: segfault.
    let truncated = """
      <?xml version="1.0"?>
      <members xmlns="urn:concord:1">
        <participant code="AUT" status="member">

      """
    let error = try #require(throws: DiagnosticsError.self) {
      try DocumentReader().read(Data(truncated.utf8), as: .members, displayPath: "m.xml")
    }
    #expect(error.description == "m.xml:4:1: error: Premature end of data in tag participant line 3")
  }

  @Test func everyTagOfADocumentWrittenOnOneLineIsLocated() throws {
    // Locating each tag from the start of its line made 2,000 clauses on a line take minutes.
    let count = 5_000
    let clauses = (0..<count).map { "<clause id=\"c\($0)\"><text xml:lang=\"en\">T\($0)</text></clause>" }
    let document =
      "<?xml version=\"1.0\"?>\n<section xmlns=\"urn:concord:1\" id=\"s\" kind=\"operative\">"
      + clauses.joined() + "</section>\n"
    let root = try DocumentReader().read(Data(document.utf8), as: .section, displayPath: "s.xml")
    let located = root.elements(named: "clause")
    let prefix = "<section xmlns=\"urn:concord:1\" id=\"s\" kind=\"operative\">".count
    #expect(located.count == count)
    #expect(located.first?.column == prefix + 1)
    #expect(located.last?.column == prefix + clauses.dropLast().map(\.count).reduce(0, +) + 1)
    #expect(
      located.last?.elements.first?.column == (located.last?.column ?? 0) + "<clause id=\"c4999\">".count)
  }

  @Test func aDeclaredEncodingOtherThanUTF8IsRefusedEvenAfterAByteOrderMark() throws {
    // libxml2 followed encoding="ISO-8859-1" and garbled the UTF-8 text behind a BOM.
    let document =
      "\u{FEFF}<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<members xmlns=\"urn:concord:1\"/>"
    let error = try #require(throws: DiagnosticsError.self) {
      try DocumentReader().read(Data(document.utf8), displayPath: "m.xml")
    }
    #expect(
      error.description
        == "m.xml:1:32: error: the file declares encoding=\"ISO-8859-1\"; Concord reads UTF-8 only (re-save it as UTF-8)"
    )
  }

  @Test func aNulByteIsNamedWhereItIs() throws {
    let document = "<?xml version=\"1.0\"?>\n<members xmlns=\"urn:concord:1\">\0</members>"
    let error = try #require(throws: DiagnosticsError.self) {
      try DocumentReader().read(Data(document.utf8), displayPath: "m.xml")
    }
    #expect(error.description.hasPrefix("m.xml:2:32: error: the file contains a NUL byte"))
  }

  @Test func aThousandSchemaErrorsAreReportedAsTheFirstHundred() throws {
    let clauses = String(
      repeating: "<clause id=\"c\" bogus=\"1\"><text xml:lang=\"en\">x</text></clause>\n", count: 1_000)
    let document = "<section xmlns=\"urn:concord:1\" id=\"s\" kind=\"operative\">\n\(clauses)</section>"
    let error = try #require(throws: DiagnosticsError.self) {
      try DocumentReader().read(Data(document.utf8), displayPath: "s.xml")
    }
    #expect(error.diagnostics.count == 101)
    #expect(
      error.diagnostics.last?.description == "s.xml: error: too many errors; stopped after the first 100")
  }

  @Test func aFIFOIsRefusedAtOnceInsteadOfWaitedOn() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("members.xml").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let error = try #require(throws: DiagnosticsError.self) { try FileSystem.read(fifo, limit: 1 << 20) }
    #expect(error.description.hasSuffix("is not a regular file (a FIFO, socket or device), expected a file"))
  }
}
