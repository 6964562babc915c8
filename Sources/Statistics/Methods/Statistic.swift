/// The registry of indicator methods: each case is a method's name in `pipeline.json` (`method`) and in
/// the checkpoint tables (`statistic`), and names the one file that implements it. Adding a method is
/// its file, one case and one line below, and its test (docs/ARCHITECTURE.md).
public enum Statistic: String, Sendable, CaseIterable, Codable {
    case dsr
    case crudeRate = "crude_rate"
    case proportion
    case isRatio = "isr_ratio"
    case isRate = "isr_rate"

    /// The method behind this name.
    public var method: any IndicatorMethod {
        switch self {
        case .dsr: DirectlyStandardisedRate()
        case .crudeRate: CrudeRate()
        case .proportion: Proportion()
        case .isRatio: IndirectlyStandardisedRatio()
        case .isRate: IndirectlyStandardisedRate()
        }
    }

    /// Whether the method weights age bands, and so needs a source by age (docs/DATA.md, "Ages").
    public var standardisesByAge: Bool {
        switch self {
        case .dsr, .isRatio, .isRate: true
        case .crudeRate, .proportion: false
        }
    }
}
