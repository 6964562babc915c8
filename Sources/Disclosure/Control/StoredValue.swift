import Publication
package import Statistics

/// An indicator value and its limits as the transform stage stored them, before disclosure control:
/// what the report reads, not what it publishes.
package struct StoredValue: Sendable {
    package init(value: Double?, lower95: Double?, upper95: Double?, lower998: Double?, upper998: Double?, withheld: WithheldReason? = nil) {
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
        self.withheld = withheld
    }

    package var value: Double?
    package var lower95: Double?
    package var upper95: Double?
    package var lower998: Double?
    package var upper998: Double?
    /// Why the method gave no value, if it did not.
    package var withheld: WithheldReason?

    /// Value, lcl95, ucl95, lcl998, ucl998.
    package var fields: [Double?] { [value, lower95, upper95, lower998, upper998] }
}
