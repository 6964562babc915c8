import Foundation
import PipelineCore

/// How a ``FilePart`` is stored in `ingest_file_part` (docs/ARCHITECTURE.md, "Incremental ingest"): a
/// format version, then every field in a fixed order, maps sorted by key so the same file always gives the
/// same bytes.
extension FilePart {
    /// Bumped whenever the layout below changes; a part of another version is not read.
    static let formatVersion: Int64 = 2

    func encoded() -> Data {
        var out = PartBytesWriter()
        out.int(Self.formatVersion)
        out.int(parsedInMonth)
        out.int(periods.count)
        for period in periods { Self.write(period, to: &out) }
        out.int(cells.count)
        var previous = (slot: 0, cell: 0)
        for cell in cells {
            // Cells come in slot and index order: the gaps are small.
            out.int(cell.slot - previous.slot)
            out.int(cell.slot == previous.slot ? cell.cell - previous.cell : cell.cell)
            previous = (cell.slot, cell.cell)
            out.int(cell.value1)
            out.int(cell.value2)
            out.int(cell.records)
            out.int(cell.suppressed)
        }
        for words in [seen, seenYears] {
            out.int(words.count)
            for word in words {
                out.int(word.slot)
                out.int(word.index)
                out.word(word.bits)
            }
        }
        out.int(quality.count)
        for counter in quality {
            out.int(counter.slot)
            out.int(counter.index)
            out.int(counter.value)
        }
        for value in [rowsEightyFivePlus, rowsAboveEightyFiveBanded, rowsAllAges, rowsByAge] { out.int(value) }
        out.int(attributed.count)
        for (key, counts) in attributed {
            Self.write(key.period, to: &out)
            out.string(key.provider)
            out.int(key.sex)
            out.int(key.age)
            out.int(counts.events)
            out.int(counts.records)
            out.int(counts.suppressed)
        }
        out.int(unattributed.count)
        for (code, rows, events) in unattributed {
            out.string(code)
            out.int(rows)
            out.int(events)
        }
        writeStats(to: &out)
        return Data(out.bytes)
    }

    private func writeStats(to out: inout PartBytesWriter) {
        out.optionalString(stats.deliveredIcb)
        for value in [stats.rowsRead, stats.rowsLoaded, stats.rowsQuarantined, stats.suppressed, stats.rowsFiltered] { out.int(value) }
        out.int(stats.quarantine.count)
        for entry in stats.quarantine { Self.write(entry, to: &out) }
        let reasons = stats.byReason.sorted { $0.key.rawValue < $1.key.rawValue }
        out.int(reasons.count)
        for (reason, count) in reasons {
            out.string(reason.rawValue)
            out.int(count)
        }
        let firsts = stats.firstByReason.sorted { $0.key.rawValue < $1.key.rawValue }
        out.int(firsts.count)
        for (_, entry) in firsts { Self.write(entry, to: &out) }
        let setAside = stats.setAside.sorted { ($0.key.period, $0.key.reason.rawValue) < ($1.key.period, $1.key.reason.rawValue) }
        out.int(setAside.count)
        for (key, tally) in setAside {
            out.string(key.period)
            out.string(key.reason.rawValue)
            Self.write(tally, to: &out)
        }
        let unplaced = stats.unplaced.sorted {
            ($0.key.period.key, $0.key.icb, $0.key.decile, $0.key.sex, $0.key.age, $0.key.place)
                < ($1.key.period.key, $1.key.icb, $1.key.decile, $1.key.sex, $1.key.age, $1.key.place)
        }
        out.int(unplaced.count)
        for (key, tally) in unplaced {
            Self.write(key.period, to: &out)
            for value in [key.icb, key.decile, key.sex, key.age, key.place] { out.int(value) }
            Self.write(tally, to: &out)
        }
        out.int(stats.slashDates.count)
        out.bool(stats.slashDates.secondPartVaries)
        out.int(Int64(stats.slashDates.firstParts))
        out.optionalInt(stats.slashDates.firstSuspectLine)
        out.optionalInt(stats.periodColumn)
    }

    /// Reads a stored part for totals of `shape`'s dimensions; nil if it is of another format version,
    /// malformed, or indexes outside them (the file is then parsed again).
    init?(decoding data: Data, shape: SourceTotals, file: DiscoveredFile) {
        var input = PartBytesReader(data)
        guard let part = try? Self.read(&input, shape: shape, file: file), input.atEnd else { return nil }
        self = part
    }

