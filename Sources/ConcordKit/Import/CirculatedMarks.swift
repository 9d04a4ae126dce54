/// How a circulated Word document carries each paragraph's id and the revision it belongs to:
/// a bookmark around the paragraph, invisible to readers, kept by Word and LibreOffice when
/// the paragraph is edited, and gone with it when it is deleted. Document properties name the
/// workspace, the revision and the language (`WordPackage.workspaceProperty` …).
///
/// - `concord_<rev>_<id>`: paragraph `<id>` of Rev.`<rev>` (its current text, option 1);
/// - `concordopt_<rev>_<option>_<id>`: another option of an open paragraph;
/// - `concordsec_<rev>_<id>`: the heading of section `<id>`.
public enum CirculatedMarks {
  public enum Mark: Hashable, Sendable {
    case paragraph(revision: Int, id: String)
    case option(revision: Int, option: OptionReference, id: String)
    case section(revision: Int, id: String)

    var revision: Int {
      switch self {
      case .paragraph(let revision, _), .option(let revision, _, _), .section(let revision, _): revision
      }
    }
  }

  /// The character style of an option's label where italics would be synthetic (Chinese,
  /// Arabic): import reads a run in it as part of the label, as it reads an italic one.
  public static let optionLabelStyle = "OptionLabel"

  public static func name(_ mark: Mark) -> String {
    switch mark {
    case .paragraph(let revision, let id): "concord_\(revision)_\(id)"
    case .option(let revision, let option, let id): "concordopt_\(revision)_\(option)_\(id)"
    case .section(let revision, let id): "concordsec_\(revision)_\(id)"
    }
  }

  /// The mark a bookmark name carries; nil for any other bookmark (Word's `_GoBack`, a user's).
  public static func mark(_ name: String) -> Mark? {
    let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let rest = parts[1].split(separator: "_", maxSplits: parts[0] == "concordopt" ? 2 : 1)
    guard rest.count >= 2, let revision = Int(rest[0]), revision >= 0 else { return nil }
    switch parts[0] {
    case "concord": return .paragraph(revision: revision, id: String(rest[1]))
    case "concordsec": return .section(revision: revision, id: String(rest[1]))
    case "concordopt":
      guard rest.count == 3, let option = OptionReference(String(rest[1])) else { return nil }
      return .option(revision: revision, option: option, id: String(rest[2]))
    default: return nil
    }
  }
}
