import Statistics

/// An indicator value and its limits as the transform stage stored them, before disclosure control:
/// what the report reads, not what it publishes.
struct StoredValue: Sendable {
    var value: Double?
    var lower95: Double?
    var upper95: Double?
    var lower998: Double?
    var upper998: Double?
    /// Why the method gave no value, if it did not.
    var withheld: WithheldReason?

    /// Value, lcl95, ucl95, lcl998, ucl998.
    var fields: [Double?] { [value, lower95, upper95, lower998, upper998] }
}
