import PipelineCore
import Testing

struct DimensionTests {
    @Test(arguments: [
        ("0-4", 0), ("00-04", 0), ("5-9", 1), ("85-89", 17), ("90+", 18), ("90 and over", 18),
        ("0", 0), ("4", 0), ("37", 7), ("89", 17), ("90", 18), ("104", 18), ("20 to 24", 4),
        // Fingertips writes a unit after the band.
        ("0-4 yrs", 0), ("65-69 years", 13), ("90+ yrs", 18), ("5-9 YRS", 1),
    ])
    func ageBandLabels(text: String, index: Int) {
        #expect(AgeBand(label: text)?.index == index)
    }

    @Test(arguments: ["3-7", "0-5", "85+", "-1", "abc", "", "90-94", "1000", "0-4 months", "0-4 yrsx"])
    func invalidAgeBands(text: String) {
        #expect(AgeBand(label: text) == nil)
    }

    /// "All ages" as files write it, case, spaces, `_` and `-` aside; nothing else (docs/DATA.md, "Ages").
    @Test func allAgesAsFilesWriteIt() {
        func allAges(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes(AgeBand.isAllAges) }
        for text in ["All ages", "all", "TOTAL", "all_ages", "All-Ages", "  all ages "] { #expect(allAges(text), "\(text)") }
        for text in ["", "0-4", "al", "alll", "totals", "all ages 0-4", "ALLAGES!", "äll", String(repeating: " ", count: 17) + "all"] {
            #expect(!allAges(text), "\(text)")
        }
    }

    @Test func ageBandCanonicalLabels() {
        #expect(AgeBand.all.map(\.label).first == "0-4")
        #expect(AgeBand.all.map(\.label).last == "90+")
        #expect(AgeBand.all.count == 19)
    }

    @Test(arguments: [
        ("male", Sex.male), ("M", .male), ("1", .male), ("Female", .female), ("f", .female), ("2", .female),
        ("unknown", .unknown), ("9", .unknown), ("0", .unknown), ("Not Known", .unknown),
    ])
    func sexCodes(text: String, sex: Sex) {
        #expect(Sex(label: text) == sex)
    }

    @Test func invalidSex() {
        #expect(Sex(label: "3") == nil)
        #expect(Sex(label: "") == nil)
        #expect(Sex(label: "robot") == nil)
    }

    @Test func periods() {
        #expect(Period(label: "2025-03")?.label == "2025-03")
        #expect(Period(label: "2025-03")! > Period(label: "2024-12")!)
        #expect(Period(label: "2025-13") == nil)
        #expect(Period(label: "2025-3") == nil)
        #expect(Period(label: "25-03-01") == nil)
    }

    @Test func quintileOfDecile() {
        #expect((1...10).map(ImdQuantile.quintile(ofDecile:)) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    }

    /// Months as NHS and ONS files write them (docs/DATA.md, "Periods").
    @Test(
        arguments: [
            ("2025-03", "2025-03"), ("2025-03-01", "2025-03"), ("2025-03-31", "2025-03"), ("2024-02-29", "2024-02"),
            ("01/03/2025", "2025-03"), ("31/12/2024", "2024-12"), ("Mar-25", "2025-03"), ("mar-2025", "2025-03"),
            ("Mar 2025", "2025-03"), ("March 2025", "2025-03"), ("Sept 2024", nil), ("Sep-24", "2024-09"),
            ("2025-02-29", nil), ("2025-04-31", nil), ("31/04/2025", nil), ("2025-3", nil), ("Mar-5", nil), ("Marc-25", nil),
            ("2025-13-01", nil), ("March", nil), ("", nil), ("1899-12", nil),
        ] as [(String, String?)])
    func monthsAsPublished(text: String, expected: String?) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { Period.parseMonth($0) }?.label == expected, "\(text)")
    }

    /// Quarters and years as published, their stored label, how they read, and their first and last month.
    @Test(
        arguments: [
            ("2024-Q4", "2024-Q4", "October to December 2024", "2024-10"),
            ("Q4 2024", "2024-Q4", "October to December 2024", "2024-10"),
            ("2024-25 Q3", "2024-Q4", "October to December 2024", "2024-10"),
            ("Q4 2024-25", "2025-Q1", "January to March 2025", "2025-01"),
            ("2024-25 Q1", "2024-Q2", "April to June 2024", "2024-04"),
            ("2024-25", "2024-25", "2024-25", "2024-04"),
            ("2024/25", "2024-25", "2024-25", "2024-04"),
            ("2024", "2024", "2024", "2024-01"),
            ("12m-to-2025-03", "12m-to-2025-03", "12 months to March 2025", "2024-04"),
        ] as [(String, String, String, String)])
    func spans(text: String, label: String, readable: String, firstMonth: String) throws {
        let period = try #require(Period(label: text))
        #expect(period.label == label)
        #expect(period.readable == readable)
        #expect(Period(ordinal: period.firstOrdinal).label == firstMonth)
        #expect(Period(label: period.label) == period, "labels read back")
    }

    @Test(arguments: ["2024-26", "2024-Q5", "Q0 2024", "2024-25 Q5", "20245", "2024/26", "12m-to-2025"])
    func notSpans(text: String) {
        #expect(Period(label: text) == nil, "\(text)")
    }

    /// A delivered value's kind comes from its form, unless the source declares one.
    @Test func deliveredPeriodsAndDeclaredKinds() {
        func parse(_ text: String, _ declared: PeriodKind?) -> String? {
            Array(text.utf8).withUnsafeBytes { Period.parseDelivered($0, declared: declared) }?.label
        }
        #expect(parse("2025-03-01", nil) == "2025-03")
        #expect(parse("2025-03-01", .rolling12Months) == "12m-to-2025-03")
        #expect(parse("Mar-25", .rolling12Months) == "12m-to-2025-03")
        #expect(parse("2024-25", nil) == "2024-25")
        #expect(parse("2024-25", .financialYear) == "2024-25")
        #expect(parse("2024-25", .quarter) == nil, "a declared kind refuses another")
        #expect(parse("2025-03", .financialYear) == nil)
        #expect(parse("2024-25", .rolling12Months) == nil)
        // Within one kind, stored labels sort as the periods do, as the later stages rely on.
        let months = ["2024-11", "2025-01", "2024-12"].compactMap { Period(label: $0) }
        #expect(months.sorted().map(\.label) == months.map(\.label).sorted())
        let years = ["2025-26", "2023-24", "2024-25"].compactMap { Period(label: $0) }
        #expect(years.sorted().map(\.label) == years.map(\.label).sorted())
    }
}
