/// The one-file-per-table formats — CSV, JSON and Markdown — written as each page of rows arrives.
struct TableFileWriter: FormatWriter {
    enum Kind: Sendable {
        case csv, json, markdown

        var folder: String {
            switch self {
            case .csv: "csv"
            case .json: "json"
            case .markdown: "markdown"
            }
        }

        var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .json: "json"
            case .markdown: "md"
            }
        }
    }

    let kind: Kind
    let text: CellText
    let folder: String
    private var file: OutputFile?
    private var heading: TableHeading?
    private var rowsWritten = 0
    private var files: [ReportExporter.WrittenFile] = []

    init(_ kind: Kind, text: CellText, folder: String) {
        self.kind = kind
        self.text = text
        self.folder = folder
    }

    mutating func begin(_ heading: TableHeading) throws {
        let file = try OutputFile("\(kind.folder)/\(heading.table.name).\(kind.fileExtension)", in: folder)
        switch kind {
        case .csv: try file.write(CSVTableRenderer(text: text).header(heading))
        case .json: try file.write(JSONTableRenderer(text: text).header(heading))
        case .markdown: try file.write(MarkdownTableRenderer(text: text).header(heading))
        }
        self.file = file
        self.heading = heading
        rowsWritten = 0
    }

    mutating func write(_ rows: [[PublishedTableData.Cell]]) throws {
        guard let file, let heading else { return }
        switch kind {
        case .csv:
            var bytes: [UInt8] = []
            CSVTableRenderer(text: text).appendRows(rows, to: &bytes)
            try file.write(bytes)
        case .json:
            let renderer = JSONTableRenderer(text: text)
            var out = ""
            renderer.appendRows(rows, keys: renderer.keys(heading), first: rowsWritten, to: &out)
            try file.write(out)
        case .markdown:
            let renderer = MarkdownTableRenderer(text: text)
            var out = ""
            renderer.appendRows(rows, shown: renderer.shown(heading), to: &out)
            try file.write(out)
        }
        rowsWritten += rows.count
    }

    mutating func end() throws {
        guard let file else { return }
        if kind == .json { try file.write(JSONTableRenderer(text: text).footer(rowCount: rowsWritten)) }
        files.append(try file.close())
        self.file = nil
        heading = nil
    }

    mutating func finish() throws -> [ReportExporter.WrittenFile] { files }
}
