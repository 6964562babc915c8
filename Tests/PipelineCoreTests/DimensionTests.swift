import PipelineCore
import Testing

struct DimensionTests {
    @Test(arguments: [
        ("0-4", 0), ("00-04", 0), ("5-9", 1), ("85-89", 17), ("90+", 18), ("90 and over", 18),
        ("0", 0), ("4", 0), ("37", 7), ("89", 17), ("90", 18), ("104", 18), ("20 to 24", 4),
    ])
    func ageBandLabels(text: String, index: Int) {
        #expect(AgeBand(label: text)?.index == index)
    }

    @Test(arguments: ["3-7", "0-5", "85+", "-1", "abc", "", "90-94", "1000"])
    func invalidAgeBands(text: String) {
        #expect(AgeBand(label: text) == nil)
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
}
