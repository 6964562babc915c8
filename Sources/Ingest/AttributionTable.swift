import PipelineCore

/// One provider-grain source's weights (docs/DATA.md, "Counts by provider"): for each provider code, the
/// ICBs its activity comes from and the share from each (summing to 1).
public struct AttributionTable: Sendable {
    /// Provider code (upper case) → dense index.
    public var index: [String: Int] = [:]
    public var codes: [String] = []
    /// Per provider: (ICB index, share).
    public var weights: [[(icb: Int, share: Double)]] = []
    /// Per GP practice, its sub-ICB location's index when the practice list gives it (`placeColumn`).
    public var places: [Int?] = []
    /// Predecessor codes read through a successor's weights: predecessor → the successor whose weights
    /// share it out (``readSuccessors(_:config:)``).
    public var readThrough: [String: String] = [:]
}

extension AttributionTable {
    /// Merged providers (docs/DATA.md, "Merged providers"): each predecessor code the weights do not hold is
    /// read through the first successor down its line that they do, so its activity is shared out by that
    /// provider's weights. A code the weights hold keeps its own. A predecessor given two successors (a
    /// split) or a line of successors that comes back on itself is refused: either would need weights the
    /// lookup does not give.
    mutating func readSuccessors(_ rows: [CSVTableReader.Row], config: ProviderSuccessors) throws {
        var successor: [String: (code: String, line: Int)] = [:]
        for row in rows {
            let predecessor = row[config.predecessorColumn]!.uppercased(), next = row[config.successorColumn]!.uppercased()
            guard !predecessor.isEmpty, !next.isEmpty, predecessor != next else { continue }
            if let earlier = successor[predecessor], earlier.code != next {
                throw PipelineError(
                    .dataQuality,
                    "provider \(predecessor) has two successors, \(earlier.code) (line \(earlier.line)) and \(next): its activity cannot be shared between them without weights",
                    at: InputLocation(file: config.file, line: row.line),
                    hint: "keep one successor for each predecessor in the lookup (the provider its services went to)")
            }
            successor[predecessor] = (next, row.line)
        }
        // Down each line through the weights as read, not through predecessors aliased on the way.
        let own = index
        for predecessor in successor.keys.sorted() where own[predecessor] == nil {
            var code = predecessor, seen: Set<String> = [predecessor]
            while own[code] == nil, let next = successor[code] {
                guard seen.insert(next.code).inserted else {
                    throw PipelineError(
                        .dataQuality, "the successors of provider \(predecessor) lead back to \(next.code)",
                        at: InputLocation(file: config.file, line: next.line), hint: "a successor lookup must lead forward in time")
                }
                code = next.code
            }
            guard let position = own[code] else { continue }
            index[predecessor] = position
            readThrough[predecessor] = code
        }
    }
}
