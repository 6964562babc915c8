import Checkpoints
import PipelineCore

/// Reads one file of a source of values published without counts (`kind: value`): each row an ICB's value
/// (or England's, from the publisher's own England rows) for a period — by national decile for a source by
/// ICB × decile, an empty decile cell being the value over all deciles — with the limits published beside it
/// (docs/DATA.md, "Values without counts").
///
/// Rows are checked as extracts are — filters, UTF-8, ICB code, period and its window — and a value is a
/// number or a suppression marker, its limits a pair around it; a row that fails is quarantined with its
/// line, column and reason, never its value.
final class PublishedValueParser: CSVRecordHandler {
    let source: SourceConfig
    let file: String
    let reference: ReferenceTables
    /// Period ordinals a row may carry (`periods` window, never after the current month).
    let periodBounds: ClosedRange<Int>
    let currentOrdinal: Int
    /// ICB index the file was delivered for (`{icb}` in the glob), if known: it holds that ICS's rows only.
    let deliveredIcb: Int?

    private var map: HeaderMap<SourceField>?
    private var columnIcb = -1, columnPeriod = -1, columnValue = -1, columnDecile = -1
    /// Each pair of limit columns the file has: 95%, then 99.8%.
    private var limitColumns: [(lower: Int, upper: Int)?] = [nil, nil]
    private var mappedColumns: [Int] = []
    private var filters: [ColumnFilter] = []
    private var englandFilters: [ColumnFilter] = []
    private var suppressedFilters: [ColumnFilter] = []
    /// The kind of the source's periods, from the first row read (trends join periods of one kind).
    private var periodKind: PeriodKind?
    private var seen: Set<String> = []

    private(set) var values: [PublishedValue] = []
    private(set) var rowsRead = 0
    private(set) var rowsFiltered = 0
    private(set) var rowsSuppressed = 0
    private(set) var quarantined: [QuarantineEntry] = []
    private(set) var quarantinedByReason: [QuarantineReason: Int] = [:]
    private(set) var firstByReason: [QuarantineReason: QuarantineEntry] = [:]
    private(set) var slashDates = SlashDateEvidence()
    var periodColumnNumber: Int { columnPeriod + 1 }

    init(source: SourceConfig, file: String, reference: ReferenceTables, periodBounds: ClosedRange<Int>, currentOrdinal: Int, deliveredIcb: Int?) {
        self.deliveredIcb = deliveredIcb
        self.source = source
        self.file = file
        self.reference = reference
        self.periodBounds = periodBounds
        self.currentOrdinal = currentOrdinal
    }

    func handle(_ record: CSVRecord) throws {
        if map == nil && record.line < source.dialect.headerRow { return }
        guard let map else { return try readHeader(record) }
        rowsRead += 1
        guard record.count == map.headerCount else {
            return quarantine(record, column: min(record.count, map.headerCount) + 1, .fieldCount)
        }
        if filters.contains(where: { !$0.matches(record) }) {
            rowsFiltered += 1
            return
        }
        for column in mappedColumns where !ExtractParser.isValidUTF8(record[column]) {
            return quarantine(record, column: column + 1, .invalidUTF8)
        }
        // Where: England's own row, or an ICB's.
        let level: GeographyLevel, code: String
        if !englandFilters.isEmpty, englandFilters.allSatisfy({ $0.matches(record) }) {
            (level, code) = (.england, GeographyLevel.englandCode)
        } else {
            let written = String(decoding: ExtractParser.trimmed(record[columnIcb]), as: UTF8.self)
            guard let icb = reference.icbIndex(forCode: written) else {
                // A value cannot be set aside into England as a count can: an unknown ICB's row is quarantined.
                return quarantine(record, column: columnIcb + 1, ExtractParser.unknownIcbReason(written, reference: reference))
            }
            if let deliveredIcb, icb != deliveredIcb { return quarantine(record, column: columnIcb + 1, .outsideDeliveredIcs) }
            (level, code) = (.icb, reference.icbs[icb].odsCode)
        }
        // Which decile: a number in the source's declared order, or empty for the value over all deciles.
        var decile = 0
        if columnDecile >= 0, ExtractParser.trimmed(record[columnDecile]).count > 0 {
            guard let read = try ExtractParser.decile(of: record, column: columnDecile, source: source, file: file) else {
                return quarantine(record, column: columnDecile + 1, .invalidDecile)
            }
            decile = read
        }
        // When.
        let periodField = ExtractParser.trimmed(record[columnPeriod])
        if source.dateOrder == nil { slashDates.note(periodField, line: record.line) }
        guard let period = Period.parseDelivered(periodField, declared: source.periodType, dateOrder: source.dateOrder ?? .dayFirst) else {
            return quarantine(record, column: columnPeriod + 1, ExtractParser.periodProblem(periodField))
        }
        guard periodBounds.contains(period.ordinal) else {
            return quarantine(record, column: columnPeriod + 1, period.ordinal > currentOrdinal ? .futurePeriod : .outsidePeriodWindow)
        }
        if let periodKind, periodKind != period.kind { return quarantine(record, column: columnPeriod + 1, .mixedPeriodKinds) }
        // What: the value and its limits, or the publisher's suppression.
        let suppressed =
            (!suppressedFilters.isEmpty && suppressedFilters.allSatisfy { $0.matches(record) })
            || ExtractParser.isSuppressionMarker(ExtractParser.trimmed(record[columnValue]))
        var value: Double?
        var limits: [(lower: Double, upper: Double)?] = [nil, nil]
        if !suppressed {
            let field = ExtractParser.trimmed(record[columnValue])
            guard field.count > 0 else { return quarantine(record, column: columnValue + 1, .missingValue) }
            guard let number = Self.number(field) else { return quarantine(record, column: columnValue + 1, .notAValue) }
            value = number
            for (pair, columns) in limitColumns.enumerated() {
                guard let columns else { continue }
                let lowerField = ExtractParser.trimmed(record[columns.lower]), upperField = ExtractParser.trimmed(record[columns.upper])
                if lowerField.count == 0 && upperField.count == 0 { continue }
                guard lowerField.count > 0 else { return quarantine(record, column: columns.lower + 1, .limitsNotAroundValue) }
                guard upperField.count > 0 else { return quarantine(record, column: columns.upper + 1, .limitsNotAroundValue) }
                guard let lower = Self.number(lowerField) else { return quarantine(record, column: columns.lower + 1, .notAValue) }
                guard let upper = Self.number(upperField) else { return quarantine(record, column: columns.upper + 1, .notAValue) }
                guard lower <= number else { return quarantine(record, column: columns.lower + 1, .limitsNotAroundValue) }
                guard number <= upper else { return quarantine(record, column: columns.upper + 1, .limitsNotAroundValue) }
                limits[pair] = (lower, upper)
            }
        }
        guard seen.insert("\(level.rawValue)|\(code)|\(decile)|\(period.label)").inserted else { return quarantine(record, column: 1, .duplicateKey) }
        periodKind = period.kind
        if suppressed { rowsSuppressed += 1 }
        values.append(
            PublishedValue(
                dataset: source.name, period: period.label, level: level, code: code, decile: decile, value: value, lower95: limits[0]?.lower,
                upper95: limits[0]?.upper, lower998: limits[1]?.lower, upper998: limits[1]?.upper, suppressedAtSource: suppressed, path: file,
                line: record.line))
    }

