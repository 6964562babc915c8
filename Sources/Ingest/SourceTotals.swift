import PipelineCore

/// Running totals of one source at the grain later stages need:
/// period × sub-ICB × split × sex × age band (+ unknown age), where the split is the national IMD decile
/// (1–10), or for a source by ethnic group its group (``EthnicGroup/slot`` + 1; docs/DATA.md, "Ethnic groups").
///
/// Dense arrays indexed by integer codes: adding a row is a few array writes, no allocation.
final class SourceTotals {
    static let sexes = 3
    static let ages = AgeBand.count + 1  // + unknown
    static let unknownAge = AgeBand.count
    /// Keys for duplicate detection: the 19 bands, unknown age, then single years 0…130 (summed into their
    /// band, each seen once).
    static let ageKeys = ages + 131

    /// The duplicate-detection key of an age: its band, or its single year.
    @inline(__always)
    static func ageKey(band: Int, singleYear: Int?) -> Int { singleYear.map { ages + min($0, 130) } ?? band }

    let subIcbCount: Int
    let icbCount: Int
    let cellsPerPeriod: Int
    /// Split slots per unit: 10 deciles, or one per ethnic group.
    let splits: Int
    private(set) var periods: [Period] = []
    private var slotOfPeriod: [Int: Int] = [:]
    var value1: [Int64] = []
    /// A proportion's denominator (or the registered list read with events); empty for a source that has
    /// none — events over residents, populations — whose second count is always 0: a third of the dense
    /// arrays a period costs (docs/ARCHITECTURE.md, "Incremental ingest").
    var value2: [Int64] = []
    /// Whether the source has a second count, held in ``value2``.
    let keepsSecond: Bool
    var records: [Int32] = []
    var suppressed: [Int32] = []
    /// Bitset of (key unit, sex, band) keys seen per period, to detect duplicate rows.
    var seen: [UInt64] = []
    let wordsPerPeriod: Int
    /// Bitsets of (key unit, sex, single year) keys, per period slot, allocated only when a source gives
    /// single years: a banded source's duplicate check costs a seventh of the memory per period.
    private(set) var seenYears: [[UInt64]] = []
    let yearWordsPerPeriod: Int
    /// Per period × ICB, one value per ``QualityCounter``.
    var quality: [Int64] = []
    static let qualityFields = QualityCounter.allCases.count

    /// Rows given with an `85+` top band (held in the 85-89 cells) and rows given as 85-89 or 90+: a source
    /// may use one or the other (docs/DATA.md, "Ages").
    var rowsEightyFivePlus = 0
    var rowsAboveEightyFiveBanded = 0
    /// Rows for all ages, and rows by age band or year: a source gives one or the other.
    var rowsAllAges = 0
    var rowsByAge = 0

    /// The oldest age band the source gives, or that it is not by age (stored in `ingest_source`).
    var topAgeBand: TopAgeBand { rowsAllAges > 0 ? .allAges : rowsEightyFivePlus > 0 ? .eightyFivePlus : .ninetyPlus }

    /// Periods a source may hold; each costs a few megabytes of dense arrays.
    let maximumPeriods: Int

    init(subIcbCount: Int, icbCount: Int, keyUnits: Int, maximumPeriods: Int = 240, splits: Int = 10, keepsSecond: Bool = true) {
        self.keepsSecond = keepsSecond
        self.maximumPeriods = maximumPeriods
        self.splits = splits
        self.subIcbCount = subIcbCount
        self.icbCount = icbCount
        cellsPerPeriod = subIcbCount * splits * Self.sexes * Self.ages
        wordsPerPeriod = (keyUnits * Self.sexes * Self.ages + 63) / 64
        yearWordsPerPeriod = (keyUnits * Self.sexes * (Self.ageKeys - Self.ages) + 63) / 64
    }

    /// Empty totals of a source's shape: its duplicate-check keys, and a split of deciles or ethnic groups.
    convenience init(for source: SourceConfig, reference: ReferenceTables, maximumPeriods: Int) {
        self.init(
            subIcbCount: reference.subIcbCodes.count, icbCount: reference.icbs.count, keyUnits: reference.keyUnits(for: source),
            maximumPeriods: maximumPeriods, splits: source.grain.profile.ethnicGroupSplit ? EthnicGroup.slots : 10,
            keepsSecond: source.storedKind == .proportion)
    }

    /// A cell's second count: 0 for a source that has none.
    @inline(__always)
    func second(_ cell: Int) -> Int64 { keepsSecond ? value2[cell] : 0 }

    /// Adds to a cell's second count; a source without one only ever adds 0.
    @inline(__always)
    func addSecond(_ cell: Int, _ amount: Int64) {
        if keepsSecond {
            value2[cell] += amount
        } else {
            assert(amount == 0, "a source without a second count added one")
        }
    }

    /// Slot of a period, allocating its arrays on first sight.
    /// The last period seen and its slot: rows of a file almost always share their period.
    private var lastOrdinal = Int.min
    private var lastSlot = 0

