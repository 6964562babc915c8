/// National IMD quintile of a decile: deciles 1–2 → quintile 1 (most deprived) … 9–10 → quintile 5.
public enum ImdQuantile {
    public static func quintile(ofDecile decile: Int) -> Int {
        precondition((1...10).contains(decile), "IMD decile out of range")
        return (decile + 1) / 2
    }
}
