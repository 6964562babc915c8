public import GRDB
import Foundation
import Logging
public import PipelineCore

/// Stage 4: the State of Care tables. Applies disclosure control while building the `soc_*` tables
/// from the aggregate (and earlier) checkpoints, renders every format into a staging folder, audits
/// it for small counts, and switches `<output>/latest` to it just before the stage's transaction
/// commits; if the transaction rolls back, `latest` is switched back and the new folder removed.
public struct ReportStage: PipelineStage {
    public let name = StageName.report

    public init() {}

    /// Config section, output folder, upstream, program — and whether `latest` still holds this
    /// publication: a deleted or damaged publication makes the stage run again.
    public func plannedFingerprint(_ context: StageContext, in db: Database) throws -> String {
        let base = baseFingerprint(context)
        let publisher = Publisher(outputDirectory: context.config.resolve(context.config.outputDirectory))
        let published = ReportExporter.publishedFingerprint(in: publisher.latestPath)
        return published == base ? base : base + Self.republishSuffix
    }

    /// Marks a planned fingerprint whose only change is a missing or different publication.
    public static let republishSuffix = ":republish"

    func baseFingerprint(_ context: StageContext) -> String {
        StageFingerprints.downstream(section: "report", sectionText: context.config.report.canonicalText + "\u{1F}" + context.config.outputDirectory,
                                     upstream: context.upstream?.fingerprint ?? "")
    }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let settings = context.config.report
        var phases = PhaseTimer(logger: context.logger, stage: "report")
        let control = DisclosureControl(rules: settings.disclosure)
        let inputs = try ReportInputs(db, control: control)
        let provenance = Provenance(
            runID: context.runID, manifestSHA256: inputs.manifestSHA256,
            imdVintage: inputs.vintages["imd"]?.vintage ?? context.config.reference.imd.vintage,
            icbVintage: inputs.vintages["icb"]?.vintage ?? context.config.reference.icb.vintage,
            populationSource: inputs.vintages["population"]?.vintage ?? "not recorded")
        phases.done("inputs")
        let writer = try PublishedTableWriter(db, provenance: provenance)
        try NationalTablesBuilder(inputs: inputs).write(writer)
        try IcsTablesBuilder(inputs: inputs, control: control).write(writer)
        try TrendTableBuilder(inputs: inputs).write(writer)
        try HeadlineTableBuilder(inputs: inputs, topN: context.config.aggregate.headlineTopN).write(writer)
        try MetadataBuilder(inputs: inputs, config: context.config, provenance: provenance).write(writer)
        phases.done("tables")
        try FaultInjection.check("report:after-tables")

        let tables = try ReportExporter.loadTables(db)
        try DisclosureAudit(rules: settings.disclosure).verify(tables)
        phases.done("load")
        let fingerprint = baseFingerprint(context)
        let publisher = Publisher(outputDirectory: context.config.resolve(context.config.outputDirectory))
        // Whatever happens from here, a rollback puts `latest` back and removes this run's folders.
        let previous = publisher.latestTarget
        let runID = context.runID, keep = settings.keepRuns
        db.afterNextTransaction(onCommit: { _ in publisher.prune(keep: keep) },
                                onRollback: { _ in publisher.rollBack(runID: runID, previous: previous) })
        let staging = try publisher.stagingFolder(runID: context.runID)
        let files = try ReportExporter(settings: settings).export(tables, formats: settings.formats, to: staging, fingerprint: fingerprint)
        phases.done("render")
        try FaultInjection.check("report:after-files")
        try publisher.promote(staging: staging, runID: context.runID)
        try FaultInjection.check("report:after-publish")

        let actions = try Row.fetchAll(db, sql: "SELECT action, count(*) FROM soc_suppressed_cells GROUP BY 1 ORDER BY 1")
            .map { "\($0[1] as Int) \($0[0] as String)" }
        context.logger.info("published", metadata: [
            "folder": "\(publisher.latestPath)", "files": "\(files.count + 1)",
            "disclosure": "\(actions.joined(separator: ", "))",
        ])
        return StageOutcome(fingerprint: fingerprint, rowsByTable: writer.counts, notes: [
            "published \(files.count + 1) files to \(publisher.latestPath) (runs/\(context.runID))",
            "disclosure control: \(actions.isEmpty ? "no cells touched" : actions.joined(separator: ", "))",
        ])
    }
}
