/// Kinds of change a stage records against the checkpoint it replaces (`change_log.kind`).
public enum ChangeKind: String, Sendable, CaseIterable, Codable {
    /// An indicator value moved (to 6 significant figures) or changed withheld state; the values are not kept.
    case valueMoved = "value_moved"
    /// A row that the previous checkpoint did not have (a new period, geography or breakdown).
    case valueAppeared = "value_appeared"
    /// A row of the previous checkpoint that is gone (a period no longer delivered, say).
    case valueDisappeared = "value_disappeared"
    /// An ICS's comparison with England changed band.
    case comparisonChanged = "comparison_changed"
    /// A data-quality state changed.
    case dataQualityChanged = "data_quality_changed"
}
