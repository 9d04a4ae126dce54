/// What `workspace.xml` says: titles, body, languages, consensus rule, default subject.
/// Every revision carries a copy, so a revision file stands on its own.
public struct Settings: Hashable, Sendable {
  public enum Silence: String, Hashable, Sendable {
    /// Members who say nothing do not block (the default).
    case consent
    /// Every member must support an option in the round for it to be agreed.
    case objection
  }

  public var id: String
  public var titles: [String: String]
  public var body: String
  /// In declared order; the base language is one of them.
  public var languages: [String]
  public var baseLanguage: String
  public var silence: Silence
  /// "The Member States", per language: the subject when every member joins a paragraph.
  public var subjects: [String: String]
  /// The body's document symbol (`SCO/CHS/2025/DD`); a revision adds `/Rev.N`.
  public var symbol: String?
  /// The Akoma Ntoso jurisdiction (two letters, optionally `-locality`); nil for the default.
  public var jurisdiction: String?

  public init(
    id: String, titles: [String: String], body: String, languages: [String], baseLanguage: String,
    silence: Silence = .consent, subjects: [String: String], symbol: String? = nil,
    jurisdiction: String? = nil
  ) {
    self.id = id
    self.titles = titles
    self.body = body
    self.languages = languages
    self.baseLanguage = baseLanguage
    self.silence = silence
    self.subjects = subjects
    self.symbol = symbol
    self.jurisdiction = jurisdiction
  }

  public func title(in language: String) -> String {
    titles[language] ?? titles[baseLanguage] ?? titles.values.sorted().first ?? id
  }

  public func subject(in language: String) -> String {
    subjects[language] ?? subjects[baseLanguage] ?? "The Member States"
  }
}

extension Dictionary where Key == String {
  /// A language-keyed dictionary in the workspace's language order, then any other languages
  /// by code.
  public func inOrder(of languages: [String]) -> [(String, Value)] {
    let known = languages.compactMap { language in self[language].map { (language, $0) } }
    let others = keys.filter { !languages.contains($0) }.sorted().compactMap { key in
      self[key].map { (key, $0) }
    }
    return known + others
  }
}
