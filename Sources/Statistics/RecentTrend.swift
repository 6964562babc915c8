/// Fingertips' recent-trend marker (docs/METHODS.md §11): the 5 most recent points, weighted least squares
/// with SE = (UCL95 − LCL95)/3.92, significant when χ² exceeds 9.5495 (99.8%, 1 df) and the slope keeps
/// its sign with each point left out in turn.
public enum RecentTrend {
    public static let points = 5
    static let criticalChiSquare = 9.5495

    public enum Marker: String, Sendable, CaseIterable, Codable {
        case increasing, decreasing
        case noSignificantChange = "no_significant_change"
        case cannotBeCalculated = "cannot_be_calculated"
    }

    /// `series`: (time, value, lcl95, ucl95), oldest first; uses the last five.
    public static func marker(_ series: [(time: Double, value: Double?, lower: Double?, upper: Double?)]) -> Marker {
        guard series.count >= points else { return .cannotBeCalculated }
        var recent: [(x: Double, y: Double, w: Double)] = []
        for point in series.suffix(points) {
            guard let y = point.value, let lower = point.lower, let upper = point.upper, upper > lower else { return .cannotBeCalculated }
            let se = (upper - lower) / 3.92
            recent.append((point.time, y, 1 / (se * se)))
        }
        guard let full = slope(recent) else { return .cannotBeCalculated }
        guard full.chiSquare > criticalChiSquare else { return .noSignificantChange }
        for left in recent.indices {
            var subset = recent
            subset.remove(at: left)
            guard let partial = slope(subset), (partial.slope > 0) == (full.slope > 0), partial.slope != 0 else {
                return .noSignificantChange
            }
        }
        return full.slope > 0 ? .increasing : .decreasing
    }

    static func slope(_ points: [(x: Double, y: Double, w: Double)]) -> (slope: Double, chiSquare: Double)? {
        let weight = points.reduce(0) { $0 + $1.w }
        let meanX = points.reduce(0) { $0 + $1.w * $1.x } / weight
        let meanY = points.reduce(0) { $0 + $1.w * $1.y } / weight
        let sxx = points.reduce(0) { $0 + $1.w * ($1.x - meanX) * ($1.x - meanX) }
        guard sxx > 0 else { return nil }
        let sxy = points.reduce(0) { $0 + $1.w * ($1.x - meanX) * ($1.y - meanY) }
        let slope = sxy / sxx
        return (slope, slope * slope * sxx)
    }
}
