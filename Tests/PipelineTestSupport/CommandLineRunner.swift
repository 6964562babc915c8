public import Foundation

/// Runs the built `soc-pipeline` binary as a child process, as a user or cron would.
public enum CommandLineRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary: `SOC_PIPELINE_BIN` if set, else the one `swift build`/`swift test` put in `.build/debug`.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["SOC_PIPELINE_BIN"] { return path }
        return Repository.path(".build/debug/soc-pipeline")
    }

    /// Starts the binary with `SOC_PIPELINE_PAUSE=point` and returns once it reports that it is paused
    /// there (or has exited, or a minute has passed); `reached` says whether it got there.
    public static func startPaused(at point: String, _ arguments: [String], in directory: String) throws -> (process: Process, reached: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["SOC_PIPELINE_PAUSE"] = point
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: seen, as: UTF8.self).contains("paused at \(point)") && Date() < deadline && process.isRunning {
            seen.append(errors.fileHandleForReading.availableData)
        }
        return (process, String(decoding: seen, as: UTF8.self).contains("paused at \(point)"))
    }

    public static func run(
        _ arguments: [String], in directory: String = Repository.root,
        environment: [String: String] = [:], executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOC_PIPELINE_FAULT")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
