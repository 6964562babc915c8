/// The fingerprint formulas, in one place so a stage's planned fingerprint and the one it records agree.
public enum StageFingerprints {
    /// Ingest: program, config section, every reference file and every input file by content.
    public static func ingest(config: PipelineConfig, referenceHashes: [(file: String, sha256: String)],
                              inputHashes: [(source: String, path: String, sha256: String)]) -> String {
        var parts: [(String, String)] = [("program", ProgramVersion.current), ("config", config.ingestSectionText)]
        parts += referenceHashes.map { ("reference:\($0.file)", $0.sha256) }
        parts += inputHashes.map { ("\($0.source):\($0.path)", $0.sha256) }
        return Fingerprint.combine(parts)
    }

    /// A downstream stage: program, its config section and the upstream checkpoint's fingerprint.
    public static func downstream(section: String, sectionText: String, upstream: String) -> String {
        Fingerprint.combine([("program", ProgramVersion.current), (section, sectionText), ("upstream", upstream)])
    }
}
