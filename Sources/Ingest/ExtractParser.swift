import PipelineCore

/// Validates each row of one file of a source and adds it to the source's totals.
///
/// Bad rows are quarantined with line, column and reason; the value itself is never kept.
final class ExtractParser: CSVRecordHandler {
    let source: SourceConfig
    let file: String
    let reference: ReferenceTables
    let totals: SourceTotals
    /// ICB index the file was delivered for (`{icb}` in the glob), if known.
    let deliveredIcb: Int?
    let rawRows: RawRowSink?
    /// Period ordinals a row may carry (`periods` window, never after the current month).
    let periodBounds: ClosedRange<Int>
    /// The current month's ordinal: a period after it is in the future, not merely outside the window.
    let currentOrdinal: Int

    private(set) var map: HeaderMap<SourceField>?
    private var columnLsoa = -1, columnIcb = -1, columnDecile = -1, columnPeriod = -1
    private var columnSex = -1, columnAge = -1, columnValue1 = -1, columnValue2 = -1, columnProvider = -1, columnSubIcb = -1
    private var columnEthnicGroup = -1, columnEthnicCategory = -1
    private let populationSlot: Int
    /// The columns read, in order (set from the header; avoids building an array per row).
    private var mappedColumns: [Int] = []
    /// How the source's rows find their place (its grain's; docs/ARCHITECTURE.md, "Adding a source grain").
    private let placement: GrainProfile.Placement
    /// Onto the basis, when the source is coded to another LSOA vintage (docs/DATA.md, "Geography basis").
    private let conversion: LsoaConversion?
    /// Counts of a provider-grain source, before they are shared out (``AttributedTotals``).
    let attributed: AttributedTotals
    /// The `where` filter: column index → values kept.
    private var filters: [(column: Int, values: Set<String>)] = []
    /// What marks the publisher's own England rows (`englandRows`), and where their keys start.
    private var englandFilters: [(column: Int, values: Set<String>)] = []
    /// What marks a row whose count the publisher suppressed (`suppressedWhen`).
    private var suppressedFilters: [(column: Int, values: Set<String>)] = []
    private let englandKeyBase: Int
    /// Rows left out by the filter (read, not quarantined).
    var rowsFiltered = 0
    /// Quarantined rows by reason, and the first row of each: what a threshold error leads with.
    var quarantinedByReason: [QuarantineReason: Int] = [:]
    /// The counts of rows set aside because their place is unknown, by period and reason (``SetAsideTally``).
    var setAside: [SetAsideTally.Key: SetAsideTally] = [:]
    /// The same rows' counts where they can still be placed — England, and the ICS when known (``UnplacedCounts``).
    var unplaced: [UnplacedCounts.Key: SetAsideTally] = [:]
    var firstByReason: [QuarantineReason: QuarantineEntry] = [:]
    /// What one unit of a parsed count is worth: 1, or 10,000 for a source of fractional counts
    /// (``CountPrecision``), whose counts are summed as whole ten-thousandths.
    private let countScale: Int64
    /// Scratch for sharing a row's values among the LSOAs its area split into.
    private var parts1: [Int64] = [], parts2: [Int64] = []

    /// One row per measure: each measure read, by name, with its index and its weights in the two counts.
    private let measureWeights: [String: (index: Int, first: Int64, second: Int64)]
    private var columnMeasure = -1

    /// The file's slash dates, when the source declares no date order (``SlashDateEvidence``).
    var slashDates = SlashDateEvidence()
    /// The period column (1-based), for messages about the whole column.
    var periodColumnNumber: Int { columnPeriod + 1 }

    var rowsRead = 0
    var rowsLoaded = 0
    var rowsSuppressed = 0
    var quarantined: [QuarantineEntry] = []
    var quarantinedCount = 0
    static let quarantineKeepLimit = 100_000

    init(
        source: SourceConfig, file: String, reference: ReferenceTables, totals: SourceTotals,
        deliveredIcb: Int?, rawRows: RawRowSink?, periodBounds: ClosedRange<Int> = Int.min...Int.max, currentOrdinal: Int = Int.max,
        attributed: AttributedTotals = AttributedTotals(), populationYear: Int? = nil
    ) {
        self.attributed = attributed
        self.source = source
        self.file = file
        self.reference = reference
        self.totals = totals
        self.deliveredIcb = deliveredIcb
        self.periodBounds = periodBounds
        self.currentOrdinal = currentOrdinal
        self.rawRows = rawRows
        countScale = source.counts.scale
        placement = source.grain.profile.placement
        englandKeyBase = reference.englandKeyBase(for: source)
        measureWeights = Dictionary(
            (source.measures?.weights ?? []).enumerated().map { ($0.element.measure, ($0.offset, $0.element.first, $0.element.second)) },
            uniquingKeysWith: { first, _ in first })
        conversion = source.grain.profile.convertsLsoaVintages ? source.lsoaVintage.flatMap { reference.conversions[$0] } : nil
        // A population has no period: all rows of a file share one slot, its mid-year's when the file names one
        // (`{year}`; docs/DATA.md, "Populations by year").
        populationSlot =
            source.kind == .population ? totals.slot(for: populationYear.map { Period(kind: .calendarYear, endingIn: $0 * 12 + 11) } ?? Period(ordinal: 0)) : -1
    }

