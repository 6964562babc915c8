import Foundation
public import PipelineCore

/// A file matched by a source's glob.
public struct DiscoveredFile: Sendable, Equatable {
    /// Absolute path.
    public var path: String
    /// Path as written relative to the config folder, for messages and the manifest.
    public var displayPath: String
    /// The folder name matched by `{icb}`, if the pattern has one.
    public var icbFolder: String?
    public var size: Int
    /// The year matched by `{year}` in the pattern (a population's mid-year), if it has one.
    public var year: Int? = nil
}

/// Expands a source's glob (`*`, `?`, `[...]` per path component, `{icb}` for one folder, and `{year}` for
/// four digits of a folder or file name, e.g. `population/mid-{year}.csv`).
public enum FileDiscovery {
    /// A source's files; a source that matches none is an error (`.inputMissing`) naming its glob.
    public static func files(for source: SourceConfig, config: PipelineConfig) throws -> [DiscoveredFile] {
        let files = try files(matching: source.files, base: config.baseDirectory)
        guard !files.isEmpty else {
            throw PipelineError(
                .inputMissing, "source '\(source.name)': no files match '\(source.files)'",
                at: InputLocation(file: source.files), hint: "paths are relative to the folder of pipeline.json")
        }
        return files
    }

    public static func files(matching pattern: String, base: String) throws -> [DiscoveredFile] {
        let absolute = pattern.hasPrefix("/")
        var candidates: [(path: String, display: String, icb: String?, year: Int?)] = [(absolute ? "/" : base, "", nil, nil)]
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (position, component) in components.enumerated() {
            let isLast = position == components.count - 1
            var next: [(String, String, String?, Int?)] = []
            for candidate in candidates {
                let join = { (name: String) -> (String, String) in
                    (
                        (candidate.path as NSString).appendingPathComponent(name),
                        candidate.display.isEmpty ? (absolute ? "/" + name : name) : candidate.display + "/" + name
                    )
                }
                let isIcb = component == "{icb}"
                let hasYear = component.contains("{year}")
                let hasWildcard = isIcb || hasYear || component.contains(where: { "*?[".contains($0) })
                if !hasWildcard {
                    let (path, display) = join(component)
                    if Self.entry(path) != nil { next.append((path, display, candidate.icb, candidate.year)) }
                    continue
                }
                // `{year}` matches four digits; the rest of the component is an ordinary glob.
                let glob = component.replacingOccurrences(of: "{year}", with: "[0-9][0-9][0-9][0-9]")
                let names = (try? FileManager.default.contentsOfDirectory(atPath: candidate.path)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") {
                    let matches = isIcb ? true : fnmatch(glob, name, 0) == 0
                    guard matches else { continue }
                    let (path, display) = join(name)
                    guard let entry = Self.entry(path), isLast != entry.isDirectory else { continue }
                    next.append((path, display, isIcb ? name : candidate.icb, hasYear ? Self.year(in: name, pattern: component) : candidate.year))
                }
            }
            candidates = next
        }
        return try candidates.map { candidate in
            guard let size = Self.entry(candidate.path)?.size else {
                throw PipelineError(.inputMissing, "cannot read file", at: InputLocation(file: candidate.display))
            }
            return DiscoveredFile(path: candidate.path, displayPath: candidate.display, icbFolder: candidate.icb, size: size, year: candidate.year)
        }
        .sorted { $0.displayPath < $1.displayPath }
    }

    /// Whether a path is a folder, and its size: one `stat` (a nightly run lists thousands of files, and
    /// three calls through FileManager each cost more than the whole decision; bench/RESULTS.md). Nil when
    /// nothing is there.
    static func entry(_ path: String) -> (isDirectory: Bool, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size))
    }

    /// The four digits a name holds where its pattern has `{year}` (the first four-digit run after the
    /// pattern's literal prefix).
    static func year(in name: String, pattern: String) -> Int? {
        let prefix = pattern.components(separatedBy: "{year}")[0].prefix { !"*?[".contains($0) }
        let rest = name.dropFirst(prefix.count)
        var digits = ""
        for character in rest {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if digits.count == 4 { return Int(digits) }
            } else {
                digits = ""
            }
        }
        return nil
    }
}
