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
/// digest of all of them keys the verdict kept in `report_audited_period`. The cells are digested as the
/// tables are written (``PublishedTableWriter/periodDigests``), so a period whose verdict is kept is not
/// read back at all. A period whose digest differs — or any period, when the program, rules or catalogue
/// change — is read and attacked again in full. Only verdicts that passed are kept: a failing audit stops
/// the run and rolls the stage back.
struct AuditByPeriod {
    let audit: DisclosureAudit
    let definitions: [String: IndicatorArithmetic]
    /// What England's own rows leave over the ICSs', where England is from its own rows (``EnglandRemainders``):
    /// read by the audit, so part of each period's digest.
    var englandRemainders: [CountCell: CountBounds] = [:]
    /// The rows written for each period of each table the audit reads (``PublishedTableWriter/periodDigests``).
    var written: [String: [String: MultisetDigest]] = [:]

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
            let remainders = englandRemainders.filter { $0.key.period == period }
            let digest = Self.digest(
                basis: basis, period: period, tables: tables, written: written[period] ?? [:],
                remainders: remainders.sorted { $0.key < $1.key }.map {
                    "\($0.key.indicator) \($0.key.quintile) \($0.key.component) \($0.value.lower.bitPattern)"
                })
            var verdict: AuditedPeriod
            if let previous = kept[period], previous.digest == digest {
                verdict = previous
                reused += 1
            } else {
                let loaded = Dictionary(
                    try tables.map { ($0.name, try PublishedTableData.load(db, table: $0, filters: [("period_start", period)])) },
                    uniquingKeysWith: { first, _ in first })
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

    /// SHA-256 of the basis, the period, England's remainders, and each table's name, columns (but the run's
    /// provenance) and the digest of the rows written for the period.
    static func digest(basis: String, period: String, tables: [PublishedTable], written: [String: MultisetDigest], remainders: [String] = [])
        -> String
    {
        var parts: [(String, String)] = [("basis", basis), ("period", period)] + remainders.map { ("remainder", $0) }
        for table in tables {
            parts.append(("table \(table.name)", table.columnNames.filter { !runColumns.contains($0) }.joined(separator: ",")))
            parts.append(("rows", (written[table.name] ?? MultisetDigest()).text))
        }
        return Fingerprint.combine(parts)
    }
}
