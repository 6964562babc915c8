/// Stable text forms of config sections, so fingerprints change exactly when a setting does.
extension SourceConfig {
    public var canonicalText: String {
        let columns = SourceField.allCases.compactMap { field in
            self.columns[field].map { "\(field.rawValue)=\($0.joined(separator: "|"))" }
        }.joined(separator: ";")
        return [name, kind.rawValue, grain.rawValue, files, columns, dialect.delimiter, dialect.quote,
                rejectThreshold.map { "\($0)" } ?? "-", vintage ?? "-"].joined(separator: "\u{1F}")
    }
}

extension PipelineConfig {
    /// Everything that decides ingest's output.
    public var ingestSectionText: String {
        let reference = self.reference
        return ([reference.icb.vintage, reference.icb.icbs, reference.icb.lsoaLookup, reference.imd.vintage,
                 reference.imd.lsoaDeciles, reference.standardPopulation.name, reference.standardPopulation.file,
                 "\(ingest.rejectThreshold)", "\(ingest.requireFullCoverage)"]
                + sources.map(\.canonicalText)).joined(separator: "\u{1E}")
    }

    /// Everything that decides transform's output.
    public var indicatorsSectionText: String {
        indicators.map { indicator in
            [indicator.id, indicator.title, indicator.source, indicator.method.rawValue, "\(indicator.multiplier)", indicator.unit,
             indicator.ageRange.map { "\($0.from)-\($0.to.map(String.init) ?? "")" } ?? "all", indicator.polarity.rawValue,
             indicator.breakdowns.map(\.rawValue).joined(separator: ","), indicator.definition ?? ""].joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
    }
}