    func handle(_ record: CSVRecord) throws {
        // Title and note lines above the header (`dialect.headerRow`) are not rows.
        if map == nil && record.line < source.dialect.headerRow { return }
        guard let map else { return try readHeader(record) }
        if !wideAges.isEmpty { return handleWide(record, map: map) }
        rowsRead += 1
        guard record.count == map.headerCount else {
            return quarantine(record, column: min(record.count, map.headerCount) + 1, .fieldCount)
        }
        for filter in filters where !filter.values.contains(String(decoding: Self.trimmed(record[filter.column]), as: UTF8.self)) {
            rowsFiltered += 1
            return
        }
        // One row per measure: a measure the source does not use is left out, like a filtered row.
        var measure: (index: Int, first: Int64, second: Int64)?
        if columnMeasure >= 0 {
            guard let found = measureWeights[String(decoding: Self.trimmed(record[columnMeasure]), as: UTF8.self)] else {
                rowsFiltered += 1
                return
            }
            measure = found
        }
        // UTF-8: checked on the mapped columns only (others are ignored).
        for column in mappedColumns where !Self.isValidUTF8(record[column]) {
            return quarantine(record, column: column + 1, .invalidUTF8)
        }

        // Geography. The publisher's own England rows are England's counts, in no ICS (docs/DATA.md, "England
        // as published").
        var subIcb = 0, icb = 0, decile = 0, keyUnit = 0
        var unmapped = false
        var split: Range<Int>?
        let englandRow = !englandFilters.isEmpty && englandFilters.allSatisfy { $0.values.contains(record.string($0.column)) }
        if englandRow {
            guard let slot = try englandSplit(record) else { return }
            icb = -1
            decile = slot
            keyUnit = englandKeyBase + slot
        } else {
            switch placement {
            case .provider:
                return try handleProvider(record)
            case .lsoaLookup:
                if let conversion {
                    let from = conversion.codes.index(of: Self.trimmed(record[columnLsoa]))
                    if from < 0 {
                        unmapped = true
                    } else {
                        let targets = conversion.targetRange(of: Int(from))
                        let lsoa = conversion.target(targets.lowerBound).lsoa
                        subIcb = Int(reference.lsoaSubIcb[lsoa])
                        icb = Int(reference.subIcbToIcb[subIcb])
                        decile = Int(reference.lsoaDecile[lsoa])
                        keyUnit = Int(from)
                        if targets.count > 1 { split = targets }
                    }
                } else {
                    let dense = reference.lsoas.index(of: Self.trimmed(record[columnLsoa]))
                    if dense < 0 {
                        unmapped = true
                    } else {
                        subIcb = Int(reference.lsoaSubIcb[Int(dense)])
                        icb = Int(reference.subIcbToIcb[subIcb])
                        decile = Int(reference.lsoaDecile[Int(dense)])
                        keyUnit = Int(dense)
                    }
                }
            case .subIcb:
                // Added up to its ICS in the decile-1 cells of the whole ICB, keyed by sub-ICB for duplicates.
                guard let sub = reference.subIcbIndex(forCode: String(decoding: Self.trimmed(record[columnSubIcb]), as: UTF8.self)) else {
                    return quarantine(record, column: columnSubIcb + 1, .unknownSubIcb)
                }
                icb = Int(reference.subIcbToIcb[sub])
                decile = 1
                subIcb = reference.wholeIcbSubIndex(icb)
                keyUnit = sub
            case .icb, .icbByDecile:
                let code = String(decoding: Self.trimmed(record[columnIcb]), as: UTF8.self)
                guard let found = reference.icbIndex(forCode: code) else {
                    let reason = Self.unknownIcbReason(code, reference: reference)
                    guard reason == .unknownIcb else { return quarantine(record, column: columnIcb + 1, reason) }
                    // England's all the same (the publisher's `UNKNOWN`): counted in England, in no ICS.
                    var decile = 0
                    if placement == .icbByDecile, let (number, _) = Self.decileLabel(Self.trimmed(record[columnDecile])), (1...10).contains(number) {
                        decile = (source.decileOrder ?? .oneMostDeprived).decile(number)
                    }
                    return setAside(
                        record, column: columnIcb + 1, reason, measure: measure, period: columnPeriod >= 0 ? rowPeriod(record) : nil,
                        unplaced: (icb: -1, decile: decile))
                }
                // An ICB-grain source has no decile: its rows are held in the decile-1 cells, which the writer
                // reads back into the ICB-level tables without a decile (docs/DATA.md, "ICS-level sources").
                var parsed = 1
                if placement == .icbByDecile {
                    guard let decile = try rowDecile(record) else {
                        // `Not stated`: in its ICS's total and England's, in no quintile.
                        return setAside(
                            record, column: columnDecile + 1, .invalidDecile, measure: measure, period: columnPeriod >= 0 ? rowPeriod(record) : nil,
                            unplaced: (icb: found, decile: 0))
                    }
                    parsed = decile
                }
                icb = found
                decile = parsed
                subIcb = reference.wholeIcbSubIndex(icb)
                keyUnit = icb * 10 + decile - 1
            case .practiceByDecile:
                // Its ICB from the practice list, its decile from the national ranking of practices by the
                // deprivation of their registered populations (docs/DATA.md, "Deprivation of a practice's
                // registered population").
                let code = String(decoding: Self.trimmed(record[columnProvider]), as: UTF8.self).uppercased()
                guard !code.isEmpty else { return quarantine(record, column: columnProvider + 1, .missingValue) }
                let ranked = reference.practiceDeciles[source.name]?[code] ?? 0
                guard let practice = reference.attributions[source.name]?.index[code],
                    let found = reference.attributions[source.name]?.weights[practice].first?.icb
                else {
                    // In England's total and its practice-deprivation group, in no ICS.
                    return setAside(
                        record, column: columnProvider + 1, .unknownPractice, measure: measure,
                        period: columnPeriod >= 0 ? rowPeriod(record) : nil, unplaced: (icb: -1, decile: ranked))
                }
                let placed = reference.attributions[source.name]?.places[practice]
                guard ranked > 0 else {
                    // A practice with no score: in its ICS's total, its place's and England's, in no quintile.
                    return setAside(
                        record, column: columnProvider + 1, .unrankedPractice, measure: measure,
                        period: columnPeriod >= 0 ? rowPeriod(record) : nil, unplaced: (icb: found, decile: 0), subIcb: placed ?? -1)
                }
                icb = found
                decile = ranked
                // In its place when the practice list gives it (docs/DATA.md, "Places of GP practices").
                subIcb = placed ?? reference.wholeIcbSubIndex(icb)
                keyUnit = practice
            case .icbByEthnicGroup:
                // The group as the publisher wrote it, in the split slot after it; a broad group's own row and its
                // categories' rows are kept apart, so nothing is counted twice (docs/DATA.md, "Ethnic groups").
                guard let group = rowEthnicGroup(record) else { return quarantine(record, column: ethnicGroupColumn + 1, .unknownEthnicGroup) }
                let code = String(decoding: Self.trimmed(record[columnIcb]), as: UTF8.self)
                guard let found = reference.icbIndex(forCode: code) else {
                    let reason = Self.unknownIcbReason(code, reference: reference)
                    guard reason == .unknownIcb else { return quarantine(record, column: columnIcb + 1, reason) }
                    return setAside(
                        record, column: columnIcb + 1, reason, measure: measure, period: columnPeriod >= 0 ? rowPeriod(record) : nil,
                        unplaced: (icb: -1, decile: group.slot + 1))
                }
                icb = found
                decile = group.slot + 1
                subIcb = reference.wholeIcbSubIndex(icb)
                keyUnit = icb * EthnicGroup.slots + group.slot
            }
        }

        var period = columnPeriod >= 0 ? rowPeriod(record) : nil
        // A period of another kind than the source's first is set aside below, and holds no slot.
        let mixedKind = period.map { period in totals.periods.first.map { $0.kind != period.kind } ?? false } ?? false
        if mixedKind, !unmapped { return quarantine(record, column: columnPeriod + 1, .mixedPeriodKinds) }
        if mixedKind { period = nil }
        if let period, periodBounds.contains(period.ordinal), !totals.canHold(period) {
            throw PipelineError(
                .dataQuality, "source '\(source.name)' holds more than \(totals.maximumPeriods) periods",
                at: InputLocation(file: file, line: record.line, column: columnPeriod + 1),
                hint: "set \"periods\": {\"from\": \"YYYY-MM\", \"to\": \"YYYY-MM\"} in pipeline.json to the periods to publish, or raise ingest.maxPeriods")
        }
        if unmapped {
            // Counted against the system the file was delivered for, when its period is readable.
            if let deliveredIcb, let period, periodBounds.contains(period.ordinal), source.kind != .population {
                let slot = totals.slot(for: period)
                totals.count(.records, slot: slot, icb: deliveredIcb)
                totals.count(.unmappedLsoa, slot: slot, icb: deliveredIcb)
            }
            return setAside(record, column: columnLsoa + 1, .unknownLsoa, measure: measure, period: period)
        }

        // A file delivered for one ICS holds that ICS's rows only.
        if let deliveredIcb, icb != deliveredIcb, source.kind != .population {
            return quarantine(record, column: (columnLsoa >= 0 ? columnLsoa : columnIcb) + 1, .outsideDeliveredIcs)
        }

        // Period.
        var slot = populationSlot
        if columnPeriod >= 0 {
            guard let period else { return quarantine(record, column: columnPeriod + 1, Self.periodProblem(Self.trimmed(record[columnPeriod]))) }

            guard periodBounds.contains(period.ordinal) else {
                return quarantine(record, column: columnPeriod + 1, period.ordinal > currentOrdinal ? .futurePeriod : .outsidePeriodWindow)
            }
            slot = totals.slot(for: period)
        }

        // Sex and age.
        guard let sex = rowSex(record) else { return }
        let ageField = self.ageField(record)
        guard let age = rowAge(ageField, record) else { return }

        // Counts.
        let (first, second) = rowCounts(record, measure: measure)
        if case .invalid(let reason) = first { return quarantine(record, column: columnValue1 + 1, reason) }
        if case .invalid(let reason) = second { return quarantine(record, column: columnValue2 + 1, reason) }
        if measure == nil, source.kind == .proportion, columnValue2 >= 0, case .value(let numerator) = first, case .value(let denominator) = second,
            numerator > denominator
        {
            return quarantine(record, column: columnValue1 + 1, .numeratorExceedsDenominator)
        }

        let ageKey = SourceTotals.ageKey(band: age, singleYear: AgeBand.singleYear(ageField))
        let seenUnit = measure.map { keyUnit * measureWeights.count + $0.index } ?? keyUnit
        guard totals.markSeen(slot: slot, keyUnit: seenUnit, sex: sex.rawValue, age: ageKey) else {
            return quarantine(record, column: 1, .duplicateKey)
        }

        if englandRow {
            var tally = SetAsideTally(rows: 1)
            if case .value(let a) = first, case .value(let b) = second {
                (tally.first, tally.second) = (a, b)
            } else {
                tally.suppressedRows = 1
                rowsSuppressed += 1
            }
            let key = UnplacedCounts.Key(period: totals.periods[slot], icb: UnplacedCounts.englandRow, decile: decile, sex: sex.rawValue, age: age)
            unplaced[key, default: SetAsideTally()].add(tally)
            rowsLoaded += 1
            return
        }
        let cell = totals.cell(slot: slot, subIcb: subIcb, decile: decile, sex: sex.rawValue, age: age)
        totals.records[cell] += 1
        rowsLoaded += 1
        if source.kind != .population {
            totals.count(.records, slot: slot, icb: icb)
            if sex == .unknown { totals.count(.unknownSex, slot: slot, icb: icb) }
            if age == SourceTotals.unknownAge, columnAge >= 0, !AgeBand.isAllAges(ageField) { totals.count(.unknownAge, slot: slot, icb: icb) }
        }
        if case .value(let a) = first, case .value(let b) = second {
            if let split {
                share(a, b, among: split, slot: slot, sex: sex.rawValue, age: age, firstCell: cell)
                if source.kind != .population { totals.count(.eventsApportioned, slot: slot, icb: icb, a) }
            } else {
                totals.value1[cell] += a
                totals.addSecond(cell, b)
            }
            rawRows?.append(
                source: source.name, file: file, line: record.line, area: record.string(columnLsoa >= 0 ? columnLsoa : columnIcb),
                period: columnPeriod >= 0 ? totals.periods[slot].label : nil, sex: sex, age: age,
                value1: a, value2: columnValue2 >= 0 || (measure != nil && source.kind == .proportion) ? b : nil)
        } else {
            totals.suppressed[cell] += 1
            rowsSuppressed += 1
            if source.kind != .population { totals.count(.suppressedAtSource, slot: slot, icb: icb) }
        }
    }

