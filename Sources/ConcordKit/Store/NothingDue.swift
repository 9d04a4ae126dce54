import Foundation

/// A workspace in which nothing is due, told from digests alone: `assemble` run again with
/// nothing new costs the revision chain and one SHA-256 of each input, not a reading of the
/// whole negotiation.
///
/// Every revision records the SHA-256 of each input it was assembled from. When each file the
/// workspace lists (`WorkspaceListing`) has the bytes a revision recorded for it, when the
/// rounds on disk are exactly those with a revision, and when the settings and participants
/// are those every revision recorded, the workspace is byte for byte the one the latest
/// `assemble` read, validated, checked and accepted: it is current, with nothing to warn
/// about. Anything else — a changed, added or removed file, a round due, a stray file — is
/// left to the full reading (`AssemblyPlan`), which says what it is, and so is every run with
/// schemas from a folder. `validate` always reads everything.
enum NothingDue {
  /// The latest revision's number when nothing is due and nothing changed; nil otherwise.
  static func current(_ path: String, store: RevisionStore) -> Int? {
    // Schemas read from a folder (`--schemas`) may have changed since: every input is read
    // against them.
    guard store.reader.schemas.source == .embedded else { return nil }
    let listing = WorkspaceListing(path: path)
    guard listing.isClean, let latest = (try? store.sequence())?.last else { return nil }
    // A round due (or any other difference in rounds) is seen from names, before the chain.
    let rounds = listing.positions.compactMap { entry -> Int? in
      if case .round(let number, _) = entry { number } else { nil }
    }
    guard rounds.sorted() == Array(stride(from: 1, through: latest, by: 1)),
      let chain = try? RevisionChain(store), chain.latest == latest
    else { return nil }
    let files = listing.files
    let limit = store.reader.limits.maxInputBytes
    let digests = parallelMap(count: files.count) { index -> String? in
      (try? FileSystem.read(FileSystem.join(path, files[index].relative), limit: limit)).map(Digest.sha256)
    }
    var now: [InputDigest] = []
    for (file, digest) in zip(files, digests) {
      guard let digest else { return nil }
      now.append(InputDigest(kind: file.kind, path: file.relative, sha256: digest))
    }
    let settings: Set<InputDigest.Kind> = [.workspace, .members]
    for link in chain.links {
      let revision = link.head.revision
      let kinds: Set<InputDigest.Kind> = settings.union(revision == 0 ? [.clauses] : [.positions])
      let recorded = link.head.provenance.filter { kinds.contains($0.kind) }
      let expected = now.filter { input in
        kinds.contains(input.kind)
          && (input.kind != .positions || input.path.hasPrefix("positions/round-\(revision)/"))
      }
      guard Set(recorded) == Set(expected), recorded.count == expected.count else { return nil }
    }
    return latest
  }
}
