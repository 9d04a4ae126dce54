import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The bad inputs of SPEC §7, one case each, with what concord must say about them.
/// Fixtures are in `Cases/<name>/`; what a fixture cannot hold is made by `setUp`.
enum BadInputCatalogue {
  static let all: [BadInput] =
    bytes + files + attacks + limits + schemas + crossChecks + revisions + merge
    + chain + texts + docx + details

  /// Broken bytes: encodings, truncation, characters XML does not allow.
  static let bytes: [BadInput] = [
    BadInput("empty-file", "ws/members.xml: error: the file is empty; expected an XML document"),
    BadInput(
      "whitespace-only-file",
      "ws/clauses/02-cooperation.xml: error: the file is empty; expected an XML document"),
    BadInput(
      "truncated-file", "ws/members.xml:9:25: error: Premature end of data in tag name line 9"),
    BadInput(
      "malformed-xml",
      "ws/clauses/02-cooperation.xml:9:11: error: Opening and ending tag mismatch: clause line 6 and clase"),
    BadInput(
      "invalid-utf8",
      "ws/positions/round-1/BEL.xml:4:37: error: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC3 0x28"
    ),
    BadInput(
      "utf16-file", "ws/workspace.xml:1:1: error: the file is UTF-16 or UTF-32; Concord reads UTF-8 only"),
    BadInput(
      "utf16-without-bom",
      "ws/workspace.xml:1:1: error: the file is UTF-16 or UTF-32; Concord reads UTF-8 only"),
    BadInput(
      "utf32-file", "ws/workspace.xml:1:1: error: the file is UTF-16 or UTF-32; Concord reads UTF-8 only"),
    BadInput(
      "latin1-file",
      "ws/clauses/01-preamble.xml:1:31: error: the file declares encoding=\"ISO-8859-1\"; Concord reads UTF-8 only"
    ),
    BadInput(
      "bom-with-latin1-declaration",
      "ws/clauses/01-preamble.xml:1:32: error: the file declares encoding=\"ISO-8859-1\"; Concord reads UTF-8 only"
    ),
    BadInput(
      "nul-byte",
      "ws/positions/round-1/AUT.xml:7:74: error: the file contains a NUL byte, which XML does not allow"),
    BadInput(
      "control-character",
      "ws/positions/round-1/AUT.xml:7:78: error: xmlParseCharRef: invalid xmlChar value 1"),
    BadInput(
      "raw-control-character", "ws/positions/round-1/AUT.xml:7:74: error: PCDATA invalid Char value 27"),
  ]

