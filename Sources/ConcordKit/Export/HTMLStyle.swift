/// The style sheet inside every HTML export: screen and A4 print. Constant text, written as
/// is, so it holds no `<`, `>` or `&`.
enum HTMLStyle {
  static let sheet = """

    @page { size: A4; margin: 20mm 18mm 22mm; }
    html { color: #111; background: #fff; }
    body { margin: 2rem auto; max-width: 46rem; padding: 0 1rem; font: 12pt/1.45 "Noto Serif", "Liberation Serif", "Times New Roman", serif; }
    :lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; }
    :lang(ja) { font-family: "Noto Serif CJK JP", "Noto Sans CJK JP", serif; }
    :lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
    header { text-align: center; margin-bottom: 1.5rem; }
    h1 { font-size: 1.3em; line-height: 1.3; margin: 0 0 0.5rem; }
    h2 { font-size: 1.05em; margin: 1.6em 0 0.6em; break-after: avoid-page; }
    .revision { margin: 0; color: #444; }
    .legend { margin: 0.5rem 0 0; font-size: 0.9em; color: #444; }
    .para { display: flex; gap: 0.6em; margin: 0 0 0.7em; }
    .preamble .para { text-indent: 2em; }
    .num { flex: 0 0 3em; font-weight: bold; text-indent: 0; }
    .preamble .num { display: none; }
    .body { flex: 1 1 auto; text-align: justify; }
    .body p { margin: 0 0 0.3em; }
    .bracket { font-weight: bold; }
    .label { font-style: italic; }
    .pending { border-bottom: 1px dotted #777; }
    .note-ref a { text-decoration: none; }
    ins { text-decoration: underline; color: #05603a; background: #e3f4ea; }
    del { text-decoration: line-through; color: #a4161a; background: #fbe4e4; }
    .removed .body { color: #a4161a; }
    .notes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }
    .notes a { text-decoration: none; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
      a { color: inherit; }
      .para { break-inside: avoid-page; }
      ins { background: none; }
      del { background: none; }
    }

    """
}
