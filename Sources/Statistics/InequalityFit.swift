/// The pipeline's SII/RII over one geography's national deprivation quantiles (docs/METHODS.md §9): rates
/// on the log scale and proportions (as 0–1) on the logit scale, with transform, so the closed form is
/// exact; read with care (`unstableReason`) when a quantile is small, missing or at the edge of its scale.
/// The aggregate stage fits it on the values it computed; the report fits it again on the values it
/// publishes, so a published SII is a function of published cells (docs/DISCLOSURE.md).
public struct InequalityFit: Sendable {
    /// One quantile as the fit reads it.
    public struct Quantile: Sendable {
        public var value: Double?
        public var lower95: Double?
        public var upper95: Double?
        /// The quantile's population (a rate's) or denominator (a proportion's): its weight.
        public var population: Double
        /// Why the quantile has no value, when the method withheld it.
        public var withheld: WithheldReason?

        public init(value: Double?, lower95: Double?, upper95: Double?, population: Double, withheld: WithheldReason? = nil) {
            self.value = value
            self.lower95 = lower95
            self.upper95 = upper95
            self.population = population
            self.withheld = withheld
        }
    }

    public struct Result: Sendable {
        public var sii: Double?
        public var siiLower: Double?
        public var siiUpper: Double?
        public var rii: Double?
        public var riiLower: Double?
        public var riiUpper: Double?
        /// Whether the limits came from the closed form (else the seeded simulation); nil with no SII.
        public var closedForm: Bool?
        public var unstableReason: String?
        public var quantiles: Int

        public init(
            sii: Double? = nil, siiLower: Double? = nil, siiUpper: Double? = nil, rii: Double? = nil, riiLower: Double? = nil,
            riiUpper: Double? = nil, closedForm: Bool? = nil, unstableReason: String? = nil, quantiles: Int
        ) {
            self.sii = sii
            self.siiLower = siiLower
            self.siiUpper = siiUpper
            self.rii = rii
            self.riiLower = riiLower
            self.riiUpper = riiUpper
            self.closedForm = closedForm
            self.unstableReason = unstableReason
            self.quantiles = quantiles
        }

        /// SII with its 95% limits, when it has all three.
        public var siiWithLimits: (value: Double, lower: Double, upper: Double)? {
            guard let sii, let siiLower, let siiUpper else { return nil }
            return (sii, siiLower, siiUpper)
        }
    }

    public var valueType: SlopeIndexOfInequality.ValueType
    public var polarity: Polarity
    public var multiplier: Double
    /// A quantile below this population makes the SII unstable.
    public var minimumPopulation: Double
    /// National positions (cumulative population shares of England's quantiles), else the geography's own.
    public var nationalPositions: Bool
    public var repetitions: Int

    public init(
        valueType: SlopeIndexOfInequality.ValueType, polarity: Polarity, multiplier: Double, minimumPopulation: Double, nationalPositions: Bool,
        repetitions: Int
    ) {
        self.valueType = valueType
        self.polarity = polarity
        self.multiplier = multiplier
        self.minimumPopulation = minimumPopulation
        self.nationalPositions = nationalPositions
        self.repetitions = repetitions
    }

    /// +1 when higher is better (x = 1 minus x = 0 is least minus most deprived), −1 otherwise.
    public static func orientation(_ polarity: Polarity) -> Double {
        switch polarity {
        case .higherIsBetter: 1
        case .lowerIsBetter, .none: -1
        }
    }

    /// The fit over `quantiles` (1 = most deprived; nil where a quantile has no row); `national`: England's
    /// quantile populations, for national positions.
    public func fit(_ quantiles: [Quantile?], national: [Double], seed: UInt64) -> Result {
        var result = Result(quantiles: quantiles.count)
        let isProportion = valueType == .proportion
        let scale = isProportion ? multiplier : 1
        var usable: [SlopeIndexOfInequality.Quantile] = []
        for (offset, quantile) in quantiles.enumerated() {
            let label = offset + 1
            guard let quantile, let value = quantile.value, let lower = quantile.lower95, let upper = quantile.upper95 else {
                result.unstableReason = "quantile \(label) has no value" + (quantile?.withheld.map { " (\($0.text))" } ?? "")
                return result
            }
            let v = value / scale, l = lower / scale, u = upper / scale
            let inside = isProportion ? (v > 0 && v < 1 && l > 0 && u < 1) : (v > 0 && l > 0)
            guard inside, quantile.population > 0 else {
                result.unstableReason = "quantile \(label) is at the edge of its scale (\(isProportion ? "0% or 100%" : "zero events")); no log/logit SII"
                return result
            }
            usable.append(.init(population: quantile.population, value: v, lower95: l, upper95: u, type: valueType))
        }
        if let small = quantiles.firstIndex(where: { ($0?.population ?? 0) < minimumPopulation }) {
            result.unstableReason = "quantile \(small + 1) population below \(Int(minimumPopulation))"
        }
        var positions: [Double]?
        if nationalPositions {
            guard national.count == quantiles.count, national.allSatisfy({ $0 > 0 }) else {
                result.unstableReason = "England lacks a quantile population for national positions"
                return result
            }
            positions = SlopeIndexOfInequality.positions(national)
        }
        let model = SlopeIndexOfInequality(valueType: valueType, transform: true, multiplier: Self.orientation(polarity) * scale)
        let point = model.point(usable, positions: positions)
        let limits =
            model.hasClosedForm
            ? model.closedFormLimits(usable, positions: positions, confidence: 0.95)
            : model.simulatedLimits(usable, positions: positions, confidence: 0.95, repetitions: repetitions, seed: seed)
        result.sii = point.sii
        result.rii = point.rii
        result.siiLower = limits.siiLower
        result.siiUpper = limits.siiUpper
        result.riiLower = limits.riiLower
        result.riiUpper = limits.riiUpper
        result.closedForm = model.hasClosedForm
        return result
    }
}
