/// The one style sheet of Concord's HTML pages: a shared base (typography, A4 print rules,
/// tables, redline marks) and the named parts a page adds to it. No rule is written twice: a
/// page's part holds only what that page alone needs, or what it sets differently.
///
/// Parts are constants of this file, so the text `HTMLWriter.style` writes as it is never holds
/// data; none of them contains `<` or `&`.
struct StyleSheet: Sendable {
  struct Part: Sendable {
    fileprivate let css: String
  }

  /// The parts after the base, in order.
  let parts: [Part]

  init(_ parts: Part...) { self.parts = parts }

  /// The base, then the parts.
  var css: String { ([Part.base] + parts).map(\.css).joined() }

  /// `concord export --format html`.
  static let document = StyleSheet(.document)

  /// `concord export --format html` in `language`: the document, and page numbers in the
  /// language's words ("Page 3 of 12") in the printed page's bottom margin.
  static func document(language: String) -> StyleSheet {
    StyleSheet(.document, .pageNumbers(language: language))
  }
  /// `concord diff --format html`.
  static let diff = StyleSheet(.diff)
  /// `concord status --format html`.
  static let status = StyleSheet(.status, .heatMap, .chart)
  /// The pages of `concord publish` that are its own (index, revision, lineage).
  static let site = StyleSheet(.status, .chart, .site)
}

extension StyleSheet.Part {
  /// Every page: the fonts (serif for texts, sans for figures and labels, by language for
  /// Chinese, Japanese and Arabic), A4 pages, tables, and the legislative redline: insertions
  /// underlined, deletions struck through, moved text double-underlined.
  static let base = Self(
    css: """

      :root { --serif: "Noto Serif", "Liberation Serif", "Times New Roman", serif; --sans: "Noto Sans", "Noto Sans CJK SC", sans-serif; }
      @page { size: A4; margin: 20mm 18mm 22mm; }
      html { color: #111; background: #fff; }
      body { margin: 2rem auto; padding: 0 1rem; font: 12pt/1.45 var(--serif); }
      :lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; }
      :lang(ja) { font-family: "Noto Serif CJK JP", "Noto Sans CJK JP", serif; }
      :lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
      table { border-collapse: collapse; }
      th, td { border: 1px solid #d5dbe1; padding: .25em .5em; text-align: left; vertical-align: top; }
      ins { text-decoration: underline; color: #05603a; background: #e3f4ea; }
      del { text-decoration: line-through; color: #a4161a; background: #fbe4e4; }
      .moved { text-decoration: underline double; }
      @media print {
        body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
        a { color: inherit; }
        ins, del { background: none; }
      }

      """)

  /// The exported declaration: a centred header, numbered paragraphs, brackets and option
  /// labels, notes at the end.
  static let document = Self(
    css: """
      body { max-width: 46rem; }
      header { text-align: center; margin-bottom: 1.5rem; }
      h1 { font-size: 1.3em; line-height: 1.3; margin: 0 0 0.5rem; }
      h2 { font-size: 1.05em; margin: 1.6em 0 0.6em; break-after: avoid-page; }
      .revision { margin: 0; color: #444; }
      .legend { margin: 0.5rem 0 0; font-size: 0.9em; color: #444; }
      .para { display: flex; gap: 0.6em; margin: 0 0 0.7em; }
      .preamble .para { text-indent: 2em; }
      .num { flex: 0 0 3em; font-weight: bold; text-indent: 0; }
      .preamble .num { display: none; }
      .body { flex: 1 1 auto; text-align: justify; }
      .body p { margin: 0 0 0.3em; }
      .bracket { font-weight: bold; }
      .label { font-style: italic; }
      .label:lang(zh), .label:lang(ja), .label:lang(ar) { font-style: normal; font-weight: bold; }
      .body:lang(zh), .body:lang(ja) { text-align: start; }
      .body:lang(ru) { hyphens: auto; }
      .pending, .outdated { border: 1px dashed #555; padding: 0 0.15em; }
      .pending-mark { font: 600 0.7em var(--sans); border: 1px solid #555; padding: 0 0.2em; margin-inline-end: 0.3em; vertical-align: 0.1em; }
      .para.translation-pending { border-inline-start: 3px double #555; padding-inline-start: 0.4em; }
      .note-ref a { text-decoration: none; }
      .removed .body { color: #a4161a; }
      .notes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }
      .notes a { text-decoration: none; }
      .running-head { display: flex; justify-content: space-between; gap: 1em; font: 9pt/1.3 var(--sans); color: #444; border-bottom: 1px solid #999; padding-bottom: 2pt; margin-bottom: 1.5rem; }
      .running-head .symbol { font-weight: 600; }
      nav.links { font: 10pt var(--sans); margin-bottom: 1rem; }
      @media print { nav.links { display: none; } }
      table.frame { width: 100%; border: 0; }
      table.frame > * > tr > td { border: 0; padding: 0; }
      @media print { .para { break-inside: avoid-page; } .running-head { margin-bottom: 6mm; } }

      """)

