public import GRDB
public import PipelineCore
public import Statistics

// Every word that crosses a stage boundary is stored as its raw text and decoded on read; a row holding a
// word this build does not know fails to decode instead of being taken for another (docs/ARCHITECTURE.md).
extension GeographyLevel: DatabaseValueConvertible {}
extension BreakdownType: DatabaseValueConvertible {}
extension QuantileType: DatabaseValueConvertible {}
extension ChangeKind: DatabaseValueConvertible {}
extension HeadlineKind: DatabaseValueConvertible {}
extension RunStatus: DatabaseValueConvertible {}
extension AttemptStatus: DatabaseValueConvertible {}
extension StageName: DatabaseValueConvertible {}
extension TopAgeBand: DatabaseValueConvertible {}
extension ReferenceKind: DatabaseValueConvertible {}
extension BoundaryCoordinates: DatabaseValueConvertible {}
extension InequalityScale: DatabaseValueConvertible {}
extension InequalityIntervalMethod: DatabaseValueConvertible {}
extension QuarantineReason: DatabaseValueConvertible {}
extension SourceConfig.Kind: DatabaseValueConvertible {}
extension SourceGrain: DatabaseValueConvertible {}
extension EthnicGroup: DatabaseValueConvertible {}
extension RateDenominator: DatabaseValueConvertible {}
extension DeprivationBasis: DatabaseValueConvertible {}
extension AggregateSettings.Positions: DatabaseValueConvertible {}
extension IndicatorConfig.Breakdown: DatabaseValueConvertible {}
extension Statistic: DatabaseValueConvertible {}
extension Polarity: DatabaseValueConvertible {}
extension IntervalMethod: DatabaseValueConvertible {}
extension WithheldReason: DatabaseValueConvertible {}
extension FunnelBand: DatabaseValueConvertible {}
extension ComparisonOutcome: DatabaseValueConvertible {}
extension TwoLevelComparison: DatabaseValueConvertible {}
extension IntervalSide: DatabaseValueConvertible {}
extension TrendDirection: DatabaseValueConvertible {}
extension GapDirection: DatabaseValueConvertible {}
extension RecentTrend.Marker: DatabaseValueConvertible {}

/// Sex is stored by its label (`male`, `female`, `unknown`).
extension Sex: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { label.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Sex? {
        String.fromDatabaseValue(dbValue).flatMap { text in allCases.first { $0.label == text } }
    }
}

/// An age is stored by its canonical label (`0-4` … `90+`, `unknown`).
extension RecordedAge: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { label.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> RecordedAge? {
        String.fromDatabaseValue(dbValue).flatMap(RecordedAge.init(storedLabel:))
    }
}

/// An ESP2013 band is stored by its canonical label (`0-4` … `90+`).
extension AgeBand: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { label.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> AgeBand? {
        guard case .band(let band)? = RecordedAge.fromDatabaseValue(dbValue) else { return nil }
        return band
    }
}

extension IndicatorConfig.Breakdown {
    /// A stored list of breakdowns (`imd_quintile,imd_decile,sex`; empty for none); a word this program
    /// does not know is an error naming the column.
    public static func decodeList(_ stored: String, column: String) throws -> [Self] {
        try stored.split(separator: ",").map { word in
            guard let breakdown = Self(rawValue: String(word)) else {
                throw PipelineError(
                    .internal, "checkpoint column '\(column)' holds a word this program does not know as a breakdown",
                    hint: "the database was written by another version of soc-pipeline; rerun with `soc-pipeline run --force`")
            }
            return breakdown
        }
    }
}
