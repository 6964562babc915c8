/// Kinds of change a stage records against the checkpoint it replaces (`change_log.kind`).
public enum ChangeKind: String, Sendable, CaseIterable, Codable {
    /// A published value moved (rates and proportions, to 6 significant figures).
    case valueMoved = "value_moved"
    /// An ICS's comparison with England changed band.
    case comparisonChanged = "comparison_changed"
    /// A data-quality state changed.
    case dataQualityChanged = "data_quality_changed"
}
