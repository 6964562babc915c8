package import CXlsxWriter
package import Foundation
import PipelineCore
import Publication

/// Owns one libxlsxwriter workbook: creates it, hands out sheets whose every write is checked, and closes
/// it exactly once (freeing it unclosed if writing failed). The renderer works sheet by sheet through it
/// (docs/PUBLISHED_TABLES.md, "The workbook").
package final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    package let path: String

    package init(path: String) throws {
        self.path = path
        // Not constant-memory mode: libxlsxwriter cannot add an Excel table to a sheet whose rows it has
        // already flushed, so the workbook keeps its cells until it is closed (docs/ARCHITECTURE.md,
        // "Report memory"); Excel's own row limit bounds a sheet.
        var options = lxw_workbook_options()
        options.use_zip64 = 1
        guard let handle = workbook_new_opt(path, &options) else {
            throw PipelineError(.internal, "cannot create the workbook", at: InputLocation(file: path))
        }
        self.handle = handle
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// A cell format; `configure` sets its properties.
    package func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws -> UnsafeMutablePointer<lxw_format> {
        guard let handle, let format = workbook_add_format(handle) else { throw failure("cannot add a cell format") }
        configure(format)
        return format
    }

    package func addSheet(_ name: String) throws -> Sheet {
        guard let handle, let sheet = workbook_add_worksheet(handle, name) else { throw failure("cannot add the sheet '\(name)'") }
        return Sheet(handle: sheet, name: name, workbook: self)
    }

    /// Document properties: what Excel shows under File › Info and search tools index.
    package func setProperties(title: String, subject: String, author: String, company: String, keywords: String, comments: String, created: Date) throws {
        guard let handle else { throw failure("cannot set the document properties") }
        let texts = [title, subject, author, company, keywords, comments].map { text in text.withCString { strdup($0) } }
        defer { for text in texts { free(text) } }
        var properties = lxw_doc_properties()
        properties.title = texts[0]
        properties.subject = texts[1]
        properties.author = texts[2]
        properties.company = texts[3]
        properties.keywords = texts[4]
        properties.comments = texts[5]
        properties.created = time_t(created.timeIntervalSince1970)
        guard workbook_set_properties(handle, &properties) == LXW_NO_ERROR else { throw failure("cannot set the document properties") }
    }

    /// Writes the file; the workbook cannot be used afterwards.
    package func close() throws {
        guard let handle else { return }
        self.handle = nil
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else { throw failure("cannot write the workbook: \(String(cString: lxw_strerror(status)))") }
    }

    fileprivate func failure(_ message: String) -> PipelineError {
        PipelineError(.internal, message, at: InputLocation(file: path), hint: "check free space and permissions of the output folder")
    }

    /// One worksheet.
    package struct Sheet {
        fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
        package let name: String
        fileprivate unowned let workbook: Workbook

        private func check(_ status: lxw_error, _ what: String) throws {
            guard status == LXW_NO_ERROR else {
                throw workbook.failure("sheet '\(name)': cannot \(what): \(String(cString: lxw_strerror(status)))")
            }
        }

        package func write(_ row: Int, _ column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), text, format), "write a string")
        }

        package func write(_ row: Int, _ column: Int, _ number: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format), "write a number")
        }

        /// A date (no time) in `format`, stored as an Excel date.
        package func write(_ row: Int, _ column: Int, date: (year: Int, month: Int, day: Int), _ format: UnsafeMutablePointer<lxw_format>) throws {
            var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &value, format), "write a date")
        }

        /// An Excel table over the given range, its header row first, with these column headers.
        package func addTable(
            name: String, firstRow: Int, lastRow: Int, headers: [String], headerFormat: UnsafeMutablePointer<lxw_format>
        ) throws {
            let names = headers.map { header in header.withCString { strdup($0) } }
            defer { for name in names { free(name) } }
            var columns = names.map {
                lxw_table_column(header: $0, formula: nil, total_string: nil, total_function: 0, header_format: headerFormat, format: nil, total_value: 0)
            }
            try columns.withUnsafeMutableBufferPointer { buffer in
                var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
                pointers.append(nil)
                try name.withCString { tableName in
                    try pointers.withUnsafeMutableBufferPointer { list in
                        var options = lxw_table_options()
                        options.name = UnsafeMutablePointer(mutating: tableName)
                        options.columns = list.baseAddress
                        try check(
                            worksheet_add_table(handle, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(headers.count - 1), &options),
                            "add the table")
                    }
                }
            }
        }

        package func link(_ row: Int, _ column: Int, to url: String, text: String) throws {
            try check(worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), url, nil, text, nil), "write a link")
        }

        package func columnWidth(_ first: Int, _ last: Int, _ width: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, format), "set column widths")
        }

        /// A row's height in points, for text that wraps (LibreOffice does not grow rows to fit it).
        package func rowHeight(_ row: Int, _ points: Double) throws {
            try check(worksheet_set_row(handle, lxw_row_t(row), points, nil), "set a row height")
        }

        package func freezePanes(row: Int, column: Int) {
            worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
        }

        package func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
            try check(
                worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
                "add an autofilter")
        }
    }
}

@available(*, unavailable)
extension Workbook: Sendable {}