    /// Why an ICB code is not in the reference: two common mistakes get their own reason, with the fix — a
    /// sub-ICB code, an organisation's name (docs/TABLES.md, "Ingest") — else it is an unknown ICB. Shared with
    /// ``PublishedValueParser``.
    static func unknownIcbReason(_ code: String, reference: ReferenceTables) -> QuarantineReason {
        reference.subIcbIndex(forCode: code) != nil
            ? .subIcbCodeInIcbColumn : code.contains(" ") && code.count > 6 ? .icbNameNotCode : .unknownIcb
    }

    /// The row's decile as this product numbers it (1 = most deprived), read in the source's declared order; nil
    /// when it is not a number from 1 to 10 (`Not stated`). A label naming an end must agree with the declared
    /// order, or every decile would be read upside down (docs/DATA.md, "Deprivation deciles in the rows").
    private func rowDecile(_ record: CSVRecord) throws -> Int? {
        try Self.decile(of: record, column: columnDecile, source: source, file: file)
    }

    /// A row's decile in the product's numbering (1 = most deprived), read in `source`'s declared order; nil when
    /// the cell is not a number from 1 to 10. Shared with ``PublishedValueParser``.
    static func decile(of record: CSVRecord, column: Int, source: SourceConfig, file: String) throws -> Int? {
        guard let (number, label) = decileLabel(trimmed(record[column])), (1...10).contains(number) else { return nil }
        let order = source.decileOrder ?? .oneMostDeprived
        if let said = DecileOrder.said(by: number, label: label), said != order {
            throw PipelineError(
                .usage,
                "source '\(source.name)': the decile label '\(record.string(column))' says \(number) is \(said == .oneMostDeprived ? "most" : "least") deprived, but the source declares \"decileOrder\": \"\(order.rawValue)\"",
                at: InputLocation(file: file, line: record.line, column: column + 1),
                hint: "set \"decileOrder\": \"\(said.rawValue)\" on the source, as the publisher's labels say")
        }
        return order.decile(number)
    }

