/// The site's own pages: the index of revisions, each revision's page of files, and the lineage
/// of every paragraph. Their words are English (`lang="en"`); the declaration's title is marked
/// with its own language and direction. Written with `HTMLWriter` (every text and attribute
/// escaped; the pages are well-formed XML), styled by `StyleSheet.site`, linked by relative
/// paths only.
struct SitePages: Sendable {
  let site: Site

  private var latest: Declaration? { site.revisions.last }
  private var base: String { latest?.settings.baseLanguage ?? "en" }
  private var title: String { latest.map { $0.settings.title(in: $0.settings.baseLanguage) } ?? "" }
  /// `lang` and `dir` of the declaration's own words (its title) on an English page.
  private var titleLanguage: HTMLWriter.Attributes {
    [("lang", base), ("dir", Vocabulary(base).isRightToLeft ? "rtl" : "ltr")]
  }

  // MARK: - Index

  func index() -> String {
    HTMLWriter.page(language: "en", title: title, style: .site, quotesInText: true) { html in
      html.element("h1", titleLanguage, text: title)
      if let latest {
        html.element("p", [("class", "body")], text: latest.settings.body)
        html.element("p") { html in
          html.element(
            "a", [("href", "status.html")], text: "Where consensus stands (Rev.\(latest.revision))")
          html.text(" · ")
          html.element("a", [("href", "lineage.html")], text: "Lineage of every paragraph")
        }
      }
      html.element("h2", text: "Revisions")
      revisionsTable(&html)
      if let latest {
        html.element("h2", text: "Convergence")
        StatusHTML.chart(site.report(latest).convergence, &html)
      }
    }.output
  }

  private func revisionsTable(_ html: inout HTMLWriter) {
    html.block("table", [("class", "revisions")]) { html in
      html.block("tr") { html in
        for heading in [
          "revision", "symbol", "date", "paragraphs", "agreed", "ad ref", "open", "draft", "texts", "redline",
        ] {
          html.element("th", text: heading)
        }
      }
      for declaration in site.revisions.reversed() {
        let folder = Site.folder(of: declaration.revision)
        let counts = StatusCounts(declaration.paragraphs)
        html.block("tr") { html in
          html.element("th") {
            $0.element("a", [("href", "\(folder)/index.html")], text: "Rev.\(declaration.revision)")
          }
          html.element("td", [("class", "symbol")], text: symbol(of: declaration) ?? "—")
          html.element("td", text: declaration.date ?? "—")
          for count in [counts.total, counts.agreed, counts.agreedAdReferendum, counts.open, counts.draft] {
            html.element("td", [("class", "count")], text: String(count))
          }
          html.element("td") { html in
            links(declaration.settings.languages.map { ("\(folder)/\($0).html", $0) }, &html)
          }
          html.element("td") { html in
            guard declaration.revision > 0 else { return html.text("—") }
            links(declaration.settings.languages.map { ("\(folder)/\(Site.redlineFile($0))", $0) }, &html)
          }
        }
      }
    }
  }

  // MARK: - A revision

  func revision(_ declaration: Declaration) -> String {
    let settings = declaration.settings
    let heading = "\(settings.title(in: settings.baseLanguage)) — Rev.\(declaration.revision)"
    return HTMLWriter.page(language: "en", title: heading, style: .site, quotesInText: true) { html in
      html.element("p", [("class", "nav")]) {
        $0.element("a", [("href", "../index.html")], text: "← all revisions")
      }
      html.element("h1") { html in
        html.element("span", titleLanguage, text: settings.title(in: settings.baseLanguage))
        html.text(" — Rev.\(declaration.revision)")
      }
      let line = [symbol(of: declaration), declaration.date, RevisionSummary.counts(declaration)]
      html.element("p", text: line.compactMap { $0 }.joined(separator: " · "))
      html.element("p") { $0.element("a", [("href", "status.html")], text: "Where consensus stands") }
      html.block("table", [("class", "files")]) { html in
        html.block("tr") { html in
          for name in ["language", "text", "Word", "Akoma Ntoso", "plain text", "redline"] {
            html.element("th", text: name)
          }
        }
        for language in settings.languages {
          html.block("tr") { html in
            html.element("th", [("lang", language)], text: Vocabulary(language).languageName)
            html.element("td") { $0.element("a", [("href", "\(language).html")], text: "HTML") }
            html.element("td") { $0.element("a", [("href", "\(language).docx")], text: "DOCX") }
            html.element("td") { $0.element("a", [("href", "\(language).akn.xml")], text: "AKN") }
            html.element("td") { $0.element("a", [("href", "\(language).txt")], text: "text") }
            html.element("td") { html in
              guard declaration.revision > 0 else { return html.text("—") }
              html.element(
                "a", [("href", Site.redlineFile(language))], text: "against Rev.\(declaration.revision - 1)")
            }
          }
        }
      }
    }.output
  }

