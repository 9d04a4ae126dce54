import Foundation
import ZIPFoundation

/// The parts of a Word package around `word/document.xml` and `word/footnotes.xml`: content
/// types, relationships, styles, settings and core properties, zipped with a fixed entry
/// date (1980-01-01, the earliest a ZIP can say) so the same revision always gives the same
/// bytes.
struct DocxPackage: Sendable {
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// The entries' modification date: fixed, never the clock.
  static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  let presentation: Presentation

  /// The ZIP archive, entries in a fixed order, deflated.
  func archive(document: String, footnotes: String) throws -> Data {
    let headerFooter = DocxHeaderFooter(presentation: presentation)
    let entries: [(String, String)] = [
      ("[Content_Types].xml", Self.contentTypes),
      ("_rels/.rels", Self.packageRelationships),
      ("docProps/core.xml", coreProperties()),
      ("docProps/custom.xml", customProperties()),
      ("word/_rels/document.xml.rels", Self.documentRelationships),
      ("word/document.xml", document),
      ("word/styles.xml", styles()),
      ("word/settings.xml", Self.settings(hyphenate: presentation.vocabulary.hyphenates)),
      ("word/footnotes.xml", footnotes),
      (DocxHeaderFooter.headerPath, try headerFooter.header()),
      (DocxHeaderFooter.footerPath, try headerFooter.footer()),
    ]
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, text) in entries {
        let data = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw DocxError() }
      return data
    } catch {
      throw DiagnosticsError(
        Diagnostic(file: "<docx>", message: "could not write the Word package: \(error)"))
    }
  }

  private struct DocxError: Error {}

  /// The entries of a package, by path: for checking what `archive` wrote.
  static func entries(of data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var entries: [String: Data] = [:]
    for entry in archive {
      var content = Data()
      _ = try archive.extract(entry) { content.append($0) }
      entries[entry.path] = content
    }
    return entries
  }

  /// A4, 2 cm margins (2.5 cm inside).
  static func sectionProperties(rightToLeft: Bool) -> Markup {
    var properties = Markup("w:sectPr")
    for reference in DocxHeaderFooter.references { properties.append(reference) }
    properties.append(Markup("w:pgSz", [("w:w", "11906"), ("w:h", "16838")]))
    properties.append(
      Markup(
        "w:pgMar",
        [
          ("w:top", "1134"), ("w:right", "1134"), ("w:bottom", "1134"), ("w:left", "1418"),
          ("w:header", "709"), ("w:footer", "709"), ("w:gutter", "0"),
        ]))
    if rightToLeft { properties.append(Markup("w:bidi")) }
    return properties
  }

  /// The BCP 47 tag Word expects for a language: `en-GB`, `ru-RU`, `zh-CN`, …
  static func languageTag(_ language: String) -> String {
    guard !language.contains("-") else { return language }
    let regions = [
      "ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU", "zh": "zh-CN",
      "ja": "ja-JP", "de": "de-DE", "fa": "fa-IR", "he": "he-IL",
    ]
    return regions[language] ?? language
  }

  // MARK: - Parts

  private func coreProperties() -> String {
    let title = MarkupSerializer.escapedText(presentation.title)
    let language = MarkupSerializer.escapedText(presentation.language)
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>\(title)</dc:title>
        <dc:creator>Concord</dc:creator>
        <dc:language>\(language)</dc:language>
        <cp:revision>\(presentation.declaration.revision)</cp:revision>
      </cp:coreProperties>

      """
  }

  /// The workspace, revision and language of a circulated copy, as custom document properties
  /// (File ▸ Properties ▸ Custom in Word and LibreOffice), which both keep on saving.
  private func customProperties() -> String {
    let values = [
      (WordPackage.workspaceProperty, presentation.declaration.settings.id),
      (WordPackage.revisionProperty, String(presentation.declaration.revision)),
      (WordPackage.languageProperty, presentation.language),
    ]
    let properties = values.enumerated().map { index, property in
      "  <property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" name=\"\(property.0)\"><vt:lpwstr>\(MarkupSerializer.escapedText(property.1))</vt:lpwstr></property>\n"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">

      """ + properties.joined() + "</Properties>\n"
  }

  private func styles() -> String {
    let tag = Self.languageTag(presentation.language)
    let east = presentation.vocabulary.isChinese ? tag : "zh-CN"
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:styles xmlns:w="\(DocxFormatter.namespace)">
        <w:docDefaults>
          <w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Noto Serif CJK SC" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="\(tag)" w:eastAsia="\(east)" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
          <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
        </w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="444444"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Numbered"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Preamble"><w:name w:val="Preamble"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLine="709"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Option"><w:name w:val="Option"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="709"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="OptionLabel"><w:name w:val="Option label"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
      </w:styles>

      """
  }

  private static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
      <Default Extension="xml" ContentType="application/xml"/>
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
      <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
      <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
      <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
      <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>

    """ + DocxHeaderFooter.contentTypes + "</Types>\n"

  private static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
    </Relationships>

    """

  private static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>

    """ + DocxHeaderFooter.relationships + "</Relationships>\n"

  /// `w:autoHyphenation` where justified lines need it (Russian).
  private static func settings(hyphenate: Bool) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:defaultTabStop w:val="709"/>
    \(hyphenate ? "  <w:autoHyphenation/>\n" : "")      <w:characterSpacingControl w:val="doNotCompress"/>
      <w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
      <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
    </w:settings>

    """
  }
}
