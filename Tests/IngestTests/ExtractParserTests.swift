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
