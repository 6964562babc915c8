import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// The rules docs/ARCHITECTURE.md states, checked on the repository itself.
struct ArchitectureTests {
    static let stages = ["Ingest", "Transform", "Aggregate", "Report"]

    static func swiftFiles(under folder: String) throws -> [String] {
        let root = Repository.path(folder)
        return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") }.map { "\(root)/\($0)" }
    }

    /// Stages talk only through checkpoint tables: no stage module imports another.
    @Test func noStageImportsAnotherStage() throws {
        for stage in Self.stages {
            for file in try Self.swiftFiles(under: "Sources/\(stage)") {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                for other in Self.stages where other != stage {
                    let imports = text.split(separator: "\n").contains { line in
                        line.split(separator: " ").last == Substring(other) && line.contains("import ")
                    }
                    #expect(!imports, "\(file) imports \(other)")
                }
            }
        }
    }

    /// The targets of Package.swift and their direct dependencies (targets and products).
    static func packageGraph() throws -> [String: [String]] {
        let manifest = try String(contentsOfFile: Repository.path("Package.swift"), encoding: .utf8)
        let target = try NSRegularExpression(
            pattern: #"\.(?:target|executableTarget|testTarget)\(\s*name: "(\w+)",\s*dependencies: \[(.*?)\]"#, options: [.dotMatchesLineSeparators])
        let name = try NSRegularExpression(pattern: #""([\w.]+)""#)
        var graph: [String: [String]] = [:]
        for match in target.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            let list = String(manifest[Range(match.range(at: 2), in: manifest)!])
            graph[String(manifest[Range(match.range(at: 1), in: manifest)!])] = name.matches(in: list, range: NSRange(list.startIndex..., in: list))
                .map { String(list[Range($0.range(at: 1), in: list)!]) }.filter { $0 != "swift-log" && $0 != "swift-crypto" && $0 != "GRDB.swift" }
        }
        return graph
    }

    /// Everything a target builds on, transitively.
    static func closure(of target: String, in graph: [String: [String]]) -> Set<String> {
        var seen: Set<String> = [], queue = graph[target] ?? []
        while let next = queue.popLast() {
            if seen.insert(next).inserted { queue += graph[next] ?? [] }
        }
        return seen
    }

    /// Rendering, disclosure, the published-table contract and the core never see the database: they cannot
    /// read an upstream table because GRDB is not among the modules they can import.
    @Test func onlyTheStagesAndTheCheckpointsSeeTheDatabase() throws {
        let graph = try Self.packageGraph()
        #expect(graph["Render"] != nil && graph["Report"] != nil, "Package.swift was not read")
        for target in ["Render", "Disclosure", "Publication", "PipelineCore", "Statistics"] {
            let reach = Self.closure(of: target, in: graph)
            #expect(!reach.contains("GRDB") && !reach.contains("GRDBSQLite") && !reach.contains("Checkpoints"), "\(target) reaches \(reach.sorted())")
        }
        #expect(Self.closure(of: "Report", in: graph).isSuperset(of: ["Checkpoints", "Render", "Disclosure", "Publication"]))
    }

    /// A source's grain is looked at in one place, its profile (docs/ARCHITECTURE.md, "Adding a source grain").
    @Test func theGrainIsAskedOfItsProfileOnly() throws {
        let pattern = try NSRegularExpression(pattern: #"grain\s*[!=]=|switch\s+\S*grain\b(?!\.profile)"#)
        for file in try Self.swiftFiles(under: "Sources") where !file.hasSuffix("/SourceGrain.swift") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let found = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            #expect(found == nil, "\(file) tests a grain (\(found ?? "")); ask source.grain.profile")
        }
    }

    /// Checkpoint rows are read through their records: outside the Checkpoints module, raw rows are fetched
    /// only by the published-table loader and writer and the report's tally of its own disclosure log.
    @Test func checkpointRowsAreReadThroughTheirRecords() throws {
        let allowed = [
            "Sources/Report/Database/PublishedTableData+Database.swift", "Sources/Report/Database/PublishedTableWriter.swift",
            "Sources/Report/ReportStage.swift",
        ]
        for file in try Self.swiftFiles(under: "Sources") where !file.contains("/Sources/Checkpoints/") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            // GRDB's `Row.fetch…`, not a record type whose name ends in `Row` (`QuarantinedRow.fetchAll`).
            let rawRows = try NSRegularExpression(pattern: "(^|[^A-Za-z0-9_])Row\\.fetch")
            let fetches = rawRows.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil || text.contains("db.execute(sql")
            #expect(!fetches || allowed.contains { file.hasSuffix($0) } || file.hasSuffix("Schema.swift"), "\(file) reads rows by SQL; use its table's record")
        }
    }

    /// An outcome read from a table is decoded or refused, never defaulted: an unknown word and an empty cell
    /// must not look the same.
    @Test func noOutcomeIsDefaulted() throws {
        let pattern = try NSRegularExpression(pattern: #"\?\?\s*\.(notCompared|notApplicable|within|similar|noChange|cannotBeCalculated)\b"#)
        for file in try Self.swiftFiles(under: "Sources") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let line = text[..<Range(match.range, in: text)!.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(Bool(false), "\(file):\(line) defaults a decoded word")
            }
        }
    }

    /// Every code comment that cites a document cites one in this repository.
    @Test func citedDocumentsExist() throws {
        let pattern = try NSRegularExpression(pattern: #"docs/[A-Z_]+\.md"#)
        var cited: Set<String> = []
        for file in try Self.swiftFiles(under: "Sources") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                cited.insert(String(text[Range(match.range, in: text)!]))
            }
            for note in ["domain.md", "methods.md", "style.md", "pipeline-anchors.md", "real-data.md", "../shared"] {
                let citesOutside = text.contains(note)
                #expect(!citesOutside, "\(file) cites \(note), a note outside the repository")
            }
        }
        #expect(cited.contains("docs/ARCHITECTURE.md") && cited.contains("docs/METHODS.md"))
        for document in cited.sorted() {
            let exists = FileManager.default.fileExists(atPath: Repository.path(document))
            #expect(exists, "\(document) is cited but missing")
        }
    }

    /// The binary registers exactly the pinned migrations (the unit test pins their SQL).
    @Test func theBinaryAppliesThePinnedMigrations() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        let run = try CommandLineRunner.run(["run", "--until", "ingest", "--config", config])
        #expect(run.status == 0, "\(run.stderr)")
        let pinned = try String(contentsOfFile: Repository.path("Tests/Fixtures/migrations.sha256"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: " ")[0]) }
        let applied = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(Set(applied) == Set(pinned))
    }
}
