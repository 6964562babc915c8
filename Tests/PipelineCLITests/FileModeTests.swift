import Foundation
import PipelineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Unpublished counts on disk are readable by their owner only, whatever the umask; the publication is
/// readable by everyone.
@Suite(.serialized)
struct FileModeTests {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    static func runWithUmask(_ mask: String, _ arguments: [String], in workspace: TestWorkspace) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["-c", "umask \(mask); exec \"$0\" \"$@\"", CommandLineRunner.binary] + arguments, in: workspace.root, executable: "/bin/sh")
    }

    @Test(arguments: ["022", "000"])
    func privateFilesAreOwnerOnly(umask: String) throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try Self.runWithUmask(umask, ["run"], in: workspace).status == 0)
        for file in ["out/test.sqlite", "out/test.sqlite.lock", "out/run-summary.json", "out/heartbeat.json"] {
            #expect(Self.mode(workspace.path(file)) == 0o600, "\(file) with umask \(umask): \(String(Self.mode(workspace.path(file)) ?? 0, radix: 8))")
        }
        // The side files while a run writes.
        let (process, reached) = try CommandLineRunner.startPaused(at: "transform:after-values", ["run", "--force"], in: workspace.root)
        #expect(reached)
        for suffix in ["-wal", "-shm"] {
            #expect(Self.mode(workspace.path("out/test.sqlite\(suffix)")) == 0o600, "\(suffix)")
        }
        process.terminate()
        process.waitUntilExit()
    }

    @Test func thePublicationIsReadableWhateverTheUmask() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try Self.runWithUmask("077", ["run"], in: workspace).status == 0)
        let latest = workspace.path("out/published/latest")
        #expect(Self.mode(latest + "/") == 0o755)
        #expect(Self.mode(latest + "/csv") == 0o755)
        #expect(Self.mode(latest + "/csv/soc_ics_league.csv") == 0o644)
        #expect(Self.mode(latest + "/state-of-care.xlsx") == 0o644)
        #expect(Self.mode(workspace.path("out/test.sqlite")) == 0o600)
    }

    /// A team that shares the database: owner and group read-write, the configured group.
    @Test func aConfiguredGroupSharesTheDatabase() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let group = String(cString: getgrgid(getgid()).pointee.gr_name)
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"databaseGroup\": \"\(group)\"\n}\n")
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        #expect(Self.mode(workspace.path("out/test.sqlite")) == 0o660)
        try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"databaseGroup\": \"no-such-group-here\"\n}\n")
        let unknown = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("databaseGroup: no group named 'no-such-group-here'"), "\(unknown.stderr)")
    }
}
