import Foundation
import Testing

@Test func binaryPrintsHelp() throws {
  _ = try #require(Bundle.main.bundleURL as URL?)
}
