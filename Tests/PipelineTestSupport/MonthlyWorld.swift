import Checkpoints
import Foundation
import GRDB
public import PipelineCore

/// The tiny world (``TestWorkspace``) delivered as monthly folders, `extracts/<month>/<icb>/…`, as a nightly
/// run meets a growing history: for the tests of incremental runs against a full rebuild.
public enum MonthlyWorld {
    /// One ICB's admissions for a month: every band of both sexes of its two LSOAs, counts 1–13; `shift`
    /// moves every count, `extra` is appended as it is.
    public static func admissions(_ icb: String, _ month: String, shift: Int = 0, extra: String = "") -> String {
        let lsoas = icb == "QAA" ? ["E01000001", "E01000002"] : ["E01000003", "E01000004"]
        var text = "lsoa_code,period,sex,age_band,events\n"
        for lsoa in lsoas {
            for sex in ["male", "female"] {
                for band in AgeBand.all { text += "\(lsoa),\(month),\(sex),\(band.label),\((band.index * 7 + Int(month.suffix(2))! * 3 + shift) % 13 + 1)\n" }
            }
        }
        return text + extra
    }

    /// Writes both ICBs' admissions and waits for `month`.
    public static func write(_ month: String, in workspace: TestWorkspace, shift: Int = 0) throws {
        for icb in ["QAA", "QBB"] {
            try workspace.write("extracts/\(month)/\(icb)/admissions.csv", admissions(icb, month, shift: shift))
            let lsoa = icb == "QAA" ? "E01000001" : "E01000003"
            try workspace.write(
                "extracts/\(month)/\(icb)/waits.csv", "lsoa_code,period,sex,age_band,numerator,denominator\n\(lsoa),\(month),male,40-44,\(6 + shift),10\n")
        }
    }

    /// The tiny configuration reading every month's folder.
    public static func config(extra: String = "", indicators: String = "[]") -> String {
        TestWorkspace.tinyConfigJSON(extra: extra, indicators: indicators).replacingOccurrences(of: "extracts/{icb}/", with: "extracts/*/{icb}/")
    }

    /// A workspace with the reference, `months` delivered and the configuration.
    public static func workspace(months: [String], indicators: String = "[]") throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.writeTinyReference()
        for month in months { try write(month, in: workspace) }
        try workspace.write("pipeline.json", config(indicators: indicators))
        return workspace
    }

    /// A new workspace holding the same files and no database, for the full rebuild to compare with.
    public static func copyFiles(of workspace: TestWorkspace) throws -> TestWorkspace {
        let copy = try TestWorkspace()
        try FileManager.default.removeItem(atPath: copy.path(""))
        try FileManager.default.copyItem(atPath: workspace.path(""), toPath: copy.path(""))
        try? FileManager.default.removeItem(atPath: copy.path("out"))
        return copy
    }
}

extension TableDump {
    /// The first line where two dumps differ, each side on its line, for a failed comparison's message.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let first = zip(expected.components(separatedBy: "\n"), actual.components(separatedBy: "\n")).first { $0 != $1 }
        return first.map { "\($0.0)\n\($0.1)" } ?? "lengths differ"
    }
}

extension MonthlyWorld {
    /// Runs every stage over the workspace's `pipeline.json`; returns every table but the checkpoints (whose
    /// notes say what a run computed, which a full rebuild does not repeat), and the notes of `stages`.
    public static func run(_ workspace: TestWorkspace, notesOf stages: Set<StageName>) throws -> (tables: String, notes: String) {
        var notes = ""
        for stage in StageHarness.stages {
            let store = try StageHarness.run(stage, configPath: workspace.path("pipeline.json"))
            guard stages.contains(stage.name) else { continue }
            notes +=
                try store.pool.read { db in
                    try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = ?", arguments: [stage.name.rawValue])
                } ?? ""
        }
        let dump = try TableDump.dump(workspace.path("out/test.sqlite"))
        return (dump.components(separatedBy: "## ").filter { !$0.hasPrefix("stage_checkpoint") }.joined(separator: "## "), notes)
    }
}
