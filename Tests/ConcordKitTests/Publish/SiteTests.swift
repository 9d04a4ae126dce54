import Foundation
import Testing

@testable import ConcordKit

/// `concord publish`: a self-contained site whose every page parses and every link resolves;
/// same inputs, same bytes; an unchanged workspace rewrites nothing.
@Suite struct SiteTests {
  static func site() throws -> Site {
    Site(
      revisions: try [0, 1, 2].map { number in
        var declaration = try ExampleRevisions.load(number)
        declaration.settings.symbol = "SCO/CHS/2025/DD"
        return declaration
      })
  }

  func parsed(_ data: Data, name: String) throws -> XML.Element {
    let (root, diagnostics) = data.withUnsafeBytes {
      LibXML2.read($0, path: name, schema: nil, buildTree: true)
    }
    #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.description))")
    return try #require(root)
  }

  /// `a/b/../c.html` → `a/c.html`, relative to the site's root.
  func resolve(_ href: String, from page: String) -> String {
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in href.split(separator: "/") {
      if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
    }
    return parts.joined(separator: "/")
  }

  @Test func everyPageParsesAndEveryLinkResolves() throws {
    let files = try Self.site().files()
    let byPath = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
    #expect(byPath.count == files.count, "no path twice")
    for required in [
      "index.html", "status.html", "lineage.html", "rev-2/index.html", "rev-2/zh.docx",
      "rev-2/ru.akn.xml", "rev-2/en.txt", "rev-2/redline-zh.html", "rev-1/status.html",
    ] {
      #expect(byPath[required] != nil, "\(required)")
    }
    var ids: [String: Set<String>] = [:]
    var links: [(page: String, href: String)] = []
    for (path, data) in files where path.hasSuffix(".html") {
      let root = try parsed(data, name: path)
      ids[path] = Set(root.allElements().compactMap { $0[attribute: "id"] })
      let page = String(decoding: data, as: UTF8.self)
      #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("src="), "\(path)")
      for anchor in root.all("a") {
        if let href = anchor[rawAttribute: "href"] { links.append((path, href)) }
      }
    }
    #expect(links.count > 100)
    // Each language's page links to its DOCX, Akoma Ntoso and text.
    for target in ["zh.docx", "zh.akn.xml", "zh.txt", "redline-zh.html"] {
      #expect(links.contains { $0.page == "rev-2/zh.html" && $0.href == target }, "\(target)")
    }
    for (page, href) in links {
      #expect(!href.contains("://") && !href.hasPrefix("/"), "\(page): \(href) leaves the site")
      let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let target = parts[0].isEmpty ? page : resolve(String(parts[0]), from: page)
      #expect(byPath[target] != nil, "\(page): \(href) → \(target) does not exist")
      if parts.count == 2 {
        #expect(ids[target]?.contains(String(parts[1])) == true, "\(page): \(href) names no element")
      }
    }
  }

  @Test func theSameRevisionsGiveTheSameBytes() throws {
    let first = try Self.site().files()
    let second = try Self.site().files()
    #expect(first.map(\.path) == second.map(\.path))
    #expect(first.map(\.data) == second.map(\.data))
  }

  @Test func theLineageFollowsAnInsertedParagraph() throws {
    let files = try Self.site().files()
    let lineage = String(
      decoding: try #require(files.first { $0.path == "lineage.html" }).data, as: UTF8.self)
    #expect(lineage.contains("<td>inserted in Rev.1 by IND</td>"))
    #expect(lineage.contains("14bis open"))
  }

  @Test func publishingAgainRewritesNothing() throws {
    let folder = try TemporaryFolder()
    let target = folder.path + "/site"
    let files = try Self.site().files()
    let first = try PublishFolder.write(files, to: target)
    #expect(first.written.count == files.count && first.unchanged.isEmpty)
    let index = target + "/index.html"
    let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
    let inode = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int
    let second = try PublishFolder.write(files, to: target)
    #expect(second.written.isEmpty && second.unchanged.count == files.count)
    #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == before)
    #expect(try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int == inode)
  }

  /// The site is staged as it is made and put in place at the end: one that fails to be made
  /// halfway leaves every published file as it was, and no temporary file behind.
  @Test func aSiteThatFailsHalfwayChangesNothing() throws {
    let folder = try TemporaryFolder()
    let target = folder.path + "/site"
    let files = try Self.site().files()
    _ = try PublishFolder.write(files, to: target)
    let before = try FileManager.default.subpathsOfDirectory(atPath: target).sorted()
    let index = try Data(contentsOf: URL(fileURLWithPath: target + "/index.html"))
    let changed = [("index.html", Data("changed".utf8)), ("rev-9/index.html", Data("new".utf8))]
    #expect(throws: DiagnosticsError.self) {
      try PublishFolder.write(changed + [("../escape.html", Data())], to: target)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: target + "/index.html")) == index)
    let after = try FileManager.default.subpathsOfDirectory(atPath: target).sorted()
    // Only the new revision's folder was made, empty.
    #expect(after.filter { !before.contains($0) } == ["rev-9"])
    #expect(!after.contains { $0.contains(AtomicFile.temporaryPrefix) })
    // The same files without the bad one are put in place, in order.
    let outcome = try PublishFolder.write(changed, to: target)
    #expect(outcome.written == ["index.html", "rev-9/index.html"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: target + "/index.html")) == Data("changed".utf8))
  }

  @Test func publishRefusesAFolderItDidNotMakeAndAWorkspace() throws {
    let folder = try TemporaryFolder()
    try folder.write("other/notes.txt", "mine")
    #expect(throws: DiagnosticsError.self) { try PublishFolder.write([], to: folder.path + "/other") }
    try folder.write("ws/workspace.xml", "<workspace/>")
    #expect(throws: DiagnosticsError.self) { try PublishFolder.write([], to: folder.path + "/ws/site") }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/ws/site"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/link", withDestinationPath: folder.path + "/other")
    #expect(throws: DiagnosticsError.self) { try PublishFolder.write([], to: folder.path + "/link") }
    #expect(throws: DiagnosticsError.self) {
      try PublishFolder.write([("../escape.html", Data())], to: folder.path + "/new")
    }
  }
}

extension XML.Element {
  /// Every descendant element (and self) when `name` is `*`.
  fileprivate func allElements() -> [XML.Element] { [self] + elements.flatMap { $0.allElements() } }
}
