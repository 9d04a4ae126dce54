import Foundation
import Testing

/// `concord validate` refuses every workspace that `concord assemble` refuses, with the same
/// message: both judge a workspace by one set of checks (`AssemblyPlan`).
@Suite struct ValidateAgreesWithAssembleTests {
  @Test(arguments: BadInputCatalogue.all.filter { $0.commands.contains(.assemble) && $0.invocations == nil })
  func validateReportsEveryErrorAssembleStopsOn(_ input: BadInput) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let arguments = try input.prepare(in: scratch)
    let assemble = try ConcordProcess.run(
      ["assemble", "ws"] + arguments, in: scratch.path, environment: input.environment, timeout: 60)
    let validate = try ConcordProcess.run(
      ["validate", "ws"] + arguments, in: scratch.path, environment: input.environment, timeout: 60)
    #expect(assemble.status == 1, "assemble: \(assemble)")
    #expect(validate.status == 1, "validate: \(validate)")
    let reported = Set(validate.standardError.split(separator: "\n"))
    for line in assemble.standardError.split(separator: "\n") where line.contains(": error: ") {
      #expect(reported.contains(line), "validate does not say “\(line)”; validate: \(validate)")
    }
  }
}
