import Foundation
import PipelineCore

/// What differs between a checkpoint's fingerprint and the one a run would record, in words for `plan`
/// and the run log: which configuration keys, whether the program, and which content parts.
public enum FingerprintChange: Sendable, Equatable {
    case program(from: String, to: String)
    /// JSON paths of changed settings, e.g. `indicators[2].title`.
    case configuration(keys: [String])
    case content(added: [String], removed: [String], changed: [String])

    /// Every difference between two fingerprints (empty when they are equal).
    public static func between(_ old: StageFingerprint, _ new: StageFingerprint) -> [FingerprintChange] {
        var changes: [FingerprintChange] = []
        if old.program != new.program { changes.append(.program(from: old.program, to: new.program)) }
        if old.configuration != new.configuration {
            changes.append(.configuration(keys: ConfigurationDiff.changedKeys(old.configuration, new.configuration)))
        }
        let before = Dictionary(old.content.map { ($0.label, $0.value) }, uniquingKeysWith: { $1 })
        let after = Dictionary(new.content.map { ($0.label, $0.value) }, uniquingKeysWith: { $1 })
        let added = new.content.map(\.label).filter { before[$0] == nil }
        let removed = old.content.map(\.label).filter { after[$0] == nil }
        let changed = new.content.map(\.label).filter { before[$0] != nil && before[$0] != after[$0] }
        if !(added.isEmpty && removed.isEmpty && changed.isEmpty) {
            changes.append(.content(added: added, removed: removed, changed: changed))
        }
        return changes
    }

    /// One short clause, at most `limit` names listed.
    public func describe(limit: Int = 10) -> String {
        func list(_ names: [String]) -> String {
            names.count > limit ? names.prefix(limit).joined(separator: ", ") + " … \(names.count - limit) more" : names.joined(separator: ", ")
        }
        switch self {
        case .program(let from, let to):
            return "the program changed (\(from) → \(to))"
        case .configuration(let keys):
            return keys.isEmpty ? "the configuration changed" : "configuration changed: \(list(keys))"
        case .content(let added, let removed, let changed):
            var clauses: [String] = []
            if !changed.isEmpty { clauses.append("changed \(list(changed))") }
            if !added.isEmpty { clauses.append("new \(list(added))") }
            if !removed.isEmpty { clauses.append("removed \(list(removed))") }
            return clauses.joined(separator: "; ")
        }
    }
}

/// Paths of the leaves that differ between two JSON documents.
enum ConfigurationDiff {
    static func changedKeys(_ old: String, _ new: String) -> [String] {
        let a = try? JSONSerialization.jsonObject(with: Data(old.utf8), options: [.fragmentsAllowed])
        let b = try? JSONSerialization.jsonObject(with: Data(new.utf8), options: [.fragmentsAllowed])
        var paths: [String] = []
        collect(a, b, path: "", into: &paths)
        return paths
    }

    private static func collect(_ a: Any?, _ b: Any?, path: String, into paths: inout [String]) {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                collect(x[key], y[key], path: path.isEmpty ? key : "\(path).\(key)", into: &paths)
            }
        case (let x as [Any], let y as [Any]) where x.count == y.count:
            for index in x.indices { collect(x[index], y[index], path: "\(path)[\(index)]", into: &paths) }
        default:
            let same = (a as? NSObject).map { $0.isEqual(b) } ?? (a == nil && b == nil)
            if !same { paths.append(path.isEmpty ? "(root)" : path) }
        }
    }
}