    /// Whether a row of `period` can be held: a period seen before, or room for one more.
    @inline(__always)
    func canHold(_ period: Period) -> Bool {
        period.key == lastOrdinal || periods.count < maximumPeriods || slotOfPeriod[period.key] != nil
    }

    @inline(__always)
    func slot(for period: Period) -> Int {
        if period.key == lastOrdinal { return lastSlot }
        if let slot = slotOfPeriod[period.key] {
            lastOrdinal = period.key
            lastSlot = slot
            return slot
        }
        let slot = periods.count
        // Room is made a half again at a time, not doubled by each append: a doubled buffer and the one it
        // replaces were most of ingest's peak memory over a long history (docs/ARCHITECTURE.md, "Incremental ingest").
        if value1.capacity < (slot + 1) * cellsPerPeriod { reservePeriods(slot + 1 + (slot + 1) / 2) }
        periods.append(period)
        slotOfPeriod[period.key] = slot
        value1.append(contentsOf: repeatElement(0, count: cellsPerPeriod))
        if keepsSecond { value2.append(contentsOf: repeatElement(0, count: cellsPerPeriod)) }
        records.append(contentsOf: repeatElement(0, count: cellsPerPeriod))
        suppressed.append(contentsOf: repeatElement(0, count: cellsPerPeriod))
        seen.append(contentsOf: repeatElement(0, count: wordsPerPeriod))
        seenYears.append([])
        quality.append(contentsOf: repeatElement(0, count: icbCount * Self.qualityFields))
        lastOrdinal = period.key
        lastSlot = slot
        return slot
    }

    /// Makes room for `count` periods in all (at most ``maximumPeriods``), so that holding them allocates each
    /// array once: a run that stored a source's parts knows how many periods it held last time.
    func reservePeriods(_ count: Int) {
        let count = min(count, maximumPeriods)
        guard count > periods.count else { return }
        value1.reserveCapacity(count * cellsPerPeriod)
        if keepsSecond { value2.reserveCapacity(count * cellsPerPeriod) }
        records.reserveCapacity(count * cellsPerPeriod)
        suppressed.reserveCapacity(count * cellsPerPeriod)
        seen.reserveCapacity(count * wordsPerPeriod)
        seenYears.reserveCapacity(count)
        quality.reserveCapacity(count * icbCount * Self.qualityFields)
    }

    /// The slot of a period already held, or nil.
    func existingSlot(for period: Period) -> Int? { slotOfPeriod[period.key] }

    /// ORs a word into a period's single-year bitset (allocating it on first use).
    func markYearWord(slot: Int, index: Int, bits: UInt64) {
        if seenYears[slot].isEmpty { seenYears[slot] = [UInt64](repeating: 0, count: yearWordsPerPeriod) }
        seenYears[slot][index] |= bits
    }

    @inline(__always)
    func cell(slot: Int, subIcb: Int, decile: Int, sex: Int, age: Int) -> Int {
        slot * cellsPerPeriod + ((subIcb * splits + decile - 1) * Self.sexes + sex) * Self.ages + age
    }

    /// Marks a key seen; returns false if it was already seen (a duplicate row).
    @inline(__always)
    func markSeen(slot: Int, keyUnit: Int, sex: Int, age: Int) -> Bool {
        if age >= Self.ages { return markSeenYear(slot: slot, keyUnit: keyUnit, sex: sex, year: age - Self.ages) }
        let key = (keyUnit * Self.sexes + sex) * Self.ages + age
        let word = slot * wordsPerPeriod + key >> 6
        let bit = UInt64(1) << UInt64(key & 63)
        if seen[word] & bit != 0 { return false }
        seen[word] |= bit
        return true
    }

    private func markSeenYear(slot: Int, keyUnit: Int, sex: Int, year: Int) -> Bool {
        if seenYears[slot].isEmpty { seenYears[slot] = [UInt64](repeating: 0, count: yearWordsPerPeriod) }
        let key = (keyUnit * Self.sexes + sex) * (Self.ageKeys - Self.ages) + year
        let bit = UInt64(1) << UInt64(key & 63)
        if seenYears[slot][key >> 6] & bit != 0 { return false }
        seenYears[slot][key >> 6] |= bit
        return true
    }

    @inline(__always)
    func count(_ counter: QualityCounter, slot: Int, icb: Int, _ amount: Int64 = 1) {
        quality[(slot * icbCount + icb) * Self.qualityFields + counter.rawValue] += amount
    }

    /// A counter summed over every period and ICB.
    func total(_ counter: QualityCounter) -> Int64 {
        stride(from: counter.rawValue, to: quality.count, by: Self.qualityFields).reduce(0) { $0 + quality[$1] }
    }

    func value(_ counter: QualityCounter, slot: Int, icb: Int) -> Int64 {
        quality[(slot * icbCount + icb) * Self.qualityFields + counter.rawValue]
    }

