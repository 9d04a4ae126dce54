import Foundation

@testable import ConcordKit

/// What each fuzz target does with one input. Inputs Concord refuses with a diagnostic are
/// fine; a crash, a hang, or a broken property (checked with `fatalError`) is a finding.
///
/// `Tests/ConcordKitTests/Hardening/FuzzRegressionTests.swift` replays every input these
/// found through the same steps.
public enum Harness {
  /// A clause file: read, validate against `section.xsd`, decode the section.
  public static func clause(_ bytes: UnsafeRawBufferPointer) {
    guard let root = try? reader.read(Data(bytes), as: .section, displayPath: "fuzz.xml") else {
      return
    }
    let section = InputDecoding.section(root, file: "fuzz.xml")
    for clause in section.clauses {
      for text in clause.texts.values { _ = text.rendered(subject: "The Member States") }
    }
  }

  /// A position file: read and decode it, put it in place of its participant's file in the
  /// example's round 1 or 2, and when the cross-checks accept the round, merge it into the
  /// next revision. That revision must write out as valid XML.
  public static func positions(_ bytes: UnsafeRawBufferPointer) {
    guard let root = try? reader.read(Data(bytes), as: .positions, displayPath: "fuzz.xml"),
      let example
    else { return }
    let code = root[attribute: "participant"] ?? ""
    let positions = InputDecoding.positions(
      root, file: "\(example.workspace.path)/positions/round-\(root[attribute: "round"] ?? "")/\(code).xml")
    let k = positions.round
    guard k == 1 || k == 2 else { return }
    var workspace = example.workspace
    workspace.rounds = Array(workspace.rounds.prefix(k))
    workspace.rounds[k - 1].positions.removeAll { $0.participant == code }
    workspace.rounds[k - 1].positions.append(positions)
    var checks = CrossChecks(workspace: workspace)
    checks.run()
    guard checks.diagnostics.isEmpty else { return }
    let merger = RoundMerger(
      previous: example.revisions[k - 1], round: workspace.rounds[k - 1],
      settings: workspace.settings, participants: workspace.participants)
    guard let next = try? merger.merge() else { return }
    let written: String
    do {
      written = try DeclarationWriter().xml(next)
    } catch {
      fatalError("a revision merged from accepted positions cannot be written: \(error)")
    }
    do {
      _ = try reader.read(Data(written.utf8), as: .declaration, displayPath: "rev.xml")
    } catch {
      fatalError("a revision merged from accepted positions is not valid: \(error)")
    }
  }

  /// A revision file: read, validate, decode, write back. What is written must be valid and
  /// stable: writing what it decodes to gives the same bytes again.
  public static func revision(_ bytes: UnsafeRawBufferPointer) {
    guard let root = try? reader.read(Data(bytes), as: .declaration, displayPath: "fuzz.xml")
    else { return }
    let declaration = DeclarationDecoding.declaration(root, file: "fuzz.xml")
    guard let first = try? DeclarationWriter().xml(declaration) else { return }
    do {
      let again = try reader.read(Data(first.utf8), as: .declaration, displayPath: "first.xml")
      let second = try DeclarationWriter().xml(DeclarationDecoding.declaration(again, file: "first.xml"))
      if second != first { fatalError("writing a decoded revision twice gives different bytes") }
    } catch {
      fatalError("a decoded revision does not write back valid: \(error)")
    }
  }

  /// The word tokenizer, the word diff and the hunks of the consolidation: tokens concatenate
  /// to the text, the diff gives both texts back, and applying the hunks of a diff to the old
  /// text gives the new one. The input is up to
  /// three texts separated by NUL bytes.
  public static func tokens(_ bytes: UnsafeRawBufferPointer) {
    let texts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    let old = texts[0]
    let bytes = Array(old.utf8)
    let joined = Tokenizer.tokens(of: old).flatMap { bytes[$0.range] }
    if joined != bytes { fatalError("tokens do not concatenate to the text") }
    guard texts.count >= 2 else { return }
    if Hunk.apply(Hunk.hunks(from: old, to: texts[1]), to: old) != texts[1] {
      fatalError("applying the hunks of a diff does not give the new text")
    }
    let edits = ParagraphWords.edits(from: old, to: texts[1])
    if edits.filter({ $0.operation != .insert }).map(\.text).joined() != old
      || edits.filter({ $0.operation != .delete }).map(\.text).joined() != texts[1]
    {
      fatalError("the word diff does not give both texts back")
    }
    let candidates = texts.dropFirst().enumerated().map { index, text in
      (number: index + 2, texts: ["en": ClauseText(source: text)])
    }
    _ = Consolidation.consolidate(
      current: ["en": ClauseText(source: old)], candidates: candidates, baseLanguage: "en",
      languages: ["en"])
  }

  // MARK: - Fixed state

  static let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded), limits: Limits())

  /// The example workspace and its revisions 0 and 1, loaded once.
  static let example: (workspace: Workspace, revisions: [Declaration])? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Drafts/sco-2025").path
    guard let workspace = try? WorkspaceLoader(reader: reader).load(path),
      let round = workspace.round(1)
    else { return nil }
    let rev0 = ZeroDraft.declaration(from: workspace)
    let merger = RoundMerger(
      previous: rev0, round: round, settings: workspace.settings,
      participants: workspace.participants)
    guard let rev1 = try? merger.merge() else { return nil }
    return (workspace, [rev0, rev1])
  }()
}
