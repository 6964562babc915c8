public import GRDB
public import PipelineCore

/// One cell of a source's counts, whichever ingest table its grain keeps them in (docs/ARCHITECTURE.md,
/// "Adding a source grain"): what transform builds its cubes from and what `explain` shows.
public struct SourceCountCell: Sendable, Equatable {
    public var period: String
    public var icbCode: String
    /// The count unit: the sub-ICB location for counts by decile, else the ICB.
    public var unit: String
    /// National IMD decile, 1 = most deprived; nil where the grain has none.
    public var decile: Int?
    public var sex: Sex
    public var age: RecordedAge
    /// Events, or a proportion's numerator (fractional when shared out by provider).
    public var numerator: Double
    /// A proportion's denominator; 0 for events.
    public var denominator: Double
    /// Records whose count arrived suppressed (not in the counts).
    public var suppressedRecords: Int
    /// Every record of the cell, suppressed or not, where the grain's table keeps them (by decile); nil
    /// elsewhere.
    public var records: Int? = nil
    /// The ethnic group, for counts by ICB × ethnic group.
    public var ethnicGroup: EthnicGroup? = nil
}

extension GrainProfile.CountTables {
    /// The records that hold a source's counts at this grain.
    public func tables(for kind: SourceConfig.Kind) -> [any CheckpointRecord.Type] {
        switch (self, kind) {
        case (.byDecile, .events): [EventTotal.self]
        case (.byDecile, .proportion): [ProportionTotal.self]
        case (.byIcb, .events): [IcbEventTotal.self]
        case (.byIcb, .proportion): [IcbProportionTotal.self]
        case (.attributed, .events): [AttributedEventTotal.self]
        case (.byIcbEthnicGroup, .events), (.byIcbEthnicGroup, .proportion): [IcbEthnicGroupTotal.self]
        // A value published without counts is in `ingest_published_value`, not among the counts.
        case (.attributed, .proportion), (_, .population), (_, .value): []
        }
    }

    /// Every cell of `dataset`'s counts (in `periods` when given), in the table's key order.
    public func forEachCell(
        _ db: Database, dataset: String, kind: SourceConfig.Kind, periods: Set<String>? = nil, _ body: (SourceCountCell) throws -> Void
    ) throws {
        switch (self, kind) {
        case (.byDecile, .events):
            let rows = try EventTotal.filter(
                EventTotal.Columns.dataset == dataset && (periods.map { $0.contains(EventTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.subIcbCode, decile: r.imdDecile, sex: r.sex, age: r.age,
                        numerator: Double(r.events), denominator: 0, suppressedRecords: r.suppressedRecords, records: r.records))
            }
        case (.byDecile, .proportion):
            let rows = try ProportionTotal.filter(
                ProportionTotal.Columns.dataset == dataset && (periods.map { $0.contains(ProportionTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.subIcbCode, decile: r.imdDecile, sex: r.sex, age: r.age,
                        numerator: Double(r.numerator), denominator: Double(r.denominator), suppressedRecords: r.suppressedRecords,
                        records: r.records))
            }
        case (.byIcb, .events):
            let rows = try IcbEventTotal.filter(
                IcbEventTotal.Columns.dataset == dataset && (periods.map { $0.contains(IcbEventTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.icbCode, decile: nil, sex: r.sex, age: r.age, numerator: r.events,
                        denominator: 0, suppressedRecords: r.suppressedRecords))
            }
        case (.byIcb, .proportion):
            let rows = try IcbProportionTotal.filter(
                IcbProportionTotal.Columns.dataset == dataset && (periods.map { $0.contains(IcbProportionTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.icbCode, decile: nil, sex: r.sex, age: r.age,
                        numerator: r.numerator, denominator: r.denominator, suppressedRecords: r.suppressedRecords))
            }
        case (.attributed, .events):
            let rows = try AttributedEventTotal.filter(
                AttributedEventTotal.Columns.dataset == dataset && (periods.map { $0.contains(AttributedEventTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.icbCode, decile: nil, sex: r.sex, age: r.age, numerator: r.events,
                        denominator: 0, suppressedRecords: r.suppressedRecords))
            }
        case (.byIcbEthnicGroup, .events), (.byIcbEthnicGroup, .proportion):
            let rows = try IcbEthnicGroupTotal.filter(
                IcbEthnicGroupTotal.Columns.dataset == dataset && (periods.map { $0.contains(IcbEthnicGroupTotal.Columns.period) } ?? true.sqlExpression)
            ).fetchCursor(db)
            while let r = try rows.next() {
                try body(
                    SourceCountCell(
                        period: r.period, icbCode: r.icbCode, unit: r.icbCode, decile: nil, sex: r.sex, age: r.age, numerator: r.numerator,
                        denominator: r.denominator, suppressedRecords: r.suppressedRecords, records: r.records, ethnicGroup: r.ethnicGroup))
            }
        case (.attributed, .proportion), (_, .population), (_, .value):
            throw PipelineError(.internal, "no counts of kind '\(kind.rawValue)' at this grain")
        }
    }
}
