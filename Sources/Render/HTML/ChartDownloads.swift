import Foundation
import Publication

/// Each chart of the HTML pages as files beside them (docs/REPORT.md, "Downloads and print"):
/// `charts/<chart id>.svg`, the chart on its own with the page's style, and `charts/<chart id>.csv`, its
/// data table; the figure's caption links to both. Done on the rendered pages, so every chart any page
/// draws gets its files without each chart knowing.
enum ChartDownloads {
    static let folder = "charts"

    /// The page with download links in each chart's caption, and the files those links name.
    static func process(_ page: String, path: String) -> (page: String, files: [(path: String, data: Data)]) {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        var out = "", files: [(path: String, data: Data)] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<figure class="), let end = rest.range(of: "</figure>", range: start.upperBound..<rest.endIndex) {
            out += rest[..<start.lowerBound]
            var figure = String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
            guard let id = chartID(figure), let svg = element("svg", in: figure), let table = element("table", in: figure) else {
                out += figure
                continue
            }
            files.append(("\(folder)/\(id).svg", Data(standalone(svg).utf8)))
            files.append(("\(folder)/\(id).csv", Data(csv(table).utf8)))
            let links =
                " <span class=\"downloads\">Download: <a href=\"\(root)\(folder)/\(HTML.escape(id)).svg\" download>chart (SVG)</a> · <a href=\"\(root)\(folder)/\(HTML.escape(id)).csv\" download>data (CSV)</a></span>"
            if let caption = figure.range(of: "</figcaption>") { figure.insert(contentsOf: links, at: caption.lowerBound) }
            out += figure
        }
        out += rest
        return (out, files)
    }

    /// The id of the figure's chart (`<svg id="…" class="chart"`); nil for a figure without one.
    static func chartID(_ figure: String) -> String? {
        guard let svg = figure.range(of: "<svg id=\""), let close = figure.range(of: "\"", range: svg.upperBound..<figure.endIndex) else { return nil }
        let opening = figure[svg.lowerBound..<(figure.range(of: ">", range: svg.upperBound..<figure.endIndex)?.lowerBound ?? figure.endIndex)]
        guard opening.contains("class=\"chart\"") || opening.contains("class=\"chart ") else { return nil }
        let id = String(figure[svg.upperBound..<close.lowerBound])
        return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ? id : nil
    }

    /// The first `<name …>…</name>` element of a fragment.
    static func element(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: "<\(name) ") ?? text.range(of: "<\(name)>"),
            let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.lowerBound..<end.upperBound])
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
    /// entities read.
    static func csv(_ table: String) -> String {
        var lines: [String] = []
        for row in table.components(separatedBy: "<tr>").dropFirst() {
            var cells: [String] = []
            var rest = Substring(row.components(separatedBy: "</tr>")[0])
            while let open = rest.range(of: "<t"), let tagEnd = rest.range(of: ">", range: open.upperBound..<rest.endIndex) {
                let kind = rest[open.upperBound..<rest.index(open.upperBound, offsetBy: 1, limitedBy: rest.endIndex)!]
                guard kind == "h" || kind == "d", let close = rest.range(of: "</t\(kind)>", range: tagEnd.upperBound..<rest.endIndex) else {
                    rest = rest[tagEnd.upperBound...]
                    continue
                }
                cells.append(text(String(rest[tagEnd.upperBound..<close.lowerBound])))
                rest = rest[close.upperBound...]
            }
            lines.append(cells.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Markup's text: tags removed, the entities this program writes read.
    static func text(_ markup: String) -> String {
        var out = "", inTag = false
        for character in markup {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
