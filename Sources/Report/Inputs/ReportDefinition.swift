import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Render
import Statistics

/// An indicator as the transform stage ran it (`indicator_definition`).
struct ReportDefinition: Sendable {
    var id: String
    var title: String
    var source: String
    var statistic: Statistic
    var multiplier: Double
    var unit: String
    var polarity: Polarity
    var ageFrom: Int?
    var ageTo: Int?
    var definition: String?
    /// Whether the indicator is broken down by deprivation (not for a source at ICB grain; docs/DATA.md,
    /// "ICS-level sources"): without it, no SII, gap or quintile chart exists to publish.
    var deprivationSplit: Bool = true
    /// How the indicator reads inside a sentence (its configured `phrase`, else its title in sentence case).
    var phrase: String?
    /// Which test gives the one verdict against England (configuration: docs/METHODS.md §10).
    var comparison: ComparisonPolicy = .twoLevel
    /// Whose deprivation the quintiles are: areas of residence, or GP practices' registered populations
    /// (docs/DATA.md, "Deprivation of a practice's registered population"); every sentence names which.
    var deprivationBasis = DeprivationBasis.areaOfResidence

    /// What a deprivation fifth is of in a sentence: `areas` or `GP practices`.
    var deprivationUnits: String { deprivationBasis.unitsWord }

    /// The indicator inside a headline sentence.
    var inSentence: String { phrase ?? FigureText.inSentence(title) }

    var method: any IndicatorMethod { statistic.method }

    /// Whether the source publishes values without counts (docs/DATA.md, "Values without counts"): then the
    /// statistic is the publisher's, its limits the publisher's, and nothing here was computed from counts.
    var publishedWithoutCounts = false

    /// Whether the indicator has values by national decile and none by quintile: a source publishing values by
    /// ICB × decile without counts (docs/DATA.md, "Values without counts"). England's deciles and SII over them are
    /// published; quintiles, and everything built on them, are not available.
    var decilesOnly = false

    /// The method as published in `method` columns and metadata.
    var methodLabel: String {
        publishedWithoutCounts
            ? "\(statistic.rawValue.split(separator: "_").joined(separator: " ")) as its source published it: a value without counts, with the limits the source gives (if any)"
            : method.label
    }

    /// The indicator as the transform stage recorded it.
    init(_ record: IndicatorDefinition) {
        id = record.indicator
        title = record.title
        source = record.source
        statistic = record.statistic
        multiplier = record.multiplier
        unit = record.unit
        polarity = record.polarity
        ageFrom = record.ageFrom
        ageTo = record.ageTo
        definition = record.definition
        deprivationSplit = record.breakdowns.contains(.imdQuintile)
        decilesOnly = !deprivationSplit && record.breakdowns.contains(.imdDecile)
    }

    /// How to read the sign of the SII and RII.
    var signConvention: String {
        switch polarity {
        case .higherIsBetter:
            "Higher is better, so the SII is the least minus the most deprived end: positive = the most deprived have less."
        case .lowerIsBetter:
            "Lower is better, so the SII is the most minus the least deprived end: positive = the most deprived have more (worse)."
        case .none:
            "No polarity: the SII is the most minus the least deprived end; positive = higher in the most deprived \(deprivationUnits), neither better nor worse."
        }
    }
}
