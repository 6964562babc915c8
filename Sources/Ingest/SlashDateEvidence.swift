import PipelineCore

/// What a file's slash dates (`03/01/2025`) say about their order when the source declares none
/// (docs/DATA.md, "Periods"). Read day first, a monthly file written month first puts every row on a
/// day of January; that pattern refuses the file rather than publishing every month as January.
struct SlashDateEvidence: Sendable, Equatable {
    /// Slash dates seen.
    var count = 0
    /// Whether any had a second part other than 01 (then it is not the month-first first-of-month pattern).
    var secondPartVaries = false
    /// The first parts seen, as bits 1–31.
    var firstParts: UInt32 = 0
    /// The first line with a slash date whose second part is 01 and first part is not.
    var firstSuspectLine: Int?

    /// Records one field, if it is a slash date.
    mutating func note(_ bytes: UnsafeRawBufferPointer, line: Int) {
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
            let first = ExtractParser.parseSmallInt(UnsafeRawBufferPointer(rebasing: bytes[0..<2])),
            let second = ExtractParser.parseSmallInt(UnsafeRawBufferPointer(rebasing: bytes[3..<5])), (1...31).contains(first)
        else { return }
        count += 1
        firstParts |= 1 << UInt32(first)
        if second != 1 {
            secondPartVaries = true
        } else if first != 1, firstSuspectLine == nil {
            firstSuspectLine = line
        }
    }

    /// Adds another part of the same file (a chunk parsed on another thread).
    mutating func absorb(_ other: SlashDateEvidence) {
        count += other.count
        secondPartVaries = secondPartVaries || other.secondPartVaries
        firstParts |= other.firstParts
        if let line = other.firstSuspectLine, firstSuspectLine.map({ line < $0 }) ?? true { firstSuspectLine = line }
    }

    /// Every date has 01 as its second part and the first parts differ: month first, the first of each
    /// month (`03/01/2025`, `04/01/2025` …), which read day first would all be January.
    var looksMonthFirst: Bool { count >= 2 && !secondPartVaries && firstParts.nonzeroBitCount >= 2 }

    /// The refusal for a file that looks month first while the source declares no order.
    func error(source: String, file: String, column: Int) -> PipelineError {
        PipelineError(
            .dataQuality,
            "every date in the period column has 01 as its middle part (e.g. 03/01/2025): read day first, every row of the file would be a day of January",
            at: InputLocation(file: file, line: firstSuspectLine, column: column),
            hint:
                "if the file writes month first (US order: 03/01/2025 is 1 March), set \"dateOrder\": \"month-first\" on source '\(source)'; if these really are January dates, set \"dateOrder\": \"day-first\""
        )
    }
}
