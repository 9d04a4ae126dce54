/// Paragraph numbers: operative paragraphs are numbered consecutively across sections;
/// preamble paragraphs are not numbered; an inserted paragraph not yet agreed takes the
/// number of the paragraph before it with a Latin suffix (12bis, 12ter, …) and its place in
/// the sequence once agreed. Linear in the number of paragraphs.
public enum Numbering {
  public static func apply(to declaration: inout Declaration) {
    var counter = 0
    var suffix = 0
    for s in declaration.sections.indices {
      let operative = declaration.sections[s].kind == .operative
      for p in declaration.sections[s].paragraphs.indices {
        guard operative else {
          declaration.sections[s].paragraphs[p].number = nil
          continue
        }
        if declaration.sections[s].paragraphs[p].inserted {
          suffix += 1
          declaration.sections[s].paragraphs[p].number = "\(counter)\(latin(suffix))"
        } else {
          counter += 1
          suffix = 0
          declaration.sections[s].paragraphs[p].number = String(counter)
        }
      }
    }
  }

  /// bis, ter, quater, … vicies; then letters, so that a number is always digits then letters.
  static func latin(_ index: Int) -> String {
    let names = [
      "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
      "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
      "septdecies", "octodecies", "novodecies", "vicies",
    ]
    if index >= 1 && index <= names.count { return names[index - 1] }
    var value = index - names.count - 1
    var letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(97 + value % 26))) + letters
      value = value / 26 - 1
    } while value >= 0
    return "vicies" + letters
  }
}
