import Foundation
import Publication
import Statistics

/// "What this says" for one ICS (docs/REPORT.md, "Profiles"): a paragraph a system's report writer can
/// lift, built only from the system's published facts — its deprivation against England's, then for each
/// indicator its verdict against England, its gap by deprivation against England's, its change since the
/// baseline and its place among the systems of its region.
struct ProfileSummary {
    let view: PublicationView
    let system: PublicationView.System

    /// The sentences, in reading order.
    var sentences: [String] {
        let short = SIIChart.shortName(system.name)
        var out: [String] = []
        let facts = view.indicators.lazy.compactMap { $0.ics(system.ods) }.first?.row
        if let core20 = facts?[.core20Share].number {
            // England's Core20 is a fifth of its people by construction (national quintile 1).
            let side = core20 > 0.25 ? "more than" : core20 < 0.15 ? "fewer than" : "about as many as"
            out.append(
                "\(FigureText.figure(core20 * 100))% of \(short)'s residents live in England's most deprived fifth of areas (Core20), \(side) the fifth of England's people who do by definition."
            )
        }
        for indicator in view.indicators {
            guard let ics = indicator.ics(system.ods) else { continue }
            let name = FigureText.inSentence(indicator.name)
            guard let value = ics.row[.value].number else {
                out.append(
                    "Its value for \(name) is not published for \(indicator.latestLabel) (\(ics.row[.value] == .suppressed ? "hidden by disclosure control" : "not available"))."
                )
                continue
            }
            var sentence =
                "In \(indicator.latestLabel) its value for \(name) was \(FigureText.withUnit(value, unit: indicator.unit, decimals: ics.row.decimals(.value)))"
            if let englandRow = indicator.england(indicator.latest)?.row, let england = englandRow[.value].number {
                sentence += " against England's \(FigureText.withUnit(england, unit: indicator.unit, decimals: englandRow.decimals(.value)))"
            }
            sentence += ": \(Self.verdict(ComparisonShade(indicator.verdict(ics))))"
            if indicator.noSplit == nil {
                sentence += "; " + Self.gap(ComparisonShade(gap: ics.siiVersusEngland), unstable: ics.siiUnstableReason != nil)
            }
            if let trend = ics.row[.trendMarker].text.flatMap(TrendDirection.init(rawValue:)), let words = Self.trend(trend) {
                sentence += "; since the baseline it has \(words)"
            }
            if let rank = Self.regionRank(indicator, ics: ics, region: system.region) { sentence += "; \(rank)" }
            out.append(sentence + ".")
        }
        return out
    }

    func html() -> String {
        let text = sentences
        guard !text.isEmpty else { return "" }
        return HTMLPage.section("summary", "What this says", "<p class=\"standfirst\">\(HTML.escape(text.joined(separator: " ")))</p>")
    }

    static func verdict(_ shade: ComparisonShade) -> String {
        switch shade {
        case .similar: "similar to England"
        case .better95: "better than England (95% test)"
        case .better998: "markedly better than England (99.8% test)"
        case .worse95: "worse than England (95% test)"
        case .worse998: "markedly worse than England (99.8% test)"
        case .higher95: "higher than England (95% test)"
        case .higher998: "markedly higher than England (99.8% test)"
        case .lower95: "lower than England (95% test)"
        case .lower998: "markedly lower than England (99.8% test)"
        case .notCompared, .gapNotAvailable, .widerGap, .similarGap, .narrowerGap: "not compared with England"
        }
    }

    static func gap(_ shade: ComparisonShade, unstable: Bool) -> String {
        let words: String
        switch shade {
        case .widerGap: words = "its gap between the most and least deprived is wider than England's"
        case .narrowerGap: words = "its gap between the most and least deprived is narrower than England's"
        case .similarGap: words = "its gap between the most and least deprived is similar to England's"
        case .gapNotAvailable, .notCompared, .similar, .better95, .better998, .worse95, .worse998, .higher95, .higher998, .lower95, .lower998:
            return "its gap by deprivation cannot be compared with England's"
        }
        return words + (unstable ? " (an unstable estimate)" : "")
    }

    static func trend(_ direction: TrendDirection) -> String? {
        switch direction {
        case .improving: "improved significantly"
        case .worsening: "got significantly worse"
        case .increasing: "risen significantly"
        case .decreasing: "fallen significantly"
        case .noChange: "not changed significantly"
        case .notCompared: nil
        }
    }

    /// Its place among the systems of its region, best first where the indicator has a polarity.
    static func regionRank(_ indicator: PublicationView.Indicator, ics: LeagueRow, region: String) -> String? {
        let peers = indicator.current.filter { $0.row.text(.region) == region }.compactMap { row in row.row[.value].number.map { (row.ods, $0) } }
        guard peers.count >= 3, let mine = peers.first(where: { $0.0 == ics.ods })?.1 else { return nil }
        let top = indicator.polarity == .none ? "highest" : "best", bottom = indicator.polarity == .none ? "lowest" : "worst"
        let ahead = peers.filter { indicator.polarity == .lowerIsBetter ? $0.1 < mine : $0.1 > mine }.count
        let place =
            ahead == 0 ? "the \(top)" : ahead == peers.count - 1 ? "the \(bottom)" : "the \(Self.ordinal(ahead + 1)) \(top)"
        return "it is \(place) of the \(peers.count) systems in \(region)"
    }

    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }
}
