/// Which end of a source's deprivation decile scale is most deprived (docs/DATA.md, "Deprivation deciles
/// in the rows"). ONS and this product number 1 = most deprived; some NHS publications number 1 = least
/// deprived (`01 Least deprived … 10 Most deprived`). A bare number means nothing without it.
public enum DecileOrder: String, Codable, Sendable, CaseIterable {
    /// 1 = most deprived, 10 = least deprived (ONS, IMD).
    case oneMostDeprived = "1-most-deprived"
    /// 1 = least deprived, 10 = most deprived (e.g. NHS Talking Therapies).
    case oneLeastDeprived = "1-least-deprived"

    /// The product's decile (1 = most deprived) of the source's number.
    public func decile(_ number: Int) -> Int {
        switch self {
        case .oneMostDeprived: number
        case .oneLeastDeprived: 11 - number
        }
    }

    /// The order a labelled end says, e.g. `01 Least deprived` says 1 is least deprived; nil where the label
    /// names no end.
    public static func said(by number: Int, label: String) -> DecileOrder? {
        let words = label.lowercased()
        let most = words.contains("most"), least = words.contains("least")
        guard most != least, number == 1 || number == 10 else { return nil }
        return (number == 1) == most ? .oneMostDeprived : .oneLeastDeprived
    }
}