    /// The row's ethnic group as the publisher wrote it (docs/DATA.md, "Ethnic groups"); nil when its words name none.
    private func rowEthnicGroup(_ record: CSVRecord) -> EthnicGroup? {
        EthnicGroup.read(group: record.string(columnEthnicGroup), category: columnEthnicCategory >= 0 ? record.string(columnEthnicCategory) : nil)
    }

    /// The column a row's unreadable ethnic group is reported at: the category's, where the file has one.
    private var ethnicGroupColumn: Int { columnEthnicCategory >= 0 ? columnEthnicCategory : columnEthnicGroup }

    /// The split slot of one of England's own rows, as the grain's rows by ICB hold it: its decile (0 when not
    /// stated), its ethnic group's slot + 1, or 0 for a grain with no split; nil once the row is quarantined.
    private func englandSplit(_ record: CSVRecord) throws -> Int? {
        switch placement {
        case .icbByDecile:
            return try rowDecile(record) ?? 0
        case .icbByEthnicGroup:
            guard let group = rowEthnicGroup(record) else {
                quarantine(record, column: ethnicGroupColumn + 1, .unknownEthnicGroup)
                return nil
            }
            return group.slot + 1
        case .icb, .lsoaLookup, .subIcb, .provider, .practiceByDecile:
            return 0
        }
    }

    /// Wide layout: the columns holding single years of age, with their band and year.
    private var wideAges: [(column: Int, band: Int)] = []
    private var wideValues: [Int64] = []

    /// The row's sex (`unknown` without a sex column), or nil once the row is quarantined.
    /// The row's period, its slash date read in the declared order (day first if none, noting the evidence).
    private func rowPeriod(_ record: CSVRecord) -> Period? {
        let field = Self.trimmed(record[columnPeriod])
        if source.dateOrder == nil { slashDates.note(field, line: record.line) }
        return Period.parseDelivered(field, declared: source.periodType, dateOrder: source.dateOrder ?? .dayFirst)
    }

    private func rowSex(_ record: CSVRecord) -> Sex? {
        guard columnSex >= 0 else { return .unknown }
        guard let sex = Sex.parse(Self.trimmed(record[columnSex])) else {
            // Fingertips and NHS files put persons rows beside male and female: named, with the filter that fixes it.
            let word = String(decoding: Self.trimmed(record[columnSex]), as: UTF8.self).lowercased()
            quarantine(record, column: columnSex + 1, ["persons", "person", "all persons", "people"].contains(word) ? .personsRow : .invalidSex)
            return nil
        }
        return sex
    }

