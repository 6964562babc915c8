import Checkpoints
import GRDB
import PipelineCore

/// Replaces ingest's checkpoint tables with this run's results (inside the stage transaction):
/// ``init(db:reference:config:)`` clears them and writes the reference tables, ``write(_:)`` writes one
/// source as soon as it has been parsed (while other sources are still parsing), ``finish(runID:)``
/// records what changed.
final class IngestWriter {
    let db: Database
    let reference: ReferenceTables
    let config: PipelineConfig
    private let previousStates: [String: String]
    private var counts: [String: Int] = [:]
    private let files, quarantine, sources, events, proportions, icbEvents, icbProportions, attributedEvents, unattributed, population,
        quality: BulkInserter
    private let ageLabels = AgeBand.all.map(\.label) + ["unknown"]
    private let sexLabels = Sex.allCases.map(\.label)

    static let tables = [
        "ingest_file", "ingest_quarantine", "ingest_source", "ingest_event_total", "ingest_proportion_total",
        "ingest_icb_event_total", "ingest_icb_proportion_total", "ingest_attributed_event_total", "ingest_unattributed",
        "ingest_population", "ingest_data_quality", "ingest_row", "ref_icb", "ref_standard_population", "ref_vintage",
        "ref_icb_deprivation", "ref_icb_boundary", "ref_sub_icb",
    ]

