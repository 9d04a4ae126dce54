import Foundation

/// The catalogue's cases that only the merge can judge: what a round-2 position refers to in
/// Rev.1 (options, one's own proposals). `validate` once passed them while `assemble` refused.
extension BadInputCatalogue {
  static let merge: [BadInput] = [
    BadInput(
      "support-of-missing-option",
      "ws/positions/round-2/BEL.xml:3:3: error: paragraph \"coop-trade\" has no option 5 in Rev.1 (options: 1, 2)",
      assembledUntil: 1
    ) { scratch in
      try roundTwo(scratch, "<support paragraph=\"coop-trade\" option=\"5\"/>")
    },
    BadInput(
      "support-of-deletion-nobody-proposed",
      "ws/positions/round-2/BEL.xml:3:3: error: paragraph \"coop-trade\" has no option delete in Rev.1 (options: 1, 2)",
      assembledUntil: 1
    ) { scratch in
      try roundTwo(scratch, "<support paragraph=\"coop-trade\" option=\"delete\"/>")
    },
    BadInput(
      "withdraw-another-members-option",
      "ws/positions/round-2/BEL.xml:3:3: error: BEL withdraws option 2 of \"coop-trade\", but is not among its sponsors",
      assembledUntil: 1
    ) { scratch in
      try roundTwo(scratch, "<withdraw paragraph=\"coop-trade\" option=\"2\"/>")
    },
  ]

  /// BEL's round-2 position file, holding one stance on line 3.
  static func roundTwo(_ scratch: String, _ stance: String) throws {
    let folder = scratch + "/ws/positions/round-2"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <positions xmlns="urn:concord:1" participant="BEL" round="2" answers="1">
        \(stance)
      </positions>

      """
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/BEL.xml"))
  }
}
