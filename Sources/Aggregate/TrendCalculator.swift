import Checkpoints
import PipelineCore
import Statistics

/// Change of a value against the baseline period, with its direction by polarity (docs/METHODS.md §11).
struct TrendCalculator {
    struct Result {
        var change: ChangeInterval?
        var relativeChange: Double?
        var direction: TrendDirection
    }

    func change(latest: IndicatorValue?, baseline: IndicatorValue?, polarity: Polarity) -> Result {
        guard let now = latest?.withLimits, let then = baseline?.withLimits else {
            return Result(change: nil, relativeChange: nil, direction: .notCompared)
        }
        let interval = ChangeInterval.difference(latest: now, baseline: then)
        return Result(
            change: interval, relativeChange: then.value != 0 ? interval.change / then.value : nil,
            direction: TrendDirection(interval, polarity: polarity))
    }
}
