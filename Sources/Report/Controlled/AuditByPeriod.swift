import Checkpoints
import Disclosure
import Foundation
import GRDB
import PipelineCore
import Publication
import Statistics

/// The disclosure audit, period by period, reusing a period's verdict when nothing it reads has changed
/// (docs/ARCHITECTURE.md, "Downstream by period"). The audit of a period is a function of the program, the
/// rules, the indicators' arithmetic and the cells and statuses of the tables it reads for that period; a
/// digest of all of them keys the verdict kept in `report_audited_period`. A period whose digest differs —
/// or any period, when the program, rules or catalogue change — is attacked again in full. Only verdicts
/// that passed are kept: a failing audit stops the run and rolls the stage back.
struct AuditByPeriod {
    let audit: DisclosureAudit
    let definitions: [String: IndicatorArithmetic]
    /// What England's own rows leave over the ICSs', where England is from its own rows (``EnglandRemainders``):
    /// read by the audit, so part of each period's digest.
    var englandRemainders: [CountCell: CountBounds] = [:]

    /// The findings of every period (those reused read back from the table), the narrowest feasible range's
    /// width of a suppressed count, and the periods reused.
    func run(_ db: Database) throws -> (findings: PublishedCountAudit.Findings, narrowestWidth: Double?, reused: Int) {
        let kept = Dictionary(try AuditedPeriod.fetchAll(db).map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        try AuditedPeriod.deleteAll(db)
        let tables = audit.tablesRead()
        let basis = basisDigest()
        var findings = PublishedCountAudit.Findings.none
        var reused = 0
        var narrowestWidth: Double?
        for period in try PublishedTableData.periods(db, of: DisclosureAudit.attackedTables()) {
            let loaded = Dictionary(
                try tables.map { ($0.name, try PublishedTableData.load(db, table: $0, filters: [("period_start", period)])) },
                uniquingKeysWith: { first, _ in first })
            let remainders = englandRemainders.filter { $0.key.period == period }
            let digest = Self.digest(
                basis: basis, period: period, tables: tables.compactMap { loaded[$0.name] },
                remainders: remainders.sorted { $0.key < $1.key }.map {
                    "\($0.key.indicator) \($0.key.quintile) \($0.key.component) \($0.value.lower.bitPattern)"
                })
            var verdict: AuditedPeriod
            if let previous = kept[period], previous.digest == digest {
                try audit.verifyNoSmallCounts { loaded[$0.name]! }
                verdict = previous
                reused += 1
            } else {
                let found = try audit.verify(
                    periods: [period], definitions: definitions, englandRemainders: remainders, load: { table, _ in loaded[table.name]! })
                verdict = AuditedPeriod(
                    period: period, digest: digest, cellsChecked: found.cellsChecked, hiddenCells: found.hiddenCells,
                    relationsUsed: found.relationsUsed, programs: found.programs,
                    relationsByKind: found.relationsByKind.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n"),
                    narrowestWidth: found.narrowest?.range.width)
            }
            try verdict.insert(db)
            findings.cellsChecked += verdict.cellsChecked
            findings.hiddenCells += verdict.hiddenCells
            findings.relationsUsed += verdict.relationsUsed
            findings.programs += verdict.programs
            for line in verdict.relationsByKind.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let count = Int(parts[1]) { findings.relationsByKind[String(parts[0]), default: 0] += count }
            }
            if let width = verdict.narrowestWidth, narrowestWidth.map({ width < $0 }) ?? true { narrowestWidth = width }
        }
        return (findings, narrowestWidth, reused)
    }

    /// What every period's audit depends on besides its cells: the program, the rules, the arithmetic.
    private func basisDigest() -> String {
        let rules = StageFingerprint.canonicalJSON(audit.rules)
        let arithmetic = definitions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.statistic.rawValue) \($0.value.multiplier)" }
        return Fingerprint.combine([("program", ProgramVersion.build), ("rules", rules), ("arithmetic", arithmetic.joined(separator: "\n"))])
    }

    /// The run's provenance on every published row: its ID, and the hash of the input manifest, which moves
    /// whenever any input does — every period's rows would otherwise differ from the last run's.
    static let runColumns: Set<String> = ["run_id", "manifest_sha256"]

    /// SHA-256 of the basis, the period, England's remainders, and each table's name, columns, and every row's
    /// cells (but the run's provenance) and statuses.
    static func digest(basis: String, period: String, tables: [PublishedTableData], remainders: [String] = []) -> String {
        var hasher = StreamingSHA256()
        func add(_ text: String) {
            var bytes = Array(text.utf8)
            bytes.append(0)
            bytes.withUnsafeBytes { hasher.update($0) }
        }
        add(basis)
        add(period)
        for remainder in remainders { add("remainder " + remainder) }
        for data in tables {
            // Every column but the run's provenance, which every row carries and the audit never reads.
            let read = data.columns.indices.filter { !Self.runColumns.contains(data.columns[$0].name) }
            add("table \(data.table.name)")
            add(read.map { data.columns[$0].name }.joined(separator: ","))
            for (row, statuses) in zip(data.rows, data.statuses) {
                for cell in read.map({ row[$0] }) {
                    switch cell {
                    case .text(let text): add("t" + text)
                    case .integer(let value): add("i\(value)")
                    case .number(let value): add("n\(value.bitPattern)")
                    case .suppressed: add("s")
                    case .withheld: add("w")
                    case .empty: add("e")
                    }
                }
                add("|" + statuses.map { $0.map { "\($0)" } ?? "-" }.joined(separator: ","))
            }
            add("rows \(data.rows.count)")
        }
        return hasher.finalize()
    }
}
