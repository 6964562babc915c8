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
