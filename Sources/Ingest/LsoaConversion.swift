public import PipelineCore

/// LSOA codes of another vintage mapped onto the basis (docs/DATA.md, "Geography basis"): each code to
/// one basis LSOA (unchanged, or merged into it), or to several with the share of its rows each takes
/// (split, by population).
public struct LsoaConversion: Sendable {
    public var from: LsoaVintage
    /// Codes of the other vintage → dense index (the key unit of converted rows, for duplicates).
    public var codes: LsoaIndex
    /// Targets of code `i` are `targets[offsets[i]..<offsets[i + 1]]`.
    var offsets: [Int32]
    /// Dense basis LSOA index of each target.
    var targets: [Int32]
    /// Share of the code's rows each target takes (summing to 1 per code).
    var shares: [Double]

    /// Targets (basis dense index, share) of the code with dense index `code`.
    @inline(__always)
    func targetRange(of code: Int) -> Range<Int> { Int(offsets[code])..<Int(offsets[code + 1]) }

    @inline(__always)
    func target(_ position: Int) -> (lsoa: Int, share: Double) { (Int(targets[position]), shares[position]) }

    /// Shares `total` whole units among the targets in `range` in proportion to their shares, by the
    /// D'Hondt (Jefferson) divisor method: whole numbers that sum to `total`, and house-monotone — a
    /// larger total never gives a target less — so a numerator shared out never exceeds its
    /// denominator shared out the same way.
    func apportion(_ total: Int64, range: Range<Int>, into parts: inout [Int64]) {
        parts.removeAll(keepingCapacity: true)
        var given: Int64 = 0
        for position in range {
            let floor = Int64((Double(total) * shares[position]).rounded(.down))
            parts.append(floor)
            given += floor
        }
        // Jefferson's allocation is at least each floor of the quota; the rest go one at a time to the
        // largest share per unit already given (ties to the first).
        while given < total {
            var best = 0
            var bestPriority = -Double.infinity
            for (offset, position) in range.enumerated() {
                let priority = shares[position] / Double(parts[offset] + 1)
                if priority > bestPriority {
                    bestPriority = priority
                    best = offset
                }
            }
            parts[best] += 1
            given += 1
        }
    }
}
