import Crypto
import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// Checks of the sample run's publication: golden CSV and Markdown, and the HTML in a real browser.
enum SampleReportChecks {
    static let goldenFolder = Repository.path("Tests/Fixtures/golden")
    /// Tables kept in full as golden text; the rest (large) by SHA-256 in `digests.txt`.
    static let fullText = ["soc_national_by_group", "soc_national_inequality", "soc_ics_league", "soc_headlines", "soc_metadata"]

    /// The published text with its run id replaced, so runs compare.
    static func normalised(_ path: String, runID: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: runID, with: "RUN_ID")
    }

    /// Compares the publication with `Tests/Fixtures/golden`; `UPDATE_GOLDEN=1` rewrites the golden files.
    static func golden(_ latest: String, runID: String) throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        var digests: [String] = []
        for folder in ["csv", "markdown"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(latest)/\(folder)").sorted()
            #expect(names.count == 8)
            for name in names {
                let text = try normalised("\(latest)/\(folder)/\(name)", runID: runID)
                let relative = "\(folder)/\(name)"
                digests.append("\(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())  \(relative)")
                guard fullText.contains((name as NSString).deletingPathExtension) else { continue }
                let goldenPath = "\(goldenFolder)/\(relative)"
                if update {
                    try FileManager.default.createDirectory(atPath: "\(goldenFolder)/\(folder)", withIntermediateDirectories: true)
                    try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
                } else {
                    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
                    if text != expected {
                        let line = zip(text.split(separator: "\n"), expected.split(separator: "\n")).enumerated().first { $0.element.0 != $0.element.1 }
                        Issue.record(
                            "\(relative) differs from its golden file at line \((line?.offset ?? 0) + 1):\n got: \(line?.element.0 ?? "")\nwant: \(line?.element.1 ?? "")\n(UPDATE_GOLDEN=1 swift test rewrites Tests/Fixtures/golden after a deliberate change)"
                        )
                    }
                }
            }
        }
        try versionPin(latest, runID: runID, update: update)
        let digestText = digests.joined(separator: "\n") + "\n"
        if update {
            try digestText.write(toFile: "\(goldenFolder)/digests.txt", atomically: true, encoding: .utf8)
        } else {
            #expect(
                digestText == (try String(contentsOfFile: "\(goldenFolder)/digests.txt", encoding: .utf8)),
                "published CSV/Markdown differ from Tests/Fixtures/golden/digests.txt (UPDATE_GOLDEN=1 swift test rewrites it)")
        }
    }

    static let versionPinPath = "\(goldenFolder)/program-version.txt"

    /// The release label must change whenever the sample publication does: the pin holds the label and a
    /// digest of every published CSV with the label's own line left out.
    static func versionPin(_ latest: String, runID: String, update: Bool) throws {
        var version = "", text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(latest)/csv").sorted() {
            for line in try normalised("\(latest)/csv/\(name)", runID: runID).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                if line.hasPrefix("all,,,program_version,") {
                    version = String(line.split(separator: ",", omittingEmptySubsequences: false)[4])
                } else {
                    text += line + "\n"
                }
            }
        }
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let pinned = try String(contentsOfFile: versionPinPath, encoding: .utf8).split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        switch versionPinVerdict(version: version, digest: digest, pinned: (pinned[0], pinned[1]), update: update) {
        case .agrees: break
        case .record: try "\(version) \(digest)\n".write(toFile: versionPinPath, atomically: true, encoding: .utf8)
        case .fail(let message): Issue.record(Comment(rawValue: message))
        }
    }

    enum VersionPinVerdict: Equatable {
        case agrees, record
        case fail(String)
    }

    static func versionPinVerdict(version: String, digest: String, pinned: (version: String, digest: String), update: Bool) -> VersionPinVerdict {
        if version == pinned.version {
            return digest == pinned.digest
                ? .agrees
                : .fail(
                    "the sample publication changed but the program version is still \(version): bump ProgramVersion.current "
                        + "(Sources/PipelineCore/Stage/ProgramVersion.swift), then UPDATE_GOLDEN=1 swift test")
        }
        return update ? .record : .fail("the program version is \(version), pinned as \(pinned.version): UPDATE_GOLDEN=1 swift test records it")
    }

    /// Every ICS row's funnel band is what its own stored limits say (one construction for both).
    static func funnelBandsAgreeWithTheirLimits(_ database: String) throws {
        let rows = try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM england_comparison WHERE funnel_lcl95 IS NOT NULL AND value IS NOT NULL")
        }
        #expect(rows.count > 500)
        for row in rows {
            let value: Double = row["value"], l95: Double = row["funnel_lcl95"], u95: Double = row["funnel_ucl95"]
            let l998: Double = row["funnel_lcl998"], u998: Double = row["funnel_ucl998"]
            let expected = value > u998 ? "high_998" : value > u95 ? "high_95" : value < l998 ? "low_998" : value < l95 ? "low_95" : "within"
            let band: String = row["funnel_band"]
            #expect(band == expected, "\(row["indicator_id"] as String) \(row["icb_code"] as String): band \(band), limits say \(expected)")
        }
    }

    /// Renders the HTML report in headless Chromium: a screenshot, and the DOM holds every chart.
    static func browser(_ latest: String, indicators: Int, screenshot: String) throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("chromium is not installed (Debian package `chromium`; scripts/setup.sh installs it)")
            return
        }
        let page = URL(fileURLWithPath: "\(latest)/state-of-care.html").absoluteString
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
        let dom = try CommandLineRunner.run(flags + ["--dump-dom", page], executable: chromium)
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == 3 * indicators, "charts in the DOM")
        #expect(dom.stdout.components(separatedBy: "role=\"img\"").count - 1 == 3 * indicators)
        for kind in ["quintiles", "funnel", "sii"] {
            #expect(dom.stdout.components(separatedBy: "-\(kind)-title\"").count - 1 == indicators, "\(kind) charts")
        }
        #expect(dom.stdout.contains("<circle"))
        #expect(dom.stdout.contains("<figcaption>"))
        #expect(!dom.stdout.contains("<script"))
        let html = try String(contentsOfFile: "\(latest)/state-of-care.html", encoding: .utf8)
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"), "the page must not load anything")

        let shot = try CommandLineRunner.run(flags + ["--window-size=1200,2400", "--screenshot=\(screenshot)", page], executable: chromium)
        #expect(shot.status == 0, "\(shot.stderr.suffix(500))")
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 2400)
        #expect(png.count > 100_000, "a blank page compresses to a few kilobytes")
    }
}
