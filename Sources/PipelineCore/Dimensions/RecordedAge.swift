/// The age of a count as the checkpoint holds it (`age_band` of the ingest tables): an ESP2013 band, or
/// `unknown` — records of unknown age, and rows for all ages (docs/DATA.md, "Ages").
public enum RecordedAge: Hashable, Sendable, CustomStringConvertible {
    case band(AgeBand)
    case unknown

    /// The stored label: a band's canonical label (`0-4` … `90+`) or `unknown`.
    public var label: String {
        switch self {
        case .band(let band): band.label
        case .unknown: "unknown"
        }
    }

    public var description: String { label }

    /// The position in a cube's age axis: the band's index, or ``AgeBand/count`` for unknown.
    public var index: Int {
        switch self {
        case .band(let band): band.index
        case .unknown: AgeBand.count
        }
    }

    /// The age at a cube index (``index``).
    public init(index: Int) {
        self = index < AgeBand.count ? .band(AgeBand(index: index)) : .unknown
    }

    private static let byLabel = Dictionary(uniqueKeysWithValues: AgeBand.all.map { ($0.label, RecordedAge.band($0)) } + [("unknown", .unknown)])

    /// Only a stored label (exactly as ``label`` writes it); anything else is `nil`.
    public init?(storedLabel: String) {
        guard let age = Self.byLabel[storedLabel] else { return nil }
        self = age
    }
}
