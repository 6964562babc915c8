/// One input dataset: which files, what they hold, and how to read their columns.
public struct SourceConfig: Codable, Sendable, Equatable {
    /// What the rows count.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// `events` per LSOA × period × sex × age band (admissions, attendances, contacts).
        case events
        /// `numerator` of `denominator` (waits within 18 weeks of all pathways).
        case proportion
        /// Resident `population` per LSOA × sex × age band: the denominator of rates.
        case population
        /// A `value` its publisher computed, with the 95% (and 99.8%) limits it published and no counts
        /// (Fingertips exports, benchmarking files): published as given, never added up (docs/DATA.md,
        /// "Values without counts").
        case value
    }

    /// How a population file lays out ages.
    public enum Layout: String, Codable, Sendable, CaseIterable {
        /// One row per area × sex × age (band or single year).
        case long
        /// One row per area (× sex), one column per single year of age — ONS's published layout
        /// (`age_0` … `age_89`, `age_90_plus`, or `0` … `89`, `90+`; `all_ages` is ignored).
        case wide
    }

    /// Dataset name, unique; indicators refer to it.
    public var name: String
    public var kind: Kind
    public var grain: SourceGrain
    /// Glob relative to the config file, e.g. `data-samples/extracts/{icb}/acsc_admissions.csv`.
    /// `{icb}` matches one folder and records the system the file was delivered for.
    public var files: String
    /// Logical field → accepted header names (order-independent, case and spacing tolerant).
    public var columns: [SourceField: [String]]
    public var dialect: CSVDialect
    /// Share of rows that may be quarantined before the stage fails; overrides `ingest.rejectThreshold`.
    public var rejectThreshold: Double?
    /// Vintage label, e.g. `mid-2020` for a population.
    public var vintage: String?
    public var description: String?
    /// Ages as rows (`long`, the default) or as columns (`wide`, populations only).
    public var layout: Layout
    /// The LSOA vintage the rows are coded to, when it is not the basis (`reference.lsoaVintage`): they
    /// are converted through `reference.lsoaConversions`.
    public var lsoaVintage: LsoaVintage?
    /// The kind of every period, when the values alone do not say it: `rolling-12-months` reads a month as
    /// the twelve months ending it (docs/DATA.md, "Periods"). Otherwise each value's form says its kind.
    public var periodType: PeriodKind?
    /// For `grain: provider`: the weights that share each provider's counts among ICBs.
    public var attribution: AttributionReference?
    /// For rows by ICB × decile: which end of the source's decile numbers is most deprived (required:
    /// docs/DATA.md, "Deprivation deciles in the rows").
    public var decileOrder: DecileOrder?
    /// The order of day and month in slash dates; day first when not declared, and a file whose dates
    /// read day first all fall on days of January is refused until it is declared (docs/DATA.md, "Periods").
    public var dateOrder: DateOrder?
    /// One row per measure (long format): which measures make up the counts (docs/DATA.md, "One row per
    /// measure").
    public var measures: MeasureRoles?
    /// The source is synthetic (made up for a demonstration or a test): every page of the publication then
    /// says so in a banner, and the metadata names the source (docs/REPORT.md, "Pages").
    public var synthetic: Bool
    /// Whole counts (the default) or fractional ones, read exactly to four decimal places: only for a source
    /// by ICB or sub-ICB location (docs/DATA.md, "Fractional counts").
    public var counts: CountPrecision
    /// Only rows whose column holds one of the values are read (e.g. `{"ae_department_type": ["1"]}`);
    /// the rest are counted as filtered out, not quarantined.
    public var rowFilter: [String: [String]]
    /// The publisher's own England rows (e.g. `{"org_type": ["England"]}`), which must also pass `where`:
    /// England's values are computed from them as published rather than added up from rows by ICB, which
    /// publishers round and suppress (docs/DATA.md, "England as published").
    public var englandRows: [String: [String]]?
    /// For `grain: gp-practice-deprivation`: the IMD score of each practice's registered population, which
    /// ranks practices into national deciles (docs/DATA.md, "Deprivation of a practice's registered population").
    public var practiceDeprivation: PracticeDeprivationReference?
    /// Rows whose column holds one of the values have their count suppressed by the publisher, whatever the
    /// count column holds (e.g. Fingertips' `{"Value note": ["Value suppressed for disclosure control reasons"]}`,
    /// beside an empty count): counted as suppressed at source, never as a missing value (docs/DATA.md,
    /// "Suppressed at source").
    public var suppressedWhen: [String: [String]]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, grain, files, columns, dialect, rejectThreshold, vintage, description, layout, lsoaVintage, periodType, attribution
        case decileOrder, dateOrder, measures, synthetic, counts
        case rowFilter = "where"
        case englandRows, practiceDeprivation, suppressedWhen
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(Kind.self, forKey: .kind)
        grain = try container.decodeIfPresent(SourceGrain.self, forKey: .grain) ?? .lsoa
        files = try container.decode(String.self, forKey: .files)
        dialect = try container.decodeIfPresent(CSVDialect.self, forKey: .dialect) ?? CSVDialect()
        rejectThreshold = try container.decodeIfPresent(Double.self, forKey: .rejectThreshold)
        vintage = try container.decodeIfPresent(String.self, forKey: .vintage)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        layout = try container.decodeIfPresent(Layout.self, forKey: .layout) ?? .long
        lsoaVintage = try container.decodeIfPresent(LsoaVintage.self, forKey: .lsoaVintage)
        periodType = try container.decodeIfPresent(PeriodKind.self, forKey: .periodType)
        attribution = try container.decodeIfPresent(AttributionReference.self, forKey: .attribution)
        if attribution?.placeColumn != nil, grain.profile.placement != .practiceByDecile {
            throw DecodingError.dataCorruptedError(
                forKey: .attribution, in: container,
                debugDescription:
                    "a place column gives each GP practice's sub-ICB location at grain 'gp-practice-deprivation'; at grain '\(grain.rawValue)' the counts are kept by ICB only"
            )
        }
        decileOrder = try container.decodeIfPresent(DecileOrder.self, forKey: .decileOrder)
        dateOrder = try container.decodeIfPresent(DateOrder.self, forKey: .dateOrder)
        measures = try container.decodeIfPresent(MeasureRoles.self, forKey: .measures)
        synthetic = try container.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false
        counts = try container.decodeIfPresent(CountPrecision.self, forKey: .counts) ?? .whole
        if counts == .fractional {
            let problem: String? =
                kind == .population
                ? "a population's counts are people, whole numbers; a need-weighted population is a source of kind 'events' or a denominator read with the events"
                : grain.profile.counts != .byIcb
                    ? "fractional counts are kept only for a source by ICB or sub-ICB location (grain 'icb' or 'sub-icb'); counts by LSOA or decile are whole, and counts shared out by provider are already kept fractional"
                    : nil
            if let problem { throw DecodingError.dataCorruptedError(forKey: .counts, in: container, debugDescription: problem) }
        }
        if kind == .value {
            try Self.checkValueSource(grain: grain, counts: counts, container: container)
        }
        if files.contains("{year}"), kind != .population {
            throw DecodingError.dataCorruptedError(
                forKey: .files, in: container,
                debugDescription: "only a population's files name a {year} (its mid-year); an extract's periods are in its rows")
        }
        if let measures {
            let problem: String? =
                switch kind {
                case .population: "a population is not read from rows per measure"
                case .events:
                    measures.events.isEmpty || !measures.numerator.isEmpty || !measures.denominator.isEmpty
                        ? "an events source names its measures in \"events\" (and no numerator or denominator)" : nil
                case .proportion:
                    measures.numerator.isEmpty || measures.denominator.isEmpty || !measures.events.isEmpty
                        ? "a proportion names the measures of its \"numerator\" and its \"denominator\"" : nil
                case .value: "a value published without counts is read one row per place and period, its value in one column"
                }
            if let problem { throw DecodingError.dataCorruptedError(forKey: .measures, in: container, debugDescription: problem) }
            if grain.profile.placement == .provider {
                throw DecodingError.dataCorruptedError(
                    forKey: .measures, in: container,
                    debugDescription: "a source counted by provider or GP practice is not yet read from rows per measure")
            }
        }
        if grain.profile.placement == .icbByDecile, decileOrder == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .decileOrder, in: container,
                debugDescription:
                    "a source by ICB × decile must say which end of its decile numbers is most deprived: \"decileOrder\": \"1-most-deprived\" (ONS, IMD) or \"1-least-deprived\" (e.g. NHS Talking Therapies' '01 Least deprived … 10 Most deprived')"
            )
        }
        rowFilter = try container.decodeIfPresent([String: [String]].self, forKey: .rowFilter) ?? [:]
        englandRows = try container.decodeIfPresent([String: [String]].self, forKey: .englandRows)
        if englandRows != nil, ![.icb, .icbByDecile, .icbByEthnicGroup].contains(grain.profile.placement) {
            throw DecodingError.dataCorruptedError(
                forKey: .englandRows, in: container,
                debugDescription:
                    "England's own rows are read beside rows by ICB (grain 'icb', 'icb-imd-decile' or 'icb-ethnic-group'), not at grain '\(grain.rawValue)'")
        }
        if englandRows?.isEmpty == true || englandRows?.values.contains(where: \.isEmpty) == true {
            throw DecodingError.dataCorruptedError(
                forKey: .englandRows, in: container,
                debugDescription: "name a column and the values that mark England's rows, e.g. {\"org_type\": [\"England\"]}")
        }
        suppressedWhen = try container.decodeIfPresent([String: [String]].self, forKey: .suppressedWhen)
        if suppressedWhen?.isEmpty == true || suppressedWhen?.values.contains(where: \.isEmpty) == true {
            throw DecodingError.dataCorruptedError(
                forKey: .suppressedWhen, in: container,
                debugDescription:
                    "name a column and the values that mark a suppressed count, e.g. {\"Value note\": [\"Value suppressed for disclosure control reasons\"]}")
        }
        if suppressedWhen != nil, grain.profile.placement == .provider || measures != nil {
            throw DecodingError.dataCorruptedError(
                forKey: .suppressedWhen, in: container,
                debugDescription:
                    "rows marked as suppressed are read for sources of one row per place, not by provider or per measure (those mark a suppressed count in the count itself, e.g. '*')"
            )
        }
        practiceDeprivation = try container.decodeIfPresent(PracticeDeprivationReference.self, forKey: .practiceDeprivation)
        if (practiceDeprivation != nil) != (grain.profile.placement == .practiceByDecile) {
            throw DecodingError.dataCorruptedError(
                forKey: .practiceDeprivation, in: container,
                debugDescription: practiceDeprivation == nil
                    ? "a source at grain 'gp-practice-deprivation' names the IMD score of each practice's registered population: \"practiceDeprivation\": {\"file\": …, \"practiceColumn\": \"AreaCode\", \"scoreColumn\": \"Value\"} (OHID Fingertips indicator 93553)"
                    : "practices are ranked by deprivation only at grain 'gp-practice-deprivation' (grain '\(grain.rawValue)' has its own deciles or none)")
        }
        if layout == .wide, kind != .population {
            throw DecodingError.dataCorruptedError(forKey: .layout, in: container, debugDescription: "'wide' is for population sources (ages as columns)")
        }
        var columns: [SourceField: [String]] = [:]
        if container.contains(.columns) {
            let mapping = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .columns)
            for key in mapping.allKeys {
                guard let field = SourceField(rawValue: key.stringValue) else {
                    throw UnknownConfigKeyError(
                        path: ConfigPath.render(mapping.codingPath + [key]), key: key.stringValue,
                        suggestion: ClosestMatch.best(for: key.stringValue, among: SourceField.allCases.map(\.rawValue)),
                        validKeys: SourceField.allCases.map(\.rawValue))
                }
                if let single = try? mapping.decode(String.self, forKey: key) {
                    columns[field] = [single]
                } else {
                    columns[field] = try mapping.decode([String].self, forKey: key)
                }
            }
        }
        self.columns = columns
        if rateDenominator == .sourceRows {
            let problem: String? =
                measures != nil
                ? "an events source read from rows per measure does not yet carry its own denominator"
                : grain.profile.counts != .byDecile
                    ? "an events source carries its own denominator (a registered list) only at grain 'lsoa', 'icb-imd-decile' or 'gp-practice-deprivation'; at grain '\(grain.rawValue)' its rates are over residents"
                    : nil
            if let problem { throw DecodingError.dataCorruptedError(forKey: .columns, in: container, debugDescription: problem) }
        }
    }

    /// What the source's rates are counted against (docs/DATA.md, "Denominators"): an events source whose
    /// `columns` map a `denominator` (a practice's registered list) carries its own; otherwise residents.
    public var rateDenominator: RateDenominator {
        kind == .events && columns[.denominator]?.isEmpty == false ? .sourceRows : .residents
    }

    /// Whether the source has values for places (sub-ICB locations): by LSOA, or by GP practice with each
    /// practice's place in its practice list (docs/DATA.md, "Places").
    public var hasPlaces: Bool { grain.profile.places.isAvailable || attribution?.placeColumn != nil }

    /// The kind of ingest table the counts are kept in: an events source with its own denominator keeps
    /// both counts, as a proportion does (docs/TABLES.md, "Ingest").
    public var storedKind: Kind { rateDenominator == .sourceRows ? .proportion : kind }

    /// The fields this source's rows must have, given its kind and grain.
    public var requiredFields: [SourceField] {
        var fields = grain.profile.geographyFields
        switch kind {
        case _ where measures != nil: fields += [.period, .ageBand, .measure, .value]
        case .events: fields += [.period, .ageBand, .events] + (rateDenominator == .sourceRows ? [.denominator] : [])
        case .proportion: fields += [.period, .ageBand, .numerator, .denominator]
        case .population: fields += layout == .wide ? [] : [.ageBand, .population]
        case .value: return fields + [.period, .value]
        }
        return declaresNoAge ? fields.filter { $0 != .ageBand } : fields
    }

    /// Whether the source says it has no age column (`"columns": {"ageBand": []}`): every row is all ages,
    /// which serves crude rates and proportions over all ages, not age-standardised rates or age ranges.
    public var declaresNoAge: Bool { columns[.ageBand]?.isEmpty == true }

    /// Whether the source says it records no sex (`"columns": {"sex": []}`): every row is persons.
    public var declaresNoSex: Bool { columns[.sex]?.isEmpty == true }

    /// Fields read when present.
    public var optionalFields: [SourceField] {
        if kind == .value { return SourceField.publishedLimits }
        return grain.profile.ethnicGroupSplit ? [.sex, .ethnicCategory] : [.sex]
    }

    /// A source of values without counts is read by ICB or by ICB × national decile (with England's own rows),
    /// whole counts or none: a value cannot be added up with others, so no finer grain could reach an ICS
    /// (docs/DATA.md, "Values without counts").
    static func checkValueSource(grain: SourceGrain, counts: CountPrecision, container: KeyedDecodingContainer<CodingKeys>) throws {
        guard grain.profile.valuesWithoutCounts else {
            throw DecodingError.dataCorruptedError(
                forKey: .grain, in: container,
                debugDescription:
                    "a source of kind 'value' (values published without counts) is read at grain 'icb' or 'icb-imd-decile': values by \(grain.readable) cannot be added up to an ICS or England without their counts"
            )
        }
        guard counts == .whole else {
            throw DecodingError.dataCorruptedError(
                forKey: .counts, in: container, debugDescription: "a source of kind 'value' has no counts: remove \"counts\"")
        }
    }

    /// Accepted header names for a field: the configured aliases, else the defaults.
    public func headerNames(for field: SourceField) -> [String] {
        columns[field] ?? field.defaultHeaders
    }
}
