import Aggregate
import Checkpoints
import Ingest
import PipelineCore
import Report
import Transform

/// The stages, in run order; the one place the command line meets the stage modules.
enum StageCatalog {
    static func stage(_ name: StageName) -> any PipelineStage {
        switch name {
        case .ingest: IngestStage()
        case .transform: TransformStage()
        case .aggregate: AggregateStage()
        case .report: ReportStage()
        }
    }

    /// Every stage's migrations, in stage order (after Core's).
    static var migrations: [SchemaMigration] { StageName.allCases.flatMap { stage($0).migrations } }
}