    private func readHeader(_ record: CSVRecord) throws {
        let required = source.requiredFields.map { ($0, source.headerNames(for: $0)) }
        let optional = source.optionalFields.map { ($0, source.headerNames(for: $0)) }
        let map = try HeaderMap(header: record, required: required, optional: optional, file: file)
        self.map = map
        columnIcb = map[.icb] ?? -1
        columnPeriod = map[.period] ?? -1
        columnValue = map[.value] ?? -1
        columnDecile = map[.imdDecile] ?? -1
        // A limit is read with its pair or not at all: one alone would publish half an interval.
        for (pair, fields) in [(SourceField.lower95, SourceField.upper95), (.lower998, .upper998)].enumerated() {
            switch (map[fields.0], map[fields.1]) {
            case (let lower?, let upper?): limitColumns[pair] = (lower, upper)
            case (nil, nil): limitColumns[pair] = nil
            case (let found?, nil), (nil, let found?):
                let missing = map[fields.0] == nil ? fields.0 : fields.1
                throw PipelineError(
                    .dataQuality,
                    "source '\(source.name)': column \(found + 1) '\(map.headers[found])' is a limit whose pair ('\(missing.rawValue)') the header lacks",
                    at: InputLocation(file: file, line: record.line, column: found + 1),
                    hint:
                        "map the other limit in the source's 'columns' (e.g. \"\(missing.rawValue)\": [\"…\"]; accepted: \(source.headerNames(for: missing).joined(separator: ", "))), or map neither"
                )
            }
        }
        mappedColumns = ([columnIcb, columnPeriod, columnValue, columnDecile] + limitColumns.flatMap { $0.map { [$0.lower, $0.upper] } ?? [] }).filter {
            $0 >= 0
        }
        filters = try ColumnFilter.resolve(source.rowFilter, named: "'where' filter", headers: map.headers, file: file, line: record.line)
        englandFilters = try ColumnFilter.resolve(source.englandRows, named: "'englandRows'", headers: map.headers, file: file, line: record.line)
        suppressedFilters = try ColumnFilter.resolve(
            source.suppressedWhen, named: "'suppressedWhen'", headers: map.headers, file: file, line: record.line)
    }

    private func quarantine(_ record: CSVRecord, column: Int, _ reason: QuarantineReason) {
        quarantinedByReason[reason, default: 0] += 1
        let name = map.flatMap { column >= 1 && column <= $0.headers.count ? $0.headers[column - 1] : nil }
        let entry = QuarantineEntry(line: record.line, column: column, columnName: name, reason: reason)
        if firstByReason[reason] == nil { firstByReason[reason] = entry }
        if quarantined.count < ExtractParser.quarantineKeepLimit { quarantined.append(entry) }
    }

    /// A published number: digits with an optional sign, decimal point and exponent, and thousands written
    /// with commas (`1,234.5`); nil for anything else, or a number that is not finite.
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard bytes.count > 0, bytes.count <= 64 else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains(",") {
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let first = groups[0].drop { $0 == "-" || $0 == "+" }
            guard (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text.removeAll { $0 == "," }
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let number = Double(text), number.isFinite else {
            return nil
        }
        return number
    }
}
