import Foundation
import Publication

/// Each chart of the HTML pages as files beside them (docs/REPORT.md, "Downloads and print"):
/// `charts/<chart id>.svg`, the chart on its own with the page's style, and `charts/<chart id>.csv`, its
/// data table; the figure's caption links to both. Done on the rendered pages, so every chart any page
/// draws gets its files without each chart knowing.
enum ChartDownloads {
    static let folder = "charts"

    /// The page with download links in each chart's caption, and the files those links name. The page and
    /// its figures are searched as bytes — every marker is ASCII — since Foundation's String search over
    /// whole pages cost more than drawing them.
    static func process(_ page: Data, path: String) -> (page: Data, files: [(path: String, data: Data)]) {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let bytes = [UInt8](page)
        var out = Data(), files: [(path: String, data: Data)] = []
        out.reserveCapacity(bytes.count + 4_096)
        var position = 0
        while let start = find("<figure class=", in: bytes, from: position), let close = find("</figure>", in: bytes, from: start + 14) {
            let end = close + 9
            out.append(contentsOf: bytes[position..<start])
            position = end
            let figure = Array(bytes[start..<end])
            guard let id = chartID(figure), let svg = element(svgTags, in: figure), let table = element(tableTags, in: figure) else {
                out.append(contentsOf: figure)
                continue
            }
            files.append(("\(folder)/\(id).svg", Data(standalone(String(decoding: svg, as: UTF8.self)).utf8)))
            files.append(("\(folder)/\(id).csv", Data(csv(table).utf8)))
            let links =
                " <span class=\"downloads\">Download: <a href=\"\(root)\(folder)/\(HTML.escape(id)).svg\" download>chart (SVG)</a> · <a href=\"\(root)\(folder)/\(HTML.escape(id)).csv\" download>data (CSV)</a></span>"
            if let caption = find("</figcaption>", in: figure, from: 0) {
                out.append(contentsOf: figure[..<caption])
                out.append(contentsOf: links.utf8)
                out.append(contentsOf: figure[caption...])
            } else {
                out.append(contentsOf: figure)
            }
        }
        out.append(contentsOf: bytes[position...])
        return (out, files)
    }

    /// The offset of the first `needle` (ASCII) in `bytes` at or after `from`.
    static func find(_ needle: StaticString, in bytes: [UInt8], from: Int, before limit: Int? = nil) -> Int? {
        let count = needle.utf8CodeUnitCount
        let stop = min(limit ?? bytes.count, bytes.count)
        guard count > 0, from >= 0, stop - from >= count else { return nil }
        return needle.withUTF8Buffer { pattern in
            bytes.withUnsafeBufferPointer { haystack in
                let first = pattern[0]
                var index = from
                while index <= stop - count {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < count, haystack[index + matched] == pattern[matched] { matched += 1 }
                        if matched == count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// The id of the figure's chart (`<svg id="…" class="chart"`); nil for a figure without one.
    static func chartID(_ figure: [UInt8]) -> String? {
        guard let svg = find("<svg id=\"", in: figure, from: 0) else { return nil }
        let idStart = svg + 9
        guard let close = find("\"", in: figure, from: idStart) else { return nil }
        let openingEnd = find(">", in: figure, from: idStart) ?? figure.count
        guard
            find("class=\"chart\"", in: figure, from: svg, before: openingEnd) != nil
                || find("class=\"chart ", in: figure, from: svg, before: openingEnd) != nil
        else { return nil }
        let id = String(decoding: figure[idStart..<close], as: UTF8.self)
        return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ? id : nil
    }

    /// The tags of an element: opening with attributes, opening bare, closing.
    typealias Tags = (spaced: StaticString, bare: StaticString, closing: StaticString)
    static let svgTags: Tags = ("<svg ", "<svg>", "</svg>"), tableTags: Tags = ("<table ", "<table>", "</table>")

    /// The first such element of a fragment, as bytes.
    static func element(_ tags: Tags, in figure: [UInt8]) -> ArraySlice<UInt8>? {
        guard let start = find(tags.spaced, in: figure, from: 0) ?? find(tags.bare, in: figure, from: 0),
            let end = find(tags.closing, in: figure, from: start + 1)
        else { return nil }
        return figure[start..<(end + tags.closing.utf8CodeUnitCount)]
    }

    /// The chart as a file of its own: an XML declaration, and the page's style inside the SVG so that
    /// it looks as it does on the page.
    static func standalone(_ svg: String) -> String {
        guard let open = svg.range(of: ">") else { return svg }
        var out = svg
        out.insert(contentsOf: "<style>\(HTMLPage.style)</style>", at: open.upperBound)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out + "\n"
    }

    /// A data table's rows as CSV (RFC 4180): header cells and data cells as text, tags removed and
    /// entities read. One pass over the bytes (every marker is ASCII, so no UTF-8 sequence is cut).
    static func csv(_ table: String) -> String { csv(Array(table.utf8)[...]) }

    static func csv(_ table: ArraySlice<UInt8>) -> String {
        let bytes = Array(table)
        var lines: [String] = []
        var position = 0
        while let row = find("<tr>", in: bytes, from: position) {
            // A row runs to its `</tr>`, or to the next row where it has none.
            let next = find("<tr>", in: bytes, from: row + 4) ?? bytes.count
            let rowEnd = find("</tr>", in: bytes, from: row + 4, before: next) ?? next
            var cells: [String] = []
            var cursor = row + 4
            while let open = find("<t", in: bytes, from: cursor, before: rowEnd), let tagEnd = find(">", in: bytes, from: open + 2, before: rowEnd) {
                let kind = bytes[open + 2]
                let close: Int? =
                    kind == UInt8(ascii: "h")
                    ? find("</th>", in: bytes, from: tagEnd + 1, before: rowEnd)
                    : kind == UInt8(ascii: "d") ? find("</td>", in: bytes, from: tagEnd + 1, before: rowEnd) : nil
                guard let close else {
                    cursor = tagEnd + 1
                    continue
                }
                cells.append(text(bytes[(tagEnd + 1)..<close]))
                cursor = close + 5
            }
            lines.append(cells.map(quoted).joined(separator: ","))
            position = rowEnd
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Markup's text: tags removed, the entities this program writes read.
    static func text(_ markup: String) -> String { text(Array(markup.utf8)[...]) }

    static func text(_ markup: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markup.count)
        var inTag = false
        for byte in markup {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                out.append(byte)
            }
        }
        // Entities, left to right: `&amp;lt;` reads `&lt;`.
        var decoded: [UInt8] = []
        decoded.reserveCapacity(out.count)
        var index = 0
        while index < out.count {
            if out[index] == UInt8(ascii: "&"), let (character, length) = entity(out, at: index) {
                decoded.append(character)
                index += length
            } else {
                decoded.append(out[index])
                index += 1
            }
        }
        var lower = 0, upper = decoded.count
        while lower < upper, decoded[lower] == 0x20 || decoded[lower] == 0x09 { lower += 1 }
        while upper > lower, decoded[upper - 1] == 0x20 || decoded[upper - 1] == 0x09 { upper -= 1 }
        return String(decoding: decoded[lower..<upper], as: UTF8.self)
    }

    /// The entities this program writes, as the character each stands for and its length.
    private static let entities: [(name: [UInt8], character: UInt8)] = [
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    private static func entity(_ bytes: [UInt8], at index: Int) -> (UInt8, Int)? {
        for (name, character) in entities where index + name.count <= bytes.count {
            if bytes[index..<(index + name.count)].elementsEqual(name) { return (character, name.count) }
        }
        return nil
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
