import PipelineCore
import Testing

/// Which allocation year of need weights a period is over (docs/DATA.md, "Access against need"): the financial
/// year its middle month falls in, else the nearest year the weights have, the earlier of two as near.
struct NeedAllocationYearTests {
    @Test(arguments: [
        ("2024-25", 2024), ("2025-03", 2024), ("2025-04", 2025), ("2025-Q1", 2024), ("2025-Q2", 2025), ("2023", 2023),
        ("12m-to-2023-12", 2023), ("12m-to-2025-03", 2024), ("2022-23", 2022),
    ])
    func financialYearOfTheMiddleMonth(label: String, year: Int) throws {
        let period = try #require(Period(label: label))
        #expect(NeedAllocationYear.financialYear(of: period) == year, "\(label)")
    }

    @Test func theNearestYearServesWhereThePeriodHasNone() throws {
        let march2025 = try #require(Period(label: "2025-03"))
        #expect(NeedAllocationYear.choose(for: march2025, among: [2023, 2024, 2025]) == (2024, true))
        // 2023/24 and 2025/26 are as near to 2024/25: the earlier serves, said as not the period's own.
        #expect(NeedAllocationYear.choose(for: march2025, among: [2025, 2023]) == (2023, false))
        #expect(NeedAllocationYear.choose(for: march2025, among: [2022]) == (2022, false))
        // Weights named without a year serve every period.
        #expect(NeedAllocationYear.choose(for: march2025, among: [NeedAllocationYear.everyPeriod]) == (NeedAllocationYear.everyPeriod, true))
    }

    @Test func labelsAsNHSEnglandWritesThem() {
        #expect(NeedAllocationYear.label(2023) == "2023/24")
        #expect(NeedAllocationYear.label(1999) == "1999/00")
        #expect(NeedAllocationYear.label(2008) == "2008/09")
        #expect(NeedAllocationYear.label(NeedAllocationYear.everyPeriod) == "every period")
    }
}