    /// The row's age text; empty for a source declaring no age column (`"ageBand": []`: all ages).
    private func ageField(_ record: CSVRecord) -> UnsafeRawBufferPointer {
        columnAge >= 0 ? Self.trimmed(record[columnAge]) : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// The row's age band index (or the unknown/all-ages slot), or nil once the row is quarantined. One
    /// top band and one of all ages or by age per source (docs/DATA.md, "Ages").
    private func rowAge(_ field: UnsafeRawBufferPointer, _ record: CSVRecord) -> Int? {
        func refuse(_ reason: QuarantineReason) -> Int? {
            quarantine(record, column: columnAge + 1, reason)
            return nil
        }
        if AgeBand.isAllAges(field) {
            // All ages: held with unknown age (crude rates and proportions count it), not reported as unknown.
            guard totals.rowsByAge == 0 else { return refuse(.mixedAllAges) }
            totals.rowsAllAges += 1
            return SourceTotals.unknownAge
        }
        if let band = AgeBand.parse(field) {
            guard totals.rowsAllAges == 0 else { return refuse(.mixedAllAges) }
            totals.rowsByAge += 1
            if band.index >= AgeBand.count - 2 {
                guard totals.rowsEightyFivePlus == 0 else { return refuse(.mixedTopAgeBands) }
                totals.rowsAboveEightyFiveBanded += 1
            }
            return band.index
        }
        if AgeBand.isEightyFiveAndOver(field) {
            // Held in the 85-89 cells; the source is marked as having an 85+ top band.
            guard totals.rowsAboveEightyFiveBanded == 0 else { return refuse(.mixedTopAgeBands) }
            totals.rowsEightyFivePlus += 1
            return AgeBand.count - 2
        }
        if Self.isUnknownAge(field) { return SourceTotals.unknownAge }
        return refuse(.invalidAgeBand)
    }

    /// One row of a source counted by provider: validated like any row, then kept by provider until the
    /// writer shares it out among ICBs; a provider the weights do not name is reported with its events.
    private func handleProvider(_ record: CSVRecord) throws {
        let code = String(decoding: Self.trimmed(record[columnProvider]), as: UTF8.self).uppercased()
        guard !code.isEmpty else { return quarantine(record, column: columnProvider + 1, .missingValue) }
        guard let period = rowPeriod(record) else {
            return quarantine(record, column: columnPeriod + 1, Self.periodProblem(Self.trimmed(record[columnPeriod])))
        }
        if let first = totals.periods.first, first.kind != period.kind { return quarantine(record, column: columnPeriod + 1, .mixedPeriodKinds) }
        guard periodBounds.contains(period.ordinal) else {
            return quarantine(record, column: columnPeriod + 1, period.ordinal > currentOrdinal ? .futurePeriod : .outsidePeriodWindow)
        }
        guard totals.canHold(period) else {
            throw PipelineError(
                .dataQuality, "source '\(source.name)' holds more than \(totals.maximumPeriods) periods",
                at: InputLocation(file: file, line: record.line, column: columnPeriod + 1))
        }
        guard let sex = rowSex(record) else { return }
        let ageField = self.ageField(record)
        guard let age = rowAge(ageField, record) else { return }
        let value = Self.parseCount(record[columnValue1])
        if case .invalid(let reason) = value { return quarantine(record, column: columnValue1 + 1, reason) }
        let key = AttributedTotals.Key(period: period, provider: code, sex: sex.rawValue, age: age)
        var counts = attributed.cells[key] ?? AttributedTotals.Counts()
        guard counts.records == 0 else { return quarantine(record, column: 1, .duplicateKey) }
        counts.records = 1
        rowsLoaded += 1
        let slot = totals.slot(for: period)
        switch value {
        case .value(let events): counts.events = events
        case .suppressed:
            counts.suppressed = 1
            rowsSuppressed += 1
        case .invalid: break
        }
        attributed.cells[key] = counts
        guard let weights = reference.attributions[source.name], let provider = weights.index[code] else {
            let known = attributed.unattributed[code] ?? (0, 0)
            attributed.unattributed[code] = (known.rows + 1, known.events + counts.events)
            return
        }
        // Each ICB the provider serves has a record in this period (for coverage and data quality).
        for (icb, share) in weights.weights[provider] where share > 0 {
            totals.count(.records, slot: slot, icb: icb)
            if sex == .unknown, columnSex >= 0 { totals.count(.unknownSex, slot: slot, icb: icb) }
            if age == SourceTotals.unknownAge, columnAge >= 0, !AgeBand.isAllAges(ageField) { totals.count(.unknownAge, slot: slot, icb: icb) }
            if counts.suppressed > 0 { totals.count(.suppressedAtSource, slot: slot, icb: icb) }
        }
    }

    /// Adds a row of an area that split between vintages to each LSOA it became, its values shared out
    /// by population (``LsoaConversion/apportion(_:range:into:)``); the row counts as a record wherever
    /// some of it lands. Values suppressed at source stay with the first LSOA (docs/DATA.md).
    private func share(_ value1: Int64, _ value2: Int64, among targets: Range<Int>, slot: Int, sex: Int, age: Int, firstCell: Int) {
        guard let conversion else { return }
        conversion.apportion(value1, range: targets, into: &parts1)
        conversion.apportion(value2, range: targets, into: &parts2)
        for (offset, position) in targets.enumerated() {
            let lsoa = conversion.target(position).lsoa
            let cell = totals.cell(
                slot: slot, subIcb: Int(reference.lsoaSubIcb[lsoa]), decile: Int(reference.lsoaDecile[lsoa]), sex: sex, age: age)
            totals.value1[cell] += parts1[offset]
            totals.addSecond(cell, parts2[offset])
            if cell != firstCell, parts1[offset] > 0 || parts2[offset] > 0 { totals.records[cell] += 1 }
        }
    }

    private func readHeader(_ record: CSVRecord) throws {
        let required = source.requiredFields.map { ($0, source.headerNames(for: $0)) }
        let optional = source.optionalFields.map { ($0, source.headerNames(for: $0)) }
        let map = try HeaderMap(header: record, required: required, optional: optional, file: file)
        self.map = map
        if source.layout == .wide {
            wideAges = map.headers.indices.compactMap { index in Self.wideAge(map.headers[index]).map { (index, AgeBand(age: $0)!.index) } }
            let years = Set(map.headers.compactMap(Self.wideAge))
            guard years.count == 91, years == Set(0...90) else {
                throw PipelineError(
                    .dataQuality, "a wide population needs one column for each single year of age 0 to 89 and one for 90 and over; found \(years.count)",
                    at: InputLocation(file: file, line: record.line, column: 1),
                    hint: "headed age_0 … age_89 and age_90_plus (or 0 … 89 and 90+), as ONS publishes them")
            }
            wideValues = Array(repeating: 0, count: wideAges.count)
        } else if map[.sex] == nil && !source.declaresNoSex {
            // Without its sex column, a file's male and female rows would collide as duplicates.
            throw PipelineError(
                .dataQuality, "missing column 'sex' (header names tried: \(source.headerNames(for: .sex).joined(separator: ", ")))",
                at: InputLocation(file: file, line: record.line, column: 1),
                hint: "map the file's sex column in the source's 'columns' (e.g. \"sex\": [\"sex_code\"]), or declare that it records none with \"sex\": []")
        }
        columnLsoa = map[.lsoa] ?? -1
        columnIcb = map[.icb] ?? -1
        columnDecile = map[.imdDecile] ?? -1
        columnPeriod = map[.period] ?? -1
        columnSex = map[.sex] ?? -1
        columnAge = map[.ageBand] ?? -1
        switch source.kind {
        case _ where source.measures != nil:
            columnMeasure = map[.measure] ?? -1
            columnValue1 = map[.value] ?? -1
        case .events:
            columnValue1 = map[.events] ?? -1
            // A registered list beside the events (``RateDenominator/sourceRows``), kept as a proportion's denominator is.
            if source.rateDenominator == .sourceRows { columnValue2 = map[.denominator] ?? -1 }
        case .proportion:
            columnValue1 = map[.numerator] ?? -1
            columnValue2 = map[.denominator] ?? -1
        case .population: columnValue1 = map[.population] ?? -1
        case .value:
            throw PipelineError(
                .internal, "source '\(source.name)': values without counts are read by PublishedValueParser, not as counts", at: InputLocation(file: file))
        }
        mappedColumns = [columnLsoa, columnIcb, columnDecile, columnPeriod, columnSex, columnAge, columnValue1, columnValue2, columnMeasure].filter { $0 >= 0 }
        columnProvider = map[.provider] ?? -1
        columnSubIcb = map[.subIcb] ?? -1
        columnEthnicGroup = map[.ethnicGroup] ?? -1
        columnEthnicCategory = map[.ethnicCategory] ?? -1
        mappedColumns += [columnProvider, columnSubIcb, columnEthnicGroup, columnEthnicCategory].filter { $0 >= 0 }
        /// The columns a filter of the source names, each with the values it keeps.
        func columns(_ filter: [String: [String]]?, named: String) throws -> [(column: Int, values: Set<String>)] {
            try ColumnFilter.resolve(filter, named: named, headers: map.headers, file: file, line: record.line).map { ($0.column, $0.values) }
        }
        filters = try columns(source.rowFilter, named: "'where' filter")
        englandFilters = try columns(source.englandRows, named: "'englandRows'")
        suppressedFilters = try columns(source.suppressedWhen, named: "'suppressedWhen'")
    }

    /// The single year of age a wide header names (`age_37`, `37`), or 90 for `age_90_plus`, `90+`.
    static func wideAge(_ header: String) -> Int? {
        var name = HeaderName.normalise(header)
        if name.hasPrefix("age_") { name.removeFirst(4) }
        for suffix in ["_plus", "+", "_and_over", "plus"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            return name == "90" ? 90 : nil
        }
        guard let year = Int(name), (0...89).contains(year), name.allSatisfy(\.isNumber) else { return nil }
        return year
    }

    /// One row of a wide population: every single year of age summed into its band.
    private func handleWide(_ record: CSVRecord, map: HeaderMap<SourceField>) {
        rowsRead += 1
        guard record.count == map.headerCount else {
            return quarantine(record, column: min(record.count, map.headerCount) + 1, .fieldCount)
        }
        for column in mappedColumns where !Self.isValidUTF8(record[column]) {
            return quarantine(record, column: column + 1, .invalidUTF8)
        }
        // The row's key unit and the basis LSOAs it goes to (one, or several when its area split).
        let code = Self.trimmed(record[columnLsoa])
        let keyUnit: Int
        let targets: Range<Int>?
        let lsoa: Int
        if let conversion {
            let from = conversion.codes.index(of: code)
            guard from >= 0 else { return quarantine(record, column: columnLsoa + 1, .unknownLsoa) }
            keyUnit = Int(from)
            let range = conversion.targetRange(of: keyUnit)
            lsoa = conversion.target(range.lowerBound).lsoa
            targets = range.count > 1 ? range : nil
        } else {
            let dense = reference.lsoas.index(of: code)
            guard dense >= 0 else { return quarantine(record, column: columnLsoa + 1, .unknownLsoa) }
            keyUnit = Int(dense)
            lsoa = keyUnit
            targets = nil
        }
        let subIcb = Int(reference.lsoaSubIcb[lsoa]), decile = Int(reference.lsoaDecile[lsoa])
        guard let sex = rowSex(record) else { return }
        // Every age first, so a bad cell sets the whole row aside rather than half of it.
        var suppressedCells = 0
        for (position, age) in wideAges.enumerated() {
            switch Self.parseCount(record[age.column]) {
            case .value(let value): wideValues[position] = value
            case .suppressed:
                wideValues[position] = -1
                suppressedCells += 1
            case .invalid(let reason): return quarantine(record, column: age.column + 1, reason)
            }
        }
        guard totals.markSeen(slot: populationSlot, keyUnit: keyUnit, sex: sex.rawValue, age: SourceTotals.unknownAge) else {
            return quarantine(record, column: 1, .duplicateKey)
        }
        for (position, age) in wideAges.enumerated() {
            let cell = totals.cell(slot: populationSlot, subIcb: subIcb, decile: decile, sex: sex.rawValue, age: age.band)
            if let targets, wideValues[position] >= 0 {
                share(wideValues[position], 0, among: targets, slot: populationSlot, sex: sex.rawValue, age: age.band, firstCell: cell)
                totals.records[cell] += 1
                continue
            }
            if wideValues[position] >= 0 { totals.value1[cell] += wideValues[position] } else { totals.suppressed[cell] += 1 }
            totals.records[cell] += 1
        }
        rowsLoaded += 1
        if suppressedCells > 0 { rowsSuppressed += 1 }
    }

    /// Quarantines a row whose place is unknown and keeps what it counts, by period (``SetAsideTally``); a
    /// row whose period or counts cannot be read as well is only quarantined. `unplaced`: where the row can
    /// still be counted (ICB index or -1, decile or 0), for a row England's all the same (``UnplacedCounts``).
    private func setAside(
        _ record: CSVRecord, column: Int, _ reason: QuarantineReason, measure: (index: Int, first: Int64, second: Int64)?, period: Period?,
        unplaced place: (icb: Int, decile: Int)? = nil, subIcb: Int = -1
    ) {
        quarantine(record, column: column, reason)
        guard source.kind != .population, let period, periodBounds.contains(period.ordinal) else { return }
        var tally = SetAsideTally(rows: 1)
        let (first, second) = rowCounts(record, measure: measure)
        switch first {
        case .invalid: return
        case .suppressed: tally.suppressedRows = 1
        case .value(let a):
            switch second {
            case .invalid: return
            case .suppressed: tally.suppressedRows = 1
            case .value(let b): (tally.first, tally.second) = (a, b)
            }
        }
        setAside[SetAsideTally.Key(period: period.label, reason: reason), default: SetAsideTally()].add(tally)
        guard let place, totals.periods.first.map({ $0.kind == period.kind }) ?? true else { return }
        let key = UnplacedCounts.Key(
            period: period, icb: place.icb, decile: place.decile, sex: unplacedSex(record), age: unplacedAge(record), place: subIcb)
        unplaced[key, default: SetAsideTally()].add(tally)
    }

    /// A set-aside row's sex, unknown when it cannot be read (the row is quarantined for its place already).
    private func unplacedSex(_ record: CSVRecord) -> Int {
        guard columnSex >= 0 else { return Sex.unknown.rawValue }
        return (Sex.parse(Self.trimmed(record[columnSex])) ?? .unknown).rawValue
    }

    /// A set-aside row's age band index, or the unknown/all-ages slot when it is not a band.
    private func unplacedAge(_ record: CSVRecord) -> Int {
        let field = ageField(record)
        if let band = AgeBand.parse(field) { return band.index }
        if AgeBand.isEightyFiveAndOver(field) { return AgeBand.count - 2 }
        return SourceTotals.unknownAge
    }

    /// The row's two counts as read, in the source's count units: a row per measure gives its value weighted
    /// into each count (a cell's sums are checked once every row is in); otherwise the count columns, the
    /// second 0 for events.
    private func rowCounts(_ record: CSVRecord, measure: (index: Int, first: Int64, second: Int64)?) -> (first: CountValue, second: CountValue) {
        // A row the publisher marks as suppressed (`suppressedWhen`, e.g. Fingertips' value note) has no count,
        // whatever its count column holds (docs/DATA.md, "Suppressed at source").
        if !suppressedFilters.isEmpty, suppressedFilters.allSatisfy({ $0.values.contains(record.string($0.column)) }) {
            return (.suppressed, columnValue2 >= 0 ? Self.parseCount(record[columnValue2], scale: countScale) : .value(0))
        }
        let first = Self.parseCount(record[columnValue1], scale: countScale)
        if let measure {
            guard case .value(let value) = first else { return (first, .value(0)) }
            return (.value(value * measure.first), .value(value * measure.second))
        }
        return (first, columnValue2 >= 0 ? Self.parseCount(record[columnValue2], scale: countScale) : .value(0))
    }

    private func quarantine(_ record: CSVRecord, column: Int, _ reason: QuarantineReason) {
        quarantinedCount += 1
        quarantinedByReason[reason, default: 0] += 1
        let known = firstByReason[reason] != nil
        guard !known || quarantined.count < Self.quarantineKeepLimit else { return }
        let name = map.flatMap { column >= 1 && column <= $0.headers.count ? $0.headers[column - 1] : nil }
        let entry = QuarantineEntry(line: record.line, column: column, columnName: name, reason: reason)
        if !known { firstByReason[reason] = entry }
        if quarantined.count < Self.quarantineKeepLimit { quarantined.append(entry) }
    }

    // MARK: - Value parsing (allocation-free)

    /// The largest count a row may hold.
    static let maximumCount = QuarantineReason.maximumCount

    enum CountValue {
        case value(Int64)
        case suppressed
        case invalid(QuarantineReason)
    }

    /// A whole non-negative count; `"1,234"` accepted (groups of three), and a whole number written as a
    /// decimal (`9986.0`, as pandas and spreadsheets write counts); disclosure markers `*`, `c`, `..`, `-`,
    /// `[c]`, `x`, `[x]` mean suppressed at source, never zero. With `scale` 10,000 (a source of fractional
    /// counts, docs/DATA.md "Fractional counts") a decimal is read as whole ten-thousandths, the fifth
    /// decimal rounding half up (`44616.43219` is 446,164,322).
    static func parseCount(_ raw: UnsafeRawBufferPointer, scale: Int64 = 1) -> CountValue {
        let bytes = trimmed(raw)
        let count = bytes.count
        if count == 0 { return .invalid(.missingValue) }
        var value: Int64 = 0
        var digitsSinceComma = 0
        var sawComma = false
        var index = 0
        if bytes[0] == UInt8(ascii: "-") {
            if count == 1 { return .suppressed }
            if count > 1, bytes[1] >= 0x30, bytes[1] <= 0x39 { return .invalid(.negativeCount) }
            return .invalid(.notACount)
        }
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(Int64(byte - 0x30))
                if overflow1 || overflow2 { return .invalid(.notACount) }
                value = sum
                digitsSinceComma += 1
                if sawComma, digitsSinceComma > 3 { return .invalid(.notACount) }
            } else if byte == UInt8(ascii: "."), index > 0, digitsSinceComma > 0 {
                if sawComma, digitsSinceComma != 3 { return .invalid(.notACount) }
                if scale > 1 {
                    guard let fraction = Self.fraction(bytes, after: index, scale: scale) else { return .invalid(.notACount) }
                    if value > maximumCount { return .invalid(.countTooLarge) }
                    return .value(value * scale + fraction)
                }
                // `9986.0`: whole only if every digit after the point is 0 (`1.5` is not a count).
                var rest = index + 1
                while rest < count, bytes[rest] == UInt8(ascii: "0") { rest += 1 }
                guard rest == count else { return .invalid(.notACount) }
                break
            } else if byte == UInt8(ascii: ",") {
                if index == 0 || (sawComma && digitsSinceComma != 3) || (!sawComma && digitsSinceComma > 3) {
                    return .invalid(.notACount)
                }
                sawComma = true
                digitsSinceComma = 0
            } else {
                return isSuppressionMarker(bytes) ? .suppressed : .invalid(.notACount)
            }
            index += 1
        }
        if sawComma, digitsSinceComma != 3 { return .invalid(.notACount) }
        // Sums of such counts stay exact in a Double and far from Int64 overflow (fractional ones too, in
        // ten-thousandths: at most 10^13 a row).
        if value > maximumCount { return .invalid(.countTooLarge) }
        return .value(value * scale)
    }

    /// The digits after a decimal point as units of `1/scale` (`scale` a power of ten), the first digit
    /// beyond rounding half up; nil when anything but digits follows the point, or none does.
    static func fraction(_ bytes: UnsafeRawBufferPointer, after point: Int, scale: Int64) -> Int64? {
        guard point + 1 < bytes.count else { return nil }
        var fraction: Int64 = 0, unit = scale, roundUp = false
        for index in (point + 1)..<bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            if unit > 1 {
                unit /= 10
                fraction += Int64(byte - 0x30) * unit
            } else if unit == 1 {
                // The first digit beyond the kept places decides; later ones do not.
                roundUp = byte >= 0x35
                unit = 0
            }
        }
        return fraction + (roundUp ? 1 : 0)
    }

    static func isSuppressionMarker(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "*") || bytes[0] | 0x20 == UInt8(ascii: "c") || bytes[0] | 0x20 == UInt8(ascii: "x")
        case 2: return bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: ".")
        case 3:
            return bytes[0] == UInt8(ascii: "[") && bytes[2] == UInt8(ascii: "]")
                && (bytes[1] | 0x20 == UInt8(ascii: "c") || bytes[1] | 0x20 == UInt8(ascii: "x"))
        default: return false
        }
    }

    static func isUnknownAge(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count == 0 { return true }
        guard bytes.count <= 16 else { return false }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return text == "unknown" || text == "not known" || text == "u" || text == "na"
    }

    /// Why a period could not be read: a date that is only valid month first (`03/15/2025`) names the US
    /// order, so the file's other dates, read day first, are known to be in the wrong months.
    static func periodProblem(_ bytes: UnsafeRawBufferPointer) -> QuarantineReason {
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
            let first = parseSmallInt(UnsafeRawBufferPointer(rebasing: bytes[0..<2])),
            let second = parseSmallInt(UnsafeRawBufferPointer(rebasing: bytes[3..<5]))
        else { return .invalidPeriod }
        return (1...12).contains(first) && (13...31).contains(second) ? .monthFirstDate : .invalidPeriod
    }

    /// A decile as publishers write it: a number (`3`, `03`), optionally followed by words (`01 Least
    /// deprived`, `10 - Most deprived`); nil when it does not start with one or two digits.
    static func decileLabel(_ bytes: UnsafeRawBufferPointer) -> (number: Int, label: String)? {
        var digits = 0
        while digits < bytes.count, digits < 3, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
        guard digits > 0, digits <= 2, let number = parseSmallInt(UnsafeRawBufferPointer(rebasing: bytes[0..<digits])) else { return nil }
        if digits == bytes.count { return (number, "") }
        // Words after the number, past a space or a dash; anything else (`3.5`, `3a`) is not a decile.
        guard bytes[digits] == 0x20 || bytes[digits] == UInt8(ascii: "-") else { return nil }
        return (number, String(decoding: UnsafeRawBufferPointer(rebasing: bytes[digits...]), as: UTF8.self))
    }

    static func parseSmallInt(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > 0, bytes.count <= 3 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0, end == bytes.count { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    @inline(__always)
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte >= 0x80 {
            return String(validating: bytes, as: UTF8.self) != nil
        }
        return true
    }
}
