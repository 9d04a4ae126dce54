/// Deterministic pseudo-text in Latin, Cyrillic and Han script.
struct TextGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }

  mutating func chance(_ probability: Double) -> Bool {
    Double(random.next() % 1_000_000) / 1_000_000 < probability
  }

  /// A sentence of `words` words in `language` (Han: characters), ending with a full stop.
  mutating func sentence(_ language: String, words: Int) -> String {
    switch language {
    case "zh":
      return String((0..<words * 2).map { _ in Self.han[next(Self.han.count)] }) + "。"
    case "ru":
      return (0..<words).map { _ in Self.cyrillic[next(Self.cyrillic.count)] }.joined(separator: " ") + "."
    default:
      return (0..<words).map { _ in Self.latin[next(Self.latin.count)] }.joined(separator: " ") + "."
    }
  }

  /// `text` with about `share` of its words replaced (or Han characters), for edited paragraphs.
  mutating func edit(_ text: String, language: String) -> String {
    if language == "zh" {
      var characters = Array(text)
      for _ in 0..<3 where characters.count > 2 {
        characters[next(characters.count - 1)] = Self.han[next(Self.han.count)]
      }
      return String(characters)
    }
    var words = text.split(separator: " ").map(String.init)
    let list = language == "ru" ? Self.cyrillic : Self.latin
    for _ in 0..<3 where words.count > 2 {
      words[next(words.count - 1)] = list[next(list.count)]
    }
    return words.joined(separator: " ")
  }

  static let latin = """
    cooperation development security member states organisation support regional stability \
    international trade investment energy digital economy agriculture green sustainable \
    people exchanges culture education youth health tourism media sport science innovation \
    charter principles sovereignty integrity dialogue partnership consultation mutual trust \
    benefit equality respect diversity civilisations common prosperity peace connectivity \
    transport corridors logistics finance banking currencies settlements industry technology \
    climate environment water resources food supply chains resilience governance reform \
    strategy implementation mechanism framework agreement convention protocol council \
    ministers meeting summit chairmanship secretariat structure budget effectiveness \
    terrorism extremism separatism drugs crime cyber information space non-proliferation \
    disarmament weapons treaty obligations commitment responsibility note welcome stress \
    reaffirm emphasise recognise underline call upon encourage intend continue strengthen \
    deepen expand promote ensure enhance facilitate advance the of and in for to with on \
    by as at its their further practical joint broad comprehensive effective inclusive
    """.split(separator: " ").map(String.init)

  static let cyrillic = """
    сотрудничество развитие безопасность государства члены организация поддержка \
    региональный стабильность международный торговля инвестиции энергетика цифровой \
    экономика сельское хозяйство зелёный устойчивый народы обмены культура образование \
    молодёжь здравоохранение туризм наука инновации устав принципы суверенитет диалог \
    партнёрство консультации взаимное доверие выгода равенство уважение многообразие \
    цивилизаций общее процветание мир взаимосвязанность транспорт коридоры логистика \
    финансы валюты расчёты промышленность технологии климат окружающая среда вода \
    ресурсы продовольствие стратегия механизм соглашение конвенция совет министры \
    встреча саммит председательство секретариат бюджет эффективность терроризм \
    экстремизм сепаратизм наркотики преступность информационное пространство \
    подтверждают отмечают приветствуют подчёркивают призывают продолжат укреплять \
    углублять расширять содействовать обеспечивать и в для с на по как её их
    """.split(separator: " ").map(String.init)

  static let han = Array(
    "合作发展安全成员国组织支持地区稳定国际贸易投资能源数字经济农业绿色可持续人民交流文化教育青年卫生旅游科学创新宪章原则主权领土完整对话伙伴关系协商互信互利平等尊重多样文明共同繁荣和平互联互通交通走廊物流金融货币结算产业技术气候环境水资源粮食供应链韧性治理改革战略实施机制框架协定公约理事会部长会议峰会主席国秘书处预算效率恐怖主义极端分裂毒品犯罪网络信息空间防扩散裁军条约义务承诺责任指出欢迎强调重申认为呼吁鼓励继续加强深化扩大促进确保提升推动"
  )
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
