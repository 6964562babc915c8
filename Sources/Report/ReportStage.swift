public import Checkpoints
import Disclosure
import Foundation
public import GRDB
import Logging
public import PipelineCore
import Publication
import Render

/// Stage 4: the State of Care tables. Applies disclosure control while building the `soc_*` tables
/// from the aggregate (and earlier) checkpoints, renders every format into a staging folder, audits
/// it for small counts, and switches `<output>/latest` to it just before the stage's transaction
/// commits; if the transaction rolls back, `latest` is switched back and the new folder removed.
public struct ReportStage: PipelineStage {
    public let name = StageName.report

    /// Complementary suppression on (always, in the product); tests switch it off to show that the audit
    /// then catches the differencing attack.
    let complementarySuppression: Bool

    public init() { complementarySuppression = true }

    init(complementarySuppression: Bool) { self.complementarySuppression = complementarySuppression }

    public var migrations: [SchemaMigration] { ReportSchema.migrations }

    /// The sections the report reads: its own, where it publishes, the sources' descriptions, the
    /// aggregate settings it quotes (baseline, SII positions, top N) and the reference vintages.
    struct ReportConfiguration: Encodable {
        var report: ReportSettings
        var outputDirectory: String
        var sources: [SourceConfig]
        var aggregate: AggregateSettings
        var reference: ReferenceConfig
    }

    public func configuration(_ context: StageContext) -> any Encodable {
        let config = context.config
        return ReportConfiguration(
            report: config.report, outputDirectory: config.outputDirectory, sources: config.sources,
            aggregate: config.aggregate, reference: config.reference)
    }

    /// Whether `latest` still holds this checkpoint's publication: a deleted or damaged publication
    /// makes the stage run again.
    public func plannedContent(_ context: StageContext, in db: Database) throws -> [StageFingerprint.Part] {
        let publisher = Publisher(outputDirectory: context.config.resolve(context.config.outputDirectory))
        let published = ReportExporter.publishedFingerprint(in: publisher.latestPath)
        return [Self.publication(inPlace: published == baseFingerprint(context).digest)]
    }

    static func publication(inPlace: Bool) -> StageFingerprint.Part {
        StageFingerprint.Part("publication latest", inPlace ? "in place" : "missing or another run's")
    }

    /// What building the tables leaves for the audit and the rest of the stage: not the report's inputs.
    private struct BuiltTables {
        var written: PublishedTableBuild.Outcome
        var complementary: Int
        /// What the audit needs of the inputs: each indicator's arithmetic, and what England's own rows leave
        /// over the ICSs' (keyed as the audit reads periods, by their published start).
        var arithmetic: [String: IndicatorArithmetic]
        var englandRemainders: [CountCell: CountBounds]
    }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let settings = context.config.report
        var phases = PhaseTimer(logger: context.logger, stage: "report")
        // The report's inputs are let go once the tables are built, and their memory given back, so they do not
        // add to the audit's or the render's in the stage's peak (docs/ARCHITECTURE.md, "Report memory").
        let audit = DisclosureAudit(rules: settings.disclosure)
        let built = try buildTables(context, in: db, digestedTables: Set(audit.tablesRead().map(\.name)), phases: &phases)
        HeapTrim.returnFreeMemory()
        let audited = try AuditByPeriod(
            audit: audit, definitions: built.arithmetic, englandRemainders: built.englandRemainders,
            written: built.written.periodDigests
        ).run(db)
        phases.done("audit")
        let findings = audited.findings, complementary = built.complementary
        let fingerprint = baseFingerprint(context).digest
        let publisher = Publisher(outputDirectory: context.config.resolve(context.config.outputDirectory))
        // The folder is this run's until the transaction ends. Whatever happens from here, a rollback puts
        // `latest` back and removes this run's folders.
        let lock = try OutputLock(outputDirectory: publisher.outputDirectory)
        let previous = publisher.latestTarget
        let runID = context.runID, keep = settings.keepRuns
        db.afterNextTransaction(
            onCommit: { _ in
                publisher.prune(keep: keep)
                lock.release()
            },
            onRollback: { _ in
                publisher.rollBack(runID: runID, previous: previous)
                lock.release()
            })
        let staging = try publisher.stagingFolder(runID: context.runID)
        let files = try ReportExporter(settings: settings).export(db, formats: settings.formats, to: staging, fingerprint: fingerprint)
        phases.done("render")
        try FaultInjection.check("report:after-files")
        try publisher.promote(staging: staging, runID: context.runID)
        try FaultInjection.check("report:after-publish")

