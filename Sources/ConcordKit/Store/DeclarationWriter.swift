import Foundation

/// Writes a revision in Concord's vocabulary (`Schemas/declaration.xsd`).
///
/// The order of everything is fixed by the model (sections, paragraphs, options) or sorted
/// here (languages in declared order, then any others by code), so the same declaration
/// always gives the same bytes.
public struct DeclarationWriter: Sendable {
  public init() {}

  /// The document's text; throws when a text holds a character XML cannot carry.
  public func xml(_ declaration: Declaration) throws -> String {
    String(decoding: try bytes(declaration), as: UTF8.self)
  }

  /// The document's UTF-8 bytes, as a file holds them, sealed with their digest
  /// (`ContentDigest`); throws as `xml` does.
  public func bytes(_ declaration: Declaration) throws -> Data {
    var writer = XMLWriter()
    let languages = declaration.settings.languages
    writer.start(
      "declaration",
      [
        ("xmlns", XML.concordNamespace), ("workspace", declaration.settings.id),
        ("revision", String(declaration.revision)), ("date", declaration.date),
        ("digest", ContentDigest.placeholder),
      ])
    writeSettings(declaration.settings, to: &writer)
    writer.start("participants")
    for participant in declaration.participants {
      writer.start("participant", [("code", participant.code), ("status", participant.status.rawValue)])
      for (language, name) in participant.names.inOrder(of: languages) {
        writer.element("name", [("xml:lang", language)], text: name)
      }
      writer.end()
    }
    writer.end()
    writer.start("history")
    for entry in declaration.history {
      writer.empty(
        "revision",
        [
          ("n", String(entry.revision)), ("date", entry.date),
          ("participants", entry.participants.isEmpty ? nil : entry.participants.joined(separator: " ")),
        ] + Self.attributes(entry.counts))
    }
    writer.end()
    if declaration.provenance.isEmpty {
      writer.empty("provenance")
    } else {
      writer.start("provenance")
      for input in declaration.provenance {
        writer.empty(
          "input", [("kind", input.kind.rawValue), ("path", input.path), ("sha256", input.sha256)])
      }
      writer.end()
    }
    for section in declaration.sections {
      writer.start("section", [("id", section.id), ("kind", section.kind.rawValue)])
      for (language, heading) in section.headings.inOrder(of: languages) {
        writer.element("heading", [("xml:lang", language)], text: heading)
      }
      // The paragraphs written on every core, a run of them to a fragment, put in order.
      let paragraphs = section.paragraphs
      let depth = writer.depth
      var fragments = parallelRuns(count: paragraphs.count) { run in
        var fragment = XMLWriter(fragmentAt: depth)
        for index in run { write(paragraphs[index], languages: languages, to: &fragment) }
        return fragment
      }
      writer.reserve(fragments.reduce(0) { $0 + $1.count })
      for index in fragments.indices {
        writer.append(fragments[index])
        fragments[index] = XMLWriter(fragmentAt: depth)  // let go of each once copied
      }
      writer.end()
    }
    writer.end()
    if let problem = writer.problems.first {
      throw DiagnosticsError(
        Diagnostic(file: "Rev.\(declaration.revision)", message: problem))
    }
    return ContentDigest.sealed(writer.takeBytes())
  }

  private func writeSettings(_ settings: Settings, to writer: inout XMLWriter) {
    let languages = settings.languages
    for (language, title) in settings.titles.inOrder(of: languages) {
      writer.element("title", [("xml:lang", language)], text: title)
    }
    writer.element("body", text: settings.body)
    writer.element("languages", [("base", settings.baseLanguage)], text: languages.joined(separator: " "))
    writer.empty("consensus", [("silence", settings.silence.rawValue)])
    for (language, subject) in settings.subjects.inOrder(of: languages) {
      writer.element("subject", [("xml:lang", language)], text: subject)
    }
    if let symbol = settings.symbol { writer.element("symbol", text: symbol) }
    if let jurisdiction = settings.jurisdiction { writer.element("jurisdiction", text: jurisdiction) }
  }

  private func write(_ paragraph: Paragraph, languages: [String], to writer: inout XMLWriter) {
    writer.start(
      "paragraph",
      [
        ("id", paragraph.id), ("number", paragraph.number), ("status", paragraph.status.rawValue),
        ("since", String(paragraph.since)), ("inserted", paragraph.inserted ? "true" : nil),
      ])
    for option in paragraph.options {
      let attributes: [(String, String?)] = [
        ("n", option.reference.description),
        ("sponsors", option.sponsors.isEmpty ? nil : option.sponsors.joined(separator: " ")),
        ("round", String(option.round)),
        ("combines", option.combines.isEmpty ? nil : option.combines.map(String.init).joined(separator: " ")),
      ]
      let texts = option.texts.inOrder(of: languages)
      if texts.isEmpty {
        writer.empty("option", attributes)
      } else {
        writer.start("option", attributes)
        for (language, text) in texts { writer.element("text", [("xml:lang", language)], text: text) }
        writer.end()
      }
    }
    for standing in paragraph.dissociations {
      writer.empty(
        "dissociation", [("participant", standing.participant), ("round", String(standing.round))])
    }
    for standing in paragraph.reservations {
      writer.element(
        "reservation", [("participant", standing.participant), ("round", String(standing.round))],
        text: standing.note)
    }
    for stance in paragraph.stances {
      writer.empty(
        "stance",
        [
          ("participant", stance.participant), ("kind", stance.kind.rawValue),
          ("option", stance.option?.description),
        ])
    }
    for comment in paragraph.comments {
      writer.element(
        "comment", [("participant", comment.participant), ("round", String(comment.round))],
        text: comment.note)
    }
    for change in paragraph.changes {
      writer.empty(
        "change",
        [
          ("revision", String(change.revision)),
          ("by", change.by.isEmpty ? nil : change.by.joined(separator: " ")),
        ])
    }
    writer.end()
  }

  /// A history entry's counts as attributes (none when it has none).
  private static func attributes(_ counts: StatusCounts?) -> [(String, String?)] {
    guard let counts else { return [] }
    return [
      ("draft", String(counts.draft)), ("agreed", String(counts.agreed)),
      ("agreed-ad-ref", String(counts.agreedAdReferendum)), ("open", String(counts.open)),
    ]
  }
}
