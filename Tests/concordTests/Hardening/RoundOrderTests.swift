import Foundation
import Testing

/// A round's stances are all judged against the revision they answer, so the outcome never
/// depends on the order they are read in: here AUT withdraws its option 2 while BEL supports
/// it, with AUT first in protocol order and then BEL first. Once, the first order refused
/// BEL's support ("has no option 2") and the second accepted it.
@Suite struct RoundOrderTests {
  @Test(arguments: [false, true])
  func aWithdrawalAndASupportOfTheSameOptionGiveOneOutcome(_ belgiumFirst: Bool) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try BadInput("round-order", assembledUntil: 1).prepare(in: scratch)
    let ws = scratch.path + "/ws"
    try BadInputCatalogue.roundTwo(scratch.path, "<support paragraph=\"coop-trade\" option=\"2\"/>")
    let aut = """
      <?xml version="1.0" encoding="UTF-8"?>
      <positions xmlns="urn:concord:1" participant="AUT" round="2" answers="1">
        <withdraw paragraph="coop-trade" option="2"/>
      </positions>

      """
    try Data(aut.utf8).write(to: URL(fileURLWithPath: ws + "/positions/round-2/AUT.xml"))
    if belgiumFirst {
      // Protocol order is the order of members.xml; settings may change between rounds.
      let members = try String(contentsOfFile: ws + "/members.xml", encoding: .utf8)
      let lines = members.components(separatedBy: "\n")
      guard let aut = lines.firstIndex(where: { $0.contains("code=\"AUT\"") }),
        let bel = lines.firstIndex(where: { $0.contains("code=\"BEL\"") })
      else { throw Failure("members.xml changed") }
      var swapped = lines
      swapped.replaceSubrange(aut..<bel + 4, with: Array(lines[bel..<bel + 4] + lines[aut..<bel]))
      try Data(swapped.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: ws + "/members.xml"))
    }
    let assemble = try ConcordProcess.run(["assemble", "ws"], in: scratch.path)
    #expect(assemble.status == 0, "\(assemble)")
    let status = try ConcordProcess.run(["status", "ws", "--format", "json"], in: scratch.path)
    let object = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
    let paragraphs = try #require(object?["paragraphs"] as? [[String: Any]])
    let trade = try #require(paragraphs.first { $0["id"] as? String == "coop-trade" })
    #expect(trade["status"] as? String == "open")
    let options = (trade["options"] as? [[String: Any]] ?? []).compactMap { $0["option"].map { "\($0)" } }
    #expect(options == ["1"], "AUT's option 2 is withdrawn whoever comes first: \(options)")
  }
}
