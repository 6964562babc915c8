import PipelineCore
package import Publication
package import Statistics

/// A published row by column name.
package typealias Record = [String: PublishedTableData.Cell]

/// The published tables regrouped for the HTML pages (docs/REPORT.md, "Pages"): per indicator its rows
/// over every period, its latest period, and the facts the charts need; the systems by region.
package struct PublicationView {
    package struct Indicator {
        package var id: String
        package var name: String
        package var unit: String
        package var statistic: Statistic?
        package var multiplier: Double
        package var polarity: Polarity
        package var definition: String
        package var method: String
        package var signConvention: String
        /// Why there is no deprivation split, for an indicator without one.
        package var noSplit: String?
        /// Periods (`period_start`) ascending, and how each reads.
        package var periods: [(start: String, label: String)]
        package var league: [Record]
        package var national: [Record]
        package var inequality: [Record]
        package var quintiles: [Record]
        package var headlines: [Record]
        /// `soc_place` rows (places within ICSs), every period.
        package var places: [Record] = []

        package var latest: String { periods.last?.start ?? "" }
        package var latestLabel: String { periods.last?.label ?? "" }
        package var current: [Record] { league.filter { $0["period_start"]?.text == latest } }

        package func england(_ period: String) -> Record? {
            national.first { $0["period_start"]?.text == period && $0["breakdown_type"]?.text == BreakdownType.all.rawValue }
        }

        package func englandQuintile(_ period: String, _ quintile: Int) -> Record? {
            national.first {
                $0["period_start"]?.text == period && $0["breakdown_type"]?.text == BreakdownType.imdQuintile.rawValue
                    && $0["breakdown_value"]?.text?.hasPrefix("\(quintile)") == true
            }
        }

        package func englandInequality(_ period: String) -> Record? {
            inequality.first { $0["period_start"]?.text == period && $0["n_quantiles"]?.number == 5 }
        }

        package func ics(_ ods: String, period: String? = nil) -> Record? {
            let period = period ?? latest
            return league.first { $0["ics_ods_code"]?.text == ods && $0["period_start"]?.text == period }
        }

        /// An ICS's places in the latest period, in published order.
        package func places(of ods: String) -> [Record] {
            places.filter { $0["ics_ods_code"]?.text == ods && $0["period_start"]?.text == latest }
        }

        package func label(_ period: String) -> String { periods.first { $0.start == period }?.label ?? period }
    }

    package struct System {
        package var ods: String
        package var ons: String
        package var name: String
        package var region: String
        package var link: String { "ics/\(ods).html" }
    }

    package var indicators: [Indicator] = []
    /// The systems, by region then name.
    package var systems: [System] = []
    package var runID: String
    package var manifest: String
    package var metadata: [Record]

    package init(_ tables: [String: PublishedTableData]) {
        let league = tables[PublishedCatalog.icsLeague.name]?.records ?? []
        let national = tables[PublishedCatalog.nationalByGroup.name]?.records ?? []
        let inequality = tables[PublishedCatalog.nationalInequality.name]?.records ?? []
        let quintiles = tables[PublishedCatalog.icsQuintileGap.name]?.records ?? []
        let headlines = tables[PublishedCatalog.headlines.name]?.records ?? []
        let places = tables[PublishedCatalog.places.name]?.records ?? []
        metadata = tables[PublishedCatalog.metadata.name]?.records ?? []
        runID = tables.values.lazy.compactMap(\.runID).first ?? "none"
        manifest = tables.values.lazy.compactMap(\.manifestSHA256).first ?? "none"
        var seen: Set<String> = []
        for row in league {
            guard let ods = row["ics_ods_code"]?.text, seen.insert(ods).inserted else { continue }
            systems.append(
                System(ods: ods, ons: row["ics_ons_code"]?.text ?? "", name: row["ics_name"]?.text ?? ods, region: row["region"]?.text ?? ""))
        }
        systems.sort { ($0.region, $0.name) < ($1.region, $1.name) }
        let titles = metadata.filter { $0["item"]?.text == "title" && $0["indicator_id"]?.text != "all" }
        for title in titles {
            guard let id = title["indicator_id"]?.text else { continue }
            func item(_ name: String) -> String? {
                metadata.first { $0["indicator_id"]?.text == id && $0["item"]?.text == name }?["value"]?.text
            }
            func mine(_ rows: [Record]) -> [Record] { rows.filter { $0["indicator_id"]?.text == id } }
            let rows = mine(league)
            var ends: [String: String] = [:]
            for row in rows { if let start = row["period_start"]?.text { ends[start] = row["period_end"]?.text ?? start } }
            let periods = ends.keys.sorted().map { (start: $0, label: FigureText.period(start: $0, end: ends[$0] ?? $0)) }
            guard !periods.isEmpty else { continue }
            indicators.append(
                Indicator(
                    id: id, name: title["value"]?.text ?? id, unit: item("unit") ?? rows.first?["unit"]?.text ?? "",
                    statistic: item("statistic").flatMap(Statistic.init(rawValue:)), multiplier: item("multiplier").flatMap(Double.init) ?? 1,
                    polarity: item("polarity").flatMap(Polarity.init(rawValue:)) ?? .none, definition: item("definition") ?? "",
                    method: item("method") ?? "", signConvention: item("sign_convention") ?? "", noSplit: item("deprivation_split"),
                    periods: periods, league: rows, national: mine(national), inequality: mine(inequality), quintiles: mine(quintiles),
                    headlines: mine(headlines), places: mine(places)))
        }
    }

    /// A general metadata item (`indicator_id` = `all`).
    package func general(_ item: String) -> String? {
        metadata.first { $0["indicator_id"]?.text == "all" && $0["item"]?.text == item }?["value"]?.text
    }
}
