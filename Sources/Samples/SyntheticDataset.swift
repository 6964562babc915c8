import PipelineCore

/// A synthetic extract's generating model: rates by age, sex and deprivation, with Poisson noise.
///
/// The shapes follow the published patterns State of Care quotes (data-samples/README.md): avoidable
/// admissions nearly 3× as likely in the most deprived decile, A&E attendances about 2×,
/// mental-health A&E attendances over 3×, waits within 18 weeks slightly lower in deprived areas.
public struct SyntheticDataset: Sendable {
    public enum Shape: Sendable {
        /// Events per person per period, by age band.
        case events(ratePerPerson: [Double])
        /// Denominator per person per period by age band, and the base proportion.
        case proportion(denominatorPerPerson: [Double], baseProportion: Double)
    }

    public var name: String
    public var shape: Shape
    /// Multiplier for decile 1 relative to decile 10 (linear in decile between them).
    public var deprivationRatio: Double
    /// Male and female multipliers.
    public var sexFactor: (male: Double, female: Double)
    /// Relative change per period after the first (e.g. 0.04 = +4%).
    public var trendPerPeriod: Double
    /// Spread of the per-ICB multiplier (log scale SD).
    public var icbSpread: Double

    public var isEvents: Bool {
        if case .events = shape { return true }
        return false
    }

    /// Deprivation multiplier for a decile (1 = most deprived).
    public func deprivationFactor(decile: Int) -> Double {
        1 + (deprivationRatio - 1) * Double(10 - decile) / 9
    }

    /// The default six: four event datasets and two proportions.
    public static let standard: [SyntheticDataset] = [
        SyntheticDataset(
            name: "acsc_admissions",
            shape: .events(ratePerPerson: [
                0.0016, 0.0008, 0.0008, 0.0010, 0.0010, 0.0012, 0.0014, 0.0016, 0.0020, 0.0024,
                0.0032, 0.0040, 0.0052, 0.0068, 0.0092, 0.0120, 0.0160, 0.0200, 0.0240,
            ]),
            deprivationRatio: 2.8, sexFactor: (1.08, 0.93), trendPerPeriod: 0.04, icbSpread: 0.12),
        SyntheticDataset(
            name: "ae_attendances",
            shape: .events(ratePerPerson: [
                0.45, 0.25, 0.22, 0.30, 0.34, 0.30, 0.27, 0.25, 0.24, 0.23,
                0.23, 0.24, 0.26, 0.29, 0.33, 0.40, 0.50, 0.62, 0.75,
            ]),
            deprivationRatio: 1.9, sexFactor: (1.02, 0.98), trendPerPeriod: 0.03, icbSpread: 0.10),
        SyntheticDataset(
            name: "ae_mental_health_attendances",
            shape: .events(ratePerPerson: [
                0.0005, 0.0010, 0.0060, 0.0220, 0.0200, 0.0170, 0.0150, 0.0130, 0.0110, 0.0100,
                0.0080, 0.0060, 0.0050, 0.0040, 0.0040, 0.0045, 0.0050, 0.0060, 0.0070,
            ]),
            deprivationRatio: 3.2, sexFactor: (1.05, 0.95), trendPerPeriod: 0.06, icbSpread: 0.15),
        SyntheticDataset(
            name: "cyp_mh_contacts",
            shape: .events(ratePerPerson: [0.010, 0.035, 0.070, 0.054, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            deprivationRatio: 1.3, sexFactor: (0.95, 1.05), trendPerPeriod: 0.08, icbSpread: 0.18),
        SyntheticDataset(
            name: "rtt_waits",
            shape: .proportion(
                denominatorPerPerson: [
                    0.04, 0.05, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.12,
                    0.13, 0.15, 0.17, 0.19, 0.21, 0.23, 0.24, 0.24, 0.22,
                ],
                baseProportion: 0.61),
            deprivationRatio: 0.97, sexFactor: (1, 1), trendPerPeriod: -0.03, icbSpread: 0.04),
        SyntheticDataset(
            name: "cancer_stage",
            shape: .proportion(
                denominatorPerPerson: [
                    0.0002, 0.0001, 0.0001, 0.0002, 0.0003, 0.0005, 0.0008, 0.0012, 0.0020, 0.0030,
                    0.0045, 0.0065, 0.0090, 0.0120, 0.0150, 0.0170, 0.0180, 0.0170, 0.0150,
                ],
                baseProportion: 0.58),
            deprivationRatio: 0.93, sexFactor: (1, 1), trendPerPeriod: 0.01, icbSpread: 0.05),
    ]
}