    /// Adds `other` — another part of the same source, parsed apart (a chunk of a large file) — into these
    /// totals, as if its rows had been read here after these. Changes nothing and returns false if a key
    /// is in both (a duplicate row across the parts: the caller rereads the file in order, so the later
    /// row is the one quarantined) or the periods would exceed the maximum.
    func absorb(_ other: SourceTotals) -> Bool {
        // One top age band per source, across the parts too.
        if rowsEightyFivePlus + other.rowsEightyFivePlus > 0, rowsAboveEightyFiveBanded + other.rowsAboveEightyFiveBanded > 0 { return false }
        if rowsAllAges + other.rowsAllAges > 0, rowsByAge + other.rowsByAge > 0 { return false }
        let added = other.periods.filter { slotOfPeriod[$0.key] == nil }.count
        guard periods.count + added <= maximumPeriods else { return false }
        for (otherSlot, period) in other.periods.enumerated() {
            guard let slot = slotOfPeriod[period.key] else { continue }
            for word in 0..<wordsPerPeriod where seen[slot * wordsPerPeriod + word] & other.seen[otherSlot * wordsPerPeriod + word] != 0 {
                return false
            }
            if !seenYears[slot].isEmpty, !other.seenYears[otherSlot].isEmpty {
                for word in 0..<yearWordsPerPeriod where seenYears[slot][word] & other.seenYears[otherSlot][word] != 0 { return false }
            }
        }
        rowsEightyFivePlus += other.rowsEightyFivePlus
        rowsAboveEightyFiveBanded += other.rowsAboveEightyFiveBanded
        rowsAllAges += other.rowsAllAges
        rowsByAge += other.rowsByAge
        for (otherSlot, period) in other.periods.enumerated() {
            let slot = self.slot(for: period)
            let cells = slot * cellsPerPeriod, otherCells = otherSlot * cellsPerPeriod
            for cell in 0..<cellsPerPeriod where other.records[otherCells + cell] != 0 || other.suppressed[otherCells + cell] != 0 {
                value1[cells + cell] += other.value1[otherCells + cell]
                addSecond(cells + cell, other.second(otherCells + cell))
                records[cells + cell] += other.records[otherCells + cell]
                suppressed[cells + cell] += other.suppressed[otherCells + cell]
            }
            for word in 0..<wordsPerPeriod { seen[slot * wordsPerPeriod + word] |= other.seen[otherSlot * wordsPerPeriod + word] }
            if !other.seenYears[otherSlot].isEmpty {
                if seenYears[slot].isEmpty {
                    seenYears[slot] = other.seenYears[otherSlot]
                } else {
                    for word in 0..<yearWordsPerPeriod { seenYears[slot][word] |= other.seenYears[otherSlot][word] }
                }
            }
            for field in 0..<(icbCount * Self.qualityFields) {
                quality[slot * icbCount * Self.qualityFields + field] += other.quality[otherSlot * icbCount * Self.qualityFields + field]
            }
        }
        return true
    }

    /// Zeroes every count and key seen, keeping the periods and the memory, for reuse.
    func clear() {
        for index in value1.indices { value1[index] = 0 }
        for index in value2.indices { value2[index] = 0 }
        for index in records.indices { records[index] = 0 }
        for index in suppressed.indices { suppressed[index] = 0 }
        for index in seen.indices { seen[index] = 0 }
        for slot in seenYears.indices { seenYears[slot] = [] }
        for index in quality.indices { quality[index] = 0 }
        rowsEightyFivePlus = 0
        rowsAboveEightyFiveBanded = 0
        rowsAllAges = 0
        rowsByAge = 0
    }

    /// Empties the totals — periods too — keeping the arrays' memory, so one file's totals can be built
    /// after another's in the same allocation.
    func reset() {
        periods.removeAll(keepingCapacity: true)
        slotOfPeriod.removeAll(keepingCapacity: true)
        lastOrdinal = Int.min
        lastSlot = 0
        value1.removeAll(keepingCapacity: true)
        value2.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        suppressed.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        seenYears.removeAll(keepingCapacity: true)
        quality.removeAll(keepingCapacity: true)
        rowsEightyFivePlus = 0
        rowsAboveEightyFiveBanded = 0
        rowsAllAges = 0
        rowsByAge = 0
    }

    /// Frees the dense cell arrays and the duplicate bitset once the source is written, keeping the periods
    /// and the per-ICB quality counts the coverage check reads: ingest's memory then grows with the
    /// periods of the sources being parsed, not of every source (bench/RESULTS.md).
    func releaseCells() {
        value1 = []
        value2 = []
        records = []
        suppressed = []
        seen = []
        seenYears = []
    }

    /// Decodes a cell index back to its dimensions.
    func dimensions(ofCell cell: Int) -> (slot: Int, subIcb: Int, decile: Int, sex: Int, age: Int) {
        var rest = cell
        let slot = rest / cellsPerPeriod
        rest %= cellsPerPeriod
        let age = rest % Self.ages
        rest /= Self.ages
        let sex = rest % Self.sexes
        rest /= Self.sexes
        return (slot, rest / splits, rest % splits + 1, sex, age)
    }
}
