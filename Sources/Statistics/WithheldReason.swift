/// Why a method gives no value for a cell: a stable code (stored in `indicator_value.withheld_reason`
/// and published as the reason of a `[x]` cell) with a sentence for people (docs/METHODS.md §8).
public enum WithheldReason: String, Sendable, CaseIterable, Codable {
    /// A DSR of fewer than 10 events (PHEindicatormethods returns NA).
    case fewerThanTenEvents = "dsr_fewer_than_10_events"
    /// An age band has events but no resident population, so the rate is undefined.
    case eventsWithoutPopulation = "events_in_age_band_with_no_population"
    /// A DSR whose age range includes a band with no population (and no events): standardising over the
    /// other bands would not be to the whole standard population (PHEindicatormethods refuses it).
    case ageBandWithoutPopulation = "age_band_with_no_population"
    /// The slice has no resident population at all.
    case noPopulation = "no_population"
    /// A proportion whose denominator is 0.
    case noDenominator = "no_denominator"
    /// An indirectly standardised figure with no expected events.
    case noExpectedEvents = "no_expected_events"
    /// An indirectly standardised figure without the England reference.
    case noReference = "no_reference"
    /// A record behind the value was suppressed at source (`*`, `[c]`, …) at a grain where what it hides
    /// is not known to be small (an ICB, sub-ICB or provider row): the value would be a partial total
    /// (docs/DATA.md, "Suppressed at source").
    case suppressedAtSource = "suppressed_at_source"
    /// A source of values without counts publishes none for this place (England, a region, an ICS it leaves
    /// out), and values cannot be added up without their counts (docs/DATA.md, "Values without counts").
    case notPublishedBySource = "not_published_by_source"

    /// The phrase `explain` and SII notes show (the first is PHEindicatormethods' own wording).
    public var text: String {
        switch self {
        case .fewerThanTenEvents: "dsr NA for total count < 10"
        case .eventsWithoutPopulation: "events in an age band with no population"
        case .ageBandWithoutPopulation: "an age band with no population"
        case .noPopulation: "no population"
        case .noDenominator: "no denominator"
        case .noExpectedEvents: "no expected events"
        case .noReference: "no reference"
        case .suppressedAtSource: "a record suppressed at source"
        case .notPublishedBySource: "not published by the source, and values without counts are not added up"
        }
    }

    /// The reason code published beside a withheld cell (`suppression_reason`). "No population" and
    /// "no denominator" are one published reason: both mean there is nothing to divide by.
    /// What the reason tells a reader of the events beside it: fewer than this many (docs/DISCLOSURE.md,
    /// "Withheld reasons"); nil when it tells nothing about them.
    public var eventsBelow: Double? {
        switch self {
        case .fewerThanTenEvents: 10
        case .eventsWithoutPopulation, .ageBandWithoutPopulation, .noPopulation, .noDenominator, .noExpectedEvents, .noReference,
            .suppressedAtSource, .notPublishedBySource:
            nil
        }
    }

    public var publishedCode: String {
        switch self {
        case .noPopulation, .noDenominator: WithheldReason.noDenominator.rawValue
        case .fewerThanTenEvents, .eventsWithoutPopulation, .ageBandWithoutPopulation, .noExpectedEvents, .noReference, .suppressedAtSource,
            .notPublishedBySource:
            rawValue
        }
    }
}
