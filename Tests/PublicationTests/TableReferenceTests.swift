import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render

/// The documented contract is generated from the definitions the code uses, and kept in step.
struct TableReferenceTests {
    @Test func docsMatchTheDefinitions() throws {
        let committed = try String(contentsOfFile: Repository.path("docs/PUBLISHED_TABLES.md"), encoding: .utf8)
        #expect(committed == TableReference.markdown(), "regenerate with `soc-pipeline tables reference > docs/PUBLISHED_TABLES.md`")
    }

    @Test func everyTableCarriesTheProvenanceColumns() {
        let provenance = [
            "run_id", "manifest_sha256", "indicator_id", "period_start", "period_end", "imd_vintage", "icb_vintage",
            "population_source", "suppression_flag", "suppression_reason",
        ]
        for table in PublishedCatalog.tables {
            #expect(Set(provenance).isSubset(of: Set(table.columnNames)), "\(table.name)")
            #expect(Set(table.keyColumns).isSubset(of: Set(table.columnNames)), "\(table.name)")
            #expect(Set(table.columnNames).count == table.columns.count, "\(table.name) repeats a column")
        }
    }

    /// The disclosure audit attacks every table that says where its counts sit (docs/DISCLOSURE.md, "The
    /// last check"): a table that publishes a count column without saying so would escape it.
    @Test func everyTableWithCountsSaysWhereTheySit() {
        var attacked = 0
        for table in PublishedCatalog.tables {
            let counts = table.columns.filter { $0.kind == .count }.map(\.name)
            guard !counts.isEmpty else { continue }
            let layout = table.counts
            #expect(layout != nil, "\(table.name) publishes counts \(counts) but declares no CountLayout")
            #expect(Set(counts) == Set(layout?.counts.keys.map { $0 } ?? []), "\(table.name): every count column is in its layout")
            attacked += 1
        }
        #expect(attacked == 5, "England by group, ICS comparison, ICS by quintile, ICS by ethnic group and places")
    }
}
