import Publication

/// One estimate with its 95% interval, labelled, as the charts draw it.
package struct ChartPoint {
    package var label: String
    package var value: Double
    package var lower: Double?
    package var upper: Double?
    /// Extra class for styling (e.g. the funnel band).
    package var style: String = ""
    /// The decimals the value is published with (0 for a percentage shown whole; docs/REPORT.md, "Charts").
    package var decimals: Int = 1
}
