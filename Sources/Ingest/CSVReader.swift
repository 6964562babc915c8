import CLibCSV
import Foundation
public import PipelineCore

/// One CSV record, borrowed from the reader's buffer for the duration of a callback.
public struct CSVRecord {
    fileprivate let bytes: UnsafeRawBufferPointer
    fileprivate let ends: UnsafeBufferPointer<Int>
    /// Physical line (1-based) on which the record starts.
    public let line: Int
    /// 0-based record number; 0 is the header.
    public let index: Int

    public var count: Int { ends.count }

    /// Bytes of field `column` (0-based), valid only inside the callback.
    public subscript(column: Int) -> UnsafeRawBufferPointer {
        let start = column == 0 ? 0 : ends[column - 1]
        return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[column]])
    }

    /// Field as a String (for headers and error messages; not used on the hot path).
    public func string(_ column: Int) -> String { String(decoding: self[column], as: UTF8.self) }
}

/// Receives records from ``CSVReader``; throwing stops the read with that error.
public protocol CSVRecordHandler: AnyObject {
    func handle(_ record: CSVRecord) throws
}

/// What a streamed read saw of the file.
public struct CSVReadSummary: Sendable {
    public var records: Int
    public var bytes: Int
    public var sha256: String
}

/// Streams a CSV file through libcsv in strict mode, with exact physical line numbers.
///
/// Handles CRLF, blank lines (skipped), quoted multi-line fields and a UTF-8 byte-order mark;
/// never loads the file whole (1 MiB chunks). Hashes the bytes (SHA-256) as it reads them.
public struct CSVReader {
    public var dialect: CSVDialect
    public var chunkSize: Int

    public init(dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 20) {
        self.dialect = dialect
        self.chunkSize = chunkSize
    }

    /// Reads `path`, calling `handler` for each record (header included, as record 0).
    ///
    /// - Throws: ``PipelineError`` `.inputMissing` if the file cannot be opened or read;
    ///   `.dataQuality` with file:line:column for malformed CSV; or what the handler throws.
    public func read(path: String, displayPath: String? = nil, into handler: some CSVRecordHandler) throws -> CSVReadSummary {
        let shownPath = displayPath ?? path
        guard let file = fopen(path, "rb") else {
            throw PipelineError(
                .inputMissing, "cannot open file: \(String(cString: strerror(errno)))",
                at: InputLocation(file: shownPath))
        }
        defer { fclose(file) }

        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        defer { parser.deallocate() }
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
        guard csv_init(parser, options) == 0 else {
            throw PipelineError(.internal, "libcsv could not initialise a parser")
        }
        defer { csv_free(parser) }
        csv_set_delim(parser, dialect.delimiterByte)
        csv_set_quote(parser, dialect.quoteByte)
        // libcsv trims spaces and tabs around unquoted fields by default; keep the bytes exact.
        csv_set_space_func(parser) { _ in 0 }

        let state = ParseState(handler: handler, path: shownPath)
        let context = Unmanaged.passUnretained(state).toOpaque()
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = StreamingSHA256()
        var totalBytes = 0
        var first = true

        try withExtendedLifetime(state) {
            while true {
                let count = fread(buffer, 1, chunkSize, file)
                if count == 0 { break }
                let chunk = UnsafeRawBufferPointer(start: buffer, count: count)
                hasher.update(chunk)
                totalBytes += count
                var start = 0
                if first {
                    first = false
                    if count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
                }
                let used = csv_parse(parser, buffer + start, count - start, onField, onRecordEnd, context)
                if let error = state.error { throw error }
                if used != count - start {
                    throw state.syntaxError(String(cString: csv_strerror(csv_error(parser))))
                }
            }
            if ferror(file) != 0 {
                throw PipelineError(.inputMissing, "read error: \(String(cString: strerror(errno)))", at: InputLocation(file: shownPath))
            }
            if csv_fini(parser, onField, onRecordEnd, context) != 0 {
                throw state.syntaxError("unterminated quoted field at end of file")
            }
            if let error = state.error { throw error }
        }
        return CSVReadSummary(records: state.record, bytes: totalBytes, sha256: hasher.finalize())
    }
}

/// Callback context. libcsv cannot be stopped mid-chunk, so the first error is kept and later
/// callbacks are ignored until `csv_parse` returns.
private final class ParseState {
    let handler: any CSVRecordHandler
    let path: String
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var record = 0
    var line = 1
    var recordLine = 1
    /// The last line end was a CR, so an LF right after it ends the same line (CRLF).
    var afterCR = false
    var error: (any Error)?

    init(handler: any CSVRecordHandler, path: String) {
        self.handler = handler
        self.path = path
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(32)
    }

    func syntaxError(_ reason: String) -> PipelineError {
        PipelineError(
            .dataQuality, "malformed CSV: \(reason)",
            at: InputLocation(file: path, line: ends.isEmpty ? line : recordLine, column: ends.count + 1))
    }

    func endRecord() {
        do {
            try bytes.withUnsafeBytes { raw in
                try ends.withUnsafeBufferPointer { ends in
                    try handler.handle(CSVRecord(bytes: raw, ends: ends, line: recordLine, index: record))
                }
            }
        } catch {
            self.error = error
        }
        record += 1
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

// Plain functions convert to `@convention(c)` pointers; they must capture nothing.
private func onField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue()
    guard state.error == nil else { return }
    state.afterCR = false
    if state.ends.isEmpty { state.recordLine = state.line }
    if let data, length > 0 {
        let field = UnsafeRawBufferPointer(start: data, count: length)
        state.bytes.append(contentsOf: field)
        // Line breaks inside a quoted field advance the physical line: LF, CR, and CRLF as one.
        if memchr(data, 0x0A, length) != nil || memchr(data, 0x0D, length) != nil {
            var previous: UInt8 = 0
            for byte in field {
                if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { state.line += 1 }
                previous = byte
            }
        }
    }
    state.ends.append(state.bytes.count)
}

/// With `CSV_REPALL_NL`, called for every CR and LF outside quotes (with no fields for blank
/// lines and for the LF of CRLF), and with -1 at the end of input.
private func onRecordEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue()
    guard state.error == nil else { return }
    if !state.ends.isEmpty { state.endRecord() }
    // A line ends at LF, at CR (old Mac files), and once at CRLF.
    switch terminator {
    case 0x0D:
        state.line += 1
        state.afterCR = true
    case 0x0A:
        if !state.afterCR { state.line += 1 }
        state.afterCR = false
    default:
        state.afterCR = false
    }
}