  /// Files that are not what they should be, or not there.
  static let files: [BadInput] = [
    BadInput("directory-for-file", "ws/members.xml: error: is a directory, expected a file") {
      try replaceFile("ws/members.xml", in: $0) {
        try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false)
      }
    },
    BadInput("fifo-for-file", "ws/members.xml: error: is not a regular file (a FIFO, socket or device)") {
      try replaceFile("ws/members.xml", in: $0) {
        guard mkfifo($0, 0o644) == 0 else { throw Failure("mkfifo") }
      }
    },
    BadInput(
      "symlink-loop",
      "ws/clauses/02-cooperation.xml: error: cannot read the file: too many levels of symbolic links"
    ) {
      try replaceFile("ws/clauses/02-cooperation.xml", in: $0) {
        try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "02-cooperation.xml")
      }
    },
    BadInput("dangling-symlink", "ws/workspace.xml: error: is a symbolic link to nothing") {
      try replaceFile("ws/workspace.xml", in: $0) {
        try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "gone.xml")
      }
    },
    BadInput("missing-workspace-file", "ws/workspace.xml: error: no such file") {
      try FileManager.default.removeItem(atPath: $0 + "/ws/workspace.xml")
    },
    BadInput("missing-members-file", "ws/members.xml: error: no such file") {
      try FileManager.default.removeItem(atPath: $0 + "/ws/members.xml")
    },
    BadInput(
      "missing-clauses-folder", "ws/clauses: error: missing folder: the zero draft's clause files go here"
    ) {
      try FileManager.default.removeItem(atPath: $0 + "/ws/clauses")
    },
    BadInput(
      "not-a-clause-file",
      "ws/clauses/notes.txt: error: not a clause file: files in clauses/ must end in .xml"),
    BadInput(
      "stray-entry-in-positions",
      "ws/positions/round-one: error: unexpected entry in positions/: expected folders round-1, round-2, …"),
    BadInput(
      "file-of-200-mb",
      "ws/positions/round-1/BEL.xml: error: file is 209715200 bytes, over the limit of 134217728 bytes (set CONCORD_MAX_INPUT_BYTES to raise it)"
    ) { scratch in
      // Sparse: 200 MB on paper, next to nothing on disk; removed with the scratch folder.
      let handle = try FileHandle(
        forWritingTo: URL(fileURLWithPath: scratch + "/ws/positions/round-1/BEL.xml"))
      try handle.truncate(atOffset: 200 << 20)
      try handle.close()
    },
  ]

  /// Entity expansion, external resources, inclusions: refused, and nothing read.
  static let attacks: [BadInput] = [
    doctype("external-entity-file", "ws/positions/round-1/BEL.xml:2:1"),
    doctype("external-entity-network", "ws/positions/round-1/BEL.xml:2:1"),
    doctype("external-dtd", "ws/members.xml:2:1"),
    doctype("parameter-entities", "ws/clauses/01-preamble.xml:2:1"),
    doctype("billion-laughs", "ws/clauses/02-cooperation.xml:2:1"),
    doctype("quadratic-blowup", "ws/clauses/02-cooperation.xml:2:1"),
    doctype("doctype-after-comments", "ws/members.xml:5:1"),
    BadInput(
      "xinclude",
      "ws/clauses/02-cooperation.xml:11:68: error: Element '{http://www.w3.org/2001/XInclude}include': This element is not expected."
    ),
  ]

  /// Nesting, text length and file size over Concord's limits, default or configured.
  static let limits: [BadInput] = [
    BadInput(
      "deep-nesting",
      "ws/clauses/02-cooperation.xml:72:1: error: elements nest 65 levels deep here, over the limit of 64 (set CONCORD_MAX_DEPTH to raise it)"
    ),
    BadInput(
      "deep-nesting-100000-levels",
      "ws/clauses/03-deep.xml:4:208: error: elements nest 65 levels deep here, over the limit of 64"
    ) {
      let levels = 100_000
      try write(
        section(
          "deep",
          text: String(repeating: "<a>", count: levels) + "x" + String(repeating: "</a>", count: levels)),
        to: $0 + "/ws/clauses/03-deep.xml")
    },
    BadInput(
      "text-of-2-mib",
      "ws/clauses/03-long.xml:4:5: error: a text of 2097152 bytes, over the limit of 1048576 bytes (set CONCORD_MAX_TEXT_BYTES to raise it)"
    ) {
      try write(
        section("long", text: String(repeating: "x", count: 2 << 20)), to: $0 + "/ws/clauses/03-long.xml")
    },
    BadInput(
      "text-of-12-mib",
      "ws/clauses/03-long.xml:4:5: error: a text of 12582912 bytes, over the limit of 1048576 bytes (set CONCORD_MAX_TEXT_BYTES to raise it)"
    ) {
      try write(
        section("long", text: String(repeating: "x", count: 12 << 20)), to: $0 + "/ws/clauses/03-long.xml")
    },
    BadInput(
      "attribute-of-2-mib",
      "ws/clauses/03-long.xml:3:3: error: the value of attribute id is 2097152 bytes, over the limit of 1048576 bytes"
    ) {
      try write(
        section("long", text: "x").replacingOccurrences(
          of: "id=\"long-1\"", with: "id=\"\(String(repeating: "c", count: 2 << 20))\""),
        to: $0 + "/ws/clauses/03-long.xml")
    },
    BadInput(
      "input-over-configured-limit",
      "ws/members.xml: error: file is 673 bytes, over the limit of 600 bytes (set CONCORD_MAX_INPUT_BYTES to raise it)",
      environment: ["CONCORD_MAX_INPUT_BYTES": "600"]),
    BadInput(
      "depth-over-configured-limit",
      "ws/clauses/02-cooperation.xml:7:25: error: elements nest 4 levels deep here, over the limit of 3",
      environment: ["CONCORD_MAX_DEPTH": "3"]),
    BadInput(
      "text-over-configured-limit",
      "ws/workspace.xml:3:3: error: a text of 26 bytes, over the limit of 20 bytes",
      environment: ["CONCORD_MAX_TEXT_BYTES": "20"]),
    BadInput(
      "too-many-errors", "ws/clauses/03-bulk.xml: error: too many errors; stopped after the first 100"),
  ]

  // MARK: - Making what fixtures cannot hold

  static func doctype(_ name: String, _ place: String) -> BadInput {
    BadInput(name, "\(place): error: document type declarations (<!DOCTYPE>) are not accepted")
  }

  static func replaceFile(
    _ relative: String, in scratch: String, with make: (String) throws -> Void
  ) throws {
    let path = scratch + "/" + relative
    try FileManager.default.removeItem(atPath: path)
    try make(path)
  }

  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// A section file whose one clause holds `text` (raw XML) on line 4.
  static func section(_ id: String, text: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <section xmlns="urn:concord:1" id="\(id)" kind="operative">
      <clause id="\(id)-1">
        <text xml:lang="en">\(text)</text>
      </clause>
    </section>

    """
  }
}
