/// One provider-grain source's weights (docs/DATA.md, "Counts by provider"): for each provider code, the
/// ICBs its activity comes from and the share from each (summing to 1).
public struct AttributionTable: Sendable {
    /// Provider code (upper case) → dense index.
    public var index: [String: Int] = [:]
    public var codes: [String] = []
    /// Per provider: (ICB index, share).
    public var weights: [[(icb: Int, share: Double)]] = []
}
