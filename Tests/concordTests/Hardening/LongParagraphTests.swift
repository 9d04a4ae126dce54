import Foundation
import Testing

/// Paragraphs far longer than any real one, within every limit (a text up to 1 MiB), that
/// differ everywhere: the word diff once took O(N²) on them (20 s to assemble, 24 s to diff).
/// Checked for what they print and write, never for time: the run's timeout only catches a
/// hang.
@Suite struct LongParagraphTests {
  /// The template workspace, with `coop-trade`'s English text replaced by `text`.
  private static func workspace(paragraph text: String, in scratch: Scratch) throws {
    _ = try BadInput("long-paragraph").prepare(in: scratch)
    let clauses = scratch.path + "/ws/clauses/02-cooperation.xml"
    let original = try String(contentsOfFile: clauses, encoding: .utf8)
    let old = "<text xml:lang=\"en\"><parties/> will deepen cooperation in trade and investment.</text>"
    try #require(original.contains(old))
    try original.replacingOccurrences(of: old, with: "<text xml:lang=\"en\">\(text)</text>")
      .write(toFile: clauses, atomically: true, encoding: .utf8)
  }

  private static func amendment(_ code: String, _ text: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <positions xmlns="urn:concord:1" participant="\(code)" round="1" answers="0">
      <amend paragraph="coop-trade">
        <text xml:lang="en">\(text)</text>
      </amend>
    </positions>
    """
  }

  @Test func twoFortyThousandWordAmendmentsOfAFortyThousandWordParagraphAssemble() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var words = Words(seed: 3)
    let current = words.text(40_000)
    // Each member rewrites one half, word for word; the twenty words in the middle stay, so the
    // two amendments edit disjoint spans and make a consolidated option.
    let (firstHalf, middle, secondHalf) = (
      current.prefix(19_990), current[19_990..<20_010], current.suffix(19_990)
    )
    let first = words.rewrite(firstHalf)
    let second = words.rewrite(secondHalf)
    let aut = (first + middle + secondHalf).joined(separator: " ")
    let bel = (firstHalf + middle + second).joined(separator: " ")
    try Self.workspace(paragraph: current.joined(separator: " "), in: scratch)
    try Self.amendment("AUT", aut).write(
      toFile: scratch.path + "/ws/positions/round-1/AUT.xml", atomically: true, encoding: .utf8)
    try Self.amendment("BEL", bel).write(
      toFile: scratch.path + "/ws/positions/round-1/BEL.xml", atomically: true, encoding: .utf8)

    let outcome = try ConcordProcess.run(["assemble", "ws"], in: scratch.path, timeout: 600)
    #expect(outcome.status == 0 && !outcome.signalled && !outcome.timedOut, "\(outcome)")
    #expect(outcome.standardOutput.contains("wrote ws/revisions/rev-1.xml"), "\(outcome)")
    let revision = try String(contentsOfFile: scratch.path + "/ws/revisions/rev-1.xml", encoding: .utf8)
    for text in [aut, bel, (first + middle + second).joined(separator: " ")] {
      #expect(revision.contains(">\(text)</text>"), "an option holds each amendment and their consolidation")
    }
    #expect(revision.contains("FACILITATOR"))
  }

  @Test func theDiffOfTwoDifferentSixtyThousandWordParagraphsGivesBothTextsBack() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var words = Words(seed: 4)
    let old = words.text(60_000).joined(separator: " ")
    let new = words.text(60_000).joined(separator: " ")
    try Self.workspace(paragraph: old, in: scratch)
    let setup = try ConcordProcess.run(["assemble", "ws", "--until", "0"], in: scratch.path, timeout: 600)
    try #require(setup.status == 0, "\(setup)")
    let a = scratch.path + "/ws/revisions/rev-0.xml"
    let b = scratch.path + "/b.xml"
    let revision = try String(contentsOfFile: a, encoding: .utf8)
    try #require(revision.contains(">\(old)</text>"))
    try revision.replacingOccurrences(of: ">\(old)</text>", with: ">\(new)</text>")
      .write(toFile: b, atomically: true, encoding: .utf8)

    let outcome = try ConcordProcess.run(
      ["diff", a, b, "--format", "json"], in: scratch.path, timeout: 600)
    #expect(outcome.status == 0 && !outcome.signalled && !outcome.timedOut, "\(outcome)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let changes = try #require(json["changes"] as? [[String: Any]])
    let change = try #require(changes.first { $0["id"] as? String == "coop-trade" })
    #expect(change["kind"] as? String == "changed")
    let pieces = try #require((change["words"] as? [String: Any])?["en"] as? [[String: String]])
    func text(without operation: String) -> String {
      pieces.filter { $0["op"] != operation }.compactMap { $0["text"] }.joined()
    }
    #expect(text(without: "insert") == old)
    #expect(text(without: "delete") == new)
  }
}

/// Seeded words (SplitMix64), the same on every machine.
private struct Words {
  private var generator: SplitMix
  init(seed: UInt64) { generator = SplitMix(seed: seed) }

  static let list = """
    cooperation development security member states organisation support regional stability \
    international trade investment energy digital economy agriculture green sustainable people \
    exchanges culture education youth health tourism science innovation the of and in for to with
    """.split(separator: " ").map(String.init)

  mutating func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }

  mutating func text(_ count: Int) -> [String] { (0..<count).map { _ in Self.list[next(Self.list.count)] } }

  /// Every word replaced by another one.
  mutating func rewrite(_ words: ArraySlice<String>) -> [String] {
    words.map { word in
      let other = Self.list[next(Self.list.count - 1)]
      return other == word ? Self.list[Self.list.count - 1] : other
    }
  }
}
