/// One line about a revision: "revisions/rev-1.xml: Rev.1, 73 paragraphs: 65 agreed, 1 agreed ad ref, 7 open".
public enum RevisionSummary {
  public static func line(for declaration: Declaration, in workspace: String) -> String {
    let file = FileSystem.join(
      workspace, RevisionStore.folder, RevisionStore.fileName(of: declaration.revision))
    return "\(file): Rev.\(declaration.revision), \(counts(declaration))"
  }

  /// "73 paragraphs: 65 agreed, 1 agreed ad ref, 7 open".
  public static func counts(_ declaration: Declaration) -> String {
    let paragraphs = declaration.paragraphs
    let parts: [(Paragraph.Status, String)] = [
      (.draft, "draft"), (.agreed, "agreed"), (.agreedAdReferendum, "agreed ad ref"), (.open, "open"),
    ]
    let counted = parts.compactMap { status, name -> String? in
      let count = paragraphs.filter { $0.status == status }.count
      return count > 0 ? "\(count) \(name)" : nil
    }
    return "\(paragraphs.count) paragraphs: " + counted.joined(separator: ", ")
  }
}
