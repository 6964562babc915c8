import Foundation
public import PipelineCore

/// Everything a stage's output depends on, in parts, and their digest (docs/ARCHITECTURE.md,
/// "Checkpoints, fingerprints and staleness"): the program build, the canonical JSON of the
/// configuration the stage reads, the upstream checkpoint's fingerprint, and content only the stage
/// knows (ingest: every file by SHA-256; report: whether its publication is in place). A stage whose
/// planned fingerprint equals its checkpoint's is skipped; the parts are stored so `plan` can say which
/// one changed.
public struct StageFingerprint: Codable, Sendable, Equatable {
    public var program: String
    /// Canonical JSON (sorted keys) of the stage's configuration.
    public var configuration: String
    public var upstream: String?
    /// Labelled content hashes, in the stage's order.
    public var content: [Part]

    public struct Part: Codable, Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public init(program: String = ProgramVersion.build, configuration: some Encodable, upstream: String?, content: [Part] = []) {
        self.program = program
        self.configuration = Self.canonicalJSON(configuration)
        self.upstream = upstream
        self.content = content
    }

    /// The same fingerprint with other content.
    public func with(content: [Part]) -> StageFingerprint {
        var copy = self
        copy.content = content
        return copy
    }

    /// SHA-256 over every part, each length-prefixed so no two different sets of parts collide.
    public var digest: String {
        var parts: [(String, String)] = [("program", program), ("configuration", configuration), ("upstream", upstream ?? "")]
        parts += content.map { ($0.label, $0.value) }
        return Fingerprint.combine(parts)
    }

    /// Sorted-key JSON: the same settings always give the same text.
    public static func canonicalJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { preconditionFailure("configuration sections always encode") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The stored parts, as JSON for `stage_checkpoint.fingerprint_parts`.
    public var storedText: String { Self.canonicalJSON(self) }

    public static func decode(storedText: String) -> StageFingerprint? {
        try? JSONDecoder().decode(StageFingerprint.self, from: Data(storedText.utf8))
    }
}
