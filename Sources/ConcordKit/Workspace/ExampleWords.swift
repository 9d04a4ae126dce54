/// The texts of `concord init`'s example workspace, in the six official languages of the
/// United Nations, written for this project. A language without its own example gets none:
/// its texts are translation pending from Rev.0 on (the base language, which must have texts,
/// takes the English example, marked as such in the file).
struct ExampleWords: Sendable {
  var title: String
  var subject: String
  /// AUT, BEL, CHE.
  var names: [String]
  var preamble: String
  var heading: String
  var trade: String
  var meeting: String
  /// The base-language amendment of the example position file.
  var amendedTrade: String

  /// The example in `language`'s primary subtag, or nil.
  static func example(in language: String) -> ExampleWords? {
    let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
    return all[primary]
  }

  static let all: [String: ExampleWords] = [
    "en": ExampleWords(
      title: "Declaration of the Council", subject: "The Member States",
      names: ["the Republic of Austria", "the Kingdom of Belgium", "the Swiss Confederation"],
      preamble: "Guided by the purposes and principles of the Charter of the Organisation,",
      heading: "Cooperation", trade: "<parties/> will deepen cooperation in trade and investment.",
      meeting: "The next meeting of the Council will be held in 2027.",
      amendedTrade: "<parties/> will deepen cooperation in sustainable trade and investment."),
    "fr": ExampleWords(
      title: "Déclaration du Conseil", subject: "Les États membres",
      names: ["la République d’Autriche", "le Royaume de Belgique", "la Confédération suisse"],
      preamble: "Guidés par les buts et principes de la Charte de l’Organisation,",
      heading: "Coopération",
      trade: "<parties/> approfondiront leur coopération en matière de commerce et d’investissement.",
      meeting: "La prochaine réunion du Conseil se tiendra en 2027.",
      amendedTrade:
        "<parties/> approfondiront leur coopération en matière de commerce durable et d’investissement."),
    "es": ExampleWords(
      title: "Declaración del Consejo", subject: "Los Estados miembros",
      names: ["la República de Austria", "el Reino de Bélgica", "la Confederación Suiza"],
      preamble: "Guiados por los propósitos y principios de la Carta de la Organización,",
      heading: "Cooperación",
      trade: "<parties/> profundizarán la cooperación en materia de comercio e inversión.",
      meeting: "La próxima reunión del Consejo se celebrará en 2027.",
      amendedTrade: "<parties/> profundizarán la cooperación en materia de comercio sostenible e inversión."),
    "ru": ExampleWords(
      title: "Декларация Совета", subject: "Государства-члены",
      names: ["Австрийская Республика", "Королевство Бельгия", "Швейцарская Конфедерация"],
      preamble: "Руководствуясь целями и принципами Устава Организации,", heading: "Сотрудничество",
      trade: "<parties/> будут углублять сотрудничество в области торговли и инвестиций.",
      meeting: "Следующее заседание Совета состоится в 2027 году.",
      amendedTrade: "<parties/> будут углублять сотрудничество в области устойчивой торговли и инвестиций."),
    "zh": ExampleWords(
      title: "理事会宣言", subject: "成员国", names: ["奥地利共和国", "比利时王国", "瑞士联邦"],
      preamble: "遵循本组织宪章的宗旨和原则，", heading: "合作", trade: "<parties/>将深化贸易和投资领域合作。",
      meeting: "理事会下次会议将于2027年举行。", amendedTrade: "<parties/>将深化可持续贸易和投资领域合作。"),
    "ar": ExampleWords(
      title: "إعلان المجلس", subject: "الدول الأعضاء",
      names: ["جمهورية النمسا", "مملكة بلجيكا", "الاتحاد السويسري"],
      preamble: "إذ تسترشد بمقاصد ميثاق المنظمة ومبادئه،", heading: "التعاون",
      trade: "ستعمّق <parties/> التعاون في مجالي التجارة والاستثمار.",
      meeting: "سيُعقد الاجتماع المقبل للمجلس في عام 2027.",
      amendedTrade: "ستعمّق <parties/> التعاون في مجالي التجارة المستدامة والاستثمار."),
  ]
}
