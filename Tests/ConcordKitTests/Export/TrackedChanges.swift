import Foundation

@testable import ConcordKit

/// Word's "accept all changes" and "reject all changes", applied to a DOCX's
/// `word/document.xml`, and the paragraphs' texts that result: what a reader of the redline
/// gets with either button.
///
/// Accepting drops every `w:del` with its content, keeps the content of every `w:ins`, and joins
/// a paragraph whose mark is deleted (`w:pPr/w:rPr/w:del`) to the next one; rejecting drops
/// every `w:ins`, keeps the content of every `w:del` (`w:delText` is text again), and joins a
/// paragraph whose mark is inserted to the next one. A joined paragraph's text goes in front of
/// the next one's, which keeps its own style. Each paragraph reads "style: text", a footnote
/// reference as `[^the footnote's text]`.
enum TrackedChanges {
  enum Choice { case accept, reject }

  static func paragraphs(of docx: Data, _ choice: Choice) throws -> [String] {
    let entries = try DocxPackage.entries(of: docx)
    let document = try parsed(entries["word/document.xml"], name: "document.xml")
    var notes: [String: String] = [:]
    if let part = entries["word/footnotes.xml"] {
      for note in try parsed(part, name: "footnotes.xml").all("footnote") {
        notes[note.w("id") ?? ""] = note.all("t").map(\.text).joined()
      }
    }
    let body = document.elements.first { $0.name == "body" }
    var result: [String] = []
    var carried = ""
    for paragraph in body?.elements ?? [] where paragraph.name == "p" {
      let properties = paragraph.elements.first { $0.name == "pPr" }
      let style = properties?.find("pStyle")?.w("val") ?? ""
      let mark = properties?.elements.first { $0.name == "rPr" }?.elements.map(\.name) ?? []
      let text = carried + content(of: paragraph, choice, notes: notes)
      if mark.contains(choice == .accept ? "del" : "ins") {
        carried = text
        continue
      }
      carried = ""
      result.append(style + ": " + text)
    }
    return result
  }

  /// The text of an element's runs after `choice`.
  private static func content(
    of element: XML.Element, _ choice: Choice, notes: [String: String]
  ) -> String {
    var text = ""
    for child in element.elements {
      switch child.name {
      case "pPr", "rPr": continue
      case "ins" where choice == .reject, "del" where choice == .accept: continue
      case "t", "delText": text += child.text
      case "tab": text += "\t"
      case "footnoteReference": text += "[^" + (notes[child.w("id") ?? ""] ?? "?") + "]"
      default: text += content(of: child, choice, notes: notes)
      }
    }
    return text
  }

  /// White space made single spaces, and a paragraph's number ("12.", "12bis.") dropped:
  /// numbering is not tracked ("paragraph numbers aside").
  static func normalised(_ paragraphs: [String]) -> [String] {
    paragraphs.compactMap { paragraph in
      guard let colon = paragraph.range(of: ": ") else { return nil }
      let style = paragraph[..<colon.lowerBound]
      var words = paragraph[colon.upperBound...].split(whereSeparator: \.isWhitespace)
      if let first = words.first, isNumber(first) { words.removeFirst() }
      return words.isEmpty ? nil : style + ": " + words.joined(separator: " ")
    }
  }

  private static func isNumber(_ word: Substring) -> Bool {
    guard word.last == ".", let digit = word.first, digit.isASCII, digit.isNumber else { return false }
    let digits = word.dropLast().prefix { $0.isASCII && $0.isNumber }
    let suffix = word.dropLast().dropFirst(digits.count)
    return suffix.allSatisfy { $0.isASCII && $0.isLowercase }
  }

  /// Names of the elements `w:ins` and `w:del` anywhere in the document.
  static func changes(in docx: Data) throws -> [XML.Element] {
    let entries = try DocxPackage.entries(of: docx)
    let document = try parsed(entries["word/document.xml"], name: "document.xml")
    return document.all("ins") + document.all("del")
  }

  static func parsed(_ data: Data?, name: String) throws -> XML.Element {
    guard let data else { throw Missing(name: name) }
    let (root, diagnostics) = data.withUnsafeBytes {
      LibXML2.read($0, path: name, schema: nil, buildTree: true)
    }
    guard diagnostics.isEmpty, let root else { throw Missing(name: "\(name): \(diagnostics)") }
    return root
  }

  struct Missing: Error { var name: String }
}
