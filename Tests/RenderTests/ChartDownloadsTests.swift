import Foundation
import Testing

@testable import Render

/// Each chart's files beside the pages (docs/REPORT.md, "Downloads and print"), cut from the rendered page
/// as bytes: the page keeps every byte but the links added to each chart's caption.
struct ChartDownloadsTests {
    static let figure = """
        <figure class="chart-figure"><svg id="AE1-funnel" class="chart" viewBox="0 0 10 10"><title>Funnel</title></svg>\
        <figcaption>Café &amp; more: England&#39;s</figcaption><table><tr><th>System</th><th>Value</th></tr>\
        <tr><td> NHS A, B &amp; C </td><td><span>1,234</span></td></tr><tr><td>&lt;Q&gt; &quot;x&quot; &amp;lt;</td><td>7</td></table></figure>
        """

    @Test func aChartGetsItsFilesAndItsCaptionTheLinks() throws {
        let page = "<p>Before — naïve</p>" + Self.figure + "<figure class=\"plain\"><p>no chart</p></figure><p>after</p>"
        let (out, files) = ChartDownloads.process(Data(page.utf8), path: "ics/QAA.html")
        let text = String(decoding: out, as: UTF8.self)
        #expect(files.map(\.path) == ["charts/AE1-funnel.svg", "charts/AE1-funnel.csv"])
        #expect(text.contains("England&#39;s <span class=\"downloads\">Download: <a href=\"../charts/AE1-funnel.svg\" download>"))
        // Everything else is as it was, byte for byte.
        let links = try #require(text.range(of: " <span class=\"downloads\">")), end = try #require(text.range(of: "</span></figcaption>"))
        #expect(text[..<links.lowerBound] + "</figcaption>" + text[end.upperBound...] == page)
        let csv = String(decoding: files[1].data, as: UTF8.self)
        // Tags removed, entities read, spaces trimmed, commas and quotes quoted; a row without `</tr>` still read.
        #expect(csv == "System,Value\r\n\"NHS A, B & C\",\"1,234\"\r\n\"<Q> \"\"x\"\" &lt;\",7\r\n")
        let svg = String(decoding: files[0].data, as: UTF8.self)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg id=\"AE1-funnel\" class=\"chart\" viewBox=\"0 0 10 10\"><style>"))
    }

    @Test func aPageWithoutChartsIsUnchanged() {
        let page = "<html><body><figure class=\"map\"><img alt=\"é\"></figure><p>ok</p></body></html>"
        let (out, files) = ChartDownloads.process(Data(page.utf8), path: "index.html")
        #expect(out == Data(page.utf8) && files.isEmpty)
    }
}
