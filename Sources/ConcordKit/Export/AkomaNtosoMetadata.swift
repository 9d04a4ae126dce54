/// The `<meta>` block of an Akoma Ntoso export: FRBR identification (Work, Expression in the
/// export language, Manifestation), the revisions as lifecycle events, and the references every
/// `#id` in the document points to (revisions, the body, Concord, each participant as a
/// `TLCOrganization`, the roles).
///
/// IRIs follow the Akoma Ntoso naming convention, in the shape laws.africa's `cobalt`
/// (`FrbrUri.parse`) reads back piece by piece:
/// `/akn/<jurisdiction>/statement/declaration/<date of Rev.0>/<workspace>` for the Work (with
/// `/!main` in `FRBRthis`), `…/<language>@<date of the revision>` for the Expression (ISO 639-2
/// language; a second revision on one date adds `;<n>`), and `…/<language>@<date>/!main.xml`
/// for the Manifestation, the format after the component (right after the version, cobalt would
/// read `.xml` as part of it). The jurisdiction is `workspace.xml`'s `<jurisdiction>`, by default
/// `un` (two letters, as cobalt requires). Every revision has a real date: its own
/// (`assemble --date`), else that of the latest dated revision before it; a history with no date
/// at all uses `0001-01-01`, the date cobalt itself reads as "no date", named "undated".
struct AkomaNtosoMetadata: Sendable {
  static let undated = "0001-01-01"
  static let defaultJurisdiction = "un"

  let presentation: Presentation
  let jurisdiction: String

  init(presentation: Presentation, jurisdiction: String? = nil) {
    self.presentation = presentation
    self.jurisdiction =
      jurisdiction ?? presentation.declaration.settings.jurisdiction ?? Self.defaultJurisdiction
  }

  private var declaration: Declaration { presentation.declaration }

  var workDate: String { date(of: revisions.first?.revision ?? declaration.revision) }
  var work: String {
    "/akn/\(jurisdiction)/statement/declaration/\(workDate)/\(declaration.settings.id)"
  }

  /// `…/eng@2025-07-04`: the revision's date as its version, `;<n>` when an earlier revision
  /// has the same date (an IRI names one revision, and a later one never renames it).
  func expression(_ revision: Int) -> String {
    let date = self.date(of: revision)
    let shared = revisions.contains { $0.revision < revision && self.date(of: $0.revision) == date }
    return "\(work)/\(Self.threeLetterLanguage(presentation.language))@\(date)"
      + (shared ? ";\(revision)" : "")
  }

  /// The revision's own date, else that of the latest dated revision before it, else
  /// `undated`.
  func date(of revision: Int) -> String {
    revisions.last { $0.revision <= revision && $0.date != nil }?.date ?? Self.undated
  }

  /// "Rev.2", with "(undated)" when the date is not the revision's own.
  private func dateName(of revision: Int) -> String {
    let own = revisions.first { $0.revision == revision }?.date != nil
    return "Rev.\(revision)"
      + (own ? "" : date(of: revision) == Self.undated ? " (undated)" : " (date of an earlier revision)")
  }

  /// `#blr` for a participant code; `#facilitator` for the facilitator.
  static func reference(to code: String) -> String { "#" + eId(of: code) }
  static func eId(of code: String) -> String { code == facilitatorCode ? "facilitator" : code.lowercased() }

  func meta() -> Markup {
    var meta = Markup("meta")
    meta.append(identification())
    meta.append(lifecycle())
    meta.append(references())
    return meta
  }

  // MARK: - Identification

  private func identification() -> Markup {
    let revision = declaration.revision
    let expression = self.expression(revision)
    let date = self.date(of: revision)
    let dateName = self.dateName(of: revision)
    let first = revisions.first?.revision ?? revision
    var workElement = Markup("FRBRWork")
    workElement.append(contentsOf: [
      value("FRBRthis", work + "/!main"), value("FRBRuri", work),
      .element(Markup("FRBRalias", [("value", presentation.title), ("name", "title")])),
      .element(Markup("FRBRdate", [("date", workDate), ("name", self.dateName(of: first))])),
      author("#body", role: "#author"),
      value("FRBRcountry", jurisdiction), value("FRBRsubtype", "declaration"),
      value("FRBRnumber", declaration.settings.id), value("FRBRname", presentation.title),
    ])
    var expressionElement = Markup("FRBRExpression")
    expressionElement.append(contentsOf: [
      value("FRBRthis", expression + "/!main"), value("FRBRuri", expression),
      .element(Markup("FRBRdate", [("date", date), ("name", dateName)])),
      author("#body", role: "#author"),
      value("FRBRversionNumber", String(revision)),
      .element(Markup("FRBRlanguage", [("language", Self.threeLetterLanguage(presentation.language))])),
    ])
    var manifestation = Markup("FRBRManifestation")
    manifestation.append(contentsOf: [
      value("FRBRthis", expression + "/!main.xml"), value("FRBRuri", expression + "/!main.xml"),
      .element(Markup("FRBRdate", [("date", date), ("name", dateName)])),
      author("#concord", role: "#editor"),
      value("FRBRformat", "application/akn+xml"),
    ])
    return Markup(
      "identification", [("source", "#concord")],
      [.element(workElement), .element(expressionElement), .element(manifestation)])
  }

