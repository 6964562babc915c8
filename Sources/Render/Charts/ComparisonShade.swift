import Foundation
import Publication
package import Statistics

/// How a comparison with England is drawn, on the map, in the overview matrix and in legends
/// (docs/REPORT.md, "Colour and pattern"): a fill colour and, so colour is never the only cue, a pattern
/// of white marks — dots for better, hatching for worse, lines for a difference without polarity.
package enum ComparisonShade: String, CaseIterable, Sendable {
    case better998 = "better-998", better95 = "better-95", similar, worse95 = "worse-95", worse998 = "worse-998"
    case higher998 = "higher-998", higher95 = "higher-95", lower95 = "lower-95", lower998 = "lower-998"
    case notCompared = "not-compared"
    case widerGap = "wider-gap", similarGap = "similar-gap", narrowerGap = "narrower-gap", gapNotAvailable = "gap-not-available"

    package init(_ comparison: TwoLevelComparison) {
        switch comparison {
        case .better998: self = .better998
        case .better95: self = .better95
        case .similar: self = .similar
        case .worse95: self = .worse95
        case .worse998: self = .worse998
        case .higher998: self = .higher998
        case .higher95: self = .higher95
        case .lower95: self = .lower95
        case .lower998: self = .lower998
        case .notCompared: self = .notCompared
        }
    }

    /// An ICS's SII against England's (`nil`: no SII to compare).
    package init(gap side: IntervalSide?) {
        switch side {
        case .higher: self = .widerGap
        case .similar: self = .similarGap
        case .lower: self = .narrowerGap
        case nil: self = .gapNotAvailable
        }
    }

    package var label: String {
        switch self {
        case .better998: "Better than England (99.8%)"
        case .better95: "Better than England (95%)"
        case .similar: "Similar to England"
        case .worse95: "Worse than England (95%)"
        case .worse998: "Worse than England (99.8%)"
        case .higher998: "Higher than England (99.8%)"
        case .higher95: "Higher than England (95%)"
        case .lower95: "Lower than England (95%)"
        case .lower998: "Lower than England (99.8%)"
        case .notCompared: "Not compared"
        case .widerGap: "Gap wider than England's"
        case .similarGap: "Gap similar to England's"
        case .narrowerGap: "Gap narrower than England's"
        case .gapNotAvailable: "No gap to compare"
        }
    }

    /// The label with another benchmark than England (e.g. `the ICS` for places).
    package func label(against benchmark: String) -> String {
        label.replacingOccurrences(of: "England's", with: "\(benchmark)'s").replacingOccurrences(of: "England", with: benchmark)
    }

    /// A word or two for a matrix cell, so the cell reads without its colour.
    package var short: String {
        switch self {
        case .better998, .better95: "Better"
        case .similar, .similarGap: "Similar"
        case .worse95, .worse998: "Worse"
        case .higher998, .higher95: "Higher"
        case .lower95, .lower998: "Lower"
        case .notCompared, .gapNotAvailable: "–"
        case .widerGap: "Wider"
        case .narrowerGap: "Narrower"
        }
    }

    /// Fill colour; the 99.8% level is the darker of each pair. Green/red for polarity, blues without.
    package var colour: String {
        switch self {
        case .better998: "#00703c"
        case .better95: "#85994b"
        case .similar, .similarGap: "#ffdd00"
        case .worse95: "#f47738"
        case .worse998: "#b7281c"
        case .higher998: "#003078"
        case .higher95: "#5694ca"
        case .lower95: "#a5c4e3"
        case .lower998: "#5a5da3"
        case .notCompared, .gapNotAvailable: "#ffffff"
        case .widerGap: "#b7281c"
        case .narrowerGap: "#00703c"
        }
    }

    /// Whether text on the fill should be white.
    package var darkFill: Bool { [.better998, .worse998, .higher998, .lower998, .widerGap, .narrowerGap].contains(self) }

    /// The marks drawn over the colour in a 8×8 tile.
    private var marks: String {
        switch self {
        case .better998, .better95, .narrowerGap: "<circle cx=\"4\" cy=\"4\" r=\"1.3\" fill=\"#fff\"/>"
        case .worse95, .worse998, .widerGap: "<path d=\"M0 8L8 0M-2 2L2 -2M6 10L10 6\" stroke=\"#fff\" stroke-width=\"1.4\"/>"
        case .higher998, .higher95: "<path d=\"M0 2H8M0 6H8\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case .lower95, .lower998: "<path d=\"M2 0V8M6 0V8\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case .notCompared, .gapNotAvailable: "<path d=\"M2 2L6 6M6 2L2 6\" stroke=\"#505a5f\" stroke-width=\"0.8\"/>"
        case .similar, .similarGap: ""
        }
    }

    /// The fill to give an area or swatch.
    package var fill: String { "url(#shade-\(rawValue))" }

    /// Every shade's pattern, for a page's `<defs>`.
    package static var patterns: String {
        allCases.map {
            "<pattern id=\"shade-\($0.rawValue)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"\($0.colour)\"/>\($0.marks)</pattern>"
        }.joined()
            // Hatching over a fill: a value to read with care.
            + "<pattern id=\"hatch-unstable\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#0b0c0c\" stroke-width=\"1.2\"/></pattern>"
    }
}

extension ComparisonShade {
    /// Beyond England's 99.8% limits.
    package var isOutside998: Bool { [.better998, .worse998, .higher998, .lower998].contains(self) }
    /// Beyond 95% but not 99.8%.
    package var isOutside95: Bool { [.better95, .worse95, .higher95, .lower95].contains(self) }
}
