import Foundation
import PipelineCore
import Publication
import Statistics

/// The published tables regrouped for the HTML pages (docs/REPORT.md, "Pages"): per indicator its typed
/// rows over every period, its latest period, and the facts the charts need; the systems by region. Every
/// word is decoded once, here: a word this program does not know stops the render with its table and
/// column named, never drawn as another.
struct PublicationView {
    struct Indicator {
        var id: String
        var name: String
        var unit: String
        var statistic: Statistic?
        var multiplier: Double
        var polarity: Polarity
        /// Which test gives the one verdict against England on every page (docs/METHODS.md §10).
        var comparison: ComparisonPolicy
        var definition: String
        var method: String
        var signConvention: String
        /// Why there is no deprivation split, for an indicator without one.
        var noSplit: String?
        /// What the deprivation quintiles are of, in a caption: national quintiles of areas, or of GP practices
        /// ranked by their registered populations' deprivation (`soc_metadata.deprivation_basis`; docs/DATA.md).
        var quintilesOf = Self.areaQuintiles
        static let areaQuintiles = "national deprivation quintile"
        /// Where the data come from (the metadata's `source`: the source's name and description).
        var source: String? = nil
        /// What a reader must know before reading any value of the indicator: records suppressed at source,
        /// activity the attribution could not place (docs/DATA.md), rows set aside at ingest.
        var caveats: [String] = []
        /// Periods (`period_start`) ascending, and how each reads.
        let periods: [(start: String, label: String)]
        let league: [LeagueRow]
        let national: [NationalRow]
        let inequality: [PublishedRow<NationalInequalityColumn>]
        var quintiles: [PublishedRow<IcsQuintileGapColumn>]
        var headlines: [HeadlineRow]
        /// `soc_place` rows (places within ICSs), every period.
        var places: [PlaceRow] = []
        /// `soc_ics_by_ethnic_group` rows, latest period (indicators from a source by ethnic group).
        var ethnicGroups: [PublishedRow<IcsByEthnicGroupColumn>] = []
        /// The rows above by key, set once they are all in place (the view's init).
        var lookup = IndicatorLookup()

        var latest: String { periods.last?.start ?? "" }
        var latestLabel: String { periods.last?.label ?? "" }
        var current: [LeagueRow] { lookup.current }

        func england(_ period: String) -> NationalRow? { lookup.england(period).map { national[$0] } }

        func englandQuintile(_ period: String, _ quintile: Int) -> NationalRow? {
            national.first { $0.row.periodStart == period && $0.breakdown == .imdQuintile && $0.row.text(.breakdownValue).hasPrefix("\(quintile)") }
        }

        /// England's counts in no ICS and with no decile in the latest period, from its published groups, with
        /// their share of England's count (a proportion's: of its denominator) — "In 2024-25 England's count
        /// includes 2,700 (0.1%) in no ICS and 24,205 (1.3%) with no deprivation decile, in no quintile"
        /// (docs/DATA.md, "Unknown places in the totals"). Nil when there are none.
        var unknownPlaces: String? {
            guard let england = england(latest) else { return nil }
            let proportion = statistic == .proportion
            let column: NationalByGroupColumn = proportion ? .denominator : .numerator
            var parts: [String] = []
            for (type, words) in [(BreakdownType.icsUnknown, "in no ICS"), (.imdUnknown, "with no deprivation decile, in no quintile")] {
                guard let group = national.first(where: { $0.row.periodStart == latest && $0.breakdown == type }) else { continue }
                guard let count = group.row[column].number else {
                    parts.append("a number hidden by disclosure control \(words)")
                    continue
                }
                var share = ""
                if let total = england.row[column].number, total > 0 { share = " (\(FigureText.figure(count / total * 100, decimals: 1))%)" }
                parts.append("\(FigureText.figure(count, decimals: 0))\(share) \(words)")
            }
            guard !parts.isEmpty else { return nil }
            return "In \(latestLabel) England's \(proportion ? "denominator" : "count") includes \(parts.joined(separator: " and "))"
        }

        /// England's row for a group of an ethnic breakdown, by the group's index.
        func englandGroup(_ period: String, _ type: BreakdownType, _ index: Int) -> NationalRow? {
            national.first { $0.row.periodStart == period && $0.breakdown == type && $0.row.text(.breakdownValue) == type.label(index) }
        }

        /// Whether the indicator is published by ethnic group (docs/DATA.md, "Ethnic groups").
        var byEthnicGroup: Bool { national.contains { $0.breakdown == .ethnicGroup } }

        func englandInequality(_ period: String) -> PublishedRow<NationalInequalityColumn>? { lookup.inequality(period).map { inequality[$0] } }

        func ics(_ ods: String, period: String? = nil) -> LeagueRow? { lookup.ics(ods, period: period ?? latest).map { league[$0] } }

        /// An ICS's places in the latest period, in published order.
        func places(of ods: String) -> [PlaceRow] {
            places.filter { $0.row.text(.icsOdsCode) == ods && $0.row.periodStart == latest }
        }

        func label(_ period: String) -> String { periods.first { $0.start == period }?.label ?? period }

        /// An ICS's one verdict against England, by the indicator's policy.
        func verdict(_ ics: LeagueRow) -> TwoLevelComparison {
            comparison.verdict(twoLevel: ics.comparison, funnel: ics.funnelBand, polarity: polarity)
        }

        /// A place's one verdict against its ICS, by the same policy.
        func verdict(_ place: PlaceRow) -> TwoLevelComparison {
            comparison.verdict(twoLevel: place.comparison, funnel: place.funnelBand, polarity: polarity)
        }
    }

