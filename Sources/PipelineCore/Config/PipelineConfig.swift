import Foundation

/// The whole run configuration, decoded strictly from `pipeline.json`.
///
/// Relative paths resolve against the folder holding the config file (``baseDirectory``), so a
/// config copied into a data folder runs on that folder from anywhere.
public struct PipelineConfig: Codable, Sendable, Equatable {
    /// SQLite checkpoint database; default `out/soc-pipeline.sqlite`.
    public var database: String
    /// Where published tables go (report stage); default `out/published`.
    public var outputDirectory: String
    public var reference: ReferenceConfig
    public var ingest: IngestSettings
    public var sources: [SourceConfig]
    public var indicators: [IndicatorConfig]
    public var aggregate: AggregateSettings
    public var report: ReportSettings
    /// The periods published; rows outside are quarantined (none = every period up to this month).
    public var periods: PeriodWindow
    /// Unix group that shares the checkpoint database (owner and group read-write); none = owner only.
    public var databaseGroup: String?
    /// Folder of the config file; set by ``ConfigLoader``.
    public var baseDirectory: String = "."

    enum CodingKeys: String, CodingKey, CaseIterable {
        case database, outputDirectory, reference, ingest, sources, indicators, aggregate, report, periods, databaseGroup
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        database = try container.decodeIfPresent(String.self, forKey: .database) ?? "out/soc-pipeline.sqlite"
        outputDirectory = try container.decodeIfPresent(String.self, forKey: .outputDirectory) ?? "out/published"
        reference = try container.decode(ReferenceConfig.self, forKey: .reference)
        ingest = try container.decodeIfPresent(IngestSettings.self, forKey: .ingest) ?? IngestSettings()
        sources = try container.decode([SourceConfig].self, forKey: .sources)
        indicators = try container.decodeIfPresent([IndicatorConfig].self, forKey: .indicators) ?? []
        aggregate = try container.decodeIfPresent(AggregateSettings.self, forKey: .aggregate) ?? AggregateSettings()
        report = try container.decodeIfPresent(ReportSettings.self, forKey: .report) ?? ReportSettings()
        periods = try container.decodeIfPresent(PeriodWindow.self, forKey: .periods) ?? PeriodWindow()
        databaseGroup = try container.decodeIfPresent(String.self, forKey: .databaseGroup)
    }

    /// Resolves a config-relative path to an absolute one.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// The event and proportion datasets.
    public var extractSources: [SourceConfig] { sources.filter { $0.kind != .population } }

    /// The population source (exactly one; checked by ``ConfigLoader``).
    public var populationSource: SourceConfig? { sources.first { $0.kind == .population } }
}
