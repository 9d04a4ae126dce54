import Foundation
import Testing

@testable import ConcordKit

@Suite struct TextExportTests {
  @Test(arguments: [1, 2], ["en", "ru", "zh"])
  func textExportMatchesTheGoldenFile(revision: Int, language: String) throws {
    let declaration = try ExampleRevisions.load(revision)
    let text = Golden.string(try Exporter.export(declaration, as: .text(language: language)))
    try Golden.check(text, against: "rev-\(revision).\(language).txt")
  }

  @Test func openParagraphsAreBracketedWithTheirOptionsAndAttribution() throws {
    let text = Golden.string(try Exporter.export(try ExampleRevisions.load(1), as: .text(width: 1000)))
    #expect(text.contains("5. [Option 1: The Member States oppose unilateral"))
    #expect(text.contains("   Option 2 (IRN): The Member States firmly oppose"))
    #expect(text.contains("14bis. [Option 1 (IND): The Member States strongly condemn"))
    #expect(text.contains("    Delete (IND)]"))
    #expect(text.contains("Option 4 (facilitator, combining options 2 and 3): The Member States stand for"))
    #expect(text.contains("Option 2 (KAZ, UZB): "))
  }

  @Test func reservationsBecomeFootnotes() throws {
    let text = Golden.string(try Exporter.export(try ExampleRevisions.load(1), as: .text()))
    #expect(text.contains("of the SCO.¹\n"))
    #expect(text.hasSuffix("__________\n¹ Reservation (KGZ): Pending confirmation from capital.\n"))
  }

  @Test func untranslatedTextIsShownInTheBaseLanguageWithANote() throws {
    let text = Golden.string(try Exporter.export(try ExampleRevisions.load(2), as: .text(language: "ru")))
    #expect(text.contains("15. The Member States strongly condemn the terrorist attack in Pahalgam"))
    #expect(text.contains("Перевод ожидается; текст приводится на языке оригинала (en)."))
  }

  @Test func dissociatedParagraphsNameTheJoiningMembersAsTheirSubject() throws {
    let text = Golden.string(try Exporter.export(try ExampleRevisions.load(2), as: .text(width: 1000)))
    #expect(
      text.contains(
        "33. The Republic of Belarus, the Islamic Republic of Iran, the Republic of Kazakhstan, the People's Republic of China, the Kyrgyz Republic, the Islamic Republic of Pakistan, the Russian Federation, the Republic of Tajikistan and the Republic of Uzbekistan reaffirm their support for the Belt and Road Initiative"
      ))
  }

  @Test(arguments: [20, 36, 80, 120])
  func noLineIsWiderThanTheWidthInAnyLanguage(width: Int) throws {
    for language in ["en", "ru", "zh"] {
      for revision in [1, 2] {
        let declaration = try ExampleRevisions.load(revision)
        let text = Golden.string(
          try Exporter.export(declaration, as: .text(language: language, width: width)))
        for line in text.split(separator: "\n") {
          #expect(TextWrapper.columns(of: String(line)) <= width, "\(language) Rev.\(revision): \(line)")
        }
      }
    }
  }

  @Test func finalRefusesWhileParagraphsAreOpenAndListsThem() throws {
    let declaration = try ExampleRevisions.load(2)
    #expect(throws: OpenParagraphsError.self) { try Exporter.export(declaration, as: .text(), final: true) }
    do {
      _ = try Exporter.export(declaration, as: .markdown(), final: true)
    } catch let error as OpenParagraphsError {
      #expect(error.paragraphs.map(\.id) == ["pol-sanctions", "eco-climate"])
      #expect(
        error.description
          == "Rev.2 is not final: 2 paragraphs are still open:\n  5 pol-sanctions\n  42 eco-climate")
    }
  }

  @Test func finalExportsARevisionWithNoOpenParagraph() throws {
    var declaration = try ExampleRevisions.load(2)
    declaration.update { paragraph in
      if paragraph.status == .open {
        paragraph.status = .agreed
        paragraph.options = [paragraph.options[0]]
      }
    }
    let text = Golden.string(try Exporter.export(declaration, as: .text(), final: true))
    #expect(!text.contains("["))
  }

  @Test func finalRefusesALanguageWhoseTranslationIsPendingAndListsTheParagraphs() throws {
    var declaration = try ExampleRevisions.load(2)
    declaration.update { paragraph in
      if paragraph.status == .open {
        paragraph.status = .agreed
        paragraph.options = [paragraph.options[0]]
      }
    }
    let pending = Exporter.pendingTranslations(in: declaration, languages: ["zh"])
    #expect(!pending.isEmpty)
    do {
      _ = try Exporter.export(declaration, as: .text(language: "zh"), final: true)
      Issue.record("expected --final to refuse a pending translation")
    } catch let error as OpenParagraphsError {
      #expect(error.paragraphs.isEmpty)
      #expect(error.pending.map(\.paragraph.id) == pending.map(\.paragraph.id))
      let first = try #require(pending.first)
      #expect(error.description.hasPrefix("Rev.2 is not final: "))
      #expect(
        error.description.contains("\(first.paragraph.number ?? "(preamble)") \(first.paragraph.id) (zh)"))
    }
    // The base language has every text: final.
    _ = try Exporter.export(declaration, as: .text(), final: true)
    // The revision XML holds every language: refused while any is pending.
    #expect(throws: OpenParagraphsError.self) { try Exporter.export(declaration, as: .xml, final: true) }
  }

  @Test func finalListsOpenParagraphsAndPendingTranslationsTogether() throws {
    let declaration = try ExampleRevisions.load(2)
    do {
      _ = try Exporter.export(declaration, as: .text(language: "zh"), final: true)
      Issue.record("expected an error")
    } catch let error as OpenParagraphsError {
      #expect(error.paragraphs.map(\.id) == ["pol-sanctions", "eco-climate"])
      #expect(!error.pending.isEmpty)
      #expect(error.description.contains("still open:\n  5 pol-sanctions\n  42 eco-climate\nand "))
    }
  }

  @Test func aLanguageTheDeclarationDoesNotHaveIsRefused() throws {
    let declaration = try ExampleRevisions.load(2)
    do {
      _ = try Exporter.export(declaration, as: .text(language: "fr"))
      Issue.record("expected an error")
    } catch let error as DiagnosticsError {
      #expect(
        error.description.contains("the declaration has no language \"fr\"; its languages are en, ru, zh"))
    }
  }
}
