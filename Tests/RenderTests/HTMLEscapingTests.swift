import PipelineCore
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render

/// Every attribute and text node of the HTML report is escaped where it is written:
/// an indicator id holding `"` once wrote an `onload=` attribute into the page.
struct HTMLEscapingTests {
    static let hostile = #"X" onload="alert(1)"#

    @Test func chartIDsAndTextsCannotOpenAnAttribute() {
        let chart = SIIChart(id: Self.hostile + "-sii", title: "<b>" + Self.hostile, unit: "%\"", england: 1, rows: [])
        let svg = chart.svg()
        #expect(!svg.contains(#"" onload=""#), "\(svg.prefix(300))")
        #expect(svg.contains("X&quot; onload=&quot;alert(1)-sii"))
        #expect(!svg.contains("<b>"))
    }

    @Test func indicatorIDsAreConstrainedByTheConfig() {
        #expect(!IndicatorConfig.isValidID(Self.hostile))
        #expect(!IndicatorConfig.isValidID("1A") && !IndicatorConfig.isValidID("") && !IndicatorConfig.isValidID(String(repeating: "A", count: 33)))
        #expect(IndicatorConfig.isValidID("EIA04MH") && IndicatorConfig.isValidID("a_b-c"))
    }
}
