/// Whether every count of England's in a period is in some ICS, as `soc_ics_league.completeness` says it
/// beside each ICS value (docs/DATA.md, "Unknown places in the totals"): where England counts activity no
/// ICS receives, an ICS's value may be too low by its residents' part of it.
public enum CountCompleteness: String, Sendable, CaseIterable {
    /// Every count of England's is in an ICS.
    case complete
    /// Activity at providers the attribution weights do not name is in England's value and in no ICS's.
    case unattributedActivity = "unattributed_activity"
    /// Rows with an unknown ICB (the publisher's `UNKNOWN`) are in England's value and in no ICS's.
    case unknownIcs = "unknown_ics"
}
