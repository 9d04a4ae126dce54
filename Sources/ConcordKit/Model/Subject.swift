/// How a paragraph names who speaks: the `<parties/>` placeholder and the dissociation footnote.
extension Declaration {
  /// The subject that replaces `<parties/>` in `paragraph`, in `language`: the workspace's
  /// default ("The Member States") when every member joins, else the joining members' names in
  /// protocol order, joined by the language's list grammar ("A, B and C"; «A, B и C»; 「A、B和C」).
  public func subject(of paragraph: Paragraph, in language: String) -> String {
    guard !paragraph.dissociations.isEmpty else { return settings.subject(in: language) }
    let names = paragraph.joiners(among: members).map { $0.name(in: language, or: settings.baseLanguage) }
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
      .map { $0.name(in: language, or: settings.baseLanguage) }
    return ListGrammar.doesNotJoin(names, in: language)
  }
}
