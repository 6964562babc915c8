import Foundation
import PipelineCore
import Publication

/// What a reader meets first on the index (docs/REPORT.md, "Pages"): the publication's scope in one
/// paragraph, then four to six key messages — the largest significant gradients, changes and system gaps
/// across the indicators, at most two per indicator — each linking to its indicator's charts.
struct KeyMessages {
    let view: PublicationView
    let publisher: String?

    /// A statement that could lead, with how large and how sure it is.
    struct Candidate {
        var indicator: PublicationView.Indicator
        var text: String
        /// Relative size: the gradient's distance from no gradient, a change against the level, a system's
        /// gap against England's.
        var size: Double
        var significant: Bool
    }

    /// Scope, period, publisher and what "worse than England" means.
    func standfirst() -> String {
        let imd = view.general("imd_vintage")?.components(separatedBy: ";").first ?? "IMD"
        var latest: [String] = []
        for label in view.indicators.map(\.latestLabel) where !latest.contains(label) { latest.append(label) }
        // What the indicators are split by, never claimed for those without a deprivation split (docs/DATA.md,
        // "ICS-level sources").
        let count = view.indicators.count, split = view.indicators.filter { $0.noSplit == nil }.count
        let indicators = "\(count) indicator\(count == 1 ? "" : "s")"
        let scope =
            split == count
            ? "\(indicators) by national \(imd) quintile of where people live"
            : split == 0
                ? "\(indicators) for each ICS, without a deprivation split"
                : "\(indicators), \(split) of them by national \(imd) quintile of where people live"
        var text =
            "How readily people get care in England's most and least deprived areas, in each of the \(view.systems.count) Integrated Care Systems (ICSs) and England: \(scope), latest period \(latest.joined(separator: ", "))."
        if let publisher { text += " Published by \(publisher)." }
        return "<p class=\"standfirst\">\(HTML.escape(text))</p>"
            + "<p class=\"meta\">An ICS is “better” or “worse than England” only where the difference is larger than chance would explain: its 95% (or 99.8%) confidence interval, or the funnel limits around England’s value, exclude England’s value. Each indicator uses one of these tests throughout, named in its notes.</p>"
    }

    /// Every candidate, largest and surest first.
    var candidates: [Candidate] {
        var found: [Candidate] = []
        for indicator in view.indicators {
            let latest = indicator.latest
            let inequality = indicator.englandInequality(latest)
            let englandSII = inequality?[.sii].number
            let gradientSignificant = (inequality?[.siiLcl95].number).map { $0 > 0 } == true || (inequality?[.siiUcl95].number).map { $0 < 0 } == true
            let level = indicator.england(latest)?.row[.value].number
            for headline in indicator.headlines where headline.row.periodStart == latest {
                let value = headline.row[.value].number, lower = headline.row[.lcl95].number, upper = headline.row[.ucl95].number
                let excludesZero = (lower.map { $0 > 0 } ?? false) || (upper.map { $0 < 0 } ?? false)
                switch headline.kind {
                case .ratioMostVsLeast:
                    guard let rii = inequality?[.rii].number, rii > 0 else { continue }
                    found.append(Candidate(indicator: indicator, text: headline.text, size: abs(log(rii)), significant: gradientSignificant))
                case .changeSinceBaseline:
                    guard let value, let level, level != 0 else { continue }
                    found.append(Candidate(indicator: indicator, text: headline.text, size: abs(value / level), significant: excludesZero))
                case .siiChangeEngland:
                    guard let value, let englandSII, englandSII != 0 else { continue }
                    found.append(Candidate(indicator: indicator, text: headline.text, size: abs(value / englandSII), significant: excludesZero))
                case .gapWidestIcs:
                    guard let value, let englandSII, englandSII != 0 else { continue }
                    found.append(
                        Candidate(indicator: indicator, text: headline.text, size: max(0, value / englandSII - 1), significant: gradientSignificant))
                case .rangeIcs:
                    // The spread across systems (against England's value, or the middle of the range where England's
                    // is not published) only tops the list up: it tests nothing.
                    let middle = headline.row[.rangeLow].number.flatMap { low in headline.row[.rangeHigh].number.map { (low + $0) / 2 } }
                    guard let value, let scale = level ?? middle, scale != 0 else { continue }
                    found.append(Candidate(indicator: indicator, text: headline.text, size: abs(value / scale), significant: false))
                case .ethnicGapWidest:
                    // The widest gap to the White group, as a share of England's value: significant by its 83.4% test.
                    guard let value, let level, level != 0 else { continue }
                    found.append(Candidate(indicator: indicator, text: headline.text, size: abs(value / level), significant: true))
                // Statements about single systems lead no message; the regions' range repeats the systems'; the
                // count of groups is the widest gap's context.
                case .relativeIndex, .topHighest, .topLowest, .rangeRegions, .gapNarrowestIcs, .ethnicGroupsVsReference: continue
                }
            }
        }
        return found.enumerated().sorted { a, b in
            if a.element.significant != b.element.significant { return a.element.significant }
            if a.element.size != b.element.size { return a.element.size > b.element.size }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Up to six messages, at most two per indicator: the significant ones, topped up to four with the
    /// largest of the rest.
    var chosen: [Candidate] {
        var perIndicator: [String: Int] = [:]
        var chosen: [Candidate] = []
        for candidate in candidates where chosen.count < 6 && perIndicator[candidate.indicator.id, default: 0] < 2 {
            guard candidate.significant || chosen.count < 4 else { continue }
            perIndicator[candidate.indicator.id, default: 0] += 1
            chosen.append(candidate)
        }
        return chosen
    }

    /// The key messages as a numbered list, systems by their short names, each linking to its charts.
    func html() -> String {
        let messages = chosen
        guard !messages.isEmpty else { return "" }
        var out = "<h2 id=\"key-messages\">Key messages</h2><ol class=\"key-messages\">"
        for message in messages {
            var text = message.text
            for system in view.systems { text = text.replacingOccurrences(of: system.name, with: SIIChart.shortName(system.name)) }
            out +=
                "<li>\(HTML.escape(text)) <a href=\"#\(HTML.escape(message.indicator.id))\">See the charts of \(HTML.escape(FigureText.inSentence(message.indicator.name)))</a>.</li>"
        }
        return out + "</ol>"
    }
}
