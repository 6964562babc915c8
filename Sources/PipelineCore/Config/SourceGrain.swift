/// The geography of a source's rows (`sources[].grain`) and everything that follows from it: the one
/// place a grain is looked at (docs/ARCHITECTURE.md, "Adding a source grain"). Ingest, transform,
/// `explain`, the metadata and the configuration checks ask ``profile`` rather than test the grain.
public enum SourceGrain: String, Codable, Sendable, CaseIterable {
    /// One row per LSOA (mapped to sub-ICB, ICB and IMD decile by the lookups).
    case lsoa
    /// Pre-aggregated: one row per ICB × national IMD decile.
    case icbImdDecile = "icb-imd-decile"
    /// One row per ICB with no deprivation split, as NHS England publishes much activity (docs/DATA.md,
    /// "ICS-level sources").
    case icb
    /// One row per sub-ICB location with no deprivation split, added up to its ICS.
    case subIcb = "sub-icb"
    /// One row per provider (NHS trust), shared out to ICBs by the source's `attribution` weights
    /// (docs/DATA.md, "Counts by provider").
    case provider
    /// One row per GP practice, each practice's counts given whole to its ICB by a practice list (practice
    /// code and ICB code, as NHS England publishes it; docs/DATA.md, "Counts by provider").
    case gpPractice = "gp-practice"
    /// One row per GP practice, given whole to its ICB by the practice list and to a national decile by the
    /// deprivation of its registered population (`practiceDeprivation`): values by practice-deprivation
    /// quintile and decile, SII and RII (docs/DATA.md, "Deprivation of a practice's registered population").
    case gpPracticeDeprivation = "gp-practice-deprivation"
    /// One row per ICB × ethnic group, as NHS England publishes activity by ethnicity (NHS Talking
    /// Therapies, waiting lists): broad groups, detailed categories within them and not stated
    /// (docs/DATA.md, "Ethnic groups").
    case icbEthnicGroup = "icb-ethnic-group"

    /// How messages name the grain.
    public var readable: String {
        switch self {
        case .lsoa: "LSOA"
        case .icbImdDecile: "ICB × decile"
        case .icb: "ICB"
        case .subIcb: "sub-ICB location"
        case .provider: "provider"
        case .gpPractice: "GP practice"
        case .gpPracticeDeprivation: "GP practice × practice deprivation"
        case .icbEthnicGroup: "ICB × ethnic group"
        }
    }