  /// The comparison of two revisions: contents, change kinds, inline or side by side (a radio
  /// button switches, in CSS alone), the status and lineage tables.
  static let diff = Self(
    css: """
      body { max-width: 72rem; line-height: 1.5; }
      h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-bottom: .25rem; } h3 { font-size: .9rem; margin: .5rem 0 0; color: #555; }
      code, .meta, .kind, nav, table.status, table.lineage, table.side th, .summary, label { font-family: var(--sans); }
      .kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; padding: 0 .3rem; border-radius: 3px; background: #eee; }
      .kind.added { background: #e6f4ea; } .kind.deleted { background: #fce8e6; } .kind.changed { background: #fff4d6; } .kind.moved { background: #e8eaf6; }
      .meta, .details { color: #555; font-size: .9rem; margin: 0; }
      .pending { font-weight: normal; color: #a15c00; }
      section.change { border-top: 1px solid #ddd; padding-top: .5rem; margin-top: 1rem; }
      table { width: 100%; }
      table.side td { width: 50%; }
      #view-inline:checked ~ main table.side { display: none; }
      #view-side:checked ~ main p.inline { display: none; }

      """)

  /// The status page: figures in sans, paragraph statuses in colour, options and sponsors.
  static let status = Self(
    css: """
      body { margin: 2rem; padding: 0; font: 12pt/normal system-ui, var(--sans); color: #1d2733; }
      h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
      table { font-size: 0.85rem; }
      th { background: #f2f4f7; }
      .st-agreed { color: #1e7d45; } .st-agreed-ad-ref { color: #9a7d0a; } .st-open { color: #b03a2e; font-weight: 600; } .st-draft { color: #5d6d7e; }
      .option { margin: 0.15rem 0; } .sponsors { color: #5d6d7e; }

      """)

  /// The matrix of stances: one colour a kind, in the cells and the legend.
  static let heatMap = Self(
    css: """
      td.cell { text-align: center; font-weight: 600; min-width: 1.6rem; }
      .s-support { background: #2e9e5b; color: #fff; } .s-amend { background: #e3a21a; }
      .s-delete { background: #c0392b; color: #fff; } .s-insert { background: #8e44ad; color: #fff; }
      .s-dissociate { background: #d35400; color: #fff; } .s-reserve { background: #f1c40f; }
      .s-withdraw { background: #7f8c8d; color: #fff; } .s-comment { background: #aed6f1; }
      .s-silent { color: #8a96a3; background: #fff; font-weight: normal; }
      .legend span { display: inline-block; padding: 0 0.4rem; margin-right: 0.3rem; }
      .cellmark { font-weight: 600; padding: 0 0.25rem; background: #f2f4f7; }
      .missing { color: #b03a2e; } .symbol { font-family: var(--sans); color: #444; }
      tr.section th { text-align: left; background: #e4e8ee; }

      """)

  /// The site's index, revision pages and lineage: tables of figures and links.
  static let site = Self(
    css: """
      .nav { margin: 0 0 1rem; } .body { color: #5d6d7e; margin-top: -0.5rem; }
      td.count { text-align: right; font-variant-numeric: tabular-nums; }
      td a, th a { margin-right: 0.4rem; }
      table.lineage td { font-size: 0.8rem; white-space: nowrap; } .by { color: #5d6d7e; }
      td.gone { color: #b03a2e; } td.absent { background: #fafafa; }

      """)

  /// The convergence chart: one colour a paragraph status, in the bars and the key.
  static let chart = Self(
    css: """
      .chart .agreed { fill: #2e9e5b; } .chart .agreed-ad-ref { fill: #f1c40f; }
      .chart .open { fill: #c0392b; } .chart .draft { fill: #aab7b8; }
      .chart .count { fill: #fff; font-weight: 600; } .chart .total { fill: #1d2733; }

      """)

  /// Page numbers, "Page 3 of 12", in the bottom margin of every printed page, in the six
  /// languages Concord spells out (the words of the export's `Vocabulary.pageOf`); English
  /// for any other. Margin boxes are the one place CSS counts pages.
  static func pageNumbers(language: String) -> Self {
    let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
    switch primary {
    case "ru": return pageNumbersRussian
    case "zh": return pageNumbersChinese
    case "fr": return pageNumbersFrench
    case "es": return pageNumbersSpanish
    case "ar": return pageNumbersArabic
    default: return pageNumbersEnglish
    }
  }

  private static let pageNumbersEnglish = Self(
    css:
      #"@page { @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; } }"#
      + "\n")
  private static let pageNumbersRussian = Self(
    css:
      #"@page { @bottom-center { content: "Стр. " counter(page) " из " counter(pages); font: 9pt sans-serif; } }"#
      + "\n")
  private static let pageNumbersChinese = Self(
    css:
      #"@page { @bottom-center { content: "第" counter(page) "页，共" counter(pages) "页"; font: 9pt sans-serif; } }"#
      + "\n")
  private static let pageNumbersFrench = Self(
    css:
      #"@page { @bottom-center { content: "Page " counter(page) " sur " counter(pages); font: 9pt sans-serif; } }"#
      + "\n")
  private static let pageNumbersSpanish = Self(
    css:
      #"@page { @bottom-center { content: "Página " counter(page) " de " counter(pages); font: 9pt sans-serif; } }"#
      + "\n")
  private static let pageNumbersArabic = Self(
    css:
      #"@page { @bottom-center { content: "الصفحة " counter(page) " من " counter(pages); font: 9pt sans-serif; } }"#
      + "\n")
}
