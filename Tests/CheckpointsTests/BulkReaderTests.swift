import GRDB
import PipelineCore
import Testing

@testable import Checkpoints

/// The raw reader gives back exactly what the raw inserter wrote, by position, with nulls and text intact.
struct BulkReaderTests {
    @Test func readsBackWhatWasInsertedByPosition() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k INTEGER, x REAL, s TEXT, n TEXT)")
            let inserter = try BulkInserter(db, table: "t", columns: ["k", "x", "s", "n"])
            try inserter.insert(.int(2), .double(0.1), .text("Bath and North East Somerset, Swindon and Wiltshire — é ✓"), .null)
            try inserter.insert(.int(1), .double(-3.5e-9), .text(""), .text("x"))
            try inserter.insert(.int(3), .double(.infinity), .text("three"), .null)
        }
        try queue.read { db in
            let reader = try BulkReader(db, sql: "SELECT k, x, s, n FROM t WHERE k < ? ORDER BY k", arguments: [.int(3)])
            var rows: [[BulkInserter.Value]] = []
            while try reader.next() { rows.append((0..<4).map { reader.value(at: $0) }) }
            #expect(rows.count == 2, "the argument is bound: k = 3 is left out")
            #expect(
                rows.map { Self.describe($0) } == [
                    "int 1|double -3.5e-09|text |text x",
                    "int 2|double 0.1|text Bath and North East Somerset, Swindon and Wiltshire — é ✓|null",
                ])
            let infinite = try BulkReader(db, sql: "SELECT x, s FROM t WHERE s = ?", arguments: [.text("three")])
            #expect(try infinite.next())
            #expect(Self.describe([infinite.value(at: 0)]) == "null", "a non-finite number was stored as null")
            #expect(infinite.string(at: 1) == "three" && infinite.string(at: 0) == nil)
            #expect(try !infinite.next())
        }
    }

    @Test func aQueryThatCannotBePreparedIsAnErrorNamingIt() throws {
        let queue = try DatabaseQueue()
        let error = try queue.read { db in
            #expect(throws: PipelineError.self) { _ = try BulkReader(db, sql: "SELECT nothing FROM nowhere") }
        }
        #expect(error?.message.contains("SELECT nothing FROM nowhere") == true)
    }

    private static func describe(_ values: [BulkInserter.Value]) -> String {
        values.map { value in
            switch value {
            case .int(let number): "int \(number)"
            case .double(let number): "double \(number)"
            case .text(let text): "text \(text)"
            case .null: "null"
            }
        }.joined(separator: "|")
    }
}
