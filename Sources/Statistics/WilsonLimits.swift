/// Wilson score limits for a proportion (docs/METHODS.md §2), written as PHEindicatormethods' `wilson_lower/upper`.
public enum WilsonLimits {
    public static func lower(_ x: Double, _ n: Double, confidence: Double) -> Double {
        if confidence >= 1 { return 0 }
        let z = Distribution.z(confidence: confidence)
        return (2 * x + z * z - z * (z * z + 4 * x * (1 - x / n)).squareRoot()) / 2 / (n + z * z)
    }

    public static func upper(_ x: Double, _ n: Double, confidence: Double) -> Double {
        if confidence >= 1 { return 1 }
        let z = Distribution.z(confidence: confidence)
        return (2 * x + z * z + z * (z * z + 4 * x * (1 - x / n)).squareRoot()) / 2 / (n + z * z)
    }
}
