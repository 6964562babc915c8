/// One estimate with its 95% interval, labelled, as the charts draw it.
struct ChartPoint {
    var label: String
    var value: Double
    var lower: Double?
    var upper: Double?
    /// Extra class for styling (e.g. the funnel band).
    var style: String = ""
}
