import PipelineCore
package import Publication

/// Small rules the table builders share: cells derived from other cells.
package enum CellRules {
    /// A cell computed from published cells: hidden (withheld or secondary) when any input is hidden,
    /// so a derived figure never reveals what disclosure control hid.
    package static func derived(from inputs: [PublishedCell], _ value: () -> Double?) -> PublishedCell {
        if let hidden = inputs.first(where: { $0.action?.hidesValue == true }) {
            return hidden.action == .withheld
                ? .hidden(.withheld, reason: hidden.reason ?? "withheld")
                : .hidden(.secondarySuppressed, reason: "reveals_suppressed_count")
        }
        return PublishedCell(value())
    }

    /// A text or number the aggregate stage computed from unrounded data: shown only when the value it
    /// describes is shown.
    package static func alongside(_ shown: PublishedCell, _ value: (any CellValueConvertible)?) -> PublishedCell {
        if shown.action?.hidesValue == true {
            return shown.action == .withheld
                ? .hidden(.withheld, reason: shown.reason ?? "withheld")
                : .hidden(.secondarySuppressed, reason: "reveals_suppressed_count")
        }
        return PublishedCell(value)
    }

    package static func yesNo(_ flag: Bool?) -> String? { flag.map { $0 ? "yes" : "no" } }
}
