/// SPEC §7's Word documents that are not what they claim, for both `concord import` modes:
/// each a clear error naming the file, exit 1, nothing written. Fixtures are made by
/// `Scripts/make-hostile-docx`.
extension BadInputCatalogue {
  static let docx: [BadInput] = [
    docxCase(
      "docx-zip-bomb", "word/document.xml inflates more than 200 times its compressed size (a ZIP bomb?)"),
    docxCase(
      "docx-huge-document-part", "word/document.xml inflates more than 200 times its compressed size"),
    docxCase("docx-entry-outside-package", "entry \"../../etc/evil.xml\" leads outside the package"),
    docxCase("docx-absolute-entry", "entry \"/tmp/evil.xml\" is an absolute path"),
    docxCase("docx-duplicate-entry", "two entries are named \"word/document.xml\""),
    docxCase(
      "docx-doctype-in-part",
      "ws/copy.docx[word/document.xml]:1:22: error: document type declarations (<!DOCTYPE>) are not accepted"),
    docxCase("docx-really-odt", "is an OpenDocument file (ODT), not a Word document"),
    docxCase("docx-really-pdf", "is a PDF, not a Word document"),
    docxCase("docx-random-bytes", "is not a Word document (.docx is a ZIP package, and this is none)"),
  ]

  /// The fixture's `copy.docx` imported as the zero draft and as a delegation's copy (after
  /// Rev.1, so that round 2 has no position file yet).
  private static func docxCase(_ name: String, _ message: String) -> BadInput {
    var input = BadInput(
      name, message.hasPrefix("ws/") ? message : "ws/copy.docx: error: \(message)", assembledUntil: 1)
    input.invocations = [["import", "ws", "ws/copy.docx"], ["import", "ws", "ws/copy.docx", "--as", "AUT"]]
    return input
  }
}
