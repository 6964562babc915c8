/// The pipeline's stages, in run order. Each reads only its upstream stage's checkpoint tables.
public enum StageName: String, CaseIterable, Sendable, Comparable, Codable {
    case ingest, transform, aggregate, report

    /// The stage whose checkpoint this one reads, `nil` for ingest.
    public var upstream: StageName? {
        switch self {
        case .ingest: nil
        case .transform: .ingest
        case .aggregate: .transform
        case .report: .aggregate
        }
    }

    public static func < (lhs: StageName, rhs: StageName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
