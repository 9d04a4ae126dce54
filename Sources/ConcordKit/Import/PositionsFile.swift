import Foundation

/// Positions written as their file, `positions/round-<k>/<CODE>.xml`, and checked against
/// `positions.xsd` before anyone writes them.
enum PositionsFile {
  static func bytes(_ positions: Positions, languages: [String], path: String, reader: DocumentReader) throws
    -> Data
  {
    var writer = XMLWriter()
    writer.start(
      "positions",
      [
        ("xmlns", XML.concordNamespace), ("participant", positions.participant),
        ("round", String(positions.round)),
        ("answers", String(positions.answers)),
      ])
    for stance in positions.stances { write(stance, languages: languages, to: &writer) }
    writer.end()
    if let problem = writer.problems.first {
      throw DiagnosticsError(Diagnostic(file: path, message: problem))
    }
    let errors = reader.validate(writer.data, as: .positions, displayPath: path)
    if !errors.isEmpty { throw DiagnosticsError(errors) }
    return writer.data
  }

  private static func write(_ stance: Stance, languages: [String], to writer: inout XMLWriter) {
    let paragraph = ("paragraph", Optional(stance.paragraph))
    func option(_ reference: OptionReference) -> (String, String?) {
      ("option", reference == .current ? nil : reference.description)
    }
    switch stance.action {
    case .support(let reference): writer.empty("support", [paragraph, option(reference)])
    case .dissociate(let reference): writer.empty("dissociate", [paragraph, option(reference)])
    case .withdraw(let reference): writer.empty("withdraw", [paragraph, ("option", reference.description)])
    case .delete: writer.empty("delete", [paragraph])
    case .reserve(let reference, let note):
      writer.element("reserve", [paragraph, option(reference)], text: note)
    case .comment(let text): writer.element("comment", [paragraph], text: text)
    case .amend(let texts):
      writer.start("amend", [paragraph])
      for (language, text) in texts.inOrder(of: languages) {
        writer.element("text", [("xml:lang", language)], text: text)
      }
      writer.end()
    case .insert(let after, let texts):
      writer.start("insert", [("id", stance.paragraph), ("after", after)])
      for (language, text) in texts.inOrder(of: languages) {
        writer.element("text", [("xml:lang", language)], text: text)
      }
      writer.end()
    }
  }

  /// "IND: 3 amend, 1 delete, 1 insert, 2 comments".
  static func summary(_ positions: Positions) -> String {
    var counts: [Stance.Kind: Int] = [:]
    for stance in positions.stances { counts[stance.kind, default: 0] += 1 }
    let parts = Stance.Kind.allCases.compactMap { kind -> String? in
      guard let count = counts[kind] else { return nil }
      return kind == .comment ? "\(count) comment\(count == 1 ? "" : "s")" : "\(count) \(kind)"
    }
    return "\(positions.participant): " + (parts.isEmpty ? "no changes" : parts.joined(separator: ", "))
  }
}

extension EditedCopy {
  /// The positions the copy says, answering the revision it was circulated from.
  var positions: Positions {
    Positions(
      participant: participant, round: round, answers: declaration.revision, stances: stances,
      location: SourceLocation(file: path))
  }
}
