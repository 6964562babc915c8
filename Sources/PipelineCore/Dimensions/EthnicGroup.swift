/// An ethnic group as NHS data record it: the NHS Data Dictionary's ethnic category (2001 Census
/// categories, codes A–S and Z), each detailed category inside one of five broad groups, and the broad groups
/// themselves (docs/DATA.md, "Ethnic groups").
///
/// The stored value (`rawValue`) crosses stages; ``slot`` is its place on ingest's and transform's split
/// axis: 0 for not stated (as 0 is the unknown decile), 1–5 the broad groups, then the detailed categories —
/// so a total adds slots 0–5 and never a detailed category, which is already in its broad group.
public enum EthnicGroup: String, CaseIterable, Codable, Sendable {
    case notStated = "not_stated"
    case white, mixed, asian, black, other
    case whiteBritish = "white_british"
    case whiteIrish = "white_irish"
    case whiteOther = "white_other"
    case mixedWhiteBlackCaribbean = "mixed_white_black_caribbean"
    case mixedWhiteBlackAfrican = "mixed_white_black_african"
    case mixedWhiteAsian = "mixed_white_asian"
    case mixedOther = "mixed_other"
    case asianIndian = "asian_indian"
    case asianPakistani = "asian_pakistani"
    case asianBangladeshi = "asian_bangladeshi"
    case asianOther = "asian_other"
    case blackCaribbean = "black_caribbean"
    case blackAfrican = "black_african"
    case blackOther = "black_other"
    case otherChinese = "other_chinese"
    case otherAny = "other_any"

    /// Slots on the split axis: not stated, five broad groups, sixteen detailed categories.
    public static let slots = allCases.count
    /// The slots a total adds up: not stated and the broad groups.
    public static let totalSlots = 0...5
    /// The five broad groups, in the NHS's order.
    public static let broadGroups: [EthnicGroup] = [.white, .mixed, .asian, .black, .other]

    public var slot: Int { Self.allCases.firstIndex(of: self)! }

    public init?(slot: Int) {
        guard Self.allCases.indices.contains(slot) else { return nil }
        self = Self.allCases[slot]
    }

    /// Whether this is one of the five broad groups.
    public var isBroad: Bool { Self.broadGroups.contains(self) }

    /// The broad group a detailed category is in (a broad group is its own; not stated has none).
    public var broad: EthnicGroup? {
        switch self {
        case .notStated: nil
        case .white, .whiteBritish, .whiteIrish, .whiteOther: .white
        case .mixed, .mixedWhiteBlackCaribbean, .mixedWhiteBlackAfrican, .mixedWhiteAsian, .mixedOther: .mixed
        case .asian, .asianIndian, .asianPakistani, .asianBangladeshi, .asianOther: .asian
        case .black, .blackCaribbean, .blackAfrican, .blackOther: .black
        case .other, .otherChinese, .otherAny: .other
        }
    }

    /// The detailed categories of a broad group.
    public var categories: [EthnicGroup] { Self.allCases.filter { !$0.isBroad && $0 != .notStated && $0.broad == self && self.isBroad } }

    /// The NHS Data Dictionary code of a detailed category (A–S) or of not stated (Z).
    public var nhsCode: String? {
        switch self {
        case .whiteBritish: "A"
        case .whiteIrish: "B"
        case .whiteOther: "C"
        case .mixedWhiteBlackCaribbean: "D"
        case .mixedWhiteBlackAfrican: "E"
        case .mixedWhiteAsian: "F"
        case .mixedOther: "G"
        case .asianIndian: "H"
        case .asianPakistani: "J"
        case .asianBangladeshi: "K"
        case .asianOther: "L"
        case .blackCaribbean: "M"
        case .blackAfrican: "N"
        case .blackOther: "P"
        case .otherChinese: "R"
        case .otherAny: "S"
        case .notStated: "Z"
        case .white, .mixed, .asian, .black, .other: nil
        }
    }

    /// How a reader sees the group, in the NHS's words: `Asian or Asian British`, `Asian or Asian British: Indian`.
    public var label: String {
        switch self {
        case .notStated: "Not stated"
        case .white: "White"
        case .mixed: "Mixed"
        case .asian: "Asian or Asian British"
        case .black: "Black or Black British"
        case .other: "Other ethnic groups"
        case .whiteBritish: "White: British"
        case .whiteIrish: "White: Irish"
        case .whiteOther: "White: any other White background"
        case .mixedWhiteBlackCaribbean: "Mixed: White and Black Caribbean"
        case .mixedWhiteBlackAfrican: "Mixed: White and Black African"
        case .mixedWhiteAsian: "Mixed: White and Asian"
        case .mixedOther: "Mixed: any other mixed background"
        case .asianIndian: "Asian or Asian British: Indian"
        case .asianPakistani: "Asian or Asian British: Pakistani"
        case .asianBangladeshi: "Asian or Asian British: Bangladeshi"
        case .asianOther: "Asian or Asian British: any other Asian background"
        case .blackCaribbean: "Black or Black British: Caribbean"
        case .blackAfrican: "Black or Black British: African"
        case .blackOther: "Black or Black British: any other Black background"
        case .otherChinese: "Other ethnic groups: Chinese"
        case .otherAny: "Other ethnic groups: any other ethnic group"
        }
    }

