/// Reads a schema-valid `<declaration>` tree back into a `Declaration`.
enum DeclarationDecoding {
  static func declaration(_ root: XML.Element, file: String) -> Declaration {
    var settings = InputDecoding.settings(root, file: file)
    settings.id = root[attribute: "workspace"] ?? settings.id
    let participants = InputDecoding.participants(
      root.elements(named: "participants").first?.elements(named: "participant") ?? [])
    let history = (root.elements(named: "history").first?.elements(named: "revision") ?? []).map {
      HistoryEntry(
        revision: Int($0[attribute: "n"] ?? "") ?? 0, date: $0[attribute: "date"],
        participants: codes($0[attribute: "participants"]))
    }
    let provenance = (root.elements(named: "provenance").first?.elements(named: "input") ?? [])
      .map {
        InputDigest(
          kind: $0[attribute: "kind"].flatMap(InputDigest.Kind.init(rawValue:)) ?? .revision,
          path: $0[attribute: "path"] ?? "", sha256: $0[attribute: "sha256"] ?? "")
      }
    let sections = root.elements(named: "section").map { section in
      DeclarationSection(
        id: section[attribute: "id"] ?? "",
        kind: section[attribute: "kind"].flatMap(SectionKind.init(rawValue:)) ?? .operative,
        headings: InputDecoding.localized(section.elements(named: "heading")),
        paragraphs: section.elements(named: "paragraph").map(paragraph))
    }
    return Declaration(
      revision: Int(root[attribute: "revision"] ?? "") ?? 0, date: root[attribute: "date"],
      settings: settings, participants: participants, history: history, provenance: provenance,
      sections: sections)
  }

  private static func paragraph(_ element: XML.Element) -> Paragraph {
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
          participant: $0[attribute: "participant"] ?? "", kind: $0[attribute: "kind"] ?? "",
          option: $0[attribute: "option"].flatMap(OptionReference.init))
      },
      comments: element.elements(named: "comment").map(standing),
      changes: element.elements(named: "change").map {
        Change(revision: Int($0[attribute: "revision"] ?? "") ?? 0, by: codes($0[attribute: "by"]))
      })
  }

  private static func standing(_ element: XML.Element) -> Standing {
    Standing(
      participant: element[attribute: "participant"] ?? "",
      round: Int(element[attribute: "round"] ?? "") ?? 0,
      note: element.text.foldingWhitespace.trimmed)
  }

  private static func codes(_ list: String?) -> [String] {
    (list ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
