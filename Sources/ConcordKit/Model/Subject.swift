/// How a paragraph names who speaks: the `<parties/>` placeholder and the dissociation footnote.
extension Declaration {
  /// The subject that replaces `<parties/>` in `paragraph`, in `language`: the workspace's
  /// default ("The Member States") when every member joins, else the joining members' names in
  /// protocol order, joined by the language's list grammar ("A, B and C"; «A, B и C»; 「A、B和C」).
  public func subject(of paragraph: Paragraph, in language: String) -> String {
    guard !paragraph.dissociations.isEmpty else { return settings.subject(in: language) }
    let names = paragraph.joiners(among: members).map { $0.name(in: language) }
    return ListGrammar.join(names, in: language)
  }

  /// The text of `option` of `paragraph` in `language`, with `<parties/>` rendered. Falls back
  /// to the base language when the option has no text in `language` (translation pending):
  /// the second value then says so.
  public func renderedText(of paragraph: Paragraph, option: Option, in language: String) -> (
    text: String, translationPending: Bool
  ) {
    if let text = option.text(in: language) {
      return (text.rendered(subject: subject(of: paragraph, in: language)), false)
    }
    let base = settings.baseLanguage
    guard let text = option.text(in: base) else { return ("", option.texts.isEmpty == false) }
    return (text.rendered(subject: subject(of: paragraph, in: base)), true)
  }

  /// For a paragraph without `<parties/>` that some members do not join: the footnote that
  /// says so ("The Republic of India does not join this paragraph."); nil otherwise.
  public func dissociationFootnote(of paragraph: Paragraph, in language: String) -> String? {
    guard !paragraph.dissociations.isEmpty else { return nil }
    let hasParties = paragraph.current?.texts.values.contains(where: \.hasParties) ?? false
    guard !hasParties else { return nil }
    let names = paragraph.dissociations.compactMap { participant($0.participant) }
      .map { $0.name(in: language) }
    return ListGrammar.doesNotJoin(names, in: language)
  }
}

/// Lists of names in each language's grammar.
public enum ListGrammar {
  /// "A", "A and B", "A, B and C" (en); «A, B и C» (ru); 「A、B和C」 (zh); "A, B et C" (fr).
  public static func join(_ names: [String], in language: String) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    let head = names.dropLast()
    switch language {
    case "zh": return head.joined(separator: "、") + "和" + last
    case "ja": return head.joined(separator: "、") + "及び" + last
    case "ru": return head.joined(separator: ", ") + " и " + last
    case "fr": return head.joined(separator: ", ") + " et " + last
    case "es": return head.joined(separator: ", ") + " y " + last
    case "ar": return head.joined(separator: "، ") + " و" + last
    default: return head.joined(separator: ", ") + " and " + last
    }
  }

  /// "The Republic of India does not join this paragraph." per language.
  public static func doesNotJoin(_ names: [String], in language: String) -> String {
    let list = join(names, in: language)
    let plural = names.count > 1
    switch language {
    case "ru":
      return list.capitalizingFirstLetter
        + (plural ? " не присоединяются к данному пункту." : " не присоединяется к данному пункту.")
    case "zh": return list + "不加入本段。"
    case "fr":
      return list.capitalizingFirstLetter
        + (plural ? " ne s’associent pas à ce paragraphe." : " ne s’associe pas à ce paragraphe.")
    default:
      return list.capitalizingFirstLetter
        + (plural ? " do not join this paragraph." : " does not join this paragraph.")
    }
  }
}