  // MARK: - Lineage

  /// A row a paragraph (those of the latest revision in order, then those removed on the way),
  /// a column a revision: its number and status there, and who changed its text in it.
  func lineage() -> String {
    let heading = "\(title) — lineage"
    return HTMLWriter.page(language: "en", title: heading, style: .site, quotesInText: true) { html in
      html.element("p", [("class", "nav")]) {
        $0.element("a", [("href", "index.html")], text: "← all revisions")
      }
      html.element("h1") { html in
        html.element("span", titleLanguage, text: title)
        html.text(" — lineage")
      }
      html.element(
        "p",
        text:
          "Each paragraph from the revision it first appeared in: its number and status, and whose proposals changed its text."
      )
      html.block("table", [("class", "lineage")]) { html in
        html.block("tr") { html in
          html.element("th", text: "paragraph")
          html.element("th", text: "origin")
          for declaration in site.revisions {
            html.element("th") {
              $0.element(
                "a", [("href", "\(Site.folder(of: declaration.revision))/index.html")],
                text: "Rev.\(declaration.revision)")
            }
          }
        }
        // Each revision's paragraphs by id, made once: a row looks its paragraph up in each.
        let byID = site.revisions.map { declaration in
          Dictionary(declaration.paragraphs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for id in paragraphIds() { lineageRow(id, appearances: byID.map { $0[id] }, &html) }
      }
    }.output
  }

  /// - Parameter appearances: the paragraph in each revision, nil where it is not.
  private func lineageRow(_ id: String, appearances: [Paragraph?], _ html: inout HTMLWriter) {
    guard let first = appearances.compactMap({ $0 }).first else { return }
    html.block("tr", [("id", "p-\(id)")]) { html in
      html.element("th", text: id)
      html.element("td", text: origin(of: first))
      var seen = false
      for (declaration, paragraph) in zip(site.revisions, appearances) {
        guard let paragraph else {
          html.element("td", [("class", seen ? "gone" : "absent")], text: seen ? "deleted" : "")
          continue
        }
        seen = true
        html.element("td", [("class", "st-\(paragraph.status.rawValue)")]) { html in
          html.text((paragraph.number.map { $0 + " " } ?? "") + StatusText.label(paragraph.status))
          let by = paragraph.changes.filter { $0.revision == declaration.revision }.flatMap(\.by)
          if !by.isEmpty {
            html.empty("br")
            html.element("span", [("class", "by")], text: "changed by " + by.joined(separator: ", "))
          }
        }
      }
    }
  }

  private func origin(of paragraph: Paragraph) -> String {
    guard paragraph.since > 0 else { return "zero draft" }
    let sponsors = paragraph.current?.sponsors ?? []
    return "inserted in Rev.\(paragraph.since)"
      + (sponsors.isEmpty ? "" : " by " + sponsors.joined(separator: ", "))
  }

  /// The latest revision's paragraphs in order, then every paragraph removed since it appeared.
  private func paragraphIds() -> [String] {
    var ids = latest?.paragraphs.map(\.id) ?? []
    var known = Set(ids)
    for declaration in site.revisions {
      for paragraph in declaration.paragraphs where !known.contains(paragraph.id) {
        ids.append(paragraph.id)
        known.insert(paragraph.id)
      }
    }
    return ids
  }

  // MARK: - Parts

  private func symbol(of declaration: Declaration) -> String? {
    declaration.settings.symbol.map { "\($0)/Rev.\(declaration.revision)" }
  }

  private func links(_ targets: [(String, String)], _ html: inout HTMLWriter) {
    for (index, (href, name)) in targets.enumerated() {
      if index > 0 { html.text(" ") }
      html.element("a", [("href", href), ("hreflang", name)], text: name)
    }
  }
}
