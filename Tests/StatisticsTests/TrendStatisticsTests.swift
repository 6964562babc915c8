import Testing

@testable import Statistics

/// Change intervals (MOVER), directions by polarity, and Fingertips' recent-trend marker.
struct TrendStatisticsTests {
    @Test func changeIntervalAndDirection() {
        let interval = ChangeInterval.difference(latest: (12, 11, 13.5), baseline: (10, 9, 11))
        let expectedLower: Double = 2 - 2.0.squareRoot()
        let expectedUpper: Double = 2 + 3.25.squareRoot()
        #expect(interval.change == 2)
        #expect(abs(interval.lower - expectedLower) < 1e-12)
        #expect(abs(interval.upper - expectedUpper) < 1e-12)
        #expect(TrendDirection(interval, polarity: .lowerIsBetter) == .worsening)
        #expect(TrendDirection(interval, polarity: .higherIsBetter) == .improving)
        #expect(TrendDirection(interval, polarity: .none) == .increasing)
        #expect(TrendDirection(ChangeInterval(change: 1, lower: -0.5, upper: 2), polarity: .none) == .noChange)
        #expect(GapDirection(interval) == .widening)
        #expect(GapDirection(ChangeInterval(change: -1, lower: -2, upper: -0.5)) == .narrowing)
    }

    @Test func recentTrendNeedsFivePointsAndRobustness() {
        var rising: [(time: Double, value: Double?, lower: Double?, upper: Double?)] = []
        for step in 0..<5 {
            let y = 10 + 2 * Double(step)
            rising.append((Double(step), y, y - 0.5, y + 0.5))
        }
        #expect(RecentTrend.marker(rising) == .increasing)
        #expect(RecentTrend.marker(Array(rising.prefix(4))) == .cannotBeCalculated)
        var flat: [(time: Double, value: Double?, lower: Double?, upper: Double?)] = []
        for step in 0..<5 {
            flat.append((Double(step), step % 2 == 0 ? 10.1 : 9.9, 8.0, 12.0))
        }
        #expect(RecentTrend.marker(flat) == .noSignificantChange)
    }
}
