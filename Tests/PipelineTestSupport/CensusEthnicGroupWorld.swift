import Foundation

/// A tiny world for rates by ethnic group (docs/DATA.md, "Rates by ethnic group"): the tiny reference world (QAA:
/// LSOAs 1 and 2; QBB: 3 and 4), an events source by ICB × ethnic group, and Census 2021 table TS021 by LSOA in
/// ONS's layout and headings, with one Welsh row.
public enum CensusEthnicGroupWorld {
    /// ONS's headings in TS021's order, broad groups included (read past: each is the sum of its groups).
    public static let headings = [
        "Ethnic group: Total: All usual residents", "Ethnic group: Asian, Asian British or Asian Welsh",
        "Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi", "Ethnic group: Asian, Asian British or Asian Welsh: Chinese",
        "Ethnic group: Asian, Asian British or Asian Welsh: Indian", "Ethnic group: Asian, Asian British or Asian Welsh: Pakistani",
        "Ethnic group: Asian, Asian British or Asian Welsh: Other Asian", "Ethnic group: Black, Black British, Black Welsh, Caribbean or African",
        "Ethnic group: Black, Black British, Black Welsh, Caribbean or African: African",
        "Ethnic group: Black, Black British, Black Welsh, Caribbean or African: Caribbean",
        "Ethnic group: Black, Black British, Black Welsh, Caribbean or African: Other Black", "Ethnic group: Mixed or Multiple ethnic groups",
        "Ethnic group: Mixed or Multiple ethnic groups: White and Asian", "Ethnic group: Mixed or Multiple ethnic groups: White and Black African",
        "Ethnic group: Mixed or Multiple ethnic groups: White and Black Caribbean",
        "Ethnic group: Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups", "Ethnic group: White",
        "Ethnic group: White: English, Welsh, Scottish, Northern Irish or British", "Ethnic group: White: Irish",
        "Ethnic group: White: Gypsy or Irish Traveller", "Ethnic group: White: Roma", "Ethnic group: White: Other White",
        "Ethnic group: Other ethnic group", "Ethnic group: Other ethnic group: Arab", "Ethnic group: Other ethnic group: Any other ethnic group",
    ]

    /// LSOA `i`'s people in each detailed group, in the order of ``headings`` without the totals.
    public static func groups(_ i: Int) -> [Int] {
        // Bangladeshi, Chinese, Indian, Pakistani, Other Asian; African, Caribbean, Other Black; White and Asian,
        // White and Black African, White and Black Caribbean, Other Mixed; British, Irish, Gypsy or Irish
        // Traveller, Roma, Other White; Arab, Any other.
        [40, 30, 100 * i, 80, 20, 60, 25, 10, 6, 4, 5, 3, 1000 * i, 10 * i, 1, 2, 50 * i, 15, 12]
    }

    /// A row as ONS prints it: the total, then each broad group before its groups.
    public static func row(_ code: String, _ i: Int, total: Int? = nil) -> String {
        let g = groups(i)
        let asian = g[0..<5].reduce(0, +), black = g[5..<8].reduce(0, +), mixed = g[8..<12].reduce(0, +)
        let white = g[12..<17].reduce(0, +), other = g[17..<19].reduce(0, +)
        var cells: [Int] = [total ?? g.reduce(0, +), asian]
        cells += g[0..<5]
        cells.append(black)
        cells += g[5..<8]
        cells.append(mixed)
        cells += g[8..<12]
        cells.append(white)
        cells += g[12..<17]
        cells.append(other)
        cells += g[17..<19]
        return "2021,Area \(code),\(code)," + cells.map(String.init).joined(separator: ",") + "\n"
    }

    public static var census: String {
        "date,geography,geography code," + headings.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
            + (1...4).map { row("E0100000\($0)", $0) }.joined() + row("W01000001", 9)
    }

    public static let events = """
        org,period,group,category,count
        QAA,2025-03,White,All,300
        QAA,2025-03,Asian or Asian British,Indian,40
        QAA,2025-03,Asian or Asian British,Pakistani,18
        QAA,2025-03,Other ethnic groups,Chinese,6
        QAA,2025-03,Other ethnic groups,Any other ethnic group,5
        QAA,2025-03,Not stated,All,17
        QBB,2025-03,White,All,500
        QBB,2025-03,Black or Black British,All,9

        """

    public static let indicator =
        #"[{ "id": "ETHR", "title": "Referrals by ethnic group", "source": "ethnic", "method": "crude_rate", "multiplier": 100000, "unit": "per 100,000", "polarity": "none" }]"#

    /// The tiny world (QAA: LSOAs 1 and 2; QBB: 3 and 4) with an events source by ethnic group and `census` as
    /// `reference.ethnicGroupPopulation` (none when nil); returns the config path.
    public static func world(_ workspace: TestWorkspace, census: String? = CensusEthnicGroupWorld.census, method: String = "crude_rate") throws -> String {
        try workspace.writeTinyWorld(indicators: indicator)
        try workspace.write("ethnic.csv", events)
        if let census { try workspace.write("ref/ts021.csv", census) }
        var config = TestWorkspace.tinyConfigJSON(indicators: indicator.replacingOccurrences(of: "\"crude_rate\"", with: "\"\(method)\"")).replacingOccurrences(
            of: #"{ "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }"#,
            with: #"""
                { "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" },
                { "name": "ethnic", "kind": "events", "grain": "icb-ethnic-group", "files": "ethnic.csv",
                  "columns": { "icb": "org", "ethnicGroup": "group", "ethnicCategory": "category", "events": "count", "sex": [], "ageBand": [] } }
                """#)
        if census != nil {
            config = config.replacingOccurrences(
                of: #""standardPopulation": { "name": "ESP2013", "file": "ref/esp2013.csv" }"#,
                with:
                    #""standardPopulation": { "name": "ESP2013", "file": "ref/esp2013.csv" }, "ethnicGroupPopulation": { "file": "ref/ts021.csv", "vintage": "Census 2021 (TS021)" }"#
            )
        }
        try workspace.write("pipeline.json", config)
        return workspace.path("pipeline.json")
    }
}
