public import Checkpoints
public import GRDB
import Logging
public import PipelineCore
import Statistics

/// Stage 3: from the transform checkpoint only, the national view of access inequality — SII/RII,
/// quintile gaps, ethnic groups against the White group, comparisons with England (two-level and funnel), trends against the baseline, and
/// England's headline facts (docs/ARCHITECTURE.md). One step per table.
public struct AggregateStage: PipelineStage {
    public let name = StageName.aggregate

    public init() {}

    public var migrations: [SchemaMigration] { AggregateSchema.migrations }

    /// The `aggregate` section is all the stage reads from the configuration.
    public func configuration(_ context: StageContext) -> any Encodable { context.config.aggregate }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let settings = context.config.aggregate
        let previousBands = try ComparisonChanges.current(db)
        var phases = PhaseTimer(logger: context.logger, stage: "aggregate")
        // Only the periods whose values changed, and what reads them, are computed again (docs/ARCHITECTURE.md,
        // "Downstream by period"); the other periods' rows are kept.
        let definitions = try IndicatorDefinition.fetchAll(db, orderedBy: [.indicator])
        let plan = try AggregatePlan(db, definitions: definitions, settings: settings)
        try plan.deleteReplaced(db)
        let values = try IndicatorValues(db, definitions: definitions, plan: plan.indicators)
        phases.done("load values")
        let writer = try AggregateWriter(db)
        var notes: [String] = []

        for definition in values.definitions {
            let periods = values.periods[definition.indicator] ?? []
            let baseline = values.baseline(definition.indicator, configured: settings.baselinePeriod)
            if let wanted = settings.baselinePeriod, !periods.contains(wanted) {
                // Falling back to another period would publish trends against a baseline nobody chose.
                throw PipelineError(
                    .usage,
                    "aggregate.baselinePeriod: \(wanted) is not a period of indicator \(definition.indicator)'s data (\(periods.joined(separator: ", ")))",
                    hint: "set it to one of those periods, or remove it to measure change from the earliest")
            }
            let (inequality, unstable) = try InequalityTable(values: values, writer: writer, settings: settings).write(definition)
            try GapTable(values: values, writer: writer).write(definition)
            try ReferenceGroupGapTable(values: values, writer: writer).write(definition)
            try ComparisonTable(values: values, writer: writer, settings: context.config.aggregate).write(definition)
            try PlaceComparisonTable(values: values, writer: writer).write(definition)
            if let baseline {
                try TrendTable(values: values, writer: writer).write(definition, baseline: baseline, inequality: inequality)
            }
            if let latest = periods.last {
                for fact in HeadlineFacts(values: values).facts(definition, period: latest, baseline: baseline, inequality: inequality) {
                    try writer.headline(fact)
                }
            }
            let computed =
                plan.whole.contains(definition.indicator)
                ? "" : " (\(values.written(definition.indicator).count) computed, the others unchanged since the last run)"
            notes.append(
                "\(definition.indicator): \(periods.count) periods\(computed), baseline \(baseline ?? "none"), \(unstable) SII flagged unstable")
        }
        let inputs = try RecordInserter<AggregateInput>(db)
        for input in plan.inputs { try inputs.insert(input) }
        phases.done("tables")
        let changes = try ChangeLog(db, runID: context.runID, stage: .aggregate)
        try ComparisonChanges.record(since: previousBands, in: db, into: changes)
        try FaultInjection.check("aggregate:after-tables")
        return StageOutcome(rowsByTable: writer.counts.merging(["change_log": changes.count]) { $1 }, notes: notes)
    }
}
