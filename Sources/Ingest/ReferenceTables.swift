import Foundation
public import PipelineCore

/// The reference data ingest maps rows with: ICBs, LSOA → sub-ICB/ICB, LSOA → IMD decile, ESP2013.
///
/// Lookups are dense integer arrays so the per-row hot path allocates nothing.
public struct ReferenceTables: Sendable {
    /// One ICB of the configured vintage.
    public struct Icb: Sendable, Equatable {
        public var odsCode: String
        public var onsCode: String
        public var name: String
        public var shortName: String
        public var regionOnsCode: String
        public var regionOdsCode: String
        public var regionName: String
    }

    public var icbs: [Icb]
    /// Sub-ICB codes; the last `icbs.count` entries stand for "whole ICB" (pre-aggregated rows).
    public var subIcbCodes: [String]
    /// ICB index of each sub-ICB index.
    public var subIcbToIcb: [Int32]
    /// Every accepted ICB code (ODS, ONS of this vintage, later ONS re-codings) → ICB index.
    public var icbAliases: [String: Int]
    public var lsoas: LsoaIndex
    /// Per dense LSOA: sub-ICB index, or -1 when the lookup lacks it.
    public var lsoaSubIcb: [Int32]
    /// Per dense LSOA: IMD decile 1…10, or 0 when unknown.
    public var lsoaDecile: [UInt8]
    /// ESP weight per band index.
    public var standardWeights: [Double]
    /// Conversions onto the basis from other LSOA vintages.
    public var conversions: [LsoaVintage: LsoaConversion] = [:]
    /// Every accepted sub-ICB location code (ODS, and ONS where the lookup gives it) → sub-ICB index.
    public var subIcbAliases: [String: Int] = [:]
    /// Each ICB's average IMD score and its rank (1 = most deprived), when the IMD summary is configured.
    public var icbDeprivation: [Int: (score: Double, rank: Int)] = [:]
    /// Weights of each provider-grain source, by source name.
    public var attributions: [String: AttributionTable] = [:]
    /// Per source at grain `gp-practice-deprivation`: each scored practice's national decile, 1 = most
    /// deprived (``PracticeDeprivationReference/deciles(scores:)``), by upper-case practice code.
    public var practiceDeciles: [String: [String: Int]] = [:]
    /// Each need-weighted component summed by allocation year and ICB index, with the number of practices
    /// (`reference.needWeights`; year 0 for weights that serve every period).
    public var needPopulations: [String: [Int: [Int: (population: Double, practices: Int)]]] = [:]
    /// Usual residents by ICB and NHS ethnic category (`reference.ethnicGroupPopulation`; empty without it).
    var ethnicGroupPopulation = EthnicGroupPopulationTable()
    /// The ICS outlines for the map, when configured.
    public var boundaries: [BoundaryReader.Ring] = []
    /// The places' outlines (area index: the sub-ICB location's), when configured.
    public var placeBoundaries = BoundaryReader.Areas()
    /// Names of the sub-ICB locations, by ODS code, when configured.
    public var places: [String: Place] = [:]

    /// A sub-ICB location's names: the official one and a readable place name (docs/DATA.md, "Places").
    public struct Place: Sendable {
        public var onsCode: String?
        public var officialName: String
        public var placeName: String
    }
    /// SHA-256 of each reference file, by kind.
    public var fileHashes: [(kind: ReferenceKind, vintage: String, file: String, sha256: String)]

    /// Normalises an ICB code given in ODS or any ONS form; `nil` if unknown.
    public func icbIndex(forCode code: String) -> Int? {
        icbAliases[code.trimmingCharacters(in: .whitespaces).uppercased()]
    }

    /// How many distinct areas a source's rows can name (its duplicate-check keys): LSOAs of its own
    /// vintage, ICB × decile for rows by ICB, or sub-ICB locations. Rows by provider keep their own keys.
    public func keyUnits(for source: SourceConfig) -> Int {
        // England's own rows, when the source has them, after every place: one key per split slot (0–22).
        let places = englandKeyBase(for: source) + (source.englandRows == nil ? 0 : EthnicGroup.slots + 1)
        // One row per measure: a place holds one row of each measure (docs/DATA.md, "One row per measure").
        return places * max(1, source.measures?.weights.count ?? 1)
    }

    /// How many keys the source's places take: England's own rows are keyed after them (docs/DATA.md,
    /// "England as published").
    public func englandKeyBase(for source: SourceConfig) -> Int {
        switch source.grain.profile.placement {
        case .lsoaLookup: source.lsoaVintage.flatMap { conversions[$0]?.codes.count } ?? lsoas.count
        case .icb, .icbByDecile, .provider: icbs.count * 10
        case .icbByEthnicGroup: icbs.count * EthnicGroup.slots
        case .subIcb: subIcbCodes.count
        case .practiceByDecile: attributions[source.name]?.codes.count ?? 0
        }
    }

    /// A sub-ICB location given by ODS or ONS code; `nil` if unknown.
    public func subIcbIndex(forCode code: String) -> Int? {
        subIcbAliases[code.trimmingCharacters(in: .whitespaces).uppercased()]
    }

    /// The "whole ICB" sub-ICB index used for rows pre-aggregated at ICB level.
    public func wholeIcbSubIndex(_ icb: Int) -> Int { subIcbCodes.count - icbs.count + icb }
}

/// Maps LSOA codes (`E01000001`, `W01000001`) to dense indexes 0..<count without hashing.
public struct LsoaIndex: Sendable {
    /// For `E01`/`W01` codes: `letter * 1_000_000 + number` → dense index, or -1.
    private var direct: [Int32]
    private var others: [String: Int32]
    public private(set) var codes: [String]

    public init() {
        direct = [Int32](repeating: -1, count: 2_000_000)
        others = [:]
        codes = []
    }

    public var count: Int { codes.count }

    /// Adds a code, returning its dense index (the existing one if present).
    public mutating func insert(_ code: String) -> Int32 {
        let bytes = Array(code.utf8)
        if let slot = bytes.withUnsafeBytes({ Self.directSlot($0) }) {
            if direct[slot] >= 0 { return direct[slot] }
            direct[slot] = Int32(codes.count)
        } else {
            if let existing = others[code] { return existing }
            others[code] = Int32(codes.count)
        }
        codes.append(code)
        return Int32(codes.count - 1)
    }

    /// Dense index of the code in `bytes`, or -1 when unknown.
    @inline(__always)
    public func index(of bytes: UnsafeRawBufferPointer) -> Int32 {
        if let slot = Self.directSlot(bytes) { return direct[slot] }
        return others[String(decoding: bytes, as: UTF8.self)] ?? -1
    }

    @inline(__always)
    static func directSlot(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count == 9, bytes[1] == 0x30, bytes[2] == 0x31 else { return nil }
        let letter: Int
        switch bytes[0] {
        case UInt8(ascii: "E"): letter = 0
        case UInt8(ascii: "W"): letter = 1
        default: return nil
        }
        var number = 0
        for position in 3..<9 {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { return nil }
            number = number * 10 + Int(digit)
        }
        return letter * 1_000_000 + number
    }
}
