/// Which mid-year population is a period's denominator (docs/DATA.md, "Populations by year"): the mid-year
/// of the calendar year the period's middle month falls in (2024-25 → mid-2024, March 2025 → mid-2025, 12
/// months to December 2022 → mid-2022), or, when the source has no population for that year, the nearest
/// year it has (the earlier of two as near), said in the publication.
public enum PopulationYear {
    /// The year of a population that serves every period (a source delivered without years).
    public static let everyPeriod = 0

    /// The population year for `period` among `available` years, and whether it is the period's own.
    public static func choose(for period: Period, among available: [Int]) -> (year: Int, own: Bool) {
        let years = available.filter { $0 != everyPeriod }.sorted()
        guard !years.isEmpty else { return (everyPeriod, true) }
        return nearest(to: middleYear(of: period), among: years)
    }

    /// `wanted` when `years` has it, else the nearest year it has, the earlier of two as near (also the rule
    /// for need weights' allocation years, ``NeedAllocationYear``).
    public static func nearest(to wanted: Int, among years: [Int]) -> (year: Int, own: Bool) {
        if years.contains(wanted) { return (wanted, true) }
        let nearest = years.min { abs($0 - wanted) != abs($1 - wanted) ? abs($0 - wanted) < abs($1 - wanted) : $0 < $1 } ?? wanted
        return (nearest, false)
    }

    /// The calendar year of the period's middle month.
    public static func middleYear(of period: Period) -> Int {
        (period.firstOrdinal + (period.kind.months - 1) / 2) / 12
    }
}
