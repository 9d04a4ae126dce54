import Foundation

/// The catalogue's cases of a revision history broken by hand: a revision planted, removed,
/// replaced or edited. Every command that reads revisions says which file and what.
extension BadInputCatalogue {
  static let chain: [BadInput] = [
    BadInput(
      "revision-planted-after-a-gap",
      "ws/revisions/rev-5.xml: error: Rev.2 is missing before Rev.5: revisions are numbered from 0 without gaps",
      assembledUntil: 1
    ) { scratch in
      try FileManager.default.copyItem(
        atPath: scratch + "/ws/revisions/rev-1.xml", toPath: scratch + "/ws/revisions/rev-5.xml")
    },
    BadInput(
      "revision-removed-before-another",
      "ws/revisions/rev-1.xml: error: Rev.0 is missing before Rev.1: revisions are numbered from 0 without gaps",
      assembledUntil: 1
    ) { scratch in
      try FileManager.default.removeItem(atPath: scratch + "/ws/revisions/rev-0.xml")
    },
    BadInput(
      "latest-revision-edited-by-hand",
      "ws/revisions/rev-1.xml: error: was changed after concord wrote it: its content no longer matches the digest sealed in it",
      assembledUntil: 1
    ) { scratch in
      try edit(scratch + "/ws/revisions/rev-1.xml") {
        $0.replacingOccurrences(of: "held in 2027", with: "held in 2028")
      }
    },
    BadInput(
      "revision-replaced-by-a-copy-of-another",
      "ws/revisions/rev-1.xml: error: holds Rev.0 (revision=\"0\"), not Rev.1: a revision file's name and number must agree",
      assembledUntil: 1
    ) { scratch in
      let folder = scratch + "/ws/revisions/"
      try FileManager.default.removeItem(atPath: folder + "rev-1.xml")
      try FileManager.default.copyItem(atPath: folder + "rev-0.xml", toPath: folder + "rev-1.xml")
    },
    BadInput(
      "revision-without-a-seal",
      "ws/revisions/rev-1.xml: error: carries no digest: it was not written by concord assemble",
      assembledUntil: 1
    ) { scratch in
      try edit(scratch + "/ws/revisions/rev-1.xml") {
        $0.replacingOccurrences(of: #" digest="[0-9a-f]{64}""#, with: "", options: .regularExpression)
      }
    },
  ]
}
