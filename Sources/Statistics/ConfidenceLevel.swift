/// The two confidence levels every statistic is published at (docs/METHODS.md §1).
public enum ConfidenceLevel {
    public static let ninetyFive = 0.95
    public static let ninetyNinePointEight = 0.998
}
