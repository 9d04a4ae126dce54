/// The words and punctuation the exports add around the declaration's own text, per language,
/// in the style of negotiation compilation texts: "Option 2 (IND, PAK): …", "Delete (IND)",
/// open paragraphs in square brackets. Participant codes stay as they are in every language.
///
/// The six official languages of the United Nations (Arabic, Chinese, English, French, Russian,
/// Spanish) are spelled out, in wording written for this project; any other language uses the
/// English words (and the formats mark them as English).
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

  /// Between a label and the text it introduces: ": ", "：", or French's " : ".
  var labelSeparator: String { isChinese ? "：" : primary == "fr" ? "\u{202F}: " : ": " }

  let openBracket = "["
  let closeBracket = "]"

  /// The footnote on a text shown in the base language because its translation is missing.
  func translationPending(original: String) -> String {
    switch primary {
    case "ru": "Перевод ожидается; текст приводится на языке оригинала (\(original))."
    case "zh": "译文待定；本段为原文（\(original)）。"
    case "fr": "Traduction en attente ; le texte figure dans la langue originale (\(original))."
    case "es": "Traducción pendiente; el texto figura en el idioma original (\(original))."
    case "ar": "الترجمة قيد الإعداد؛ يرد النص بلغته الأصلية (\(original))."
    default: "Translation pending; the text is shown in the original language (\(original))."
    }
  }

  /// The note on a translation the base text has outrun: the earlier translation is shown
  /// unchanged while the new one is pending.
  func translationOutdated(original: String, since revision: Int) -> String {
    let symbol = self.revision(revision)
    switch primary {
    case "ru": return "Перевод ожидается: приводится текст \(symbol); оригинал (\(original)) изменён."
    case "zh": return "译文待定：此处为\(symbol)的文本；原文（\(original)）已修改。"
    case "fr":
      return "Traduction en attente : le texte est celui de \(symbol) ; l’original (\(original)) a changé."
    case "es":
      return "Traducción pendiente: el texto es el de \(symbol); el original (\(original)) ha cambiado."
    case "ar": return "الترجمة قيد الإعداد: النص هو نص \(symbol)؛ وقد تغيّر الأصل (\(original))."
    default:
      return "Translation pending: the text is that of \(symbol); the original (\(original)) has changed."
    }
  }

  /// The short mark beside an untranslated text: "[EN]" in every language, the original
  /// language's code, so that it reads without colour.
  func untranslatedMark(original: String) -> String { "[" + original.uppercased() + "]" }

  /// The footnote that records a reservation: "Reservation (KGZ): Pending confirmation …".
  func reservation(by code: String, note: String) -> String {
    let word: String
    switch primary {
    case "ru": word = "Оговорка"
    case "zh": word = "保留"
    case "fr": word = "Réserve"
    case "es": word = "Reserva"
    case "ar": word = "تحفظ"
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
    case "fr": return "Modifications par rapport à \(symbol) : ajouts soulignés, suppressions barrées."
    case "es": return "Cambios respecto de \(symbol): adiciones subrayadas, supresiones tachadas."
    case "ar": return "التغييرات منذ \(symbol): الإضافات مسطّرة، والحذف مشطوب."
    default: return "Changes since \(symbol): insertions underlined, deletions struck through."
    }
  }

  /// "Rev.2" as the document's own line says it; a document symbol (`…/Rev.2`) is the same in
  /// every language, as the United Nations' are.
  func revision(_ number: Int) -> String {
    switch primary {
    case "ru": "Ред. \(number)"
    case "zh": "第\(number)稿"
    case "fr": "Rév.\(number)"
    case "es": "Rev.\(number)"
    case "ar": "التنقيح \(number)"
    default: "Rev.\(number)"
    }
  }

  /// "Rev.2 (2025-09-01)": the document's revision line. In a right-to-left language the
  /// date is held left to right by marks (U+200E), or the bidirectional algorithm would show
  /// it as 01-09-2025.
  func revisionLine(_ number: Int, date: String?) -> String {
    guard let date else { return revision(number) }
    let shown = isRightToLeft ? "\u{200E}\(date)\u{200E}" : date
    return "\(revision(number)) (\(shown))"
  }

  /// "page 3 of 12" for a running footer: the words before the page number, between it and
  /// the number of pages, and after that.
  var pageOf: (before: String, between: String, after: String) {
    switch primary {
    case "ru": ("Стр. ", " из ", "")
    case "zh": ("第", "页，共", "页")
    case "fr": ("Page ", " sur ", "")
    case "es": ("Página ", " de ", "")
    case "ar": ("الصفحة ", " من ", "")
    default: ("Page ", " of ", "")
    }
  }

  /// The language's name in itself, for a running header.
  var languageName: String {
    switch primary {
    case "ar": "العربية"
    case "zh": "中文"
    case "en": "English"
    case "fr": "Français"
    case "ru": "Русский"
    case "es": "Español"
    default: language
    }
  }

  /// Scripts written right to left: the formats that can say so set `dir="rtl"`.
  var isRightToLeft: Bool { ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"].contains(primary) }

  /// Justified text that needs hyphenation to avoid wide gaps: Russian.
  var hyphenates: Bool { primary == "ru" }

  /// Chinese punctuation is full width.
  var isChinese: Bool { primary == "zh" }

  /// The language the added words are in: the export language when spelled out here,
  /// otherwise English (the formats mark such words with their language).
  var wordsLanguage: String { Self.spelledOut.contains(primary) ? language : "en" }

  /// The languages whose words are spelled out here: the six of the United Nations.
  static let spelledOut: Set<String> = ["ar", "zh", "en", "fr", "ru", "es"]

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
    case "es": "Opción \(number)"
    case "ar": "الخيار \(number)"
    default: "Option \(number)"
    }
  }

  private var deleteWord: String {
    switch primary {
    case "ru": "Исключить"
    case "zh": "删除"
    case "fr": "Supprimer"
    case "es": "Suprimir"
    case "ar": "حذف"
    default: "Delete"
    }
  }

  private var facilitator: String {
    switch primary {
    case "ru": "фасилитатор"
    case "zh": "协调人"
    case "fr": "facilitateur"
    case "es": "facilitador"
    case "ar": "الميسّر"
    default: "facilitator"
    }
  }

  private func combining(_ numbers: [Int]) -> String {
    let list = ListGrammar.join(numbers.map(String.init), in: primary)
    switch primary {
    case "ru": return "объединяет варианты \(list)"
    case "zh": return "合并备选案文\(list)"
    case "fr": return "regroupant les options \(list)"
    case "es": return "que combina las opciones \(list)"
    case "ar": return "يجمع الخيارات \(list)"
    default: return "combining options \(list)"
    }
  }

  private var listSeparator: String { isChinese ? "、" : primary == "ar" ? "، " : ", " }
  private var qualifierSeparator: String { isChinese ? "，" : primary == "ar" ? "، " : ", " }

  private func parenthesized(_ text: String) -> String {
    isChinese ? "（\(text)）" : " (\(text))"
  }
}
