import Foundation
import Logging
import PipelineCore

/// One JSON object per line on stderr: `{"ts":…,"level":…,"msg":…,"run.id":…,"stage":…}`; metadata that
/// is a number is written as a JSON number.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: Any] = ["logger": label]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = Self.json("\(value)")
        }
        Self.write(object, level: event.level.rawValue, message: "\(event.message)")
    }

    /// Writes one line: the fields, with time, level and message.
    static func write(_ fields: [String: Any], level: String, message: String) {
        var object = fields
        object["ts"] = Timestamp.iso8601(Date())
        object["level"] = level
        object["msg"] = message
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        StandardStream.error.write(data + [0x0A])
    }

    /// A metadata value as JSON: whole and decimal numbers as numbers, everything else as text.
    static func json(_ text: String) -> Any {
        let isNumber =
            !text.isEmpty && text.first != "+" && text.count < 20
            && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" } && text.filter { $0 == "." }.count <= 1
            && !text.dropFirst().contains("-") && !(text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0."))
        guard isNumber else { return text }
        if let whole = Int(text) { return whole }
        return Double(text) ?? text
    }
}
