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
    guard checks.diagnostics.isEmpty,
      let next = try? Negotiation(workspace).revision(after: example.revisions[k - 1])
    else { return }
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
    // The merge may not depend on the order its position files and stances are read in.
    var generator = SeededOrder(
      seed: UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bytes.first ?? 0))
    var shuffled = workspace.rounds[k - 1]
    shuffled.positions.shuffle(using: &generator)
    for index in shuffled.positions.indices { shuffled.positions[index].stances.shuffle(using: &generator) }
    guard
      let again = try? Negotiation(workspace).revision(after: example.revisions[k - 1], round: shuffled),
      (try? DeclarationWriter().xml(again)) == written
    else { fatalError("the merge depends on the order its positions and stances are read in") }
  }

  /// A revision file: read, validate, decode, write back. What is written must be valid and
  /// stable: writing what it decodes to gives the same bytes again. Read as an outline (how
  /// `concord diff` reads), it must compare with its rewritten self as the decoded revisions
  /// do: nothing changed, every paragraph decoded on its own.
  public static func revision(_ bytes: UnsafeRawBufferPointer) {
    splitReadingAgrees(Data(bytes))
    guard let root = try? reader.read(Data(bytes), as: .declaration, displayPath: "fuzz.xml")
    else { return }
    let declaration = DeclarationDecoding.declaration(root, file: "fuzz.xml")
    guard let first = try? DeclarationWriter().xml(declaration) else { return }
    do {
      let again = try reader.read(Data(first.utf8), as: .declaration, displayPath: "first.xml")
      let decodedAgain = DeclarationDecoding.declaration(again, file: "first.xml")
      let second = try DeclarationWriter().xml(decodedAgain)
      if second != first { fatalError("writing a decoded revision twice gives different bytes") }
      let input = try DeclarationOutline(Data(bytes), file: "fuzz.xml", reader: reader)
      let rewritten = try DeclarationOutline(Data(first.utf8), file: "first.xml", reader: reader)
      let eager = DeclarationDiff.changes(from: declaration, to: decodedAgain)
      let outlined = DeclarationDiff.changes(from: input, to: rewritten)
      if outlined != eager { fatalError("the outline diff differs from the decoded diff") }
      if DeclarationDiff.changes(from: input, to: input)
        != DeclarationDiff.changes(from: declaration, to: declaration)
      {
        fatalError("an outline compared with itself differs from the decoded revision compared with itself")
      }
      if input.fellBackToWholeDecoding || rewritten.fellBackToWholeDecoding {
        fatalError("a paragraph of a valid revision could not be decoded on its own")
      }
    } catch {
      fatalError("a decoded revision does not write back valid: \(error)")
    }
  }

  /// Any bytes, read as a revision read alone is (validated beside a decoding pass that sees
  /// them unvalidated), give what the one validating pass gives: the same declaration, or
  /// the same errors. The decoder meets every broken document here, and must not trap.
  static func splitReadingAgrees(_ data: Data) {
    let one = Result { try DeclarationDecoding.declaration(data, file: "fuzz.xml", reader: reader) }
    let split = Result {
      try DeclarationDecoding.declaration(data, file: "fuzz.xml", reader: reader, alongside: true, from: 0)
    }
    switch (one, split) {
    case (.success(let a), .success(let b)) where a == b: return
    case (.failure(let a), .failure(let b))
    where DiagnosticsError.diagnostics(of: a, file: "fuzz.xml")
      == DiagnosticsError.diagnostics(of: b, file: "fuzz.xml"):
      return
    default: fatalError("reading beside the validation differs from the one pass: \(one) vs \(split)")
    }
  }

  /// The word tokenizer, the word edits and the consolidation's hunks: tokens cover the text
  /// without gaps or overlaps, the word edits give both texts back, and applying the hunks of
  /// a diff to the old text gives the new one. The input is up to three texts separated by
  /// NUL bytes.
  public static func tokens(_ bytes: UnsafeRawBufferPointer) {
    let texts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    let old = texts[0]
    var covered = 0
    for token in Tokenizer.tokens(of: old) {
      if token.range.lowerBound != covered || token.range.isEmpty {
        fatalError("tokens leave a gap or overlap")
      }
      covered = token.range.upperBound
    }
    if covered != old.utf8.count { fatalError("tokens do not cover the text") }
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

  /// The word diff. On two sequences of token ids (the input's bytes, modulo 16, either side
  /// of the first NUL): the edit script rebuilds both, in runs that never repeat an operation,
  /// and is minimal (checked against the longest common subsequence). On the same bytes as two
  /// texts: the word edits give both texts back.
  public static func diff(_ bytes: UnsafeRawBufferPointer) {
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let old = parts[0].map { Int($0 % 16) }
    let new = parts.count > 1 ? parts[1].map { Int($0 % 16) } : []
    var rebuilt: (old: [Int], new: [Int]) = ([], [])
    var previous: Edit.Operation?
    var changed = 0
    for edit in WordDiff.script(from: old, to: new) {
      if edit.operation == previous { fatalError("two runs of one operation in a row") }
      if edit.old.lowerBound != rebuilt.old.count || edit.new.lowerBound != rebuilt.new.count {
        fatalError("an edit does not start where the last one ended")
      }
      previous = edit.operation
      switch edit.operation {
      case .equal:
        if Array(old[edit.old]) != Array(new[edit.new]) { fatalError("an equal run differs") }
      case .delete:
        if !edit.new.isEmpty { fatalError("a deletion takes new tokens") }
      case .insert:
        if !edit.old.isEmpty { fatalError("an insertion takes old tokens") }
      }
      if edit.operation != .equal { changed += edit.old.count + edit.new.count }
      rebuilt.old += old[edit.old]
      rebuilt.new += new[edit.new]
    }
    if rebuilt.old != old || rebuilt.new != new { fatalError("the script does not rebuild both sides") }
    if changed != old.count + new.count - 2 * longestCommonSubsequence(old, new) {
      fatalError("the script is not minimal")
    }
    let texts = parts.map { String(decoding: $0, as: UTF8.self) }
    let edits = ParagraphWords.edits(from: texts[0], to: texts.count > 1 ? texts[1] : "")
    let before = edits.filter { $0.operation != .insert }.map(\.text).joined()
    let after = edits.filter { $0.operation != .delete }.map(\.text).joined()
    if before != texts[0] || after != (texts.count > 1 ? texts[1] : "") {
      fatalError("the word edits do not give both texts back")
    }
  }

  /// The length of the longest common subsequence, by dynamic programming: O(N·M).
  static func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
    var row = [Int](repeating: 0, count: b.count + 1)
    for x in a {
      var diagonal = 0
      for j in 1..<(b.count + 1) {
        let above = row[j]
        row[j] = x == b[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
        diagonal = above
      }
    }
    return row[b.count]
  }

  // MARK: - Fixed state

  static let reader = DocumentReader(schemas: SchemaLibrary(source: .embedded), limits: Limits())

  /// The example workspace and its revisions 0 and 1, loaded once.
  static let example: (workspace: Workspace, revisions: [Declaration])? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Drafts/sco-2025").path
    guard let workspace = try? WorkspaceLoader(reader: reader).load(path) else { return nil }
    guard let revisions = try? Negotiation(workspace).revisions(until: 1), revisions.count == 2 else {
      return nil
    }
    return (workspace, revisions)
  }()
}

/// SplitMix64: a reproducible order for the shuffles of one fuzz input.
struct SeededOrder: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
