#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The periods a run publishes (`periods` in pipeline.json): rows outside the window are quarantined with
/// a reason, so a delivery holding decades of history cannot exhaust memory or publish what nobody asked
/// for. Periods after the current month are always refused.
public struct PeriodWindow: Codable, Sendable, Equatable {
    /// First period kept, `YYYY-MM`; none = no lower bound.
    public var from: String?
    /// Last period kept, `YYYY-MM`; none = up to the current month.
    public var to: String?

    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        to = try container.decodeIfPresent(String.self, forKey: .to)
        for (key, value) in [(CodingKeys.from, from), (.to, to)] {
            if let value, Period(label: value)?.kind != .month {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "must be a month, YYYY-MM")
            }
        }
        if let first = from.flatMap(Period.init(label:)), let last = to.flatMap(Period.init(label:)), last < first {
            throw DecodingError.dataCorruptedError(forKey: .to, in: container, debugDescription: "comes before 'from'")
        }
    }

    /// The first and last period ordinals allowed; the last is never after `current`.
    public func bounds(current: Period) -> ClosedRange<Int> {
        let lower = from.flatMap(Period.init(label:))?.ordinal ?? Int.min
        let upper = min(to.flatMap(Period.init(label:))?.ordinal ?? Int.max, current.ordinal)
        return lower...max(lower, upper)
    }
}

extension Period {
    /// The current month (UTC), or `SOC_PIPELINE_TODAY=YYYY-MM` for tests.
    public static func current(environment: [String: String]) -> Period {
        if let text = environment["SOC_PIPELINE_TODAY"], let period = Period(label: text), period.kind == .month { return period }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        return Period(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1)
    }
}
