/// Which test gives an indicator's one verdict against England (docs/METHODS.md §10): every table column
/// a reader is pointed to, chart colour, map, profile and headline uses it; the other is published only as
/// a labelled secondary column. With the large denominators of ICS data the two can disagree widely (on
/// NHS dental patients every ICS is outside the 99.8% interval test, and 38 of 42 are inside the
/// overdispersed funnel), so a page that used both would contradict itself.
public enum ComparisonPolicy: String, Sendable, CaseIterable, Codable {
    /// Fingertips' two-level test of the value's own 95% and 99.8% intervals (the default).
    case twoLevel = "two-level"
    /// The funnel plot's band, widened for overdispersion when `aggregate.funnelOverdispersion` is set.
    case funnel

    /// The verdict in the two-level vocabulary: the two-level outcome itself, or the funnel band read by
    /// polarity (above the 99.8% line `better_998`, `worse_998` or `higher_998`, and so on).
    public func verdict(twoLevel: TwoLevelComparison, funnel: FunnelBand, polarity: Polarity) -> TwoLevelComparison {
        switch self {
        case .twoLevel:
            return twoLevel
        case .funnel:
            return TwoLevelComparison(funnel, polarity: polarity)
        }
    }
}
