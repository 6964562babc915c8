/// What ingest counts per period and ICB about a source's records (`ingest_data_quality`; docs/TABLES.md).
enum QualityCounter: Int, CaseIterable {
    /// Records of the period and ICB.
    case records
    /// Records whose LSOA is not in the lookup (counted against the ICS the file was delivered for).
    case unmappedLsoa
    case unknownSex
    case unknownAge
    /// Records whose count arrived as a disclosure marker.
    case suppressedAtSource
    /// Events shared out from LSOAs that split between vintages.
    case eventsApportioned
}
