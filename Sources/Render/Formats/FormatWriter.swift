package import Publication

/// One published format written table by table while the tables are read page by page, so the report
/// holds a page per format rather than the publication (docs/ARCHITECTURE.md, "Report memory"). Tables
/// arrive in catalog order: `begin`, any number of `write`s, `end`; then `finish` once.
package protocol FormatWriter {
    mutating func begin(_ heading: TableHeading) throws
    mutating func write(_ page: PublishedPage) throws
    mutating func end() throws
    /// Completes the format; returns the files written, in the order written.
    mutating func finish() throws -> [WrittenFile]
}

/// What the database thread hands each format's thread.
package enum ExportMessage: Sendable {
    case begin(TableHeading)
    case rows(PublishedPage)
    case end
    case finish
}