    /// What the grain means for every stage.
    public var profile: GrainProfile {
        switch self {
        case .lsoa:
            GrainProfile(
                grain: self, geographyFields: [.lsoa], placement: .lsoaLookup, counts: .byDecile, deprivationSplit: .available,
                places: .available, population: .available, wideLayout: true, convertsLsoaVintages: true, attribution: .notAvailable(""),
                eventsOnly: false, parsesInChunks: true)
        case .icbImdDecile:
            GrainProfile(
                grain: self, geographyFields: [.icb, .imdDecile], placement: .icbByDecile, counts: .byDecile, deprivationSplit: .available,
                places: .notAvailable("the source's rows are by ICB × deprivation decile, not by place"), population: .available, wideLayout: false,
                convertsLsoaVintages: false, attribution: .notAvailable(""), eventsOnly: false, parsesInChunks: true, valuesWithoutCounts: true)
        case .icb:
            GrainProfile(
                grain: self, geographyFields: [.icb], placement: .icb, counts: .byIcb,
                deprivationSplit: .notAvailable(
                    "not available for this source's grain: one row per ICB, no deprivation split, so no SII, RII, gap or quintile values; ICS and England values, the comparison with England, funnel and trend are published"
                ),
                places: .notAvailable("the source's rows are by ICB"), population: Self.noPopulation, wideLayout: false, convertsLsoaVintages: false,
                attribution: .notAvailable(""), eventsOnly: false, parsesInChunks: true, suppressedAtSourceWithholds: true, valuesWithoutCounts: true)
        case .subIcb:
            GrainProfile(
                grain: self, geographyFields: [.subIcb], placement: .subIcb, counts: .byIcb,
                deprivationSplit: .notAvailable(
                    "not available for this source's grain: one row per sub-ICB location, no deprivation split, so no SII, RII, gap or quintile values; ICS and England values, the comparison with England, funnel and trend are published"
                ),
                places: .notAvailable("the source's sub-ICB locations are added up to their ICS"), population: Self.noPopulation, wideLayout: false,
                convertsLsoaVintages: false, attribution: .notAvailable(""), eventsOnly: false, parsesInChunks: true, suppressedAtSourceWithholds: true)
        case .provider:
            GrainProfile(
                grain: self, geographyFields: [.provider], placement: .provider, counts: .attributed,
                deprivationSplit: .notAvailable(
                    "not available for this source's grain: counts by provider shared out to ICBs by catchment weights, no deprivation split, so no SII, RII, gap or quintile values; ICS and England values, the comparison with England, funnel and trend are published"
                ),
                places: .notAvailable("the source's counts are by provider, shared out to ICBs"), population: .notAvailable("counts by provider are events"),
                wideLayout: false, convertsLsoaVintages: false, attribution: .available, eventsOnly: true, parsesInChunks: false,
                suppressedAtSourceWithholds: true)
        case .gpPractice:
            GrainProfile(
                grain: self, geographyFields: [.provider], placement: .provider, counts: .attributed,
                deprivationSplit: .notAvailable(
                    "not available for this source's grain: counts by GP practice, each given to its ICB by the practice list, no deprivation split, so no SII, RII, gap or quintile values; ICS and England values, the comparison with England, funnel and trend are published"
                ),
                places: .notAvailable("the source's counts are by GP practice, given to ICBs"), population: .notAvailable("counts by GP practice are events"),
                wideLayout: false, convertsLsoaVintages: false, attribution: .available, eventsOnly: true, parsesInChunks: false,
                wholeToOneIcb: true)
        case .gpPracticeDeprivation:
            // Practices' counts are small and suppressed by their publishers as such: values are kept and the
            // share suppressed is published, as for rows by ICB × decile.
            GrainProfile(
                grain: self, geographyFields: [.provider], placement: .practiceByDecile, counts: .byDecile, deprivationSplit: .available,
                places: .notAvailable("the source's counts are by GP practice, given to ICBs"),
                population: .notAvailable("counts by GP practice are events or proportions"), wideLayout: false, convertsLsoaVintages: false,
                attribution: .available, eventsOnly: false, parsesInChunks: false, wholeToOneIcb: true, deprivationBasis: .practicePopulation)
        case .icbEthnicGroup:
            // A `*` here is a small count the publisher withheld, as in rows by ICB × decile: the broad group's
            // own row still carries it, so values are kept and the share suppressed is published.
            GrainProfile(
                grain: self, geographyFields: [.icb, .ethnicGroup], placement: .icbByEthnicGroup, counts: .byIcbEthnicGroup,
                deprivationSplit: .notAvailable(
                    "not available for this source's grain: one row per ICB × ethnic group, no deprivation split, so no SII, RII, gap or quintile values; values by ethnic group for each ICS and England, with their gaps to the White group, are published"
                ),
                places: .notAvailable("the source's rows are by ICB × ethnic group"), population: Self.noEthnicPopulation, wideLayout: false,
                convertsLsoaVintages: false, attribution: .notAvailable(""), eventsOnly: false, parsesInChunks: true, ethnicGroupSplit: true)
        }
    }

    private static let noPopulation = GrainProfile.Availability.notAvailable(
        "a population at ICB level cannot give the deprivation split every rate needs")
    private static let noEthnicPopulation = GrainProfile.Availability.notAvailable(
        "a population by ethnic group is a reference (reference.ethnicGroupPopulation, Census 2021), not a source")
}

