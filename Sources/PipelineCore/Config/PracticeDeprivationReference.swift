/// The deprivation of each GP practice's registered population, for a source by GP practice
/// (`sources[].practiceDeprivation`; docs/DATA.md, "Deprivation of a practice's registered population"):
/// a file of practice code and IMD score (OHID Fingertips indicator 93553), from which every practice the
/// file scores is ranked into national deciles as Fingertips does — equal numbers of practices, the highest
/// scores in decile 1, most deprived.
public struct PracticeDeprivationReference: Codable, Sendable, Equatable {
    public var file: String
    public var practiceColumn: String
    public var scoreColumn: String
    /// Only rows whose column holds one of the values are read (e.g. `{"Year": ["2019"]}` for one IMD
    /// edition of a file that holds several); every row left is one practice's score.
    public var rowFilter: [String: [String]]
    /// A label for the scores (recorded as the vintage of the reference file), e.g. `IMD 2019 (Fingertips 93553)`.
    public var vintage: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, practiceColumn, scoreColumn, vintage
        case rowFilter = "where"
    }

    public init(file: String, practiceColumn: String = "AreaCode", scoreColumn: String = "Value", rowFilter: [String: [String]] = [:], vintage: String? = nil) {
        self.file = file
        self.practiceColumn = practiceColumn
        self.scoreColumn = scoreColumn
        self.rowFilter = rowFilter
        self.vintage = vintage
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        practiceColumn = try container.decodeIfPresent(String.self, forKey: .practiceColumn) ?? "AreaCode"
        scoreColumn = try container.decodeIfPresent(String.self, forKey: .scoreColumn) ?? "Value"
        rowFilter = try container.decodeIfPresent([String: [String]].self, forKey: .rowFilter) ?? [:]
        vintage = try container.decodeIfPresent(String.self, forKey: .vintage)
        if rowFilter.values.contains(where: \.isEmpty) {
            throw DecodingError.dataCorruptedError(
                forKey: .rowFilter, in: container, debugDescription: "name a column and the values kept, e.g. {\"Year\": [\"2019\"]}")
        }
    }

    /// Each practice's national decile (1 = most deprived) from its score, as Fingertips ranks practices
    /// (fingertipsR's `deprivation_decile`: dplyr's `ntile` of the score, reversed): practices in ascending
    /// score order, ties by code, cut into ten groups of equal size where the first (least deprived) groups
    /// take one more when the count does not divide by ten.
    public static func deciles(scores: [(code: String, score: Double)]) -> [String: Int] {
        let ordered = scores.sorted { $0.score != $1.score ? $0.score < $1.score : $0.code < $1.code }
        let count = ordered.count
        guard count > 0 else { return [:] }
        let larger = count % 10
        let largerSize = (count + 9) / 10, smallerSize = count / 10
        let largerThreshold = largerSize * larger
        var deciles: [String: Int] = [:]
        for (offset, practice) in ordered.enumerated() {
            let rank = offset + 1
            let tile = rank <= largerThreshold ? (rank + largerSize - 1) / largerSize : (rank - largerThreshold + smallerSize - 1) / smallerSize + larger
            deciles[practice.code] = 11 - tile
        }
        return deciles
    }
}
