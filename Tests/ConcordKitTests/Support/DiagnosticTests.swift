import Testing

@testable import ConcordKit

/// Diagnostics read like a compiler's, so editors and CI logs can jump to them.
@Suite struct DiagnosticTests {
  @Test func aDiagnosticReadsFileLineColumnSeverityMessage() {
    let diagnostic = Diagnostic(
      file: "Drafts/sco-2025/clauses/02-political.xml", line: 14, column: 5,
      message: "duplicate clause id \"pol-un\"")
    #expect(
      diagnostic.description
        == #"Drafts/sco-2025/clauses/02-political.xml:14:5: error: duplicate clause id "pol-un""#)
  }

  @Test func anUnknownColumnIsShownAsTheStartOfTheLine() {
    #expect(Diagnostic(file: "a.xml", line: 3, message: "m").description == "a.xml:3:1: error: m")
  }

  @Test func aProblemWithAWholeFileHasNoLine() {
    #expect(Diagnostic(file: "a.xml", message: "no such file").description == "a.xml: error: no such file")
  }

  @Test func warningsAndNotesSayWhatTheyAre() {
    #expect(
      Diagnostic(file: "a.xml", line: 1, column: 2, severity: .warning, message: "m").description
        == "a.xml:1:2: warning: m")
    #expect(
      Diagnostic("m", at: SourceLocation(file: "a.xml", line: 7, column: 9), severity: .note).description
        == "a.xml:7:9: note: m")
  }

  @Test func severalDiagnosticsAreOneALine() {
    let error = DiagnosticsError([
      Diagnostic(file: "a.xml", line: 1, column: 1, message: "first"),
      Diagnostic(file: "b.xml", message: "second"),
    ])
    #expect(error.description == "a.xml:1:1: error: first\nb.xml: error: second")
  }

  @Test func repeatsAreDroppedInFirstSeenOrder() {
    let a = Diagnostic(file: "a.xml", message: "a")
    let b = Diagnostic(file: "b.xml", message: "b")
    #expect([a, b, a, b, a].removingRepeats() == [a, b])
  }
}
