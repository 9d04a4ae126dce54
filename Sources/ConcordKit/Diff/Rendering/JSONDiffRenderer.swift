/// `concord diff --format json`: the shape of the command-line contract (Appendix B),
/// `{"from", "to", "changes": [{"id", "kind", "fromNumber", "toNumber", "words": {lang:
/// [{"op", "text"}]}}]}`, with more fields beside those: a summary, each change's statuses,
/// details, sponsors and pending translations, and the lineage of every paragraph.
///
/// Keys come in a fixed order and languages in the declaration's order, so the same changes
/// always give the same bytes. Linear in the size of the output.
public struct JSONDiffRenderer: Sendable {
  public init() {}

  public func render(_ changes: Changes) -> String { String(decoding: utf8(changes), as: UTF8.self) }

  /// The same JSON, as UTF-8 bytes.
  public func utf8(_ changes: Changes) -> [UInt8] { written(changes).bytes }

  /// The same JSON, in the segments the command writes one after another (the changes and
  /// the lineage in the runs they were written in, never copied into one buffer).
  public func segments(_ changes: Changes) -> [[UInt8]] { written(changes).segments }

  private func written(_ changes: Changes) -> JSONWriter {
    // The changes and the lineage entries are written on every core, a run of them a writer
    // (separated by commas within it), the runs kept in order as segments.
    let paragraphs = parallelRuns(count: changes.paragraphs.count) { run in
      Self.json { json in for change in changes.paragraphs[run] { write(change, to: json) } }
    }
    let lineage = parallelRuns(count: changes.lineage.count) { run in
      Self.json { json in for entry in changes.lineage[run] { write(entry, to: json) } }
    }
    let json = JSONWriter()
    json.object {
      json.field("from", changes.from)
      json.field("to", changes.to)
      json.field("workspace", changes.workspace)
      json.field("languages") { json.array(changes.languages) { json.value($0) } }
      json.field("summary") {
        json.object {
          for kind in ParagraphChange.Kind.allCases { json.field(kind.rawValue, changes.count(of: kind)) }
          json.field("renumbered", changes.renumbered.count)
        }
      }
      json.field("changes") { json.array(paragraphs) { json.raw(segment: $0) } }
      json.field("lineage") { json.array(lineage) { json.raw(segment: $0) } }
    }
    return json
  }

  private static func json(_ body: (JSONWriter) -> Void) -> [UInt8] {
    let json = JSONWriter()
    body(json)
    return json.bytes
  }

  private func write(_ entry: LineageEntry, to json: JSONWriter) {
    json.object {
      json.field("id", entry.id)
      json.field("fromNumber", entry.fromNumber)
      json.field("toNumber", entry.toNumber)
      json.field("inFrom", entry.inOld)
      json.field("inTo", entry.inNew)
      json.field("change", entry.change?.rawValue)
      json.field("by") { json.array(entry.by) { json.value($0) } }
    }
  }

  // MARK: - One change

  private func write(_ change: ParagraphChange, to json: JSONWriter) {
    json.object {
      json.field("id", change.id)
      json.field("kind", change.kind.rawValue)
      json.field("fromNumber", change.fromNumber)
      json.field("toNumber", change.toNumber)
      json.field("moved", change.moved)
      json.field("fromSection", change.fromSection)
      json.field("toSection", change.toSection)
      json.field("fromStatus", change.fromStatus?.rawValue)
      json.field("toStatus", change.toStatus?.rawValue)
      json.field("details") { json.array(change.details) { json.value($0.description) } }
      json.field("by") { json.array(change.by) { json.value($0) } }
      json.field("translationPending") { json.array(change.translationPending) { json.value($0) } }
      json.field("words") {
        json.object {
          for words in change.words {
            json.field(words.language) {
              json.array(words.edits) { edit in
                json.object {
                  json.field("op", edit.operation.rawValue)
                  json.field("text", edit.text)
                }
              }
            }
          }
        }
      }
    }
  }
}
