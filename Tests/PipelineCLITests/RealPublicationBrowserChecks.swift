import Foundation
import PipelineTestSupport
import Testing

/// A publication built from real NHS England data, read in headless Chromium as a writer would read it
/// (docs/REPORT.md): the first screen, the time series, the map's keys and inset, the profiles' place
/// funnels, and axe's verdict on every kind of page.
enum RealPublicationBrowserChecks {
    static var chromium: String? { ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) }

    static func count(_ text: String, _ pattern: String) -> Int { text.components(separatedBy: pattern).count - 1 }

    /// `indicator`'s pages in `latest`; `profile` is an ICS with a profile page.
    static func expectReadable(_ latest: String, indicator: String, profile: String, keyMessages least: Int = 2) throws {
        guard let chromium else {
            Issue.record("chromium is not installed (Debian package `chromium`; scripts/setup.sh installs it)")
            return
        }
        func dom(_ page: String) throws -> String {
            let run = try CommandLineRunner.run(
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", URL(fileURLWithPath: "\(latest)/\(page)").absoluteString],
                executable: chromium)
            #expect(run.status == 0, "\(run.stderr.suffix(500))")
            return run.stdout
        }
        // The first screen: scope, then key messages (two or more: England's change and the spread across the
        // ICSs, for a source without a deprivation split) before the contents, no run id in the header.
        let index = try dom("state-of-care.html")
        let header = try #require(index.components(separatedBy: "</header>").first)
        #expect(header.contains("class=\"standfirst\"") && header.contains("42 Integrated Care Systems"))
        #expect(!header.contains("class=\"banner\""), "real data carry no synthetic-data banner")
        let keyMessages = try #require(header.components(separatedBy: "<ol class=\"key-messages\">").dropFirst().first?.components(separatedBy: "</ol>").first)
        #expect(count(keyMessages, "<li>") >= least, "\(keyMessages)")
        #expect(!keyMessages.contains("Integrated Care Board"), "short ICS names in the key messages")
        #expect(!keyMessages.contains(" to -4.8)") && !keyMessages.contains("95% CI -4.8 to -4.8"), "no interval of no width")
        let keyAt = try #require(index.range(of: "id=\"key-messages\"")), navAt = try #require(index.range(of: "<nav aria-label=\"Contents\""))
        #expect(keyAt.lowerBound < navAt.lowerBound, "key messages before the contents")
        // The monthly series over time on the index and on the profile, and a source line under every chart.
        #expect(index.contains("id=\"\(indicator)-time-series\""))
        #expect(count(index, "<figure class=") == count(index, "<span class=\"source\">Source: "), "a source line under every chart")
        #expect(index.contains("NHS England"), "the publisher named")
        let profilePage = try dom("ics/\(profile).html")
        #expect(profilePage.contains("id=\"\(indicator)-time-series-\(profile)\""))
        #expect(profilePage.contains("id=\"summary\"") && profilePage.contains("What this says"))

        // Every area keyed, London outlined, and the London inset covering no outline of the main map (the
        // North East's coast once lay under it).
        let map = try dom("map.html")
        #expect(count(map, "class=\"area-key\"") == 42 * count(map, "<svg id=\"map-"), "every area numbered on every map")
        #expect(count(map, "<use class=\"london\"") == 5 * count(map, "<svg id=\"map-"), "London outlined on every map")
        let frame = try #require(map.firstMatch(of: /<rect class="inset-frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/))
        let (x, y) = (Double(frame.1)!, Double(frame.2)!), (width, height) = (Double(frame.3)!, Double(frame.4)!)
        var covered: [String] = []
        for outline in map.matches(of: /<path id="map-([A-Z0-9]+)" d="([^"]+)"/) {
            for point in outline.2.matches(of: /[ML](-?[\d.]+) (-?[\d.]+)/) {
                let (px, py) = (Double(point.1)!, Double(point.2)!)
                if px >= x && px <= x + width && py >= y && py <= y + height {
                    covered.append(String(outline.1))
                    break
                }
            }
        }
        #expect(covered.isEmpty, "the inset covers part of \(covered)")
        #expect(map.contains("id=\"map-QHM\""), "the North East and North Cumbria is drawn")

        // No profile draws a funnel of fewer than three places.
        for page in try FileManager.default.contentsOfDirectory(atPath: "\(latest)/ics") {
            let html = try String(contentsOfFile: "\(latest)/ics/\(page)", encoding: .utf8)
            for chart in html.components(separatedBy: "<svg id=\"").dropFirst() where chart.hasPrefix("\(indicator)-places-") {
                let svg = chart.components(separatedBy: "</svg>")[0]
                #expect(count(svg, "class=\"point-label\"") >= 3, "\(page): a funnel of fewer than three places")
            }
        }
        try AccessibilityAudit.expectNoSeriousViolations(
            ["state-of-care.html", "map.html", "about.html", "ics/\(profile).html"], in: latest, chromium: chromium)
    }
}
