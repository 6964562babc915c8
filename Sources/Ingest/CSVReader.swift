import CLibCSV
import Foundation
public import PipelineCore

/// One CSV record, borrowed from the reader's buffer for the duration of a callback.
public struct CSVRecord {
    fileprivate let bytes: UnsafeRawBufferPointer
    fileprivate let ends: UnsafeBufferPointer<Int>
    /// Where each field starts, when fields are not back to back (the fast path points into the line,
    /// delimiters included); `nil` when field i starts where field i − 1 ends (libcsv's copies).
    fileprivate var starts: UnsafeBufferPointer<Int>? = nil
    /// Physical line (1-based) on which the record starts.
    public let line: Int
    /// 0-based record number; 0 is the header.
    public let index: Int

    public var count: Int { ends.count }

    /// Bytes of field `column` (0-based), valid only inside the callback.
    public subscript(column: Int) -> UnsafeRawBufferPointer {
        let start = starts?[column] ?? (column == 0 ? 0 : ends[column - 1])
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

/// Streams a CSV file with exact physical line numbers: lines without a quote character are split in
/// place (the fast path: `memchr` for line ends and delimiters, no copy, no callback per field); every
/// line holding a quote, and every line while a quoted field is open, goes through libcsv in strict mode,
/// the reference (docs/ARCHITECTURE.md, "Hot paths"). Both give the same records, line numbers and errors
/// (a differential test feeds both random CSV).
///
/// Handles CRLF, CR-only and LF line ends, blank lines (skipped), quoted multi-line fields and a UTF-8
/// byte-order mark; never loads the file whole (1 MiB chunks). Hashes the bytes (SHA-256) as it reads them.
public struct CSVReader {
    public var dialect: CSVDialect
    public var chunkSize: Int
    /// Split quote-free lines without libcsv (on by default; off = libcsv for every byte, the reference).
    public var fastPath: Bool

    public init(dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 20, fastPath: Bool = true) {
        self.dialect = dialect
        self.chunkSize = max(chunkSize, 4)
        self.fastPath = fastPath
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
        // Room for a chunk after the unfinished line the previous chunk left.
        let capacity = chunkSize * 2
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = StreamingSHA256()
        var totalBytes = 0
        var first = true
        var filled = 0
        let splitter = LineSplitter(delimiter: dialect.delimiterByte, quote: dialect.quoteByte)

        /// Hands bytes to libcsv; a syntax error names the record it is in.
        func feed(_ start: UnsafeRawPointer, _ count: Int) throws {
            guard count > 0 else { return }
            let used = csv_parse(parser, start, count, onField, onRecordEnd, context)
            if let error = state.error { throw error }
            if used != count { throw state.syntaxError(String(cString: csv_strerror(csv_error(parser)))) }
        }

        try withExtendedLifetime(state) {
            while true {
                let count = fread(buffer + filled, 1, chunkSize, file)
                if count > 0 {
                    hasher.update(UnsafeRawBufferPointer(start: buffer + filled, count: count))
                    totalBytes += count
                }
                var start = 0
                if first {
                    first = false
                    if count >= 3, buffer.load(fromByteOffset: 0, as: UInt8.self) == 0xEF,
                        buffer.load(fromByteOffset: 1, as: UInt8.self) == 0xBB, buffer.load(fromByteOffset: 2, as: UInt8.self) == 0xBF
                    {
                        start = 3
                    }
                }
                let end = filled + count
                let final = count == 0
                guard fastPath else {
                    try feed(buffer + start, end - start)
                    filled = 0
                    if final { break }
                    continue
                }
                let stop = try splitter.process(
                    UnsafeRawBufferPointer(start: buffer, count: end), from: start, final: final, state: state,
                    libcsvIdle: { parser.pointee.pstate == 0 }, feed: feed)
                let leftover = end - stop
                if leftover > 0 { memmove(buffer, buffer + stop, leftover) }
                filled = leftover
                if final { break }
                if filled + chunkSize > capacity {
                    // One line longer than a chunk: libcsv takes it as it comes.
                    try feed(buffer, filled)
                    filled = 0
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

extension CSVReader {
    /// Thrown by ``readQuoteFree(_:header:displayPath:into:)`` at the first quote character: the bytes
    /// need libcsv, so the caller reads the file the ordinary way.
    struct QuoteFound: Error {}

    /// What a quote-free read of a byte range saw.
    struct RangeSummary {
        /// Records handed over, the header included.
        var records: Int
        /// Physical lines in the range (the header's not counted when it was given apart).
        var lines: Int
    }

    /// Parses `bytes` — whole lines of a file, none holding a quote — with the fast path alone, numbering
    /// lines from 1 within the range. `header`, when given, is the file's header line, handed to the
    /// handler first as record 0 (for a range that starts after it). Used to parse a large file's chunks
    /// on several threads (docs/ARCHITECTURE.md, "Hot paths"); any quote throws ``QuoteFound``.
    func readQuoteFree(
        _ bytes: UnsafeRawBufferPointer, header: UnsafeRawBufferPointer?, displayPath: String, into handler: some CSVRecordHandler
    ) throws -> RangeSummary {
        let state = ParseState(handler: handler, path: displayPath)
        let splitter = LineSplitter(delimiter: dialect.delimiterByte, quote: dialect.quoteByte)
        let refuse: (UnsafeRawPointer, Int) throws -> Void = { _, _ in throw QuoteFound() }
        if let header {
            _ = try splitter.process(header, from: 0, final: true, state: state, libcsvIdle: { true }, feed: refuse)
            state.line = 1
            state.afterCR = false
        }
        _ = try splitter.process(bytes, from: 0, final: true, state: state, libcsvIdle: { true }, feed: refuse)
        return RangeSummary(records: state.record, lines: state.line - 1)
    }
}

/// The fast path: finds line ends and delimiters with `memchr` and hands quote-free lines to the handler
/// in place; a line with a quote, or any line while libcsv is inside a record, goes to libcsv.
private struct LineSplitter {
    let delimiter: UInt8
    let quote: UInt8

    /// Processes the complete lines of `bytes[from...]`; returns where the unfinished line begins (all of
    /// it when `final`).
    func process(
        _ bytes: UnsafeRawBufferPointer, from: Int, final: Bool, state: ParseState,
        libcsvIdle: () -> Bool, feed: (UnsafeRawPointer, Int) throws -> Void
    ) throws -> Int {
        guard let base = bytes.baseAddress else { return from }
        let end = bytes.count
        var position = from
        while position < end {
            // The next line end: LF, or CR (CRLF taken as one when both are here).
            let searched = end - position
            let lf = memchr(base + position, 0x0A, searched).map { $0 - UnsafeMutableRawPointer(mutating: base) }
            let crLimit = (lf ?? end) - position
            let cr = memchr(base + position, 0x0D, crLimit).map { $0 - UnsafeMutableRawPointer(mutating: base) }
            let lineEnd: Int
            var next: Int
            var terminator: UInt8?
            if let cr {
                lineEnd = cr
                terminator = 0x0D
                next = cr + 1
                if cr + 1 == end, !final { return position }  // an LF may follow in the next chunk
                if cr + 1 < end, base.load(fromByteOffset: cr + 1, as: UInt8.self) == 0x0A { next = cr + 2 }
            } else if let lf {
                lineEnd = lf
                terminator = 0x0A
                next = lf + 1
            } else {
                guard final else { return position }
                lineEnd = end
                next = end
            }
            let length = lineEnd - position
            if !libcsvIdle() || memchr(base + position, Int32(quote), length) != nil {
                try feed(base + position, next - position)
                position = next
                continue
            }
            if length > 0 {
                try record(UnsafeRawBufferPointer(start: base + position, count: length), state: state)
            }
            // Line counting exactly as libcsv's line-end callbacks do it.
            switch terminator {
            case 0x0D?:
                state.line += 1
                if next == lineEnd + 2 { state.afterCR = false } else { state.afterCR = true }
            case 0x0A?:
                if !state.afterCR { state.line += 1 }
                state.afterCR = false
            default:
                state.afterCR = false
            }
            position = next
        }
        return position
    }

    /// One quote-free line as a record: fields split at the delimiter, pointing into the line.
    private func record(_ line: UnsafeRawBufferPointer, state: ParseState) throws {
        state.afterCR = false
        state.recordLine = state.line
        let base = line.baseAddress!
        var count = 0
        var start = 0
        while true {
            let found = memchr(base + start, Int32(delimiter), line.count - start).map { $0 - UnsafeMutableRawPointer(mutating: base) }
            if count == state.fieldCapacity { state.growFields() }
            state.fieldStarts[count] = start
            state.fieldEnds[count] = found ?? line.count
            count += 1
            guard let found else { break }
            start = found + 1
        }
        var record = CSVRecord(
            bytes: line, ends: UnsafeBufferPointer(start: state.fieldEnds, count: count), line: state.recordLine, index: state.record)
        record.starts = UnsafeBufferPointer(start: state.fieldStarts, count: count)
        try state.handler.handle(record)
        state.record += 1
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
    /// The fast path's field bounds, reused line to line: raw buffers, as array appends on a class
    /// property cost a uniqueness check per field (~8% of ingest; bench/RESULTS.md).
    private(set) var fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var fieldCapacity = 64
    var error: (any Error)?

    init(handler: any CSVRecordHandler, path: String) {
        self.handler = handler
        self.path = path
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(32)
    }

    deinit {
        fieldStarts.deallocate()
        fieldEnds.deallocate()
    }

    /// Doubles the fast path's field buffers, keeping what they hold.
    func growFields() {
        let capacity = fieldCapacity * 2
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        starts.update(from: fieldStarts, count: fieldCapacity)
        ends.update(from: fieldEnds, count: fieldCapacity)
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        (fieldStarts, fieldEnds, fieldCapacity) = (starts, ends, capacity)
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
