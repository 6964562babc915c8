public import GRDB
import PipelineCore

extension Row {
    /// A stored word decoded into its vocabulary type. A word this program does not know is an error naming
    /// the column (never a guess), and never echoes a cell that could be a count.
    public func decode<Value: DatabaseValueConvertible>(_ column: some CheckpointColumns) throws -> Value {
        guard let value: Value = try decodeIfPresent(column) else {
            throw PipelineError(
                .internal, "checkpoint column '\(column.name)' is empty where a \(Value.self) is expected",
                hint: "rerun the stage that writes it (`soc-pipeline run --force`)")
        }
        return value
    }

    /// As ``decode(_:)``, with `nil` for an empty cell.
    public func decodeIfPresent<Value: DatabaseValueConvertible>(_ column: some CheckpointColumns) throws -> Value? {
        let stored: DatabaseValue = self[column.name]
        if stored.isNull { return nil }
        guard let value = Value.fromDatabaseValue(stored) else {
            throw PipelineError(
                .internal, "checkpoint column '\(column.name)' holds a word this program does not know as a \(Value.self)",
                hint: "the database was written by another version of soc-pipeline; rerun with `soc-pipeline run --force`")
        }
        return value
    }

    /// A stored word by column name, for the published tables and the few queries that compute columns.
    public func decode<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        guard let value: Value = try decodeIfPresent(column) else {
            throw PipelineError(
                .internal, "checkpoint column '\(column)' is empty where a \(Value.self) is expected",
                hint: "rerun the stage that writes it (`soc-pipeline run --force`)")
        }
        return value
    }

    /// As ``decode(_:)-(String)``, with `nil` for an empty cell.
    public func decodeIfPresent<Value: RawRepresentable>(_ column: String) throws -> Value? where Value.RawValue == String {
        guard let text: String = self[column] else { return nil }
        guard let value = Value(rawValue: text) else {
            throw PipelineError(
                .internal, "checkpoint column '\(column)' holds a word this program does not know as a \(Value.self)",
                hint: "the database was written by another version of soc-pipeline; rerun with `soc-pipeline run --force`")
        }
        return value
    }
}
