/// Turns schema-valid input documents into model values. The schema has already checked
/// their shape, so what is left to report here is what it cannot express.
enum InputDecoding {
  static func settings(_ root: XML.Element, file: String) -> Settings {
    let languagesElement = root.elements(named: "languages").first
    let languages = (languagesElement?.text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    let silence = root.elements(named: "consensus").first?[attribute: "silence"]
    return Settings(
      id: root[attribute: "id"] ?? root[attribute: "workspace"] ?? "",
      titles: localized(root.elements(named: "title")),
      body: (root.elements(named: "body").first?.text ?? "").foldingWhitespace.trimmed,
      languages: languages,
      baseLanguage: languagesElement?[attribute: "base"] ?? languages.first ?? "en",
      silence: silence.flatMap(Settings.Silence.init(rawValue:)) ?? .consent,
      subjects: localized(root.elements(named: "subject")),
      symbol: root.elements(named: "symbol").first.map { $0.text.foldingWhitespace.trimmed },
      jurisdiction: root.elements(named: "jurisdiction").first?.text.trimmed)
  }

  static func participants(_ elements: [XML.Element]) -> [Participant] {
    elements.map { element in
      Participant(
        code: element[attribute: "code"] ?? "",
        status: (element[attribute: "status"]).flatMap(Participant.Status.init(rawValue:))
          ?? .partner,
        names: localized(element.elements(named: "name")))
    }
  }

  static func section(_ root: XML.Element, file: String) -> Section {
    Section(
      id: root[attribute: "id"] ?? "",
      kind: root[attribute: "kind"].flatMap(SectionKind.init(rawValue:)) ?? .operative,
      headings: localized(root.elements(named: "heading")),
      clauses: root.elements(named: "clause").map { clause in
        Clause(
          id: clause[attribute: "id"] ?? "", texts: texts(clause.elements(named: "text")),
          location: clause.location(in: file))
      },
      location: root.location(in: file))
  }

  static func positions(_ root: XML.Element, file: String) -> Positions {
    let stances = root.elements.map { element -> Stance in
      let paragraph = element[attribute: "paragraph"] ?? element[attribute: "id"] ?? ""
      let option = element[attribute: "option"].flatMap(OptionReference.init) ?? .current
      let action: Stance.Action
      switch element.name {
      case "support": action = .support(option)
      case "amend": action = .amend(texts(element.elements(named: "text")))
      case "delete": action = .delete
      case "insert":
        action = .insert(
          after: element[attribute: "after"] ?? "", texts: texts(element.elements(named: "text")))
      case "dissociate": action = .dissociate(option)
      case "reserve": action = .reserve(option, note: element.text.foldingWhitespace.trimmed)
      case "withdraw": action = .withdraw(option)
      default: action = .comment(element.text.foldingWhitespace.trimmed)
      }
      return Stance(paragraph: paragraph, action: action, location: element.location(in: file))
    }
    return Positions(
      participant: root[attribute: "participant"] ?? "",
      round: root[attribute: "round"].flatMap { Int($0) } ?? 0,
      answers: root[attribute: "answers"].flatMap { Int($0) } ?? -1,
      stances: stances, location: root.location(in: file))
  }

  // MARK: - Shared pieces

  static func localized(_ elements: [XML.Element]) -> [String: String] {
    var result: [String: String] = [:]
    for element in elements {
      result[element.language ?? ""] = element.text.foldingWhitespace.trimmed
    }
    return result
  }

  static func texts(_ elements: [XML.Element]) -> [String: ClauseText] {
    var result: [String: ClauseText] = [:]
    for element in elements { result[element.language ?? ""] = clauseText(element) }
    return result
  }

  static func clauseText(_ element: XML.Element) -> ClauseText {
    ClauseText(
      element.children.map { node in
        switch node {
        case .text(let string): .text(string)
        case .element: .parties
        }
      })
  }
}

extension String {
  /// White space (as `Character.isWhitespace` has it) dropped at either end.
  var trimmed: String {
    // Nearly every text starts and ends with a visible ASCII character, which is never white
    // space nor part of a longer character at that end: nothing to drop, nothing to segment.
    let isVisibleASCII = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
    if isEmpty || (utf8.first.map(isVisibleASCII) == true && utf8.last.map(isVisibleASCII) == true) {
      return self
    }
    var result = Substring(self)
    while result.first?.isWhitespace == true { result = result.dropFirst() }
    while result.last?.isWhitespace == true { result = result.dropLast() }
    return String(result)
  }
}
