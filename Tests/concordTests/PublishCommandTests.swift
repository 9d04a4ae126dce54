import Foundation
import Testing

/// `concord publish <ws> -o DIR` end to end: the site is written, and written again it is
/// left as it is.
@Suite struct PublishCommandTests {
  @Test func publishWritesTheSiteAndAgainRewritesNothing() throws {
    let scratch = try ScratchFolder()
    _ = try scratch.copyOfExample()
    #expect(try Concord.run(["assemble", "sco-2025", "--date", "2025-09-01"], in: scratch.path).status == 0)
    let first = try Concord.run(["publish", "sco-2025", "-o", "site"], in: scratch.path)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == "published site/index.html: 51 files written, 0 unchanged\n")
    let second = try Concord.run(["publish", "sco-2025", "-o", "site"], in: scratch.path)
    #expect(second.standardOutput == "published site/index.html: 0 files written, 51 unchanged\n")
    let index = try String(contentsOfFile: scratch.path + "/site/index.html", encoding: .utf8)
    #expect(index.contains("<a href=\"rev-2/index.html\">Rev.2</a>"))
    let inside = try Concord.run(["publish", "sco-2025", "-o", "sco-2025/site"], in: scratch.path)
    #expect(inside.status == 1)
    #expect(inside.standardError.contains("will not publish here: it is inside the workspace"))
  }
}
