/// Lists of names in each language's grammar.
public enum ListGrammar {
  /// "A", "A and B", "A, B and C" (en); «A, B и C» (ru); 「A、B和C」 (zh); "A, B et C" (fr).
  public static func join(_ names: [String], in language: String) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    let head = names.dropLast()
    switch language {
    case "zh": return head.joined(separator: "、") + "和" + last
    case "ja": return head.joined(separator: "、") + "及び" + last
    case "ru": return head.joined(separator: ", ") + " и " + last
    case "fr": return head.joined(separator: ", ") + " et " + last
    case "es": return head.joined(separator: ", ") + " y " + last
    case "ar": return head.joined(separator: "، ") + " و" + last
    default: return head.joined(separator: ", ") + " and " + last
    }
  }

  /// "The Republic of India does not join this paragraph." per language.
  public static func doesNotJoin(_ names: [String], in language: String) -> String {
    let list = join(names, in: language)
    let plural = names.count > 1
    switch language {
    case "ru":
      return list.capitalizingFirstLetter
        + (plural ? " не присоединяются к данному пункту." : " не присоединяется к данному пункту.")
    case "zh": return list + "不加入本段。"
    case "fr":
      return list.capitalizingFirstLetter
        + (plural ? " ne s’associent pas à ce paragraphe." : " ne s’associe pas à ce paragraphe.")
    default:
      return list.capitalizingFirstLetter
        + (plural ? " do not join this paragraph." : " does not join this paragraph.")
    }
  }
}
