import ArgumentParser
import ConcordKit
import Foundation

/// Two revisions of one synthetic declaration: B is A with a given share of paragraphs
/// edited (a few words in every language), inserted, deleted and moved.
struct GeneratePair: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pair", abstract: "Write two revisions (a.xml, b.xml) of a synthetic declaration.")

  @Argument(help: "The folder to write a.xml and b.xml into.")
  var output: String

  @Option(help: "Number of paragraphs.")
  var paragraphs = 10_000

  @Option(help: "Share of paragraphs edited.")
  var edited = 0.05

  @Option(help: "Share of paragraphs inserted.")
  var inserted = 0.01

  @Option(help: "Share of paragraphs deleted.")
  var deleted = 0.01

  @Option(help: "Share of paragraphs moved.")
  var moved = 0.01

  @Option(help: "Languages, comma-separated.")
  var languages = "en,ru,zh"

  @Option(help: "Mean words per paragraph and language.")
  var words = 18

  @Option(help: "Random seed.")
  var seed: UInt64 = 2025

  func run() throws {
    let (a, b) = PairGenerator(
      paragraphs: paragraphs, edited: edited, inserted: inserted, deleted: deleted, moved: moved,
      languages: languages.split(separator: ",").map(String.init), words: words, seed: seed
    ).make()
    try writeFile(try DeclarationWriter().xml(a), to: output + "/a.xml")
    try writeFile(try DeclarationWriter().xml(b), to: output + "/b.xml")
    print(
      "wrote \(output)/a.xml (\(a.paragraphs.count) paragraphs) and \(output)/b.xml (\(b.paragraphs.count))")
  }
}

struct PairGenerator {
  var paragraphs: Int
  var edited: Double
  var inserted: Double
  var deleted: Double
  var moved: Double
  var languages: [String]
  var words = 18
  var seed: UInt64

  func make() -> (Declaration, Declaration) {
    let folder = FileManager.default.temporaryDirectory.path + "/concord-pair-\(seed)-\(paragraphs)"
    let generator = WorkspaceGenerator(
      paragraphs: paragraphs, participants: 26, languages: languages, rounds: 0, share: 0, words: words,
      seed: seed)
    let workspace =
      (try? generator.write(to: folder))
      ?? Workspace(
        path: folder,
        settings: Settings(
          id: "x", titles: [:], body: "x", languages: languages, baseLanguage: "en", subjects: [:]),
        participants: [], sections: [], rounds: [], inputs: [])
    try? FileManager.default.removeItem(atPath: folder)
    var a = Negotiation(workspace).zeroDraft()
    for s in a.sections.indices {
      for p in a.sections[s].paragraphs.indices { a.sections[s].paragraphs[p].status = .agreed }
    }
    a.revision = 1
    a.history = [HistoryEntry(revision: 0), HistoryEntry(revision: 1)]

    var text = TextGenerator(seed: seed &+ 1)
    var b = a
    b.revision = 2
    b.history.append(HistoryEntry(revision: 2))
    var movedParagraphs: [Paragraph] = []
    var newCount = 0
    for s in b.sections.indices {
      var result: [Paragraph] = []
      for var paragraph in b.sections[s].paragraphs {
        if text.chance(deleted) { continue }
        if text.chance(moved) {
          movedParagraphs.append(paragraph)
          continue
        }
        if text.chance(edited), var option = paragraph.current {
          for language in languages {
            if let source = option.texts[language]?.source {
              option.texts[language] = ClauseText(source: text.edit(source, language: language))
            }
          }
          paragraph.options = [option]
          paragraph.changes.append(ChangeRecord(revision: 2, by: ["AAB"]))
        }
        result.append(paragraph)
        if text.chance(inserted) {
          newCount += 1
          var texts: [String: ClauseText] = [:]
          for language in languages {
            texts[language] = ClauseText([.parties, .text(" " + text.sentence(language, words: words))])
          }
          result.append(
            Paragraph(
              id: "new-\(newCount)", status: .agreed, since: 2,
              options: [ConcordKit.Option(reference: .current, sponsors: ["AAC"], round: 2, texts: texts)],
              changes: [ChangeRecord(revision: 2, by: ["AAC"])]))
        }
      }
      b.sections[s].paragraphs = result
    }
    for paragraph in movedParagraphs {
      let s = 1 + text.next(b.sections.count - 1)
      let at = text.next(b.sections[s].paragraphs.count + 1)
      b.sections[s].paragraphs.insert(paragraph, at: at)
    }
    Numbering.apply(to: &a)
    Numbering.apply(to: &b)
    return (a, b)
  }
}