    /// A broad group (or not stated) in a word or two, for a chart's axis: `Asian`, `Not stated`.
    public var shortLabel: String {
        switch self {
        case .asian: "Asian"
        case .black: "Black"
        case .other: "Other"
        case .notStated, .white, .mixed, .whiteBritish, .whiteIrish, .whiteOther, .mixedWhiteBlackCaribbean, .mixedWhiteBlackAfrican,
            .mixedWhiteAsian, .mixedOther, .asianIndian, .asianPakistani, .asianBangladeshi, .asianOther, .blackCaribbean, .blackAfrican,
            .blackOther, .otherChinese, .otherAny:
            label
        }
    }

    /// The group that every other is compared with: the White group, the largest, as NHS England and ONS
    /// compare (docs/METHODS.md, "Ethnic groups").
    public static let comparator = EthnicGroup.white

    // MARK: Reading the publisher's words

    /// Reads a row's group: `group` the broad group's words (or a code, or a detailed category's own words
    /// when a file has one column), `category` the detailed category within it, where the file has that
    /// column — `All`, `Total` or empty meaning the broad group's own total. Nil when the words name no
    /// group or a category outside the group they give.
    public static func read(group: String, category: String?) -> EthnicGroup? {
        let groupWords = normalise(group)
        let categoryWords = category.map(normalise) ?? ""
        guard let named = named(groupWords) else { return nil }
        if ["", "all", "total", "all ethnic groups"].contains(categoryWords) { return named }
        guard let broad = named.broad, named.isBroad else { return categoryWords == groupWords ? named : nil }
        guard let detailed = inGroup(categoryWords, broad) ?? Self.named(categoryWords) ?? Self.named("\(groupWords) \(categoryWords)") else { return nil }
        return detailed.broad == broad ? detailed : nil
    }

    /// Lower case, letters and digits only, words separated by one space; `&` read as `and`.
    static func normalise(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = character == "&" ? "and" : ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// A group named by its code or in any of the publishers' words for it.
    static func named(_ words: String) -> EthnicGroup? {
        if let found = Self.allCases.first(where: { $0.nhsCode?.lowercased() == words }) { return found }
        if words == "99" { return .notStated }
        return aliases[words]
    }

    /// A category named within its broad group by its short words (`indian`, `any other background`).
    static func inGroup(_ words: String, _ broad: EthnicGroup) -> EthnicGroup? {
        broad.categories.first { category in shortWords[category]?.contains(words) == true }
    }

    /// Each category's words within its group, as the publishers print them.
    static let shortWords: [EthnicGroup: [String]] = [
        .whiteBritish: ["british", "english welsh scottish northern irish or british", "english welsh scottish northern irish british"],
        .whiteIrish: ["irish"],
        .whiteOther: ["any other white background", "other white", "any other white", "other"],
        .mixedWhiteBlackCaribbean: ["white and black caribbean"],
        .mixedWhiteBlackAfrican: ["white and black african"],
        .mixedWhiteAsian: ["white and asian"],
        .mixedOther: ["any other mixed background", "other mixed", "any other mixed", "any other mixed or multiple background", "other"],
        .asianIndian: ["indian"],
        .asianPakistani: ["pakistani"],
        .asianBangladeshi: ["bangladeshi"],
        .asianOther: ["any other asian background", "other asian", "any other asian", "other"],
        .blackCaribbean: ["caribbean"],
        .blackAfrican: ["african"],
        .blackOther: ["any other black background", "other black", "any other black", "any other black african or caribbean background", "other"],
        .otherChinese: ["chinese"],
        .otherAny: ["any other ethnic group", "any other", "other"],
    ]

    /// Every group's words, whole: broad groups as NHS England and ONS name them, categories with their group.
    static let aliases: [String: EthnicGroup] = {
        var table: [String: EthnicGroup] = [
            "white": .white,
            "mixed": .mixed, "mixed or multiple ethnic groups": .mixed, "mixed multiple ethnic groups": .mixed, "mixed or multiple": .mixed,
            "asian or asian british": .asian, "asian": .asian, "asian asian british": .asian,
            "black or black british": .black, "black": .black, "black african caribbean or black british": .black,
            "black black british caribbean or african": .black, "black african caribbean black british": .black,
            "other ethnic groups": .other, "other ethnic group": .other, "other": .other,
            "not stated": .notStated, "not known": .notStated, "not stated not known invalid": .notStated, "not stated not known": .notStated,
            "unknown": .notStated, "not recorded": .notStated, "invalid": .notStated,
        ]
        for (category, words) in shortWords {
            guard let broad = category.broad else { continue }
            let prefixes = table.filter { $0.value == broad }.map(\.key)
            for word in words where word != "other" {
                if table[word] == nil, word != "any other" { table[word] = category }
                for prefix in prefixes { table["\(prefix) \(word)"] = category }
            }
        }
        table["white british"] = .whiteBritish
        table["white irish"] = .whiteIrish
        table["chinese"] = .otherChinese
        return table
    }()
}
