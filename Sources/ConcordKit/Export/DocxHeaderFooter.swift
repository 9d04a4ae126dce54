/// What a circulated Word document carries on every page, as a secretariat's documents do:
/// a header with the document symbol and its `/Rev.N` (or the revision, when the workspace
/// names no symbol), the date and the language; a footer with "Page 3 of 12" in the document's
/// language, the numbers Word's and LibreOffice's own `PAGE` and `NUMPAGES` fields.
///
/// `word/header1.xml` and `word/footer1.xml`, their relationships, content types and the
/// references in the section properties; `DocxPackage` puts them in the package.
struct DocxHeaderFooter: Sendable {
  let presentation: Presentation

  static let headerPath = "word/header1.xml"
  static let footerPath = "word/footer1.xml"
  static let headerRelationship = "rIdHeader1"
  static let footerRelationship = "rIdFooter1"

  /// For `[Content_Types].xml`.
  static let contentTypes = """
      <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
      <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>

    """

  /// For `word/_rels/document.xml.rels`.
  static let relationships = """
      <Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
      <Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>

    """

  /// `w:headerReference` and `w:footerReference`: the first children of `w:sectPr`.
  static var references: [Markup] {
    [
      Markup("w:headerReference", [("w:type", "default"), ("r:id", headerRelationship)]),
      Markup("w:footerReference", [("w:type", "default"), ("r:id", footerRelationship)]),
    ]
  }

  private var vocabulary: Vocabulary { presentation.vocabulary }

  /// The box around a text still awaiting its translation: dashed, so that it reads in black
  /// and white and never looks like an insertion.
  static let pendingBorder = Markup(
    "w:bdr", [("w:val", "dashed"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "555555")])

  /// Symbol at the start, date in the centre, language at the end (mirrored in Arabic).
  func header() throws -> String {
    let declaration = presentation.declaration
    let symbol =
      declaration.settings.symbol.map { "\($0)/Rev.\(declaration.revision)" }
      ?? vocabulary.revision(declaration.revision)
    var runs: [Markup.Node] = [run(symbol, bold: true), tab()]
    runs += [run(declaration.date ?? ""), tab(), run(vocabulary.languageName)]
    var properties = paragraphProperties()
    properties.append(
      Markup(
        "w:tabs", [],
        [
          .element(Markup("w:tab", [("w:val", "center"), ("w:pos", "4677")])),
          .element(Markup("w:tab", [("w:val", "right"), ("w:pos", "9354")])),
        ]))
    properties.append(
      Markup(
        "w:pBdr", [],
        [
          .element(
            Markup("w:bottom", [("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "999999")]))
        ]))
    let paragraph = Markup("w:p", [], [.element(properties)] + runs)
    return try part("w:hdr", paragraph)
  }

  /// "Page 3 of 12", centred, the numbers as fields.
  func footer() throws -> String {
    let words = vocabulary.pageOf
    var properties = paragraphProperties()
    properties.append(Markup("w:jc", [("w:val", "center")]))
    var runs: [Markup.Node] = []
    if !words.before.isEmpty { runs.append(run(words.before)) }
    runs.append(field("PAGE"))
    runs.append(run(words.between))
    runs.append(field("NUMPAGES"))
    if !words.after.isEmpty { runs.append(run(words.after)) }
    return try part("w:ftr", Markup("w:p", [], [.element(properties)] + runs))
  }

  // MARK: - Markup

  private func part(_ name: String, _ paragraph: Markup) throws -> String {
    let root = Markup(
      name, [("xmlns:w", DocxFormatter.namespace), ("xmlns:r", DocxPackage.relationshipsNamespace)],
      [.element(paragraph)])
    return try MarkupSerializer.document(root, dialect: .xml, inlineElements: DocxFormatter.inline)
  }

  private func paragraphProperties() -> Markup {
    var properties = Markup("w:pPr")
    if vocabulary.isRightToLeft { properties.append(Markup("w:bidi")) }
    properties.append(Markup("w:spacing", [("w:after", "0")]))
    return properties
  }

  /// 9-point sans runs; `w:rtl` on runs of right-to-left letters only, so that a Latin symbol
  /// and digits keep their order inside an Arabic line.
  private func run(_ text: String, bold: Bool = false) -> Markup.Node {
    var properties: [Markup.Node] = [
      .element(Markup("w:rFonts", [("w:ascii", "Liberation Sans"), ("w:hAnsi", "Liberation Sans")]))
    ]
    if bold { properties.append(.element(Markup("w:b"))) }
    properties += [
      .element(Markup("w:sz", [("w:val", "18")])), .element(Markup("w:szCs", [("w:val", "18")])),
    ]
    // In the schema's order: rFonts, b, sz, szCs, rtl.
    if Vocabulary.hasRightToLeftLetters(text) { properties.append(.element(Markup("w:rtl"))) }
    return .element(
      Markup(
        "w:r", [],
        [
          .element(Markup("w:rPr", [], properties)),
          .element(Markup("w:t", [("xml:space", "preserve")], text: text)),
        ]))
  }

  private func tab() -> Markup.Node {
    .element(Markup("w:r", [], [.element(Markup("w:tab"))]))
  }

  /// A simple field (`PAGE`, `NUMPAGES`) with a placeholder result, which the reader updates.
  private func field(_ instruction: String) -> Markup.Node {
    .element(Markup("w:fldSimple", [("w:instr", " \(instruction) ")], [run("1")]))
  }
}
