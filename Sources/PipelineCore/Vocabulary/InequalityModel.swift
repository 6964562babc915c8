/// How an SII/RII was fitted (`inequality_index.scale`; docs/METHODS.md §9): rates on the log scale,
/// proportions on the logit scale.
public enum InequalityScale: String, Sendable, CaseIterable, Codable {
    case log, logit
}

/// How an SII's 95% limits were found (`inequality_index.ci_method`; docs/METHODS.md §9).
public enum InequalityIntervalMethod: String, Sendable, CaseIterable, Codable {
    /// The closed form of the transformed model.
    case closedForm = "closed_form"
    /// The seeded simulation, where no closed form exists.
    case simulation
}
