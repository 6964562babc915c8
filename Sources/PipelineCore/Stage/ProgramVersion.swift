/// The program version recorded in every checkpoint fingerprint and run record.
///
/// Bump it whenever a change alters any output, so that `run` recomputes stages
/// instead of skipping them.
public enum ProgramVersion {
    public static let current = "0.3.0"
}
