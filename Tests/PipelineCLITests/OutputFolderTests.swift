import Foundation
import PipelineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder belongs to the pipeline, one publishing run at a time.
@Suite(.serialized)
struct OutputFolderTests {
    /// An analyst's scratch database publishing into the nightly run's folder is refused while the other
    /// publishes; it deletes nothing of the other's, and the other's publication goes through untouched.
    @Test func twoDatabasesCannotPublishIntoOneFolderAtOnce() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let output = workspace.path("shared-output")
        #expect(try CommandLineRunner.run(["run", "--output", output], in: workspace.root).status == 0)
        let (nightly, reached) = try CommandLineRunner.startPaused(at: "report:after-files", ["run", "--force", "--output", output], in: workspace.root)
        #expect(reached)
        let staging = try FileManager.default.contentsOfDirectory(atPath: "\(output)/runs").filter { $0.hasSuffix(".partial") }
        #expect(staging.count == 1)
        let scratch = try CommandLineRunner.run(["run", "--db", workspace.path("scratch/scratch.sqlite"), "--output", output], in: workspace.root)
        #expect(scratch.status == 4, "\(scratch.stderr)")
        #expect(scratch.stderr.contains("another run is publishing to this output folder"), "\(scratch.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: "\(output)/runs").filter { $0.hasSuffix(".partial") } == staging,
            "the other run's staging folder is untouched")
        kill(nightly.processIdentifier, SIGTERM)
        nightly.waitUntilExit()
        #expect(nightly.terminationStatus == 6)
        #expect(try CommandLineRunner.run(["run", "--db", workspace.path("scratch/scratch.sqlite"), "--output", output], in: workspace.root).status == 0)
    }

    /// Pruning removes only publications this pipeline wrote.
    @Test func pruningLeavesOtherFoldersAlone() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"report\": { \"keepRuns\": 1 }\n}\n")
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        try workspace.write("out/published/runs/2019-archive/notes.txt", "kept by a person")
        try workspace.write("out/published/runs/20990101T000000Z-zzzzzzzz/data.csv", "not a publication of ours")
        for _ in 0..<2 { #expect(try CommandLineRunner.run(["run", "--force"], in: workspace.root).status == 0) }
        let runs = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out/published/runs")).sorted()
        #expect(runs.contains("2019-archive") && runs.contains("20990101T000000Z-zzzzzzzz"), "\(runs)")
        #expect(runs.count == 3, "one publication kept beside the two folders: \(runs)")
    }

    @Test func aDatabaseInsideTheOutputFolderIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let run = try CommandLineRunner.run(["run", "--db", workspace.path("out/published/runs/db.sqlite")], in: workspace.root)
        #expect(run.status == 2 && run.stderr.contains("the checkpoint database is inside the output folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out/published/runs/db.sqlite")))
    }
}