/// What a ``SourceGrain`` means for every stage (docs/ARCHITECTURE.md, "Adding a source grain").
public struct GrainProfile: Sendable, Equatable {
    /// Whether something is possible for the grain, and why not when it is not.
    public enum Availability: Sendable, Equatable {
        case available
        case notAvailable(String)

        public var isAvailable: Bool { self == .available }

        /// Why not, when not available.
        public var reason: String? {
            switch self {
            case .available: nil
            case .notAvailable(let reason): reason
            }
        }
    }

    /// How ingest places a row in its totals.
    public enum Placement: Sendable, Equatable {
        /// By the LSOA lookup: sub-ICB location and national IMD decile.
        case lsoaLookup
        /// By ICB code and the decile the row gives.
        case icbByDecile
        /// By ICB code, with no decile.
        case icb
        /// By sub-ICB location code, added up to its ICB, with no decile.
        case subIcb
        /// By provider code, shared out among ICBs by the attribution weights.
        case provider
        /// By ICB code and the ethnic group the row gives.
        case icbByEthnicGroup
        /// By practice code: its ICB from the practice list, its decile from the practices' national ranking.
        case practiceByDecile
    }

    /// Which ingest checkpoint tables hold the counts (docs/TABLES.md, "Ingest").
    public enum CountTables: Sendable, Equatable {
        /// `ingest_event_total` / `ingest_proportion_total`: by sub-ICB location and decile.
        case byDecile
        /// `ingest_icb_event_total` / `ingest_icb_proportion_total`: by ICB, no decile.
        case byIcb
        /// `ingest_attributed_event_total`: shared out to ICBs, fractional.
        case attributed
        /// `ingest_icb_ethnic_group_total`: by ICB and ethnic group, no decile.
        case byIcbEthnicGroup
    }

    public let grain: SourceGrain
    /// The columns that say where a row is.
    public let geographyFields: [SourceField]
    public let placement: Placement
    public let counts: CountTables
    /// Values by national deprivation quintile and decile, SII/RII and gaps.
    public let deprivationSplit: Availability
    /// Values for the places (sub-ICB locations) within each ICS.
    public let places: Availability
    /// Whether a population source may have this grain.
    public let population: Availability
    /// Whether a population at this grain may lay its ages out as columns.
    public let wideLayout: Bool
    /// Whether rows coded to another LSOA vintage are converted onto the basis (`lsoaVintage`).
    public let convertsLsoaVintages: Bool
    /// Whether the source is shared out by `attribution` weights (then they are required).
    public let attribution: Availability
    /// Whether the grain holds events only (not proportions or populations).
    public let eventsOnly: Bool
    /// Whether a large file may be parsed in chunks on several cores.
    public let parsesInChunks: Bool
    /// Whether each provider belongs to one ICB, its weights file naming no share (a GP practice list).
    public var wholeToOneIcb = false
    /// Whether a record suppressed at source withholds every value it is part of (`suppressed_at_source`):
    /// so for rows by ICB, sub-ICB location or provider, where a `*` may hide any amount. Rows by LSOA,
    /// by ICB × decile or by GP practice are suppressed by their publishers as small counts; their values
    /// are kept and the share of suppressed records is published in the metadata (docs/DATA.md,
    /// "Suppressed at source").
    public var suppressedAtSourceWithholds = false
    /// Values by ethnic group (broad groups, their detailed categories, not stated), compared with the
    /// White group (docs/DATA.md, "Ethnic groups").
    public var ethnicGroupSplit = false
    /// Whose deprivation the deciles are: the area of residence, or the practice's registered population.
    public var deprivationBasis = DeprivationBasis.areaOfResidence
    /// Whether a source of values published without counts may have the grain: one value per ICS, or per ICS
    /// (and England) and national decile, which needs no adding up (docs/DATA.md, "Values without counts").
    public var valuesWithoutCounts = false
}
