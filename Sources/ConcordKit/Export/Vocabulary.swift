/// The words and punctuation the exports add around the declaration's own text, per language,
/// in the style of negotiation compilation texts: "Option 2 (IND, PAK): …", "Delete (IND)",
/// open paragraphs in square brackets. Participant codes stay as they are in every language.
///
/// English, Russian and Chinese are spelled out; any other language uses the English words.
struct Vocabulary: Sendable {
  let language: String

  init(_ language: String) { self.language = language }

  /// The primary subtag: `zh` for `zh-Hans`.
  private var primary: String {
    String(language.split(separator: "-").first ?? Substring(language)).lowercased()
  }

  /// "Option 2 (IRN)", "Delete (IND)", "Option 4 (facilitator, combining options 2 and 3)";
  /// "Option 1" for a current text nobody proposed.
  func label(of option: Option) -> String {
    let word: String
    switch option.reference {
    case .delete: word = deleteWord
    case .number(let number): word = optionWord(number)
    }
    var attribution = option.sponsors.filter { $0 != facilitatorCode }
    var qualifiers: [String] = []
    if option.sponsors.contains(facilitatorCode) || option.isConsolidated {
      qualifiers.append(facilitator)
      if option.isConsolidated { qualifiers.append(combining(option.combines)) }
      attribution = []
    }
    let inside = (attribution.isEmpty ? [] : [attribution.joined(separator: listSeparator)]) + qualifiers
    guard !inside.isEmpty else { return word }
    return word + parenthesized(inside.joined(separator: qualifierSeparator))
  }

  /// Between a label and the text it introduces: ": " or "：".
  var labelSeparator: String { isChinese ? "：" : ": " }

  let openBracket = "["
  let closeBracket = "]"

  /// The footnote on a text shown in the base language because its translation is missing.
  func translationPending(original: String) -> String {
    switch primary {
    case "ru": "Перевод ожидается; текст приводится на языке оригинала (\(original))."
    case "zh": "译文待定；本段为原文（\(original)）。"
    default: "Translation pending; the text is shown in the original language (\(original))."
    }
  }

  /// The footnote that records a reservation: "Reservation (KGZ): Pending confirmation …".
  func reservation(by code: String, note: String) -> String {
    let word: String
    switch primary {
    case "ru": word = "Оговорка"
    case "zh": word = "保留"
    default: word = "Reservation"
    }
    let head = word + parenthesized(code)
    return note.isEmpty ? head + (isChinese ? "。" : ".") : head + labelSeparator + note
  }

  /// The legend of a redline.
  func changes(since revision: Int) -> String {
    let symbol = self.revision(revision)
    switch primary {
    case "ru": return "Изменения по сравнению с \(symbol): вставки подчёркнуты, исключения зачёркнуты."
    case "zh": return "与\(symbol)相比的修改：新增内容加下划线，删除内容加删除线。"
    default: return "Changes since \(symbol): insertions underlined, deletions struck through."
    }
  }

  /// "Rev.2"; the same in every language, as document symbols are.
  func revision(_ number: Int) -> String { "Rev.\(number)" }

  /// Scripts written right to left: the formats that can say so set `dir="rtl"`.
  var isRightToLeft: Bool { ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"].contains(primary) }

  /// Chinese punctuation is full width.
  var isChinese: Bool { primary == "zh" }

  /// The language the added words are in: the export language when spelled out here,
  /// otherwise English (the formats mark such words with their language).
  var wordsLanguage: String { ["en", "ru", "zh"].contains(primary) ? language : "en" }

  /// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
  /// N'Ko and their presentation forms).
  static func hasRightToLeftLetters(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      switch scalar.value {
      case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
      default: false
      }
    }
  }

  // MARK: - Words

  private func optionWord(_ number: Int) -> String {
    switch primary {
    case "ru": "Вариант \(number)"
    case "zh": "备选案文\(number)"
    default: "Option \(number)"
    }
  }

  private var deleteWord: String {
    switch primary {
    case "ru": "Исключить"
    case "zh": "删除"
    default: "Delete"
    }
  }

  private var facilitator: String {
    switch primary {
    case "ru": "фасилитатор"
    case "zh": "协调人"
    default: "facilitator"
    }
  }

  private func combining(_ numbers: [Int]) -> String {
    let list = ListGrammar.join(numbers.map(String.init), in: primary)
    switch primary {
    case "ru": return "объединяет варианты \(list)"
    case "zh": return "合并备选案文\(list)"
    default: return "combining options \(list)"
    }
  }

  private var listSeparator: String { isChinese ? "、" : ", " }
  private var qualifierSeparator: String { isChinese ? "，" : ", " }

  private func parenthesized(_ text: String) -> String {
    isChinese ? "（\(text)）" : " (\(text))"
  }
}
