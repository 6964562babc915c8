public import GRDB
public import PipelineCore
public import Statistics

/// SII and RII of one indicator × period × geography over national quintiles or deciles (docs/METHODS.md §9).
public struct InequalityIndex: CheckpointRecord, Equatable {
    public static let databaseTableName = "inequality_index"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case level = "geography_level"
        case code = "geography_code"
        case quantileType = "quantile_type"
        case quantiles = "n_quantiles"
        case positionBasis = "position_basis"
        case scale
        case sii
        case siiLower = "sii_lcl95"
        case siiUpper = "sii_ucl95"
        case rii
        case riiLower = "rii_lcl95"
        case riiUpper = "rii_ucl95"
        case intervalMethod = "ci_method"
        case versusEngland = "sii_vs_england"
        case unstable
        case unstableReason = "unstable_reason"
    }

    public var indicator: String
    public var period: String
    public var level: GeographyLevel
    public var code: String
    public var quantileType: QuantileType
    public var quantiles: Int
    public var positionBasis: AggregateSettings.Positions
    public var scale: InequalityScale
    public var sii: Double?
    public var siiLower: Double?
    public var siiUpper: Double?
    public var rii: Double?
    public var riiLower: Double?
    public var riiUpper: Double?
    public var intervalMethod: InequalityIntervalMethod?
    /// The ICS interval against England's SII; nil for England.
    public var versusEngland: IntervalSide?
    public var unstable: Bool
    /// Why the SII should be read with care.
    public var unstableReason: String?

    public init(
        indicator: String, period: String, level: GeographyLevel, code: String, quantileType: QuantileType, quantiles: Int,
        positionBasis: AggregateSettings.Positions, scale: InequalityScale, sii: Double?, siiLower: Double?, siiUpper: Double?, rii: Double?, riiLower: Double?,
        riiUpper: Double?, intervalMethod: InequalityIntervalMethod?, versusEngland: IntervalSide?, unstable: Bool, unstableReason: String?
    ) {
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.quantileType = quantileType
        self.quantiles = quantiles
        self.positionBasis = positionBasis
        self.scale = scale
        self.sii = sii
        self.siiLower = siiLower
        self.siiUpper = siiUpper
        self.rii = rii
        self.riiLower = riiLower
        self.riiUpper = riiUpper
        self.intervalMethod = intervalMethod
        self.versusEngland = versusEngland
        self.unstable = unstable
        self.unstableReason = unstableReason
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        quantileType = try row.decode(Columns.quantileType)
        quantiles = row[Columns.quantiles]
        positionBasis = try row.decode(Columns.positionBasis)
        scale = try row.decode(Columns.scale)
        sii = row[Columns.sii]
        siiLower = row[Columns.siiLower]
        siiUpper = row[Columns.siiUpper]
        rii = row[Columns.rii]
        riiLower = row[Columns.riiLower]
        riiUpper = row[Columns.riiUpper]
        intervalMethod = try row.decodeIfPresent(Columns.intervalMethod)
        versusEngland = try row.decodeIfPresent(Columns.versusEngland)
        unstable = row[Columns.unstable]
        unstableReason = row[Columns.unstableReason]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.level] = level
        row[.code] = code
        row[.quantileType] = quantileType
        row[.quantiles] = quantiles
        row[.positionBasis] = positionBasis
        row[.scale] = scale
        row[.sii] = sii
        row[.siiLower] = siiLower
        row[.siiUpper] = siiUpper
        row[.rii] = rii
        row[.riiLower] = riiLower
        row[.riiUpper] = riiUpper
        row[.intervalMethod] = intervalMethod
        row[.versusEngland] = versusEngland
        row[.unstable] = unstable
        row[.unstableReason] = unstableReason
    }
}