    /// Data-quality states by subject: whether each source had quarantined rows, and each
    /// dataset × period × ICB's band of records it could not map or place (none, under 1%, 1% or more).
    static func qualityStates(_ db: Database) throws -> [String: String] {
        var states: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT source, sum(rows_quarantined) FROM ingest_file GROUP BY 1") {
            states["quarantine|\(row[0] as String)"] = (row[1] as Int) > 0 ? "rows quarantined" : "clean"
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT dataset, period, icb_code,
                       CAST(records_unmapped_lsoa + records_unknown_sex + records_unknown_age AS REAL) / records FROM ingest_data_quality
                """)
        {
            let share: Double = row[3]
            states["incomplete_records|\(row[0] as String)|\(row[1] as String)|\(row[2] as String)"] =
                share == 0 ? "none" : share < 0.01 ? "under 1%" : "1% or more"
        }
        return states
    }

    init(db: Database, reference: ReferenceTables, config: PipelineConfig) throws {
        self.db = db
        self.reference = reference
        self.config = config
        previousStates = try Self.qualityStates(db)
        for table in Self.tables { try db.execute(sql: "DELETE FROM \(table)") }
        files = try BulkInserter(
            db, table: "ingest_file",
            columns: [
                "source", "kind", "path", "delivered_for_icb", "size_bytes", "sha256", "rows_read", "rows_loaded",
                "rows_quarantined", "cells_suppressed_at_source",
            ])
        quarantine = try BulkInserter(
            db, table: "ingest_quarantine",
            columns: [
                "source", "path", "line", "column", "column_name", "reason", "detail",
            ])
        sources = try BulkInserter(
            db, table: "ingest_source",
            columns: [
                "source", "kind", "grain", "vintage", "files", "rows_loaded", "periods", "top_age_band",
            ])
        events = try BulkInserter(
            db, table: "ingest_event_total",
            columns: [
                "dataset", "period", "icb_code", "sub_icb_code", "imd_decile", "sex", "age_band", "events", "records", "suppressed_records",
            ])
        proportions = try BulkInserter(
            db, table: "ingest_proportion_total",
            columns: [
                "dataset", "period", "icb_code", "sub_icb_code", "imd_decile", "sex", "age_band", "numerator", "denominator",
                "records", "suppressed_records",
            ])
        icbEvents = try BulkInserter(
            db, table: "ingest_icb_event_total",
            columns: ["dataset", "period", "icb_code", "sex", "age_band", "events", "records", "suppressed_records"])
        icbProportions = try BulkInserter(
            db, table: "ingest_icb_proportion_total",
            columns: ["dataset", "period", "icb_code", "sex", "age_band", "numerator", "denominator", "records", "suppressed_records"])
        attributedEvents = try BulkInserter(
            db, table: "ingest_attributed_event_total",
            columns: ["dataset", "period", "icb_code", "sex", "age_band", "events", "providers", "suppressed_records"])
        unattributed = try BulkInserter(db, table: "ingest_unattributed", columns: ["dataset", "provider_code", "rows", "events"])
        population = try BulkInserter(
            db, table: "ingest_population",
            columns: [
                "icb_code", "sub_icb_code", "imd_decile", "sex", "age_band", "population",
            ])
        quality = try BulkInserter(
            db, table: "ingest_data_quality",
            columns: [
                "dataset", "period", "icb_code", "records", "records_unmapped_lsoa", "records_unknown_sex",
                "records_unknown_age", "records_suppressed_at_source", "events_apportioned",
            ])

        try writeReference()
    }

    /// Writes one parsed source.
    func write(_ result: SourceResult) throws {
        let source = result.source
        for file in result.files {
            try files.insert(
                .text(source.name), .text(source.kind.rawValue), .text(file.file.displayPath),
                file.deliveredIcb.map { .text($0) } ?? .null, .int(Int64(file.file.size)), .text(file.sha256),
                .int(Int64(file.rowsRead)), .int(Int64(file.rowsLoaded)), .int(Int64(file.rowsQuarantined)),
                .int(Int64(file.suppressed)))
            for entry in file.quarantine {
                try quarantine.insert(
                    .text(source.name), .text(file.file.displayPath), .int(Int64(entry.line)),
                    .int(Int64(entry.column)), entry.columnName.map { .text($0) } ?? .null,
                    .text(entry.reason.rawValue), .text(entry.reason.explanation))
            }
        }
        let totals = result.totals
        let periods = totals.periods.sorted()
        try sources.insert(
            .text(source.name), .text(source.kind.rawValue), .text(source.grain.rawValue),
            source.vintage.map { .text($0) } ?? .null, .int(Int64(result.files.count)),
            .int(Int64(result.rowsLoaded)),
            .text(source.kind == .population ? "" : periods.map(\.label).joined(separator: ",")),
            .text(totals.topAgeBand))
        if source.grain == .provider { try writeAttributed(result) }
        let periodLabels = totals.periods.map(\.label)
        for cell in 0..<totals.records.count where totals.records[cell] > 0 {
            let d = totals.dimensions(ofCell: cell)
            let icb = reference.icbs[Int(reference.subIcbToIcb[d.subIcb])].odsCode
            let sub = reference.subIcbCodes[d.subIcb]
            if source.grain == .icb || source.grain == .subIcb {
                switch source.kind {
                case .events:
                    try icbEvents.insert(
                        .text(source.name), .text(periodLabels[d.slot]), .text(icb), .text(sexLabels[d.sex]), .text(ageLabels[d.age]),
                        .int(totals.value1[cell]), .int(Int64(totals.records[cell])), .int(Int64(totals.suppressed[cell])))
                case .proportion:
                    try icbProportions.insert(
                        .text(source.name), .text(periodLabels[d.slot]), .text(icb), .text(sexLabels[d.sex]), .text(ageLabels[d.age]),
                        .int(totals.value1[cell]), .int(totals.value2[cell]), .int(Int64(totals.records[cell])),
                        .int(Int64(totals.suppressed[cell])))
                case .population:
                    break  // refused by the configuration check
                }
                continue
            }
            switch source.kind {
            case .events:
                try events.insert(
                    .text(source.name), .text(periodLabels[d.slot]), .text(icb), .text(sub), .int(Int64(d.decile)),
                    .text(sexLabels[d.sex]), .text(ageLabels[d.age]), .int(totals.value1[cell]),
                    .int(Int64(totals.records[cell])), .int(Int64(totals.suppressed[cell])))
            case .proportion:
                try proportions.insert(
                    .text(source.name), .text(periodLabels[d.slot]), .text(icb), .text(sub), .int(Int64(d.decile)),
                    .text(sexLabels[d.sex]), .text(ageLabels[d.age]), .int(totals.value1[cell]),
                    .int(totals.value2[cell]), .int(Int64(totals.records[cell])),
                    .int(Int64(totals.suppressed[cell])))
            case .population:
                try population.insert(
                    .text(icb), .text(sub), .int(Int64(d.decile)), .text(sexLabels[d.sex]),
                    .text(ageLabels[d.age]), .int(totals.value1[cell]))
            }
        }
        if source.kind != .population {
            for (slot, period) in totals.periods.enumerated() {
                for (icb, info) in reference.icbs.enumerated() {
                    let values = (0..<SourceTotals.qualityFields).map { totals.qualityValue(slot: slot, icb: icb, field: $0) }
                    guard values[0] > 0 else { continue }
                    try quality.insert(
                        .text(source.name), .text(period.label), .text(info.odsCode),
                        .int(values[0]), .int(values[1]), .int(values[2]), .int(values[3]), .int(values[4]), .int(values[5]))
                }
            }
        }
        if let raw = result.rawRows {
            let rows = try BulkInserter(
                db, table: "ingest_row",
                columns: [
                    "dataset", "path", "line", "area_code", "period", "sex", "age_band", "value1", "value2",
                ])
            for row in raw.rows {
                try rows.insert(
                    .text(row.source), .text(row.file), .int(Int64(row.line)), .text(row.area),
                    row.period.map { .text($0) } ?? .null, .text(row.sex.label), .text(ageLabels[row.age]),
                    .int(row.value1), row.value2.map { .int($0) } ?? .null)
            }
            counts["ingest_row", default: 0] += rows.rowsInserted
        }
    }

    /// Shares each provider's counts among the ICBs its weights name, keeping the fractions exact (docs/DATA.md,
    /// "Counts by provider"), and records the providers the weights do not name.
    private func writeAttributed(_ result: SourceResult) throws {
        struct Cell: Hashable {
            var period: String
            var icb: Int
            var sex: Int
            var age: Int
        }
        var shared: [Cell: (events: Double, providers: Int, suppressed: Int)] = [:]
        let weights = reference.attributions[result.source.name]
        // In key order: fractional shares are added in floating point, so the order fixes the last digit.
        let ordered = result.attributed.cells.sorted {
            ($0.key.period.ordinal, $0.key.provider, $0.key.sex, $0.key.age) < ($1.key.period.ordinal, $1.key.provider, $1.key.sex, $1.key.age)
        }
        for (key, counts) in ordered {
            guard let weights, let provider = weights.index[key.provider] else { continue }
            for (icb, share) in weights.weights[provider] where share > 0 {
                let cell = Cell(period: key.period.label, icb: icb, sex: key.sex, age: key.age)
                var total = shared[cell] ?? (0, 0, 0)
                total.events += Double(counts.events) * share
                total.providers += 1
                total.suppressed += Int(counts.suppressed)
                shared[cell] = total
            }
        }
        for (cell, total) in shared.sorted(by: { ($0.key.period, $0.key.icb, $0.key.sex, $0.key.age) < ($1.key.period, $1.key.icb, $1.key.sex, $1.key.age) }) {
            try attributedEvents.insert(
                .text(result.source.name), .text(cell.period), .text(reference.icbs[cell.icb].odsCode), .text(sexLabels[cell.sex]),
                .text(ageLabels[cell.age]), .double(total.events), .int(Int64(total.providers)), .int(Int64(total.suppressed)))
        }
        for (code, missing) in result.attributed.unattributed.sorted(by: { $0.key < $1.key }) {
            try unattributed.insert(.text(result.source.name), .text(code), .int(Int64(missing.rows)), .int(missing.events))
        }
    }

    /// Row counts by table, and the data-quality states that changed since the previous checkpoint.
    func finish(runID: String) throws -> [String: Int] {
        for inserter in [files, quarantine, sources, events, proportions, icbEvents, icbProportions, attributedEvents, unattributed, population, quality] {
            counts[inserter.table, default: 0] += inserter.rowsInserted
        }
        let changes = try ChangeLog(db, runID: runID, stage: .ingest)
        let states = try Self.qualityStates(db)
        for subject in states.keys.sorted() where previousStates[subject] != nil && previousStates[subject] != states[subject] {
            try changes.record(.dataQualityChanged, subject: subject, before: previousStates[subject], after: states[subject])
        }
        counts["change_log"] = changes.count
        return counts
    }

    private func writeReference() throws {
        let icbs = try BulkInserter(
            db, table: "ref_icb",
            columns: [
                "icb_ods_code", "icb_ons_code", "icb_name", "icb_short_name", "region_ons_code", "region_ods_code", "region_name", "vintage",
            ])
        for icb in reference.icbs {
            try icbs.insert(
                .text(icb.odsCode), .text(icb.onsCode), .text(icb.name), .text(icb.shortName), .text(icb.regionOnsCode),
                .text(icb.regionOdsCode), .text(icb.regionName), .text(config.reference.icb.vintage))
        }
        let weights = try BulkInserter(db, table: "ref_standard_population", columns: ["age_band", "band_index", "weight"])
        for band in AgeBand.all {
            try weights.insert(.text(band.label), .int(Int64(band.index)), .double(reference.standardWeights[band.index]))
        }
        let vintages = try BulkInserter(db, table: "ref_vintage", columns: ["kind", "vintage", "file", "sha256"])
        for file in reference.fileHashes {
            try vintages.insert(.text(file.kind), .text(file.vintage), .text(file.file), .text(file.sha256))
        }
        if let population = config.populationSource {
            try vintages.insert(.text("population"), .text(population.vintage ?? "unspecified"), .text(population.files), .text(""))
        }
        let deprivation = try BulkInserter(
            db, table: "ref_icb_deprivation", columns: ["icb_ods_code", "imd_vintage", "imd_average_score", "imd_rank_of_average_score"])
        for (icb, summary) in reference.icbDeprivation.sorted(by: { $0.key < $1.key }) {
            try deprivation.insert(
                .text(reference.icbs[icb].odsCode), .text(config.reference.imd.vintage), .double(summary.score), .int(Int64(summary.rank)))
        }
        counts["ref_icb_deprivation"] = deprivation.rowsInserted
        let boundaries = try BulkInserter(db, table: "ref_icb_boundary", columns: ["icb_ods_code", "polygon", "ring", "points"])
        for ring in reference.boundaries {
            try boundaries.insert(.text(reference.icbs[ring.icb].odsCode), .int(Int64(ring.polygon)), .int(Int64(ring.ring)), .text(ring.points))
        }
        counts["ref_icb_boundary"] = boundaries.rowsInserted
        let places = try BulkInserter(
            db, table: "ref_sub_icb", columns: ["sub_icb_code", "sub_icb_ons_code", "sub_icb_name", "place_name", "icb_ods_code"])
        var written: Set<String> = []
        for (index, code) in reference.subIcbCodes.enumerated() {
            let icb = reference.icbs[Int(reference.subIcbToIcb[index])]
            // The "whole ICB" units are not places.
            guard code != icb.odsCode, written.insert(code).inserted else { continue }
            let named = reference.places[code]
            try places.insert(
                .text(code), named?.onsCode.map { .text($0) } ?? .null, .text(named?.officialName ?? code), .text(named?.placeName ?? code),
                .text(icb.odsCode))
        }
        counts["ref_sub_icb"] = places.rowsInserted
        counts["ref_icb"] = icbs.rowsInserted
        counts["ref_standard_population"] = weights.rowsInserted
        counts["ref_vintage"] = vintages.rowsInserted
    }
}
