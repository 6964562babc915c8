import Aggregate
import Ingest
import PipelineCore
import Report
import Transform

/// The stages this build provides, in run order.
enum StageCatalog {
    static func stage(_ name: StageName) -> (any PipelineStage)? {
        switch name {
        case .ingest: IngestStage()
        case .transform: TransformStage()
        case .aggregate: AggregateStage()
        case .report: ReportStage()
        }
    }

    static var available: [StageName] { StageName.allCases.filter { stage($0) != nil } }
}
