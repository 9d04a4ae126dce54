import Foundation
import Testing

@testable import ConcordKit

/// The official OASIS schema, kept with these tests (`Fixtures/akn/`, where it came from is in
/// its README), or the file `CONCORD_AKN_SCHEMA` names.
private let schemaPath =
  ProcessInfo.processInfo.environment["CONCORD_AKN_SCHEMA"]
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/akn/akomantoso30.xsd").path

private let schema: Result<ExternalSchema, any Error> = Result { try ExternalSchema(file: schemaPath) }

@Suite struct AkomaNtosoExportTests {
  func validated(
    _ declaration: Declaration, language: String, against previous: Declaration? = nil, name: String
  ) throws -> XML.Element {
    let data = try Exporter.export(declaration, as: .akomaNtoso(language: language), against: previous)
    let problems = try schema.get().validate(data, displayPath: name)
    #expect(problems.isEmpty, "\(name): \(problems.map(\.description).joined(separator: "\n"))")
    return try #require(
      data.withUnsafeBytes { LibXML2.read($0, path: name, schema: nil, buildTree: true).root })
  }

  @Test func theOfficialSchemaCompiles() throws {
    #expect(FileManager.default.fileExists(atPath: schemaPath), "missing \(schemaPath)")
    _ = try schema.get()
  }

  @Test func theSchemaCatchesADocumentThatBreaksIt() throws {
    let data = try Exporter.export(try ExampleRevisions.load(1), as: .akomaNtoso())
    let broken = Data(
      Golden.string(data).replacingOccurrences(of: "<FRBRcountry value=\"un\"/>", with: "").utf8)
    let problems = try schema.get().validate(broken, displayPath: "broken.akn")
    #expect(problems.contains { $0.message.contains("FRBRcountry") })
  }

  @Test(arguments: [0, 1, 2])
  func everyRevisionOfTheExampleIsValidInEveryLanguage(revision: Int) throws {
    let declaration = try ExampleRevisions.load(revision)
    let previous = revision > 0 ? try ExampleRevisions.load(revision - 1) : nil
    for language in declaration.settings.languages {
      _ = try validated(declaration, language: language, name: "rev-\(revision).\(language).akn")
      if let previous {
        _ = try validated(
          declaration, language: language, against: previous,
          name: "rev-\(revision)-vs-\(revision - 1).\(language).akn")
      }
    }
  }

  @Test func everyAssembledRevisionOfTheWorkspaceIsValid() throws {
    let store = RevisionStore(workspacePath: ExampleRevisions.workspacePath)
    for revision in try store.revisions() {
      let declaration = try store.load(revision)
      for language in declaration.settings.languages {
        _ = try validated(declaration, language: language, name: "workspace rev-\(revision).\(language).akn")
      }
    }
  }

  @Test func edgeCasesAreValid() throws {
    for (name, declaration, previous) in EdgeCases.all {
      for language in ["en", "ar"] {
        _ = try validated(declaration, language: language, against: previous, name: "\(name).\(language).akn")
      }
    }
  }

  @Test func identificationFollowsTheNamingConvention() throws {
    let root = try validated(try ExampleRevisions.load(2), language: "ru", name: "rev-2.ru")
    let identification = try #require(root.find("identification"))
    let work = try #require(identification.find("FRBRWork"))
    let expression = try #require(identification.find("FRBRExpression"))
    let manifestation = try #require(identification.find("FRBRManifestation"))
    // The example's revisions carry no date: cobalt's "no date", and `;2` to tell Rev.2 from
    // Rev.0 on the same date.
    let base = "/akn/un/statement/declaration/0001-01-01/sco-2025"
    #expect(work.find("FRBRthis")?[attribute: "value"] == base + "/!main")
    #expect(work.find("FRBRuri")?[attribute: "value"] == base)
    #expect(work.find("FRBRalias")?[attribute: "name"] == "title")
    #expect(work.find("FRBRalias")?[attribute: "value"]?.hasPrefix("Тяньцзиньская декларация") == true)
    #expect(work.find("FRBRcountry")?[attribute: "value"] == "un")
    #expect(expression.find("FRBRthis")?[attribute: "value"] == base + "/rus@0001-01-01;2/!main")
    #expect(expression.find("FRBRuri")?[attribute: "value"] == base + "/rus@0001-01-01;2")
    #expect(expression.find("FRBRlanguage")?[attribute: "language"] == "rus")
    #expect(manifestation.find("FRBRthis")?[attribute: "value"] == base + "/rus@0001-01-01;2/!main.xml")
    #expect(manifestation.find("FRBRuri")?[attribute: "value"] == base + "/rus@0001-01-01;2/!main.xml")
    #expect(root.find("statement")?[attribute: "name"] == "declaration")
  }

  @Test func datedRevisionsNameTheirDateAndTheWorkspaceItsJurisdiction() throws {
    var declaration = try ExampleRevisions.load(2)
    declaration.settings.jurisdiction = "xx-sco"
    declaration.history[0].date = "2025-05-20"
    declaration.history[1].date = "2025-06-24"
    declaration.date = nil
    let root = try validated(declaration, language: "en", name: "rev-2.dated")
    let base = "/akn/xx-sco/statement/declaration/2025-05-20/sco-2025"
    let expression = try #require(root.find("FRBRExpression"))
    // Rev.2 has no date of its own: it takes Rev.1's, and says so.
    #expect(expression.find("FRBRuri")?[attribute: "value"] == base + "/eng@2025-06-24;2")
    #expect(expression.find("FRBRdate")?[attribute: "date"] == "2025-06-24")
    #expect(root.find("FRBRWork")?.find("FRBRdate")?[attribute: "date"] == "2025-05-20")
    #expect(root.find("FRBRcountry")?[attribute: "value"] == "xx-sco")
    #expect(root.all("eventRef").map { $0[attribute: "date"] } == ["2025-05-20", "2025-06-24", "2025-06-24"])
    declaration.date = "2025-07-04"
    let own = try validated(declaration, language: "en", name: "rev-2.own-date")
    #expect(own.find("FRBRExpression")?.find("FRBRuri")?[attribute: "value"] == base + "/eng@2025-07-04")
    #expect(
      own.all("original").first?[attribute: "href"] == base + "/eng@2025-05-20")
  }

  @Test func revisionsAreLifecycleEventsAndParticipantsOrganizations() throws {
    let root = try validated(try ExampleRevisions.load(2), language: "en", name: "rev-2.en")
    let events = root.all("eventRef")
    #expect(events.map { $0[attribute: "source"] } == ["#rev_0", "#rev_1", "#rev_2"])
    #expect(events.map { $0[attribute: "type"] } == ["generation", "amendment", "amendment"])
    let organizations = root.all("TLCOrganization").compactMap { $0[attribute: "eId"] }
    #expect(organizations.contains("blr") && organizations.contains("tur") && organizations.contains("body"))
    #expect(
      root.all("TLCOrganization").first { $0[attribute: "eId"] == "chn" }?[attribute: "showAs"]
        == "the People's Republic of China")
  }

  @Test func openParagraphsGiveTheirOptionsAsAlternatives() throws {
    let root = try validated(try ExampleRevisions.load(1), language: "en", name: "rev-1.en")
    let paragraphs = root.all("paragraph")
    let alternatives = paragraphs.filter { $0[attribute: "alternativeTo"] == "#sec_3__para_37" }
    #expect(
      alternatives.map { $0[attribute: "eId"] } == [
        "sec_3__para_37_opt_2", "sec_3__para_37_opt_3", "sec_3__para_37_opt_4",
      ])
    #expect(alternatives.first?[attribute: "GUID"] == "urn:concord:sco-2025:paragraph:eco-digital:option:2")
    #expect(alternatives.map { $0[attribute: "refersTo"] } == ["#pak", "#rus", "#facilitator"])
    #expect(alternatives.last?.find("heading")?.text == "Option 4 (facilitator, combining options 2 and 3)")
    let deletion = paragraphs.first { $0[attribute: "eId"] == "sec_3__para_34_opt_delete" }
    #expect(deletion?[attribute: "alternativeTo"] == "#sec_3__para_34")
    #expect(deletion?.find("heading")?.text == "Delete (IND)")
    let main = paragraphs.first { $0[attribute: "eId"] == "sec_2__para_14bis" }
    #expect(main?[attribute: "GUID"] == "urn:concord:sco-2025:paragraph:ind-1")
    #expect(root.all("recital").first?[attribute: "eId"] == "preamble__recs_1__rec_1")
    #expect(!paragraphs.contains { $0[attribute: "wId"] != nil }, "wId is the original version's eId")
    #expect(main?.find("num")?.text == "14bis.")
  }

  @Test func reservationsAreAuthorialNotes() throws {
    let root = try validated(try ExampleRevisions.load(1), language: "en", name: "rev-1.en")
    let note = try #require(root.all("authorialNote").first)
    #expect(note[attribute: "refersTo"] == "#kgz")
    #expect(note.text == "Reservation (KGZ): Pending confirmation from capital.")
    #expect(note[attribute: "eId"] == "sec_5__para_59__authorialNote_1")
  }

  @Test func changesAgainstAnEarlierRevisionAreInsAndDel() throws {
    let root = try validated(
      try ExampleRevisions.load(2), language: "en", against: try ExampleRevisions.load(1),
      name: "rev-2-vs-1.en")
    let inserted = root.all("ins").map(\.text)
    let deleted = root.all("del").map(\.text)
    #expect(inserted.contains("stand for"))
    #expect(deleted.contains("note the importance of"))
    #expect(inserted.contains("Option 3 (IND)"))
    let year = root.all("paragraph").first {
      $0[attribute: "GUID"] == "urn:concord:sco-2025:paragraph:eco-year"
    }
    #expect(year?[attribute: "class"] == "agreed changed")
  }

  @Test func removedParagraphsStayWithStatusRemoved() throws {
    let root = try validated(
      EdgeCases.everything(), language: "en", against: EdgeCases.earlier(), name: "edge")
    let removed = root.all("paragraph").filter { $0[attribute: "status"] == "removed" }
    #expect(
      removed.map { $0[attribute: "GUID"] } == [
        "urn:concord:\(EdgeCases.everything().settings.id):paragraph:op-gone"
      ])
    #expect(removed.first?.find("del")?.text == "2.")
    let recital = root.all("recital").first { $0[attribute: "status"] == "removed" }
    #expect(recital?[attribute: "GUID"]?.hasSuffix(":paragraph:pre-0") == true)
  }

  @Test func textsInTheBaseLanguageCarryTheirLanguage() throws {
    let root = try validated(try ExampleRevisions.load(2), language: "zh", name: "rev-2.zh")
    let pending = root.all("p").filter { $0[attribute: "class"] == "translation-pending" }
    #expect(pending.count == 6)
    #expect(pending.allSatisfy { $0.attributes.contains { $0.name == "lang" && $0.value == "en" } })
  }
}

extension XML.Element {
  /// The first descendant (or self) named `name`, depth first.
  func find(_ name: String) -> XML.Element? {
    if self.name == name { return self }
    for child in elements { if let found = child.find(name) { return found } }
    return nil
  }

  /// Every descendant (and self) named `name`, in document order.
  func all(_ name: String) -> [XML.Element] {
    (self.name == name ? [self] : []) + elements.flatMap { $0.all(name) }
  }
}
