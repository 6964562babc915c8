import Testing

@testable import Disclosure
@testable import Publication
@testable import Render

/// The catalogue's presentation: headers, precision, status groups and Markdown summaries
/// (docs/PUBLISHED_TABLES.md, "Status columns", "Headers and precision", "Markdown").
struct ColumnPresentationTests {
    @Test(arguments: PublishedCatalog.tables.map(\.name))
    func everyColumnHasAReadableUniqueHeader(_ name: String) throws {
        let table = try #require(PublishedCatalog.table(named: name))
        for column in table.columns {
            #expect(column.label != column.name, "\(name).\(column.name) has no readable header")
        }
        // Excel table headers must be unique within a table.
        let headers = table.columns.map { XLSXWorkbookRenderer.Writer.header($0, in: table) }
        #expect(Set(headers).count == headers.count, "\(headers)")
        let withUnits = table.columns.map { XLSXWorkbookRenderer.Writer.header($0, in: table, units: ["%", "per 1,000"]) }
        #expect(Set(withUnits).count == withUnits.count && !withUnits.contains { $0.contains("(in unit)") }, "\(withUnits)")
    }

    /// The workbook names the real unit in place of "(in unit)": one unit plainly, several as the row's,
    /// and a difference of percentages in percentage points (docs/PUBLISHED_TABLES.md, "Headers and precision").
    @Test func workbookHeadersNameTheRealUnit() throws {
        let league = PublishedCatalog.icsLeague.table
        let value = try #require(league.column("value")), sii = try #require(league.column("sii")), rii = try #require(league.column("rii"))
        #expect(WorkbookUnitHeader.label(value, units: ["%"]) == "Value (%)")
        #expect(WorkbookUnitHeader.label(sii, units: ["%"]) == "Slope index of inequality (percentage points)")
        #expect(
            WorkbookUnitHeader.label(value, units: ["%", "per 1,000", "per 100,000"]) == "Value (in the row's unit: %, per 1,000 or per 100,000)")
        #expect(WorkbookUnitHeader.label(sii, units: ["%", "per 1,000"]) == "Slope index of inequality (in the row's unit: percentage points or per 1,000)")
        #expect(WorkbookUnitHeader.label(rii, units: ["%"]) == rii.label, "a ratio has no unit to name")
        #expect(WorkbookUnitHeader.label(value, units: []) == value.label, "no unit known: the catalogue's label")
    }

    @Test(arguments: PublishedCatalog.tables.map(\.name))
    func statusGroupsAndSummariesNameRealColumns(_ name: String) throws {
        let table = try #require(PublishedCatalog.table(named: name))
        var seen: Set<String> = []
        for group in table.statusGroups {
            #expect(table.column(group.after) != nil, "\(group.name) follows a missing column")
            #expect(table.column(group.name) == nil, "\(group.name) collides with a column")
            for member in group.members {
                #expect(table.column(member) != nil, "\(group.name): no column \(member)")
                #expect(seen.insert(member).inserted, "\(member) is in two status groups")
            }
        }
        #expect(table.dataFileColumns.count == table.columns.count + table.statusGroups.count)
        #expect(!table.summary.isEmpty && table.summary.count <= 8, "a narrow summary")
        for field in table.summary {
            for column in field.names { #expect(table.column(column) != nil, "summary: no column \(column)") }
        }
    }

    @Test func countsAndSubNationalValuesCanSayWhatDisclosureControlDid() {
        for table in [PublishedCatalog.icsLeague.table, PublishedCatalog.icsQuintileGap.table] {
            for column in ["numerator", "denominator", "population", "value", "lcl95", "ucl95"] {
                #expect(table.statusGroup(of: column) != nil, "\(table.name).\(column)")
            }
        }
    }

    @Test func roundingToAStatedPrecision() {
        typealias Precision = PublishedColumn.Precision
        #expect(Precision.decimals(1).round(58.3562672004003) == 58.4)
        #expect(Precision.decimals(1).round(-2.349) == -2.3)
        #expect(Precision.decimals(1).round(0.25) == 0.2, "half to even")
        #expect(Precision.decimals(1).round(-0.04) == 0, "no negative zero")
        #expect(Precision.decimals(0).round(12.5) == 12)
        #expect(Precision.decimals(3).round(0.9830508474576272) == 0.983)
        #expect(Precision.significant(3).round(0.000712345) == 0.000712)
        #expect(Precision.significant(3).round(1234.5) == 1230)
        #expect(Precision.significant(3).round(0) == 0)
        #expect(Precision.decimals(1).round(.nan).isNaN)
        #expect(Precision.decimals(2).excelFormat == "#,##0.00" && Precision.decimals(0).excelFormat == "#,##0")
    }
}
