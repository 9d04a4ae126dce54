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
  /// What the digests say.
  enum Verdict {
    /// Nothing is due and nothing changed: the latest revision's number.
    case current(Int)
    /// The full reading must judge; with the chain when it was read and found intact, so that
    /// the reading need not read it again.
    case undecided(chain: RevisionChain?)
  }

  static func verdict(_ path: String, store: RevisionStore) -> Verdict {
    // Schemas read from a folder (`--schemas`) may have changed since: every input is read
    // against them.
    guard store.reader.schemas.source == .embedded else { return .undecided(chain: nil) }
    let listing = WorkspaceListing(path: path)
    guard listing.isClean, let latest = (try? store.sequence())?.last else { return .undecided(chain: nil) }
    // A round due (or any other difference in rounds) is seen from names, before the chain.
    let rounds = listing.positions.compactMap { entry -> Int? in
      if case .round(let number, _) = entry { number } else { nil }
    }
    guard rounds.sorted() == Array(stride(from: 1, through: latest, by: 1)),
      let chain = try? RevisionChain(store)
    else { return .undecided(chain: nil) }
    return inputsUnchanged(listing, in: path, since: chain, store: store)
      ? .current(latest) : .undecided(chain: chain)
  }

  /// Whether every listed file has the digest the chain's revisions recorded for it, and the
  /// revisions recorded no file that is gone.
  private static func inputsUnchanged(
    _ listing: WorkspaceListing, in path: String, since chain: RevisionChain, store: RevisionStore
  ) -> Bool {
    let files = listing.files
    let limit = store.reader.limits.maxInputBytes
    let digests = parallelMap(count: files.count) { index -> String? in
      (try? FileSystem.read(FileSystem.join(path, files[index].relative), limit: limit)).map(Digest.sha256)
    }
    var now: [InputDigest] = []
    for (file, digest) in zip(files, digests) {
      guard let digest else { return false }
      now.append(InputDigest(kind: file.kind, path: file.relative, sha256: digest))
    }
    let settings: Set<InputDigest.Kind> = [.workspace, .members]
    return chain.links.allSatisfy { link in
      let revision = link.head.revision
      let kinds: Set<InputDigest.Kind> = settings.union(revision == 0 ? [.clauses] : [.positions])
      let recorded = link.head.provenance.filter { kinds.contains($0.kind) }
      let expected = now.filter { input in
        kinds.contains(input.kind)
          && (input.kind != .positions || input.path.hasPrefix("positions/round-\(revision)/"))
      }
      return Set(recorded) == Set(expected) && recorded.count == expected.count
    }
  }
}
