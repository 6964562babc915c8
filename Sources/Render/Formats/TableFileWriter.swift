package import Publication

/// The one-file-per-table formats — CSV, JSON and Markdown — written as each page of rows arrives.
package struct TableFileWriter: FormatWriter {
    package enum Kind: Sendable {
        case csv, json, markdown

        package var folder: String {
            switch self {
            case .csv: "csv"
            case .json: "json"
            case .markdown: "markdown"
            }
        }

        package var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .json: "json"
            case .markdown: "md"
            }
        }
    }

    package let kind: Kind
    package let text: CellText
    package let folder: String
    private var file: OutputFile?
    private var heading: TableHeading?
    private var layout: DataFileLayout?
    /// The Markdown summary table being written (its indicator and period).
    private var group: String?
    private var rowsWritten = 0
    private var files: [WrittenFile] = []

    package init(_ kind: Kind, text: CellText, folder: String) {
        self.kind = kind
        self.text = text
        self.folder = folder
    }

    package mutating func begin(_ heading: TableHeading) throws {
        let file = try OutputFile("\(kind.folder)/\(heading.table.name).\(kind.fileExtension)", in: folder)
        let layout = DataFileLayout(heading)
        switch kind {
        case .csv: try file.write(CSVTableRenderer().header(layout))
        case .json: try file.write(JSONTableRenderer().header(heading, layout: layout))
        case .markdown: try file.write(MarkdownTableRenderer(text: text).header(heading))
        }
        self.file = file
        self.heading = heading
        self.layout = layout
        group = nil
        rowsWritten = 0
    }

    package mutating func write(_ page: PublishedPage) throws {
        guard let file, let heading, let layout else { return }
        switch kind {
        case .csv:
            var bytes: [UInt8] = []
            CSVTableRenderer().appendRows(page, layout: layout, to: &bytes)
            try file.write(bytes)
        case .json:
            let renderer = JSONTableRenderer()
            var out = ""
            renderer.appendRows(page, layout: layout, keys: renderer.keys(layout), first: rowsWritten, to: &out)
            try file.write(out)
        case .markdown:
            var out = ""
            MarkdownTableRenderer(text: text).appendRows(page.rows, heading: heading, group: &group, to: &out)
            try file.write(out)
        }
        rowsWritten += page.rows.count
    }

    package mutating func end() throws {
        guard let file else { return }
        if kind == .json { try file.write(JSONTableRenderer().footer(rowCount: rowsWritten)) }
        files.append(try file.close())
        self.file = nil
        heading = nil
        layout = nil
    }

    package mutating func finish() throws -> [WrittenFile] { files }
}
