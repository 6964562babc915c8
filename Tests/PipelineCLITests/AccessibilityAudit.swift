import Foundation
import PipelineTestSupport
import Testing

/// Runs axe-core, Deque's accessibility rules engine, over a published page in headless Chromium
/// (docs/REPORT.md, "Accessibility"). The page itself has no script: a copy beside it, with axe and a
/// few lines that write axe's violations into the document, is what Chromium opens and dumps; the copy
/// is removed afterwards.
enum AccessibilityAudit {
    /// One rule a page breaks, as axe reports it.
    struct Violation: Decodable, CustomStringConvertible {
        var id: String
        var impact: String?
        var help: String
        var nodes: Int
        var first: String

        var description: String { "\(id) (\(impact ?? "no impact"), \(nodes) elements): \(help) — e.g. \(first)" }
        /// axe's two highest impacts, which the report must never have.
        var isSeriousOrCritical: Bool { impact == "serious" || impact == "critical" }
    }

    struct Outcome: Decodable {
        var passes: Int
        var violations: [Violation]
    }

    /// `scripts/fetch-axe.sh` puts axe-core here (the README's set-up runs it).
    static let engine = Repository.path(".build/axe-core/axe.min.js")

    /// axe's verdict on `page` (a path under `latest`); nil, with the reason recorded as a test issue,
    /// when axe-core or Chromium is missing or axe did not finish.
    static func audit(_ page: String, in latest: String, chromium: String) throws -> Outcome? {
        guard FileManager.default.fileExists(atPath: engine) else {
            Issue.record("axe-core is missing at \(engine): run scripts/fetch-axe.sh (scripts/setup.sh runs it)")
            return nil
        }
        let original = URL(fileURLWithPath: "\(latest)/\(page)")
        let copy = original.deletingLastPathComponent().appendingPathComponent(".axe-\(original.lastPathComponent)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let probe = """
            <script src="\(URL(fileURLWithPath: engine).absoluteString)"></script><script>
            axe.run(document).then(function (r) {
              var out = document.createElement("pre"); out.id = "axe-outcome";
              out.textContent = JSON.stringify({ passes: r.passes.length, violations: r.violations.map(function (v) {
                return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes[0].html.slice(0, 160) }; }) });
              document.body.appendChild(out);
            });
            </script></body>
            """
        let html = try String(contentsOf: original, encoding: .utf8)
        try html.replacingOccurrences(of: "</body>", with: probe).write(to: copy, atomically: true, encoding: .utf8)
        let run = try CommandLineRunner.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=120000", "--dump-dom", copy.absoluteString],
            executable: chromium)
        guard let start = run.stdout.range(of: "<pre id=\"axe-outcome\">"),
            let end = run.stdout.range(of: "</pre>", range: start.upperBound..<run.stdout.endIndex)
        else {
            Issue.record("axe did not finish on \(page): \(run.stderr.suffix(300))")
            return nil
        }
        let json = String(run.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Outcome.self, from: Data(json.utf8))
    }

    /// Expects axe to have run its rules on each page and found no serious or critical violation.
    static func expectNoSeriousViolations(_ pages: [String], in latest: String, chromium: String) throws {
        for page in pages {
            guard let outcome = try audit(page, in: latest, chromium: chromium) else { continue }
            #expect(outcome.passes >= 20, "\(page): axe ran only \(outcome.passes) rules that passed")
            let serious = outcome.violations.filter(\.isSeriousOrCritical)
            #expect(serious.isEmpty, "\(page): \(serious.map(\.description).joined(separator: "; "))")
        }
    }
}