    private static func read(_ input: inout PartBytesReader, shape: SourceTotals, file: DiscoveredFile) throws -> FilePart {
        guard try input.int() == formatVersion else { throw PartBytesReader.Malformed() }
        func check(_ condition: Bool) throws { if !condition { throw PartBytesReader.Malformed() } }
        let parsedInMonth = try input.small()
        let periods = try (0..<input.count()).map { _ in try readPeriod(&input) }
        var part = FilePart(periods: periods, stats: SourceResult.FileStats(file: file, sha256: ""))
        part.parsedInMonth = parsedInMonth
        var previous = (slot: 0, cell: 0)
        for _ in 0..<(try input.count()) {
            let slot = previous.slot + (try input.small())
            let cell = (slot == previous.slot ? previous.cell : 0) + (try input.small())
            try check(slot >= previous.slot && slot < periods.count && (0..<shape.cellsPerPeriod).contains(cell))
            previous = (slot, cell)
            part.cells.append(
                Cell(
                    slot: slot, cell: cell, value1: try input.int(), value2: try input.int(), records: Int32(clamping: try input.int()),
                    suppressed: Int32(clamping: try input.int())))
        }
        for years in [false, true] {
            for _ in 0..<(try input.count()) {
                let word = Word(slot: try input.small(), index: try input.small(), bits: try input.word())
                try check((0..<periods.count).contains(word.slot) && (0..<(years ? shape.yearWordsPerPeriod : shape.wordsPerPeriod)).contains(word.index))
                if years { part.seenYears.append(word) } else { part.seen.append(word) }
            }
        }
        for _ in 0..<(try input.count()) {
            let counter = Counter(slot: try input.small(), index: try input.small(), value: try input.int())
            try check((0..<periods.count).contains(counter.slot) && (0..<(shape.icbCount * SourceTotals.qualityFields)).contains(counter.index))
            part.quality.append(counter)
        }
        part.rowsEightyFivePlus = try input.small()
        part.rowsAboveEightyFiveBanded = try input.small()
        part.rowsAllAges = try input.small()
        part.rowsByAge = try input.small()
        for _ in 0..<(try input.count()) {
            let key = AttributedTotals.Key(period: try readPeriod(&input), provider: try input.string(), sex: try input.small(), age: try input.small())
            let counts = AttributedTotals.Counts(
                events: try input.int(), records: Int32(clamping: try input.int()), suppressed: Int32(clamping: try input.int()))
            part.attributed.append((key, counts))
        }
        for _ in 0..<(try input.count()) { part.unattributed.append((try input.string(), try input.small(), try input.int())) }
        try readStats(&input, into: &part.stats)
        return part
    }

    private static func readStats(_ input: inout PartBytesReader, into stats: inout SourceResult.FileStats) throws {
        stats.deliveredIcb = try input.optionalString()
        stats.rowsRead = try input.small()
        stats.rowsLoaded = try input.small()
        stats.rowsQuarantined = try input.small()
        stats.suppressed = try input.small()
        stats.rowsFiltered = try input.small()
        stats.quarantine = try (0..<input.count()).map { _ in try readEntry(&input) }
        for _ in 0..<(try input.count()) { stats.byReason[try readReason(&input)] = try input.small() }
        for _ in 0..<(try input.count()) {
            let entry = try readEntry(&input)
            stats.firstByReason[entry.reason] = entry
        }
        for _ in 0..<(try input.count()) {
            let key = SetAsideTally.Key(period: try input.string(), reason: try readReason(&input))
            stats.setAside[key] = try readTally(&input)
        }
        for _ in 0..<(try input.count()) {
            let key = UnplacedCounts.Key(
                period: try readPeriod(&input), icb: try input.small(), decile: try input.small(), sex: try input.small(), age: try input.small(),
                place: try input.small())
            stats.unplaced[key] = try readTally(&input)
        }
        stats.slashDates.count = try input.small()
        stats.slashDates.secondPartVaries = try input.bool()
        stats.slashDates.firstParts = UInt32(truncatingIfNeeded: try input.int())
        stats.slashDates.firstSuspectLine = try input.optionalInt()
        stats.periodColumn = try input.optionalInt()
    }

    private static func write(_ period: Period, to out: inout PartBytesWriter) {
        out.string(period.kind.rawValue)
        out.int(period.ordinal)
    }

    private static func readPeriod(_ input: inout PartBytesReader) throws -> Period {
        guard let kind = PeriodKind(rawValue: try input.string()) else { throw PartBytesReader.Malformed() }
        return Period(kind: kind, endingIn: try input.small())
    }

    private static func write(_ entry: QuarantineEntry, to out: inout PartBytesWriter) {
        out.int(entry.line)
        out.int(entry.column)
        out.optionalString(entry.columnName)
        out.string(entry.reason.rawValue)
    }

    private static func readEntry(_ input: inout PartBytesReader) throws -> QuarantineEntry {
        QuarantineEntry(line: try input.small(), column: try input.small(), columnName: try input.optionalString(), reason: try readReason(&input))
    }

    private static func readReason(_ input: inout PartBytesReader) throws -> QuarantineReason {
        guard let reason = QuarantineReason(rawValue: try input.string()) else { throw PartBytesReader.Malformed() }
        return reason
    }

    private static func write(_ tally: SetAsideTally, to out: inout PartBytesWriter) {
        for value in [Int64(tally.rows), Int64(tally.suppressedRows), tally.first, tally.second] { out.int(value) }
    }

    private static func readTally(_ input: inout PartBytesReader) throws -> SetAsideTally {
        SetAsideTally(rows: try input.small(), suppressedRows: try input.small(), first: try input.int(), second: try input.int())
    }
}
