/// Rev.0: the zero draft as a revision. Every clause becomes a paragraph with one option (its
/// text) and the status draft.
public enum ZeroDraft {
  public static func declaration(from workspace: Workspace, date: String? = nil) -> Declaration {
    let sections = workspace.sections.map { section in
      DeclarationSection(
        id: section.id, kind: section.kind, headings: section.headings,
        paragraphs: section.clauses.map { clause in
          Paragraph(
            id: clause.id, status: .draft, since: 0,
            options: [Option(reference: .current, round: 0, texts: clause.texts)])
        })
    }
    var declaration = Declaration(
      revision: 0, date: date, settings: workspace.settings,
      participants: workspace.participants,
      history: [HistoryEntry(revision: 0, date: date)],
      provenance: workspace.inputs(of: [.workspace, .members, .clauses]),
      sections: sections)
    Numbering.apply(to: &declaration)
    declaration.recordCounts()
    return declaration
  }
}