  private func value(_ name: String, _ value: String) -> Markup.Node {
    .element(Markup(name, [("value", value)]))
  }

  private func author(_ href: String, role: String) -> Markup.Node {
    .element(Markup("FRBRauthor", [("href", href), ("as", role)]))
  }

  // MARK: - Lifecycle and references

  private func lifecycle() -> Markup {
    var lifecycle = Markup("lifecycle", [("source", "#concord")])
    let known = Set(declaration.participants.map(\.code))
    for entry in revisions {
      let senders = entry.participants.filter(known.contains).map(Self.reference(to:))
      lifecycle.append(
        Markup(
          "eventRef",
          [
            ("eId", "evt_\(entry.revision)"), ("date", date(of: entry.revision)),
            ("source", "#rev_\(entry.revision)"), ("type", entry.revision == 0 ? "generation" : "amendment"),
            ("refersTo", senders.isEmpty ? nil : senders.joined(separator: " ")),
          ]))
    }
    return lifecycle
  }

  /// The history, ending with this revision even when the file's history stops short.
  private var revisions: [HistoryEntry] {
    var entries = declaration.history.filter { $0.revision <= declaration.revision }
    if entries.last?.revision != declaration.revision {
      entries.append(HistoryEntry(revision: declaration.revision, date: declaration.date))
    } else if let date = declaration.date, let last = entries.indices.last {
      entries[last].date = date
    }
    return entries
  }

  private func references() -> Markup {
    var references = Markup("references", [("source", "#concord")])
    for entry in revisions {
      let name = entry.revision == 0 ? "original" : "passiveRef"
      references.append(
        Markup(
          name,
          [
            ("eId", "rev_\(entry.revision)"), ("href", expression(entry.revision)),
            ("showAs", "Rev.\(entry.revision)"),
          ]))
    }
    let base = "/akn/ontology"
    references.append(
      organization(
        "body", "\(base)/organizations/\(jurisdiction)/\(declaration.settings.id)", declaration.settings.body)
    )
    references.append(organization("concord", "\(base)/organizations/\(jurisdiction)/concord", "Concord"))
    for participant in declaration.participants {
      references.append(
        organization(
          Self.eId(of: participant.code),
          "\(base)/organizations/\(jurisdiction)/\(participant.code.lowercased())",
          participant.name(in: presentation.language)))
    }
    for (eId, name) in [("author", "Author"), ("editor", "Editor"), ("facilitator", "Facilitator")] {
      references.append(
        Markup("TLCRole", [("eId", eId), ("href", "\(base)/roles/\(jurisdiction)/\(eId)"), ("showAs", name)]))
    }
    return references
  }

  private func organization(_ eId: String, _ href: String, _ name: String) -> Markup {
    Markup("TLCOrganization", [("eId", eId), ("href", href), ("showAs", name)])
  }

  /// ISO 639-2 (three letters) for the ISO 639-1 codes of the languages negotiations use;
  /// any other code as it is.
  static func threeLetterLanguage(_ language: String) -> String {
    let primary = String(language.split(separator: "-").first ?? Substring(language)).lowercased()
    let table = [
      "ar": "ara", "be": "bel", "de": "deu", "en": "eng", "es": "spa", "fa": "fas", "fr": "fra",
      "he": "heb", "hi": "hin", "hy": "hye", "it": "ita", "ja": "jpn", "ka": "kat", "kk": "kaz",
      "ko": "kor", "ky": "kir", "mn": "mon", "ps": "pus", "pt": "por", "ru": "rus", "tg": "tgk",
      "tk": "tuk", "tr": "tur", "uk": "ukr", "ur": "urd", "uz": "uzb", "zh": "zho",
    ]
    return table[primary] ?? primary
  }
}