        let log = PublishedCatalog.suppressedCells, action = SuppressedCellsColumn.action.rawValue
        let actions = try Row.fetchAll(db, sql: "SELECT \(action), count(*) FROM \(log.name) GROUP BY 1 ORDER BY 1")
            .map { "\($0[1] as Int) \($0[0] as String)" }
        context.logger.info(
            "published",
            metadata: [
                "folder": "\(publisher.latestPath)", "files": "\(files.count + 1)",
                "disclosure": "\(actions.joined(separator: ", "))",
            ])
        return StageOutcome(
            rowsByTable: built.written.counts,
            notes: [
                "published \(files.count + 1) files to \(publisher.latestPath) (runs/\(context.runID))",
                "disclosure control: \(actions.isEmpty ? "no cells touched" : actions.joined(separator: ", "))",
                "complementary suppression: \(complementary) counts hidden so no suppressed count can be differenced out",
                "disclosure audit: \(findings.cellsChecked) count cells checked (\(findings.hiddenCells) hidden), \(findings.relationsUsed) published sums used, 0 hidden counts recoverable"
                    + (audited.reused > 0 ? " (\(audited.reused) periods' verdicts kept: nothing they read had changed)" : ""),
                "disclosure solver: \(findings.programs) integer programs over "
                    + findings.relationsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                    + "; every hidden count keeps its protection (a suppressed count at least \(Int(FeasibleRanges(rules: settings.disclosure).minimumWidth) + 1) whole values)"
                    + (audited.narrowestWidth.map { ", the narrowest at least \(Int($0) + 1)" } ?? ""),
            ], content: [Self.publication(inPlace: true)])
    }

    /// Builds the published tables from the checkpoints; everything it reads is let go when it returns, before
    /// the tables are audited and rendered.
    /// `digestedTables`: the tables the audit reads, whose rows are digested by period as they are written.
    private func buildTables(_ context: StageContext, in db: Database, digestedTables: Set<String>, phases: inout PhaseTimer) throws -> BuiltTables {
        let settings = context.config.report
        let control = DisclosureControl(rules: settings.disclosure)
        var inputs = try ReportInputs(db, control: control)
        inputs.usePhrases(context.config.indicators)
        if let focus = settings.focusIcs, !inputs.icbs.contains(where: { $0.ods == focus }) {
            // Charting another ICS than the one asked for would mislead its report writer.
            let codes = inputs.icbs.map(\.ods)
            throw PipelineError(
                .usage, "report.focusIcs: \(focus) is not an ICB of the reference (ODS codes, e.g. \(codes.prefix(3).joined(separator: ", ")))",
                hint: ClosestMatch.best(for: focus, among: codes).map { "did you mean \($0)?" } ?? "use an ICB's ODS code")
        }
        phases.done("inputs")
        // Hide further counts until none that is suppressed can be recovered by differencing.
        let complementary =
            complementarySuppression
            ? try inputs.controlValues(ComplementarySuppression(rules: settings.disclosure, definitions: inputs.arithmetic).apply) : 0
        phases.done("complementary suppression")
        let provenance = Provenance(
            runID: context.runID, manifestSHA256: inputs.manifestSHA256,
            imdVintage: inputs.vintages[.imd]?.vintage ?? context.config.reference.imd.vintage,
            icbVintage: inputs.vintages[.icb]?.vintage ?? context.config.reference.icb.vintage,
            populationSource: inputs.vintages[.population]?.vintage ?? "not recorded")
        let built = inputs, config = context.config
        // Each period's rows digested as written: a period whose verdict is kept is not read back (AuditByPeriod).
        let written = try PublishedTableBuild.run(db, provenance: provenance, digestedTables: digestedTables) { writer in
            try NationalTablesBuilder(inputs: built).write(writer)
            // Every ICS's SII is fitted again on what will be published, after complementary suppression.
            let inequality = ControlledInequality(inputs: built, settings: config.aggregate)
            try IcsTablesBuilder(inputs: built, control: control, inequality: inequality).write(writer)
            try TrendTableBuilder(inputs: built, inequality: inequality).write(writer)
            try HeadlineTableBuilder(inputs: built, inequality: inequality, topN: config.aggregate.headlineTopN).write(writer)
            try MetadataBuilder(inputs: built, config: config, provenance: provenance, control: control).write(writer)
        }
        phases.done("tables")
        try FaultInjection.check("report:after-tables")

        let remainders = Dictionary(
            EnglandRemainders.bounds(inputs.controlledValues).map { cell, bounds in
                var cell = cell
                cell.period = Provenance.bounds(of: cell.period)?.start ?? cell.period
                return (cell, bounds)
            }, uniquingKeysWith: { first, _ in first })
        return BuiltTables(written: written, complementary: complementary, arithmetic: inputs.arithmetic, englandRemainders: remainders)
    }
}
