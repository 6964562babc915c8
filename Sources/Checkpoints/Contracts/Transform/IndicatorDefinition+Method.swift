public import Statistics

extension IndicatorDefinition {
    /// The indicator's method, from the registry.
    public var method: any IndicatorMethod { statistic.method }
}
