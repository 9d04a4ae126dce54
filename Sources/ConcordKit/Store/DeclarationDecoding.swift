import Foundation

/// Reads a schema-valid `<declaration>` back into a `Declaration`.
enum DeclarationDecoding {
  /// Reads, validates and decodes a declaration in one pass: each paragraph is decoded when
  /// its end tag comes and its elements let go, so the document's tree never exists whole
  /// (on a large revision, less time and about half the memory of decoding a tree).
  static func declaration(_ data: Data, file: String, reader: DocumentReader) throws -> Declaration {
    var sections: [DeclarationSection] = []
    var paragraphs: [Paragraph] = []
    // <declaration> is depth 0, its <section>s depth 1, their <paragraph>s depth 2.
    let builder = TreeBuilder(columns: false) { element, depth in
      switch (depth, element.name) {
      case (2, "paragraph"):
        paragraphs.append(paragraph(element))
      case (1, "section"):
        sections.append(section(element, paragraphs: paragraphs))
        paragraphs = []
      default:
        return false
      }
      return true
    }
    try reader.read(data, as: .declaration, displayPath: file, into: builder)
    guard let root = builder.root else {
      throw DiagnosticsError(Diagnostic(file: file, message: "the document is empty"))
    }
    return declaration(root, sections: sections, file: file)
  }

  /// Decodes a declaration's whole tree.
  static func declaration(_ root: XML.Element, file: String) -> Declaration {
    let sections = root.elements(named: "section").map {
      section($0, paragraphs: $0.elements(named: "paragraph").map(paragraph))
    }
    return declaration(root, sections: sections, file: file)
  }

  static func declaration(_ root: XML.Element, sections: [DeclarationSection], file: String)
    -> Declaration
  {
    var settings = InputDecoding.settings(root, file: file)
    settings.id = root[attribute: "workspace"] ?? settings.id
    let participants = InputDecoding.participants(
      root.elements(named: "participants").first?.elements(named: "participant") ?? [])
    let history = (root.elements(named: "history").first?.elements(named: "revision") ?? []).map {
      HistoryEntry(
        revision: Int($0[attribute: "n"] ?? "") ?? 0, date: $0[attribute: "date"],
        participants: codes($0[attribute: "participants"]), counts: counts($0))
    }
    let provenance = (root.elements(named: "provenance").first?.elements(named: "input") ?? [])
      .map {
        InputDigest(
          kind: $0[attribute: "kind"].flatMap(InputDigest.Kind.init(rawValue:)) ?? .revision,
          path: $0[rawAttribute: "path"] ?? "", sha256: $0[attribute: "sha256"] ?? "")
      }
    return Declaration(
      revision: Int(root[attribute: "revision"] ?? "") ?? 0, date: root[attribute: "date"],
      settings: settings, participants: participants, history: history, provenance: provenance,
      sections: sections)
  }

  static func section(_ element: XML.Element, paragraphs: [Paragraph]) -> DeclarationSection {
    DeclarationSection(
      id: element[attribute: "id"] ?? "",
      kind: element[attribute: "kind"].flatMap(SectionKind.init(rawValue:)) ?? .operative,
      headings: InputDecoding.localized(element.elements(named: "heading")),
      paragraphs: paragraphs)
  }

  static func paragraph(_ element: XML.Element) -> Paragraph {
    Paragraph(
      id: element[attribute: "id"] ?? "",
      number: element[attribute: "number"],
      status: element[attribute: "status"].flatMap(Paragraph.Status.init(rawValue:)) ?? .open,
      since: Int(element[attribute: "since"] ?? "") ?? 0,
      inserted: element[attribute: "inserted"] == "true" || element[attribute: "inserted"] == "1",
      options: element.elements(named: "option").map { option in
        Option(
          reference: option[attribute: "n"].flatMap(OptionReference.init) ?? .current,
          sponsors: codes(option[attribute: "sponsors"]),
          round: Int(option[attribute: "round"] ?? "") ?? 0,
          combines: codes(option[attribute: "combines"]).compactMap { Int($0) },
          texts: InputDecoding.texts(option.elements(named: "text")))
      },
      dissociations: element.elements(named: "dissociation").map(standing),
      reservations: element.elements(named: "reservation").map(standing),
      stances: element.elements(named: "stance").map {
        RecordedStance(
          participant: $0[attribute: "participant"] ?? "",
          kind: $0[attribute: "kind"].flatMap(Stance.Kind.init(rawValue:)) ?? .comment,
          option: $0[attribute: "option"].flatMap(OptionReference.init))
      },
      comments: element.elements(named: "comment").map(standing),
      changes: element.elements(named: "change").map {
        ChangeRecord(revision: Int($0[attribute: "revision"] ?? "") ?? 0, by: codes($0[attribute: "by"]))
      })
  }

  private static func standing(_ element: XML.Element) -> Standing {
    Standing(
      participant: element[attribute: "participant"] ?? "",
      round: Int(element[attribute: "round"] ?? "") ?? 0,
      note: element.text.foldingWhitespace.trimmed)
  }

  /// A history entry's counts, when it has all four.
  private static func counts(_ element: XML.Element) -> StatusCounts? {
    let values = ["draft", "agreed", "agreed-ad-ref", "open"].compactMap {
      element[attribute: $0].flatMap { Int($0) }
    }
    guard values.count == 4 else { return nil }
    return StatusCounts(
      draft: values[0], agreed: values[1], agreedAdReferendum: values[2], open: values[3])
  }

  private static func codes(_ list: String?) -> [String] {
    (list ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
