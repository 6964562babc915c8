/// Whose deprivation a source's deciles and quintiles are (docs/DATA.md, "Deprivation of a practice's
/// registered population"): the area people live in, or the registered population of the GP practice a
/// count belongs to — two different questions, so every page that splits by deprivation says which.
public enum DeprivationBasis: String, Sendable, CaseIterable, Codable {
    /// The IMD decile of the LSOA of residence (or the publisher's decile of residence).
    case areaOfResidence = "area_of_residence"
    /// National deciles of practices ranked by the IMD score of their registered population.
    case practicePopulation = "practice_population"

    /// What a deprivation fifth is of, in a sentence: "the most deprived fifth of areas".
    public var unitsWord: String {
        switch self {
        case .areaOfResidence: "areas"
        case .practicePopulation: "GP practices"
        }
    }

    /// How the publication names the basis.
    public var label: String {
        switch self {
        case .areaOfResidence: "deprivation of the area of residence (national IMD deciles of LSOAs)"
        case .practicePopulation:
            "deprivation of the GP practice's registered population (practices ranked into national deciles by their IMD score), not of residents' areas"
        }
    }
}
