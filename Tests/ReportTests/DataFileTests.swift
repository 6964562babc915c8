import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// The data files as tools read them (docs/PUBLISHED_TABLES.md, "Status columns").
struct DataFileTests {
    @Test func numberColumnsHoldNumbersAndStatusColumnsSayWhy() throws {
        let workspace = try TestWorkspace()
        let (store, latest) = try ReportStageTests.publish(workspace)
        let logged = try store.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT table_name, row_key, column_name, action FROM soc_suppressed_cells")
        }
        #expect(logged.contains { $0["action"] as String == "suppressed" }, "the tiny world suppresses counts")
        var byRow: [String: [(column: String, action: PublishedCell.Action)]] = [:]
        for row in logged {
            byRow["\(row["table_name"] as String)|\(row["row_key"] as String)", default: []].append(
                (row["column_name"], PublishedCell.Action(rawValue: row["action"])!))
        }
        var statusesSeen = 0
        for table in PublishedCatalog.tables {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(latest)/json/\(table.name).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let contract = try #require(json["columns"] as? [[String: Any]]).map { ($0["name"] as! String, $0["type"] as! String) }
            #expect(contract.map(\.0) == table.dataFileColumns.map(\.name))
            for row in try #require(json["rows"] as? [[String: Any]]) {
                for (name, type) in contract {
                    let value = row[name]
                    if ["integer", "count", "number"].contains(type) {
                        #expect(value is NSNull || value is NSNumber, "\(table.name).\(name): \(String(describing: value))")
                    }
                }
                for group in table.statusGroups {
                    let status = row[group.name] as? String
                    #expect(status == nil || PublishedCell.Action(rawValue: status!) != nil, "\(table.name).\(group.name): \(status ?? "")")
                }
                // Each status is the strongest action logged on its group's cells; a hidden cell is null.
                let key = table.keyColumns.map { name in
                    switch row[name] {
                    case let text as String: text
                    case let number as NSNumber: number.stringValue
                    default: ""
                    }
                }.joined(separator: "|")
                let actions = byRow["\(table.name)|\(key)"] ?? []
                for group in table.statusGroups {
                    let expected = StatusGroup.strongest(actions.filter { group.members.contains($0.column) }.map(\.action))
                    #expect(row[group.name] as? String == expected?.rawValue, "\(table.name) \(key) \(group.name)")
                    if expected != nil { statusesSeen += 1 }
                }
                for action in actions where action.action.hidesValue {
                    #expect(row[action.column] is NSNull, "\(table.name) \(key) \(action.column) is hidden but holds a value")
                }
            }
        }
        #expect(statusesSeen > 0)
        // No marker text inside a CSV number column: pandas reads each as numbers.
        let pandas = try CommandLineRunner.run(
            [Repository.path("Tests/Fixtures/scripts/pandas_reads_numbers.py"), latest], executable: "/usr/bin/python3")
        #expect(pandas.status == 0, "pandas (python3-pandas, which scripts/setup.sh installs): \(pandas.stdout)\(pandas.stderr)")
        #expect(pandas.stdout.contains("numeric columns checked"))
    }

    @Test func numbersAreRoundedToTheirStatedPrecision() throws {
        // Control off: under the default rules every ICS value of the two-ICS world is hidden.
        let workspace = try TestWorkspace()
        let (store, latest) = try ReportStageTests.publish(workspace, report: ReportStageTests.controlOff)
        let stored = try store.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT ics_ods_code, value, rii FROM soc_ics_league WHERE indicator_id = 'RATE' AND value IS NOT NULL")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(latest)/json/soc_ics_league.json"))
        let rows = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(!stored.isEmpty)
        for row in stored {
            let published = try #require(rows.first { $0["indicator_id"] as? String == "RATE" && $0["ics_ods_code"] as? String == row["ics_ods_code"] })
            let value: Double = row["value"]
            #expect((published["value"] as? Double) == (value * 10).rounded(.toNearestOrEven) / 10, "value to 1 dp")
            if let rii = row["rii"] as Double? {
                #expect((published["rii"] as? Double) == (rii * 1000).rounded(.toNearestOrEven) / 1000, "rii to 3 dp")
            }
        }
    }
}
