import Foundation
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

/// Collects records as (line, fields) for assertions.
final class RecordCollector: CSVRecordHandler {
    var records: [(line: Int, fields: [String])] = []
    func handle(_ record: CSVRecord) throws {
        records.append((record.line, (0..<record.count).map { record.string($0) }))
    }
}

struct CSVReaderTests {
    func read(_ bytes: [UInt8]) throws -> [(line: Int, fields: [String])] {
        let workspace = try TestWorkspace()
        try workspace.write("f.csv", Data(bytes))
        let collector = RecordCollector()
        _ = try CSVReader(chunkSize: 7).read(path: workspace.path("f.csv"), displayPath: "f.csv", into: collector)
        return collector.records
    }

    func read(_ text: String) throws -> [(line: Int, fields: [String])] { try read(Array(text.utf8)) }

    @Test func plainRowsHaveTheirPhysicalLines() throws {
        let records = try read("a,b\n1,2\n3,4\n")
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[2].fields == ["3", "4"])
    }

    @Test func crlfLineEndings() throws {
        let records = try read("a,b\r\n1,2\r\n3,4\r\n")
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[1].fields == ["1", "2"])
    }

    /// Old Mac files end lines with CR alone: every error used to be reported at line 1.
    @Test func crOnlyLineEndingsCountLines() throws {
        let records = try read("a,b\r1,2\r\r3,4\r\"x\ry\",5\r6,7")
        #expect(records.map(\.line) == [1, 2, 4, 5, 7])
        #expect(records[3].fields == ["x\ry", "5"])
        // Mixed: CRLF then CR then LF.
        #expect(try read("a\r\nb\rc\nd").map(\.line) == [1, 2, 3, 4])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try read("a,b\n\n1,2\r\n\r\n\n3,4")
        #expect(records.map(\.line) == [1, 3, 6])
        #expect(records[2].fields == ["3", "4"])
    }

    @Test func quotedMultiLineFieldAdvancesTheLine() throws {
        let records = try read("a,b\n\"x\ny\",2\n3,4\n")
        #expect(records[1].line == 2)
        #expect(records[1].fields[0] == "x\ny")
        #expect(records[2].line == 4)
    }

    @Test func byteOrderMarkIsStripped() throws {
        let records = try read([0xEF, 0xBB, 0xBF] + Array("lsoa_code,b\n1,2\n".utf8))
        #expect(records[0].fields[0] == "lsoa_code")
    }

    @Test func spacesAreKeptExactly() throws {
        let records = try read("a,b\n 1 ,\"2\"\n")
        #expect(records[1].fields == [" 1 ", "2"])
    }

    @Test func quotedCommaAndEscapedQuote() throws {
        let records = try read("a,b\n\"1,234\",\"say \"\"hi\"\"\"\n")
        #expect(records[1].fields == ["1,234", "say \"hi\""])
    }

    @Test func unterminatedQuoteAtEndIsAnErrorWithItsLine() throws {
        #expect {
            _ = try read("a,b\n1,2\n3,\"4\n")
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error?.location?.line == 3 && error?.location?.column == 2
        }
    }

    @Test func strayQuoteInUnquotedFieldIsAnError() throws {
        #expect {
            _ = try read("a,b\n1,2\n3,4\"x\n")
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error?.location?.line == 3
        }
    }

    @Test func missingFileIsInputMissing() throws {
        #expect {
            _ = try CSVReader().read(path: "/nonexistent/x.csv", into: RecordCollector())
        } throws: { ($0 as? PipelineError)?.code == .inputMissing }
    }

    @Test func hashIsSHA256OfTheBytes() throws {
        let workspace = try TestWorkspace()
        try workspace.write("f.csv", "abc")
        let summary = try CSVReader().read(path: workspace.path("f.csv"), into: RecordCollector())
        #expect(summary.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(summary.bytes == 3)
    }
}
