/// Settings of the aggregate stage (the national view of inequality).
public struct AggregateSettings: Codable, Sendable, Equatable {
    /// Where SII x positions come from.
    public enum Positions: String, Codable, Sendable, CaseIterable {
        /// National cumulative population shares (NHS England's method for comparing ICBs).
        case national
        /// The geography's own quantile populations (PHEindicatormethods `phe_sii`).
        case local
    }

    /// Whether funnel limits allow for overdispersion between ICSs (docs/METHODS.md §10).
    public enum FunnelOverdispersion: String, Codable, Sendable, CaseIterable {
        /// Limits from chance alone.
        case none
        /// Spiegelhalter's random-effects limits, τ² from winsorised z-scores.
        case spiegelhalter
    }

    /// The period trends are measured against; default: the earliest period in the data.
    public var baselinePeriod: String?
    public var siiPositions: Positions = .national
    /// Seed of the SII simulation (used only where no closed form exists).
    public var siiSeed: UInt64 = 20_260_401
    public var siiRepetitions: Int = 10_000
    /// A quantile below this population (denominator) makes an SII "unstable".
    public var minQuantilePopulation: Double = 1_000
    /// How many ICSs the "highest/lowest" headline names.
    public var headlineTopN: Int = 5
    public var funnelOverdispersion: FunnelOverdispersion = .none
    /// The share of z-scores pulled in at each tail before τ² is estimated (FunnelPlotR's default 10%).
    public var funnelWinsorisation: Double = 0.1

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case baselinePeriod, siiPositions, siiSeed, siiRepetitions, minQuantilePopulation, headlineTopN, funnelOverdispersion, funnelWinsorisation
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baselinePeriod = try container.decodeIfPresent(String.self, forKey: .baselinePeriod)
        siiPositions = try container.decodeIfPresent(Positions.self, forKey: .siiPositions) ?? .national
        siiSeed = try container.decodeIfPresent(UInt64.self, forKey: .siiSeed) ?? 20_260_401
        siiRepetitions = try container.decodeIfPresent(Int.self, forKey: .siiRepetitions) ?? 10_000
        minQuantilePopulation = try container.decodeIfPresent(Double.self, forKey: .minQuantilePopulation) ?? 1_000
        headlineTopN = try container.decodeIfPresent(Int.self, forKey: .headlineTopN) ?? 5
        funnelOverdispersion = try container.decodeIfPresent(FunnelOverdispersion.self, forKey: .funnelOverdispersion) ?? .none
        funnelWinsorisation = try container.decodeIfPresent(Double.self, forKey: .funnelWinsorisation) ?? 0.1
        guard (0..<0.5).contains(funnelWinsorisation) else {
            throw DecodingError.dataCorruptedError(
                forKey: .funnelWinsorisation, in: container, debugDescription: "must be at least 0 and below 0.5 (0.1 pulls in the 10% at each tail)")
        }
        if let baselinePeriod {
            // Stored as the pipeline writes periods, so it matches the data's labels.
            guard let period = Period(label: baselinePeriod) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .baselinePeriod, in: container,
                    debugDescription: "must be a period: a month (YYYY-MM), a quarter (2024-Q4), a financial year (2024-25), a year (2024) or 12m-to-YYYY-MM")
            }
            self.baselinePeriod = period.label
        }
        guard siiRepetitions >= 10_000 else {
            throw DecodingError.dataCorruptedError(forKey: .siiRepetitions, in: container, debugDescription: "must be at least 10000")
        }
        guard (1...42).contains(headlineTopN) else {
            throw DecodingError.dataCorruptedError(forKey: .headlineTopN, in: container, debugDescription: "must be from 1 to 42")
        }
    }
}
