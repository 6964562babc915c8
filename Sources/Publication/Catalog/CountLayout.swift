/// Where a published table's count cells sit in the additive structure of the publication
/// (docs/DISCLOSURE.md, "Differencing"): which geography and which slice each row is about, and what each
/// count column counts. The disclosure audit reads every table that declares a layout, so a new table that
/// publishes counts is attacked by construction; a test fails on a count column that no layout names.
public struct CountLayout: Sendable, Equatable {
    /// The geography a row's counts belong to.
    public enum Geography: Sendable, Equatable {
        /// England (its counts are not controlled unless the regime says so); `countedFrom`: the column
        /// saying whether its counts are the ICSs' sum or the publisher's own England rows (``EnglandCounts``).
        case england(countedFrom: String?)
        /// The ICS named by a column (ODS code).
        case ics(code: String)
        /// The place named by a column, within the ICS named by another.
        case place(code: String, ics: String)
    }

    /// The slice of the geography a row's counts are for.
    public enum Slice: Sendable, Equatable {
        /// Everyone.
        case everyone
        /// The national IMD quintile in an integer column.
        case quintile(column: String)
        /// A breakdown named by a type column and labelled in a value column (`all`, `imd_quintile` with
        /// a label starting with the quintile, or `ethnic_group` labelled with the group); rows of other
        /// breakdowns hold no additive counts.
        case breakdown(type: String, label: String)
        /// A broad ethnic group (or not stated) labelled in a column, as ``BreakdownType/ethnicGroup`` labels it.
        case ethnicGroup(label: String)
    }

    /// The value and 95% limits published beside the counts, which a reader can invert to them.
    public struct Estimate: Sendable, Equatable {
        public let value: String
        public let lower95: String
        public let upper95: String

        public init(value: String, lower95: String, upper95: String) {
            self.value = value
            self.lower95 = lower95
            self.upper95 = upper95
        }
    }

    public let geography: Geography
    public let slice: Slice
    /// Each count column and what it counts.
    public let counts: [String: CountComponent]
    /// The value and limits derived from the numerator and denominator, if the table publishes them.
    public let estimate: Estimate?

    public init(geography: Geography, slice: Slice, counts: [String: CountComponent], estimate: Estimate?) {
        self.geography = geography
        self.slice = slice
        self.counts = counts
        self.estimate = estimate
    }
}

/// What a published count counts: the parts of a value that add up across geographies and quintiles.
public enum CountComponent: Int, Sendable, CaseIterable, Comparable {
    /// Events, or a proportion's numerator.
    case numerator
    /// A proportion's denominator, or a rate's population.
    case denominator
    /// The resident population of the geography and slice (the same for every indicator).
    case population

    public static func < (a: CountComponent, b: CountComponent) -> Bool { a.rawValue < b.rawValue }
}

/// Where England's published counts come from (`counted_from`; docs/DATA.md, "England as published").
public enum EnglandCounts: String, Sendable, CaseIterable {
    /// The sum of the ICSs' counts and of England's counts in no ICS.
    case icsRows = "ics_rows"
    /// The publisher's own England rows, which need not equal the ICSs' sum (publishers round and suppress
    /// counts by ICB, not England's).
    case englandRows = "england_rows"
}
