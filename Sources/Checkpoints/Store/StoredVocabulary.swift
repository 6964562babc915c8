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
