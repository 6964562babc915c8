package import Foundation
import PipelineCore
import Publication

/// What the workbook's cover says about the release (docs/PUBLISHED_TABLES.md, "The workbook"), after
/// the Analysis Function's guidance: title, period covered, sources, publication date, who publishes it,
/// whom to contact, and the disclosure control applied.
package struct WorkbookCover: Sendable {
    package var title: String
    /// The periods the tables cover, as people read them (e.g. "March 2024 to March 2025").
    package var periodCovered: String
    /// Each indicator's source, as (indicator, text).
    package var sources: [(indicator: String, text: String)]
    /// The day the run that made the tables started (from its run id).
    package var publicationDate: Date
    package var publisher: String?
    package var contact: String?
    /// Each indicator's title by code, shown beside the code in every table (docs/PUBLISHED_TABLES.md, "The workbook").
    package var indicatorTitles: [String: String] = [:]
    /// The indicators' units, each once, in indicator order: the workbook's headers name them
    /// (``WorkbookUnitHeader``).
    package var units: [String] = []
    /// Each indicator's latest period (`period_start`): the workbook holds only those rows of each table, so
    /// it stays the size of one period however long the history (docs/PUBLISHED_TABLES.md, "The workbook").
    /// Empty: every row.
    package var latestPeriods: [String: String] = [:]
    /// The latest periods as people read them, for the cover ("March 2025").
    package var latestCovered: String?

    package init(
        title: String, periodCovered: String, sources: [(indicator: String, text: String)], publicationDate: Date, publisher: String?,
        contact: String?
    ) {
        self.title = title
        self.periodCovered = periodCovered
        self.sources = sources
        self.publicationDate = publicationDate
        self.publisher = publisher
        self.contact = contact
    }

    /// The publication date as people read it ("1 December 2026").
    package var publicationDateText: String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: publicationDate)
        return "\(parts.day ?? 1) \(Period.monthNames[(parts.month ?? 1) - 1].capitalized) \(parts.year ?? 1970)"
    }

    /// The start of the run a run id names (`20261201T113407Z-…`), or now for a run id of another shape.
    package static func date(ofRun runID: String?) -> Date {
        guard let runID, runID.count >= 16 else { return Date() }
        var parser = DateComponents()
        let text = Array(runID.prefix(15))
        func number(_ range: Range<Int>) -> Int? { Int(String(text[range])) }
        parser.year = number(0..<4)
        parser.month = number(4..<6)
        parser.day = number(6..<8)
        parser.hour = number(9..<11)
        parser.minute = number(11..<13)
        parser.second = number(13..<15)
        parser.timeZone = TimeZone(identifier: "UTC")
        return Calendar(identifier: .gregorian).date(from: parser) ?? Date()
    }
}
