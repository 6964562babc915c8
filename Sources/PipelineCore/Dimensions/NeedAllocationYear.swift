/// Which allocation year's need-weighted populations are a period's denominator (docs/DATA.md, "Access
/// against need"): NHS England allocates by financial year, so a period is over the allocation of the
/// financial year its middle month falls in (2024-25 → 2024/25, March 2025 → 2024/25, 12 months to
/// December 2023 → 2023/24), or, when no file gives that year, the nearest year one does (the earlier of
/// two as near), said in the publication.
public enum NeedAllocationYear {
    /// The year of weights that serve every period (a file named without `{year}`).
    public static let everyPeriod = 0

    /// The allocation year for `period` among `available` years (each the first calendar year of its
    /// financial year), and whether it is the period's own.
    public static func choose(for period: Period, among available: [Int]) -> (year: Int, own: Bool) {
        let years = available.filter { $0 != everyPeriod }.sorted()
        guard !years.isEmpty else { return (everyPeriod, true) }
        return PopulationYear.nearest(to: financialYear(of: period), among: years)
    }

    /// The first calendar year of the financial year (April to March) the period's middle month falls in.
    public static func financialYear(of period: Period) -> Int {
        let middle = period.firstOrdinal + (period.kind.months - 1) / 2
        // Ordinals count months from January of year 0; April is month 3 of its year.
        return (middle - 3) / 12
    }

    /// The financial year as NHS England writes it: `2023/24`; `every period` for ``everyPeriod``.
    public static func label(_ year: Int) -> String {
        guard year != everyPeriod else { return "every period" }
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next)"
    }
}
