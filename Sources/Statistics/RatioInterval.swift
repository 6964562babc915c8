/// The ratio of two independent estimates with a 95% interval by MOVER-R (Donner & Zou 2012), which, as the
/// difference's MOVER does (``ChangeInterval``), recovers each estimate's spread from its own (possibly
/// asymmetric) limits (docs/METHODS.md, "Groups against a reference group").
public struct RatioInterval: Sendable, Equatable {
    public var ratio: Double
    public var lower: Double
    public var upper: Double

    public init(ratio: Double, lower: Double, upper: Double) {
        self.ratio = ratio
        self.lower = lower
        self.upper = upper
    }

    /// `numerator` ÷ `denominator`, each a positive value with its 95% limits; nil when a value or limit is not
    /// positive where the method divides by it, or a square root would be of a negative number.
    public static func of(
        numerator a: (value: Double, lower: Double, upper: Double), denominator b: (value: Double, lower: Double, upper: Double)
    ) -> RatioInterval? {
        guard a.value > 0, b.value > 0, b.lower > 0, b.upper > 0, a.lower >= 0 else { return nil }
        let product = a.value * b.value
        let lowerRoot = product * product - a.lower * b.upper * (2 * a.value - a.lower) * (2 * b.value - b.upper)
        let upperRoot = product * product - a.upper * b.lower * (2 * a.value - a.upper) * (2 * b.value - b.lower)
        let lowerDivisor = b.upper * (2 * b.value - b.upper), upperDivisor = b.lower * (2 * b.value - b.lower)
        guard lowerRoot >= 0, upperRoot >= 0, lowerDivisor > 0, upperDivisor > 0 else { return nil }
        return RatioInterval(
            ratio: a.value / b.value, lower: (product - lowerRoot.squareRoot()) / lowerDivisor, upper: (product + upperRoot.squareRoot()) / upperDivisor)
    }
}