    struct System {
        var ods: String
        var ons: String
        var name: String
        var region: String
        var link: String { "ics/\(ods).html" }
    }

    var indicators: [Indicator] = []
    /// The systems, by region then name.
    var systems: [System] = []
    var runID: String
    var manifest: String
    var metadata: [PublishedRow<MetadataColumn>]

    init(_ tables: [String: PublishedTableData]) throws {
        func rows<Column>(_ table: CatalogTable<Column>) -> [PublishedRow<Column>] { tables[table.name]?.rows(table) ?? [] }
        let league = try rows(PublishedCatalog.icsLeague).map(LeagueRow.init)
        let national = try rows(PublishedCatalog.nationalByGroup).map(NationalRow.init)
        let inequality = rows(PublishedCatalog.nationalInequality)
        let quintiles = rows(PublishedCatalog.icsQuintileGap)
        let headlines = try rows(PublishedCatalog.headlines).map(HeadlineRow.init)
        let places = try rows(PublishedCatalog.places).map(PlaceRow.init)
        let ethnicGroups = rows(PublishedCatalog.icsByEthnicGroup)
        metadata = rows(PublishedCatalog.metadata)
        runID = tables.values.lazy.compactMap(\.runID).first ?? "none"
        manifest = tables.values.lazy.compactMap(\.manifestSHA256).first ?? "none"
        var seen: Set<String> = []
        for row in league where seen.insert(row.ods).inserted {
            systems.append(System(ods: row.ods, ons: row.row.text(.icsOnsCode), name: row.name, region: row.row.text(.region)))
        }
        systems.sort { ($0.region, $0.name) < ($1.region, $1.name) }
        let items = metadata
        for title in items where title.text(.item) == "title" && title.indicator != "all" {
            let id = title.indicator
            func item(_ name: String) -> String? { items.first { $0.indicator == id && $0.text(.item) == name }?[.value].text }
            let mine = league.filter { $0.row.indicator == id }
            var ends: [String: String] = [:]
            for row in mine { ends[row.row.periodStart] = row.row.periodEnd }
            // Each period read as its source delivers it: the metadata's labels carry the kind, so a rolling
            // year ending in December reads "12 months to December 2022", not "2022" (docs/REPORT.md, "Charts").
            let declared = Dictionary(
                (item("periods") ?? "").components(separatedBy: ", ").compactMap { Period(label: $0) }.map { (Self.firstDay($0), $0.readable) },
                uniquingKeysWith: { first, _ in first })
            let periods = ends.keys.sorted().map { (start: $0, label: declared[$0] ?? FigureText.period(start: $0, end: ends[$0] ?? $0)) }
            guard !periods.isEmpty else { continue }
            guard let polarity = item("polarity").flatMap(Polarity.init(rawValue:)) else {
                throw PipelineError(
                    .internal, "soc_metadata gives indicator \(id) no polarity this program knows",
                    hint: "publish again with this version of soc-pipeline (`soc-pipeline run --stage report --force`)")
            }
            guard let comparison = item("comparison_policy").flatMap(ComparisonPolicy.init(rawValue:)) else {
                throw PipelineError(
                    .internal, "soc_metadata gives indicator \(id) no comparison policy this program knows",
                    hint: "publish again with this version of soc-pipeline (`soc-pipeline run --stage report --force`)")
            }
            indicators.append(
                Indicator(
                    id: id, name: title.text(.value), unit: item("unit") ?? mine.first?.row.text(.unit) ?? "",
                    statistic: item("statistic").flatMap(Statistic.init(rawValue:)), multiplier: item("multiplier").flatMap(Double.init) ?? 1,
                    polarity: polarity, comparison: comparison, definition: item("definition") ?? "", method: item("method") ?? "",
                    signConvention: item("sign_convention") ?? "", noSplit: item("deprivation_split"), periods: periods, league: mine,
                    national: national.filter { $0.row.indicator == id }, inequality: inequality.filter { $0.indicator == id },
                    quintiles: quintiles.filter { $0.indicator == id }, headlines: headlines.filter { $0.row.indicator == id },
                    places: places.filter { $0.row.indicator == id }, ethnicGroups: ethnicGroups.filter { $0.indicator == id }))
            indicators[indicators.count - 1].lookup = IndicatorLookup(indicators[indicators.count - 1])
            indicators[indicators.count - 1].caveats = [
                "counts", "deprivation_basis", "denominators", "suppressed_at_source", "unattributed_activity", "rows_set_aside", "unknown_place",
            ]
            .compactMap(item)
            // The metadata names a basis only when it is not the area of residence: practices' registered populations.
            if item("deprivation_basis") != nil {
                indicators[indicators.count - 1].quintilesOf = "national deprivation quintile of GP practices (their registered populations)"
            }
            if let counted = indicators[indicators.count - 1].unknownPlaces { indicators[indicators.count - 1].caveats.append(counted) }
            indicators[indicators.count - 1].source = item("source")
        }
    }

    /// The first day of a period as published tables write it (`2022-01-01`).
    static func firstDay(_ period: Period) -> String {
        let first = period.firstOrdinal
        return String(format: "%04d-%02d-01", first / 12, first % 12 + 1)
    }

    /// A general metadata item (`indicator_id` = `all`).
    func general(_ item: String) -> String? {
        metadata.first { $0.indicator == "all" && $0.text(.item) == item }?[.value].text
    }
}
