/// The data table beside every chart and on every page (docs/REPORT.md, "Charts"): a caption, column
/// headings, and one row per item whose first cell heads the row — the one place the HTML builds a table.
/// Headings and cells are HTML, escaped by whoever makes them; the caption is plain text, escaped here.
struct DataTable {
    var caption: String
    var columns: [String]
    var cssClass: String?
    private var rows: [(header: String, cells: [String])] = []

    init(caption: String, columns: [String], cssClass: String? = nil) {
        self.caption = caption
        self.columns = columns
        self.cssClass = cssClass
    }

    /// Adds a row headed by `header`.
    mutating func add(_ header: String, _ cells: [String]) { rows.append((header, cells)) }

    var html: String {
        var out = "<table\(cssClass.map { " class=\"\(HTML.escape($0))\"" } ?? "")><caption>\(HTML.escape(caption))</caption><thead><tr>"
        for column in columns { out += "<th scope=\"col\">\(column)</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr><th scope=\"row\">\(row.header)</th>"
            for cell in row.cells { out += "<td>\(cell)</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}
