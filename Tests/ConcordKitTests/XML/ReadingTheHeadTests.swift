import Foundation
import Testing

@testable import ConcordKit

/// A consumer that has all it needs ends the reading: a revision's head is read without its
/// paragraphs, and what was not read is not reported.
@Suite struct ReadingTheHeadTests {
  let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded))

  /// Counts the events it hears; when `stops`, satisfied at the first `<section>`.
  final class CountingConsumer: XMLEventConsumer {
    let stops: Bool
    private(set) var events = 0
    private var sawSection = false

    init(stops: Bool) { self.stops = stops }

    var wantsColumns: Bool { false }
    var isSatisfied: Bool { stops && sawSection }

    func start(_ element: XML.Element, endingAt offset: Int) -> Bool {
      events += 1
      if element.name == "section" { sawSection = true }
      return true
    }
    func text(_ text: String) { events += 1 }
    func end(at offset: Int) { events += 1 }
  }

  /// A declaration of 2,000 paragraphs in two sections (several of the parser's 64 KiB
  /// slices).
  static let large: Data = {
    let ids = (1...2_000).map { "p\($0)" }
    let declaration = Make.declaration(
      3,
      sections: [("one", Make.numbered(Array(ids[..<1_000]))), ("two", Make.numbered(Array(ids[1_000...])))])
    return (try? DeclarationWriter().bytes(declaration)) ?? Data()
  }()

  /// Where the first `<section` starts.
  static let headEnd: Int = {
    let pattern = Data("<section ".utf8)
    return large.range(of: pattern)?.lowerBound ?? 0
  }()

  @Test func aConsumerSatisfiedAtTheFirstSectionStopsThereWithoutError() throws {
    #expect(Self.large.count > 4 * 65_536 && Self.headEnd > 0)
    let whole = CountingConsumer(stops: false)
    try reader.read(Self.large, as: .declaration, displayPath: "rev-3.xml", into: whole)
    let head = CountingConsumer(stops: true)
    try reader.read(Self.large, as: .declaration, displayPath: "rev-3.xml", into: head)
    #expect(whole.events > 20_000)
    #expect(head.events < 200)
  }

  @Test func theHeadHoldsEverythingBeforeTheFirstSection() throws {
    let head = try reader.readHead(Self.large, as: .declaration, displayPath: "rev-3.xml", before: "section")
    #expect(head.name == "declaration" && head[attribute: "revision"] == "3")
    #expect(head.elements(named: "section").isEmpty)
    #expect(
      head.elements(named: "participants").first?.elements(named: "participant").count
        == Make.participants.count)
    #expect(head.elements(named: "history").first?.elements.count == 4)
  }

  @Test func whatIsNotReadIsNotReportedButAReadingOfTheWholeFileFindsIt() throws {
    let truncated = Self.large.prefix(Self.headEnd + 40)
    let head = try reader.readHead(truncated, as: .declaration, displayPath: "rev-3.xml", before: "section")
    #expect(head.elements(named: "participants").count == 1)
    let problems = reader.validate(truncated, as: .declaration, displayPath: "rev-3.xml")
    #expect(problems.map(\.message).contains { $0.hasPrefix("Premature end of data") })
    #expect(throws: DiagnosticsError.self) {
      try reader.read(
        truncated, as: .declaration, displayPath: "rev-3.xml", into: CountingConsumer(stops: false))
    }
  }

  @Test func aHeadThatBreaksItsSchemaIsStillAnError() throws {
    let text = String(decoding: Self.large, as: UTF8.self)
      .replacingOccurrences(of: "<participants>", with: "<participants><stray/>")
    #expect(throws: DiagnosticsError.self) {
      try reader.readHead(Data(text.utf8), as: .declaration, displayPath: "rev-3.xml", before: "section")
    }
  }
}
