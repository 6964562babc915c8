public import GRDB
public import PipelineCore

/// A stage of the pipeline: reads its upstream stage's checkpoint tables, writes its own
/// (docs/ARCHITECTURE.md, "The stage contract").
///
/// ``StageRunner`` calls ``run(_:in:)`` inside one write transaction and records the checkpoint in the
/// same transaction, so outputs and checkpoint commit together or not at all.
public protocol PipelineStage {
    var name: StageName { get }
    /// The stage's own tables, as append-only migrations (applied after Core's, in stage order).
    var migrations: [SchemaMigration] { get }
    /// The configuration the stage reads. Its canonical JSON is part of the fingerprint, so every
    /// setting in it — present or added later — changes the fingerprint without a hand-kept list.
    func configuration(_ context: StageContext) -> any Encodable
    /// Content the output depends on besides configuration, program and upstream checkpoint, labelled for
    /// `plan` (ingest: each file's SHA-256; report: whether its publication is in place). Reads only.
    func plannedContent(_ context: StageContext, in db: Database) throws -> [StageFingerprint.Part]
    /// Keeps what planning learnt that saves work next time, when the stage is skipped (ingest: the
    /// metadata of files it had to read). Runs in the transaction that records the skip; never changes an
    /// output.
    func recordPlanning(in db: Database) throws
    /// Does the stage's work; throws ``PipelineError`` on bad input. Must not commit.
    func run(_ context: StageContext, in db: Database) throws -> StageOutcome
}

extension PipelineStage {
    /// Most stages depend on nothing beyond configuration, program and upstream.
    public func plannedContent(_ context: StageContext, in db: Database) throws -> [StageFingerprint.Part] { [] }

    /// Most stages learn nothing worth keeping while planning.
    public func recordPlanning(in db: Database) throws {}

    /// Configuration, program and upstream — the fingerprint before any content.
    public func baseFingerprint(_ context: StageContext) -> StageFingerprint {
        StageFingerprint(configuration: AnyEncodable(configuration(context)), upstream: context.upstream?.fingerprint)
    }

    /// The fingerprint a run would record now.
    public func plannedFingerprint(_ context: StageContext, in db: Database) throws -> StageFingerprint {
        baseFingerprint(context).with(content: try plannedContent(context, in: db))
    }
}

/// Encodes whatever a stage returns as its configuration.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
