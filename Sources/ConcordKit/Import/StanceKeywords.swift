import Foundation

/// Comments that say a stance: a Word comment that starts with one of these keywords becomes
/// that stance on the paragraph it is anchored in; any other comment is a `comment`.
///
/// | stance | English | Russian | Chinese |
/// |---|---|---|---|
/// | support | `Support`, `Support option 2` | `Поддерживаем`, `Поддерживаем вариант 2` | `支持`, `支持选项2` |
/// | reserve | `Reserve: <note>` | `Оговорка: <note>` | `保留：<note>` |
/// | dissociate | `Dissociate` | `Не присоединяемся` | `不加入` |
/// | withdraw | `Withdraw option 3` | `Отзываем вариант 3` | `撤回选项3` |
///
/// Case does not matter; "option" may be spelled "opt."/"Option"; a stance without an option
/// is about the option the comment is anchored in (option 1, the current text, in a plain
/// paragraph).
enum StanceKeywords {
  enum Kind: Sendable { case support, reserve, dissociate, withdraw }

  static let words: [(Kind, [String])] = [
    (.support, ["support", "we support", "supported", "поддерживаем", "поддерживаю", "поддержка", "支持"]),
    (.reserve, ["reserve", "reservation", "оговорка", "резерв", "保留"]),
    (.dissociate, ["dissociate", "we dissociate", "не присоединяемся", "диссоциируемся", "不加入", "不参加"]),
    (.withdraw, ["withdraw", "we withdraw", "отзываем", "отзываю", "撤回"]),
  ]

  static let optionWords = ["option", "opt.", "вариант", "варианта", "选项", "备选案文", "方案"]

  /// The stance a comment says, or nil when it says none.
  static func stance(
    in comment: String, paragraph: String, defaultOption: OptionReference, at location: SourceLocation
  )
    -> Stance?
  {
    let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
    let lowered = text.lowercased()
    for (kind, keywords) in words {
      for keyword in keywords.sorted(by: { $0.count > $1.count }) where lowered.hasPrefix(keyword) {
        let rest = String(text.dropFirst(keyword.count))
        if let next = rest.first, next.isLetter,
          !keyword.unicodeScalars.allSatisfy(\.properties.isIdeographic)
        {
          continue
        }
        let (option, after) = Self.option(in: rest)
        let chosen = option ?? defaultOption
        let action: Stance.Action
        switch kind {
        case .support: action = .support(chosen)
        case .dissociate: action = .dissociate(chosen)
        case .withdraw:
          guard let option else { return nil }
          action = .withdraw(option)
        case .reserve:
          let note = after.drop { ":：-–— ,".contains($0) }.trimmingCharacters(in: .whitespacesAndNewlines)
          action = .reserve(chosen, note: note.isEmpty ? "Reservation." : note)
        }
        return Stance(paragraph: paragraph, action: action, location: location)
      }
    }
    return nil
  }

  /// "option 2" (or "вариант 2", "选项2", "option delete") at the start of `text`.
  private static func option(in text: String) -> (OptionReference?, Substring) {
    var rest = Substring(text).drop { $0 == " " || $0 == ":" || $0 == "：" }
    let lowered = rest.lowercased()
    guard let word = optionWords.first(where: { lowered.hasPrefix($0) }) else {
      return (nil, Substring(text))
    }
    rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "#" || $0 == "№" }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if let number = Int(digits), number >= 1 { return (.number(number), rest.dropFirst(digits.count)) }
    if rest.lowercased().hasPrefix("delete") { return (.delete, rest.dropFirst(6)) }
    return (nil, Substring(text))
  }
}
