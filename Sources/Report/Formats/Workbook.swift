import CXlsxWriter
import PipelineCore

/// Owns one libxlsxwriter workbook: creates it in constant-memory mode, hands out sheets whose every
/// write is checked, and closes it exactly once (freeing it unclosed if writing failed). The renderer
/// works sheet by sheet through it (docs/PUBLISHED_TABLES.md, the workbook).
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    let path: String

    init(path: String) throws {
        self.path = path
        // Constant-memory mode: each row is flushed as soon as the next begins (rows are written in
        // order), so memory stays flat however many rows the tables hold; strings are stored inline.
        var options = lxw_workbook_options()
        options.constant_memory = 1
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
    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws -> UnsafeMutablePointer<lxw_format> {
        guard let handle, let format = workbook_add_format(handle) else { throw failure("cannot add a cell format") }
        configure(format)
        return format
    }

    func addSheet(_ name: String) throws -> Sheet {
        guard let handle, let sheet = workbook_add_worksheet(handle, name) else { throw failure("cannot add the sheet '\(name)'") }
        return Sheet(handle: sheet, name: name, workbook: self)
    }

    /// Writes the file; the workbook cannot be used afterwards.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else { throw failure("cannot write the workbook: \(String(cString: lxw_strerror(status)))") }
    }

    fileprivate func failure(_ message: String) -> PipelineError {
        PipelineError(.internal, message, at: InputLocation(file: path), hint: "check free space and permissions of the output folder")
    }

    /// One worksheet; rows must be written in order (constant-memory mode).
    struct Sheet {
        fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
        let name: String
        fileprivate unowned let workbook: Workbook

        private func check(_ status: lxw_error, _ what: String) throws {
            guard status == LXW_NO_ERROR else {
                throw workbook.failure("sheet '\(name)': cannot \(what): \(String(cString: lxw_strerror(status)))")
            }
        }

        func write(_ row: Int, _ column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), text, format), "write a string")
        }

        func write(_ row: Int, _ column: Int, _ number: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format), "write a number")
        }

        func link(_ row: Int, _ column: Int, to url: String, text: String) throws {
            try check(worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), url, nil, text, nil), "write a link")
        }

        func columnWidth(_ first: Int, _ last: Int, _ width: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, format), "set column widths")
        }

        func freezePanes(row: Int, column: Int) {
            worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
        }

        func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
            try check(
                worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
                "add an autofilter")
        }
    }
}

@available(*, unavailable)
extension Workbook: Sendable {}
