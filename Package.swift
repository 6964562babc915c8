// swift-tools-version: 6.1
// soc-pipeline — England's national baseline of equity in access to health and care.
// Licensed GPL-3.0-or-later (it links R's maths library, GPL-2+).
import PackageDescription

let package = Package(
    name: "soc-pipeline",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "soc-pipeline", targets: ["PipelineCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // C libraries from Debian, one small module each (see docs/ARCHITECTURE.md).
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CRmath", pkgConfig: "libRmath", providers: [.apt(["r-mathlib"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // GLPK's MIP solver: the disclosure audit's attacker (docs/DISCLOSURE.md, "The last check").
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // glibc's malloc_trim: freed heap pages given back between a stage's phases (docs/ARCHITECTURE.md, "Report memory").
        .systemLibrary(name: "CMalloc"),

        // The statistical methods, on R's maths library; shared by every stage (docs/ARCHITECTURE.md).
        .target(name: "Statistics", dependencies: ["CRmath"]),
        // Configuration, errors, dimensions and the words stages exchange; no database (docs/ARCHITECTURE.md).
        .target(
            name: "PipelineCore",
            dependencies: [
                "Statistics", "CMalloc",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The checkpoint database: store, migrations, the stage contract and one record type per table
        // that crosses a stage (docs/ARCHITECTURE.md, "Checkpoint contracts").
        .target(
            name: "Checkpoints",
            dependencies: [
                "PipelineCore", "Statistics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Ingest",
            dependencies: ["PipelineCore", "Checkpoints", "CLibCSV"],
            // The per-row hot path mutates class state from C callbacks; runtime exclusivity checks cost
            // about a quarter of ingest time (perf). Debug builds, and so the tests, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "Transform", dependencies: ["PipelineCore", "Checkpoints", "Statistics"]),
        .target(name: "Aggregate", dependencies: ["PipelineCore", "Checkpoints", "Statistics"]),
        // The published-table contract: catalogue, columns, cells and pages; no database (docs/ARCHITECTURE.md).
        .target(name: "Publication", dependencies: ["PipelineCore", "Statistics"]),
        // Disclosure control: rules, complementary suppression and the attacker; no database, no rendering.
        .target(name: "Disclosure", dependencies: ["PipelineCore", "Statistics", "Publication", "CGLPK"]),
        // Every published format (CSV, JSON, Markdown, workbook, HTML with charts and maps), from published
        // tables only: no database, no checkpoint table.
        .target(name: "Render", dependencies: ["PipelineCore", "Statistics", "Publication", "CLibCSV", "CXlsxWriter"]),
        .target(name: "Report", dependencies: ["PipelineCore", "Checkpoints", "Statistics", "Publication", "Disclosure", "Render"]),
        .target(name: "Samples", dependencies: ["PipelineCore", "Checkpoints", "Statistics", "Ingest"]),
        .executableTarget(
            name: "PipelineCLI",
            dependencies: [
                "PipelineCore", "Checkpoints", "Statistics", "Ingest", "Transform", "Aggregate", "Publication", "Render", "Report", "Samples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(
            name: "PipelineTestSupport",
            dependencies: [
                "PipelineCore", "Checkpoints", "Ingest", "Transform", "Aggregate", "Publication", "Disclosure", "Render", "Report",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PipelineTestSupport"),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "PipelineTestSupport"]),
        .testTarget(name: "PipelineCoreTests", dependencies: ["PipelineCore", "Statistics", "PipelineTestSupport"]),
        .testTarget(
            name: "CheckpointsTests",
            dependencies: [
                "Checkpoints", "PipelineCore", "Ingest", "Transform", "Aggregate", "Report", "PipelineTestSupport",
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "PipelineTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "TransformTests", dependencies: ["Transform", "Statistics", "Ingest", "PipelineTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "AggregateTests",
            dependencies: ["Aggregate", "Statistics", "Transform", "Ingest", "PipelineTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PublicationTests", dependencies: ["Publication", "PipelineCore", "PipelineTestSupport"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "Publication", "PipelineCore", "Statistics", "PipelineTestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Publication", "Disclosure", "PipelineCore", "Statistics"]),
        .testTarget(
            name: "ReportTests",
            dependencies: [
                "Report", "Publication", "Disclosure", "Render", "Statistics", "Aggregate", "Transform", "Ingest", "PipelineTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "PipelineCLITests",
            dependencies: ["PipelineTestSupport", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // As swift-log does: an import is internal unless marked `public import`, so a module's API names
    // exactly the modules it exposes.
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
