import PipelineCore
import Testing

@testable import Ingest

struct ExtractParserTests {
    func parse(_ text: String) -> ExtractParser.CountValue {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { ExtractParser.parseCount($0) }
    }

    func value(_ text: String) -> Int64? {
        if case .value(let number) = parse(text) { return number }
        return nil
    }

    func reason(_ text: String) -> QuarantineReason? {
        if case .invalid(let reason) = parse(text) { return reason }
        return nil
    }

    func isSuppressed(_ text: String) -> Bool {
        if case .suppressed = parse(text) { return true }
        return false
    }

    @Test func plainAndGroupedCounts() {
        #expect(value("0") == 0)
        #expect(value("1234") == 1234)
        #expect(value("1,234") == 1234)
        #expect(value("12,345,678") == 12_345_678)
        #expect(value(" 42 ") == 42)
    }

    @Test func malformedGroupingIsNotACount() {
        #expect(reason("1,23") == .notACount)
        #expect(reason("12,3456") == .notACount)
        #expect(reason(",123") == .notACount)
        #expect(reason("1234,567") == .notACount)
    }

    /// pandas writes `9986.0` for a count read as float; it is the whole count 9,986. A fraction is not.
    @Test func wholeNumbersWrittenAsDecimals() {
        #expect(value("9986.0") == 9986)
        #expect(value("9986.00") == 9986)
        #expect(value("1,234.0") == 1234)
        #expect(value("0.0") == 0)
        #expect(reason("9986.5") == .notACount)
        #expect(reason("9986.01") == .notACount)
        #expect(reason(".0") == .notACount)
        #expect(reason("1,23.0") == .notACount)
    }

    /// A source of fractional counts (docs/DATA.md, "Fractional counts") reads decimals as whole
    /// ten-thousandths, the fifth decimal rounding half up; markers, signs and grouping as for whole counts.
    @Test func fractionalCountsAreTenThousandths() {
        func fractional(_ text: String) -> ExtractParser.CountValue {
            Array(text.utf8).withUnsafeBytes { ExtractParser.parseCount($0, scale: CountPrecision.fractionalScale) }
        }
        func units(_ text: String) -> Int64? {
            if case .value(let number) = fractional(text) { return number }
            return nil
        }
        #expect(units("44616.4") == 446_164_000)
        #expect(units("4058.9207827613022") == 40_589_208, "the fifth decimal (7) rounds up")
        #expect(units("4058.92074") == 40_589_207, "a fifth decimal below 5 does not")
        #expect(units("1,234.5") == 12_345_000)
        #expect(units("12") == 120_000, "a whole number is whole ten-thousandths")
        #expect(units("0.00005") == 1)
        if case .invalid(.notACount) = fractional("1.2.3") {} else { Issue.record("two points") }
        if case .invalid(.notACount) = fractional("12.") {} else { Issue.record("a point with no digits after it") }
        if case .invalid(.negativeCount) = fractional("-3.5") {} else { Issue.record("negative") }
        if case .suppressed = fractional("*") {} else { Issue.record("a marker is suppressed, never 0") }
        // The same text as a whole count is refused, and the refusal names the declaration.
        #expect(reason("44616.4") == .notACount)
        #expect(QuarantineReason.notACount.explanation.contains("\"counts\": \"fractional\""))
    }

    @Test func nonIntegersAndNegatives() {
        #expect(reason("1.5") == .notACount)
        #expect(reason("abc") == .notACount)
        #expect(reason("-3") == .negativeCount)
        #expect(reason("") == .missingValue)
        #expect(reason("99999999999999999999") == .notACount)
    }

    @Test(arguments: ["*", "c", "C", "..", "-", "[c]", "x", "[x]"])
    func disclosureMarkersAreSuppressedNotZero(marker: String) {
        #expect(isSuppressed(marker))
    }
}
