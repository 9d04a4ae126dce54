import ArgumentParser
import ConcordKit
import Foundation

/// The word diff's worst cases: paragraph pairs within the input limits (a text up to 1 MiB)
/// that differ everywhere, each timed in process through the public API — `DeclarationDiff`
/// for what `concord diff` does with one paragraph, `Negotiation` for the merger's
/// consolidation, which diffs each amendment against the current text.
struct WordDiffBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worddiff",
    abstract: "Time the word diff on long paragraphs that differ everywhere (target: 0.5 s each).")

  @Option(
    name: .customLong("repeat"),
    help: "Repetitions of each pair, after one warm-up run (the median is reported).")
  var repetitions: Int = 3

  @Option(help: "Words per paragraph in the English pairs.")
  var words = 60_000

  @Option(help: "Words of the paragraph and of each amendment in the consolidation case.")
  var amendmentWords = 40_000

  @Option(help: "Han characters per paragraph in the Chinese pair.")
  var characters = 300_000

  @Option(
    help:
      "Cases to run, comma-separated: unrelated, replaced, reversed, han-unrelated, han-replaced, repeated, merge."
  )
  var cases = "unrelated,replaced,reversed,han-unrelated,han-replaced,repeated,merge"

  @Flag(inversion: .prefixedNo, help: "Run each case once before timing it.")
  var warmUp = true

  func validate() throws {
    guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1.") }
  }

  func run() throws {
    var generator = TextGenerator(seed: 11)
    let english = generator.words(words)
    var han = TextGenerator(seed: 13)
    let chinese = han.han(characters)
    var consolidation = TextGenerator(seed: 5)
    let current = consolidation.words(amendmentWords)
    let amendments = (consolidation.rewrite(current, share: 0.5), consolidation.rewrite(current, share: 0.5))
    var edits = TextGenerator(seed: 17)
    let all: [(key: String, name: String, run: () throws -> String)] = [
      (
        "unrelated", "two unrelated \(words)-word texts",
        { [b = generator.words(words)] in Self.diff(english, b) }
      ),
      (
        "replaced", "\(words) words, about 1 in 20 replaced",
        { [b = edits.rewrite(english, share: 0.05)] in Self.diff(english, b) }
      ),
      (
        "reversed", "a \(words)-word text against itself reversed",
        { [b = Self.reversed(english)] in Self.diff(english, b) }
      ),
      (
        "han-unrelated", "\(characters) Han characters, unrelated",
        { [b = han.han(characters)] in Self.diff(chinese, b, language: "zh") }
      ),
      (
        "han-replaced", "\(characters) Han characters, 1 in 10 replaced",
        { [b = han.rewriteHan(chinese, share: 0.1)] in Self.diff(chinese, b, language: "zh") }
      ),
      (
        "repeated", "one word repeated \(words) times, against \(words / 2) times",
        { [a = Self.repeated("peace", words), b = Self.repeated("peace", words / 2) + " and war"] in
          Self.diff(a, b)
        }
      ),
      (
        "merge", "\(amendmentWords) words and two \(amendmentWords)-word rewrites (merge)",
        { try Self.consolidate(current, amendments.0, amendments.1) }
      ),
    ]
    let wanted = Set(cases.split(separator: ",").map(String.init))
    print("word diff, median of \(repetitions)" + (warmUp ? " after one warm-up run" : ""))
    for (_, name, work) in all.filter({ wanted.contains($0.key) }) {
      if warmUp { _ = try work() }
      var seconds: [Double] = []
      var summary = ""
      for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        summary = try work()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      let median = seconds.sorted()[seconds.count / 2]
      print(
        "  " + name.padding(toLength: 62, withPad: " ", startingAt: 0)
          + String(format: "%8.3f s", median) + "  " + summary)
      fflush(nil)
    }
  }

  // MARK: - The cases

  /// The one paragraph of each side compared as `concord diff` does; the pieces are checked to
  /// give both texts back. Returns a short summary of what the diff found.
  static func diff(_ old: String, _ new: String, language: String = "en") -> String {
    let changes = DeclarationDiff.changes(
      from: declaration(old, language: language, revision: 1),
      to: declaration(new, language: language, revision: 2))
    let edits = changes.paragraphs.first?.words.first?.edits ?? []
    let before = edits.filter { $0.operation != .insert }.map(\.text).joined()
    let after = edits.filter { $0.operation != .delete }.map(\.text).joined()
    let exact = before == old && after == new
    let kept = edits.filter { $0.operation == .equal }.reduce(0) { $0 + $1.text.utf8.count }
    return "\(edits.count) pieces, \(kept * 100 / max(new.utf8.count, 1))% kept"
      + (exact ? "" : ", NOT REBUILDING BOTH TEXTS")
  }

  /// A paragraph and two members who each amend it with a rewrite of its words: the round's
  /// merge diffs each amendment against the current text to consolidate them.
  static func consolidate(_ current: String, _ first: String, _ second: String) throws -> String {
    let previous = declaration(current, language: "en", revision: 0)
    let stances = [("AAA", first), ("BBB", second)].map { code, amended in
      Positions(
        participant: code, round: 1, answers: 0,
        stances: [
          Stance(
            paragraph: "p", action: .amend(["en": ClauseText(plain: amended)]),
            location: SourceLocation(file: "\(code).xml"))
        ], location: SourceLocation(file: "\(code).xml"))
    }
    let round = Round(number: 1, positions: stances)
    let workspace = Workspace(
      path: "bench", settings: previous.settings, participants: previous.participants, sections: [],
      rounds: [round], inputs: [])
    let merged = try Negotiation(workspace).revision(after: previous, round: round)
    return "\(merged?.paragraphs.first?.options.count ?? 0) options"
  }

  static func declaration(_ text: String, language: String, revision: Int) -> Declaration {
    let paragraph = Paragraph(
      id: "p", number: "1", status: revision == 0 ? .draft : .agreed, since: 0,
      options: [ConcordKit.Option(reference: .current, texts: [language: ClauseText(plain: text)])])
    return Declaration(
      revision: revision,
      settings: Settings(
        id: "bench", titles: [language: "Bench"], body: "Bench", languages: [language],
        baseLanguage: language,
        subjects: [language: "The Member States"]),
      participants: ["AAA", "BBB"].map { Participant(code: $0, status: .member, names: [:]) },
      history: (0...revision).map { HistoryEntry(revision: $0) }, provenance: [],
      sections: [DeclarationSection(id: "s", kind: .operative, headings: [:], paragraphs: [paragraph])])
  }

  static func reversed(_ text: String) -> String {
    text.split(separator: " ").reversed().joined(separator: " ")
  }

  static func repeated(_ word: String, _ count: Int) -> String {
    Array(repeating: word, count: count).joined(separator: " ")
  }
}

extension TextGenerator {
  fileprivate mutating func words(_ count: Int) -> String {
    (0..<count).map { _ in Self.latin[next(Self.latin.count)] }.joined(separator: " ")
  }

  fileprivate mutating func han(_ count: Int) -> String {
    String((0..<count).map { _ in Self.han[next(Self.han.count)] })
  }

  /// `text` with about `share` of its words replaced by others.
  fileprivate mutating func rewrite(_ text: String, share: Double) -> String {
    text.split(separator: " ").map { chance(share) ? Self.latin[next(Self.latin.count)] : String($0) }
      .joined(separator: " ")
  }

  fileprivate mutating func rewriteHan(_ text: String, share: Double) -> String {
    String(text.map { chance(share) ? Self.han[next(Self.han.count)] : $0 })
  }
}
