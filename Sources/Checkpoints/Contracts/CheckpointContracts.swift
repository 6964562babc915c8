/// Every table that crosses a stage boundary, by its record (docs/ARCHITECTURE.md, "Checkpoint contracts").
/// A test holds each record to its table's columns and its writer's migrations, and fails on a stage table
/// that has no record here.
public enum CheckpointContracts {
    public static let records: [any CheckpointRecord.Type] = [
        IngestedFile.self, QuarantinedRow.self, IngestedSource.self, EventTotal.self, ProportionTotal.self, IcbEventTotal.self,
        IcbProportionTotal.self, IcbEthnicGroupTotal.self, AttributedEventTotal.self, UnattributedProvider.self, AttributionCoverage.self, UnplacedTotal.self,
        EnglandTotal.self, PopulationTotal.self,
        SourceDataQuality.self,
        KeptRow.self, ReferenceIcb.self, ReferenceSubIcb.self, StandardPopulationWeight.self, ReferenceVintage.self, IcbDeprivation.self,
        IcbBoundaryRing.self, PlaceBoundaryRing.self, NeedPopulation.self, EthnicGroupPopulation.self, InputFileStat.self, IngestedFilePart.self,
        IngestPeriodDigest.self,
        SetAsideCount.self, PublishedValue.self,
        IndicatorValue.self, TransformInput.self, IndicatorDataQuality.self, IndicatorPlace.self, IndicatorDefinition.self, GeographyProfile.self,
        PopulationPeriod.self, NeedAllocationPeriod.self,
        InequalityIndex.self, QuintileGap.self, ReferenceGroupGap.self, EnglandComparison.self, PlaceComparison.self, TrendAgainstBaseline.self,
        HeadlineFact.self, AggregateInput.self, AuditedPeriod.self,
    ]
}
