import Foundation
import Publication
import Statistics

/// "About the data" (docs/REPORT.md, "Pages"): where each indicator comes from and how it is made, the
/// comparison with England in plain words, and a ledger of what the publication leaves out — figures
/// hidden by disclosure control, figures the method cannot give, records suppressed at source, activity
/// not attributed, rows set aside — per indicator and per ICS, in counts and shares only. The run and
/// its manifest hash are here too, for tracing a printed page back to its run.
struct AboutPage {
    let view: PublicationView
    let title: String
    let publication: String

    static let fileName = "about.html"

    /// What became of each ICS value: published, hidden by disclosure control, or not available.
    struct Tally {
        var published = 0, hidden = 0, notAvailable = 0
        /// The ICS SIIs of indicators with a deprivation split: shown, hidden by disclosure control (an SII
        /// that would reveal a suppressed count), or not available.
        var siiShown = 0, siiHidden = 0, siiNotAvailable = 0
        var reasons: [String: Int] = [:]

        mutating func add(_ row: LeagueRow, hasSplit: Bool) {
            if hasSplit {
                switch row.row[.sii] {
                case .suppressed: siiHidden += 1
                case .number, .integer: siiShown += 1
                case .withheld, .text, .empty: siiNotAvailable += 1
                }
            }
            switch row.row[.value] {
            case .suppressed: hidden += 1
            case .withheld: notAvailable += 1
            case .number, .integer: published += 1
            case .text, .empty: notAvailable += 1
            }
            guard row.row[.value].number == nil else { return }
            for reason in (row.row[provenance: .suppressionReason].text ?? "").split(separator: ";").map(String.init)
            where !reason.hasPrefix("rounded") && !reason.hasPrefix("whole_percent") {
                reasons[reason, default: 0] += 1
            }
        }

        var reasonText: String {
            reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                "\($0.key.replacingOccurrences(of: "_", with: " ")) (\($0.value))"
            }
            .joined(separator: "; ")
        }
    }

    func render() -> String {
        var navigation: [(href: String, text: String)] = [("#sources", "Sources and methods"), ("#ledger", "What the figures leave out")]
        var body =
            "<p class=\"standfirst\">Where the figures come from, how they are made and judged, and what they leave out. Counts and shares only: no hidden figure is given here.</p>"
        var sources = ""
        for indicator in view.indicators {
            sources += "<h3 id=\"about-\(HTML.escape(indicator.id))\">\(HTML.escape(indicator.name))</h3><dl>"
            func item(_ name: String) -> String? { view.metadata.first { $0.indicator == indicator.id && $0.text(.item) == name }?[.value].text }
            let rows: [(String, String?)] = [
                ("What it counts", indicator.definition), ("Source", item("source")), ("Method", indicator.method), ("Unit", indicator.unit),
                ("Periods", indicator.periods.map(\.label).joined(separator: ", ")),
                ("Against England", Self.comparisonInWords(indicator.comparison)),
                ("Inequality by deprivation", indicator.noSplit ?? "by national IMD quintile and decile: slope and relative index of inequality, gaps"),
            ]
            for (term, value) in rows {
                guard let value, !value.isEmpty else { continue }
                sources += "<dt>\(HTML.escape(term))</dt><dd>\(HTML.escape(value))</dd>"
            }
            sources += "</dl>"
        }
        body += HTMLPage.section("sources", "Sources and methods", sources)

        var ledger =
            "<p>Each ICS value and slope index of inequality (SII) of every published period: shown, hidden by disclosure control (a small count, or a figure that would reveal one), or not available (the method gives no reliable figure, or the source suppressed a count it needs).</p>"
        var table = DataTable(
            caption: "ICS values by indicator, all published periods",
            columns: [
                "Indicator", "Values shown", "Values hidden by disclosure control", "Values not available", "SIIs shown", "SIIs hidden by disclosure control",
                "SIIs not available", "Why values are hidden or not available",
            ])
        var bySystem: [String: Tally] = [:]
        var notes = ""
        for indicator in view.indicators {
            var tally = Tally()
            for row in indicator.league {
                tally.add(row, hasSplit: indicator.noSplit == nil)
                bySystem[row.ods, default: Tally()].add(row, hasSplit: indicator.noSplit == nil)
            }
            table.add(
                "<a href=\"#about-\(HTML.escape(indicator.id))\">\(HTML.escape(indicator.name))</a>",
                [
                    "\(tally.published)", "\(tally.hidden)", "\(tally.notAvailable)", indicator.noSplit == nil ? "\(tally.siiShown)" : "no split",
                    indicator.noSplit == nil ? "\(tally.siiHidden)" : "", indicator.noSplit == nil ? "\(tally.siiNotAvailable)" : "",
                    HTML.escape(tally.reasonText),
                ])
            if !indicator.caveats.isEmpty {
                notes +=
                    "<li><strong>\(HTML.escape(indicator.name)).</strong> \(indicator.caveats.map { HTML.escape($0) + "." }.joined(separator: " "))</li>"
            }
        }
        ledger += table.html
        if !notes.isEmpty { ledger += "<h3>Suppressed at source, unattributed and set aside</h3><ul class=\"notes\">\(notes)</ul>" }
        var systems = DataTable(
            caption: "ICS values by system, every indicator and period",
            columns: [
                "ICS", "Values shown", "Values hidden by disclosure control", "Values not available", "SIIs hidden by disclosure control", "SIIs not available",
                "Why values are hidden or not available",
            ])
        for system in view.systems {
            let tally = bySystem[system.ods] ?? Tally()
            systems.add(
                "<a href=\"\(HTML.escape(system.link))\">\(HTML.escape(system.name))</a>",
                [
                    "\(tally.published)", "\(tally.hidden)", "\(tally.notAvailable)", "\(tally.siiHidden)", "\(tally.siiNotAvailable)",
                    HTML.escape(tally.reasonText),
                ])
        }
        ledger += "<h3>By ICS</h3>" + systems.html
        body += HTMLPage.section("ledger", "What the figures leave out", ledger)

        let general = view.metadata.filter { $0.indicator == "all" && $0.text(.item) != "title" }
            .map { "<dt>\(HTML.escape($0.text(.item).replacingOccurrences(of: "_", with: " ")))</dt><dd>\(HTML.escape($0.text(.value)))</dd>" }
            .joined()
        body += HTMLPage.section(
            "reference", "Reference data, rules and this run",
            "<dl><dt>run</dt><dd><code>\(HTML.escape(view.runID))</code></dd><dt>manifest SHA-256</dt><dd><code>\(HTML.escape(view.manifest))</code></dd>\(general)</dl>"
        )
        navigation.append(("#reference", "Reference data, rules and this run"))
        let page = HTMLPage(
            title: title, publication: publication, runID: view.runID, manifest: view.manifest, root: "", banner: view.general("synthetic_data"))
        return page.render(navigation: navigation, body: body)
    }

    /// The indicator's one comparison with England, as a reader would say it.
    static func comparisonInWords(_ policy: ComparisonPolicy) -> String {
        switch policy {
        case .twoLevel:
            "An ICS is better or worse than England (or higher or lower, for an indicator with no better direction) when its 95% confidence interval excludes England's value, and markedly so when its 99.8% interval does too (Fingertips' two-level comparison)."
        case .funnel:
            "An ICS is better or worse than England when it lies outside the funnel limits drawn around England's value for a system of its size: beyond the 95% limit, or the 99.8% limit for a marked difference. The limits are widened where systems differ more than chance alone would make them."
        }
    }
}
