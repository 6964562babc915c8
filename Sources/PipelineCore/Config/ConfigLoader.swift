public import Foundation
import Statistics

/// Reads and checks `pipeline.json`: strict keys, types, and cross-references.
public enum ConfigLoader {
    /// Loads the config at `path`; every problem is a ``PipelineError`` with code `.usage`
    /// naming the JSON path and, where one is close, the valid key.
    public static func load(path: String) throws -> PipelineConfig {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PipelineError(
                .usage, "cannot read config file", at: InputLocation(file: path),
                hint: "pass --config PATH, or run from the folder holding pipeline.json")
        }
        var config = try decode(data, file: path)
        config.baseDirectory = url.deletingLastPathComponent().standardizedFileURL.path
        return config
    }

    /// Decodes and validates config text; `file` names it in messages.
    public static func decode(_ data: Data, file: String) throws -> PipelineConfig {
        if let failure = JSONSyntaxLocator.firstError(in: [UInt8](data)) {
            throw PipelineError(
                .usage, "not valid JSON: line \(failure.line), column \(failure.column): \(failure.reason)",
                at: InputLocation(file: file), hint: "check for a missing or extra comma, quote or bracket there")
        }
        let config: PipelineConfig
        do {
            config = try JSONDecoder().decode(PipelineConfig.self, from: data)
        } catch let error as UnknownConfigKeyError {
            var hint =
                error.suggestion.map { "did you mean '\($0)'?" }
                ?? "valid keys here: \(error.validKeys.joined(separator: ", "))"
            if error.suggestion != nil { hint += " valid keys here: \(error.validKeys.joined(separator: ", "))" }
            throw PipelineError(.usage, "\(error.path): unknown key '\(error.key)'", at: InputLocation(file: file), hint: hint)
        } catch let error as DecodingError {
            throw describe(error, data: data, file: file)
        }
        try validate(config, file: file)
        return config
    }

    static func describe(_ error: DecodingError, data: Data, file: String) -> PipelineError {
        let location = InputLocation(file: file)
        switch error {
        case let .keyNotFound(key, context):
            let path = ConfigPath.render(context.codingPath + [key])
            return PipelineError(.usage, "\(path): required key '\(key.stringValue)' is missing", at: location)
        case let .typeMismatch(type, context):
            return PipelineError(.usage, "\(ConfigPath.render(context.codingPath)): expected \(describe(type))", at: location)
        case let .valueNotFound(type, context):
            return PipelineError(.usage, "\(ConfigPath.render(context.codingPath)): expected \(describe(type)), found null", at: location)
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return PipelineError(
                    .usage, "not valid JSON: \(syntaxDetail(context, data: data))", at: location,
                    hint: "check for a missing comma, quote or bracket near that place")
            }
            var message = "\(ConfigPath.render(context.codingPath)): \(context.debugDescription)"
            let named = context.codingPath.last { $0.intValue == nil }
            if let named, let allowed = allowedValues(forKey: named.stringValue) {
                message += " (one of: \(allowed.joined(separator: ", ")))"
            }
            return PipelineError(.usage, message, at: location)
        @unknown default:
            return PipelineError(.usage, "invalid configuration: \(error)", at: location)
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: String(describing: type).contains("Array") ? "an array" : "an object"
        }
    }

    static func allowedValues(forKey key: String) -> [String]? {
        switch key {
        case "kind": SourceConfig.Kind.allCases.map(\.rawValue)
        case "grain": SourceGrain.allCases.map(\.rawValue)
        case "layout": SourceConfig.Layout.allCases.map(\.rawValue)
        case "method": Statistic.allCases.map(\.rawValue)
        case "polarity": Polarity.allCases.map(\.rawValue)
        case "breakdowns": IndicatorConfig.Breakdown.allCases.map(\.rawValue)
        case "siiPositions": AggregateSettings.Positions.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// Line and column of the first syntax error, found by ``JSONSyntaxLocator``.
    static func syntaxDetail(_ context: DecodingError.Context, data: Data) -> String {
        guard let failure = JSONSyntaxLocator.firstError(in: [UInt8](data)) else { return context.debugDescription }
        return "line \(failure.line), column \(failure.column): \(failure.reason)"
    }

    /// A relative path or glob stays inside the folder of pipeline.json: `..` would let a copied config read
    /// anything on the machine. An absolute path is an explicit choice and is allowed. The path itself is
    /// not repeated in the message.
    static func checkInsideProject(_ pattern: String, path: String, location: InputLocation) throws {
        guard !pattern.hasPrefix("/"), pattern.split(separator: "/").contains("..") else { return }
        throw PipelineError(
            .usage, "\(path): a relative path may not leave the folder of pipeline.json ('..')", at: location,
            hint: "write an absolute path to read files outside the project")
    }

    /// Cross-field rules: unique names, one population, indicators pointing at datasets of the right kind.
    static func validate(_ config: PipelineConfig, file: String) throws {
        let location = InputLocation(file: file)
        for (path, value) in [
            ("reference.icb.icbs", config.reference.icb.icbs), ("reference.icb.lsoaLookup", config.reference.icb.lsoaLookup),
            ("reference.imd.lsoaDeciles", config.reference.imd.lsoaDeciles),
            ("reference.standardPopulation.file", config.reference.standardPopulation.file),
            ("reference.icb.subIcbs", config.reference.icb.subIcbs ?? ""),
        ] {
            try checkInsideProject(value, path: path, location: location)
        }
        for (index, conversion) in config.reference.lsoaConversions.enumerated() {
            let path = "reference.lsoaConversions[\(index)]"
            guard let basis = config.reference.lsoaVintage else {
                throw PipelineError(
                    .usage, "\(path): a conversion needs the basis it converts to", at: location,
                    hint: "set reference.lsoaVintage to the LSOA vintage of the ICB lookup and IMD file (\"2011\" or \"2021\")")
            }
            guard conversion.from != basis else {
                throw PipelineError(.usage, "\(path).from: \(conversion.from.rawValue) is the basis itself", at: location)
            }
            try checkInsideProject(conversion.file, path: "\(path).file", location: location)
        }
        var seen: Set<String> = []
        for (index, source) in config.sources.enumerated() {
            guard !source.name.isEmpty, source.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw PipelineError(.usage, "sources[\(index)].name: use letters, digits, '_' or '-'", at: location)
            }
            guard seen.insert(source.name).inserted else {
                throw PipelineError(.usage, "sources[\(index)].name: duplicate source name '\(source.name)'", at: location)
            }
            let profile = source.grain.profile
            if source.kind == .population, source.layout == .wide, !profile.wideLayout {
                throw PipelineError(
                    .usage, "sources[\(index)].layout: a wide population is one row per LSOA; at \(source.grain.readable) grain use the long layout",
                    at: location)
            }
            if profile.eventsOnly, source.kind != .events {
                throw PipelineError(
                    .usage,
                    "sources[\(index)].grain: counts by \(source.grain.readable) are shared out as events; '\(source.name)' is '\(source.kind.rawValue)'",
                    at: location)
            }
            if profile.attribution.isAvailable {
                guard let attribution = source.attribution else {
                    throw PipelineError(
                        .usage, "sources[\(index)].attribution: a source counted by provider needs the weights that share it among ICBs",
                        at: location, hint: "e.g. \"attribution\": {\"file\": \"reference/attribution/nhs_trust22_to_icb22_catchment_share.csv\"}")
                }
                try checkInsideProject(attribution.file, path: "sources[\(index)].attribution.file", location: location)
            } else if source.attribution != nil {
                throw PipelineError(.usage, "sources[\(index)].attribution: only a source at grain 'provider' is shared out by weights", at: location)
            }
            if source.kind == .population, let refusal = profile.population.reason {
                throw PipelineError(
                    .usage, "sources[\(index)].grain: \(refusal)",
                    at: location, hint: "use a population by LSOA, or by ICB × IMD decile (\"grain\": \"icb-imd-decile\")")
            }
            if source.kind == .population, source.declaresNoAge {
                throw PipelineError(
                    .usage, "sources[\(index)].columns.ageBand: a population needs its ages (every rate's denominator is by age band)",
                    at: location, hint: "give the population by age band or single year of age (\"layout\": \"wide\" reads ONS's columns)")
            }
            try checkInsideProject(source.files, path: "sources[\(index)].files", location: location)
            if let threshold = source.rejectThreshold, !(0...1).contains(threshold) {
                throw PipelineError(.usage, "sources[\(index)].rejectThreshold: must be a share between 0 and 1", at: location)
            }
            if let vintage = source.lsoaVintage {
                guard source.grain.profile.convertsLsoaVintages else {
                    throw PipelineError(.usage, "sources[\(index)].lsoaVintage: only a source at LSOA grain has LSOA codes", at: location)
                }
                guard let basis = config.reference.lsoaVintage else {
                    throw PipelineError(
                        .usage, "sources[\(index)].lsoaVintage: the basis to compare it with is not set", at: location,
                        hint: "set reference.lsoaVintage to the LSOA vintage of the ICB lookup and IMD file")
                }
                if vintage != basis, config.reference.conversion(from: vintage) == nil {
                    throw PipelineError(
                        .usage,
                        "sources[\(index)].lsoaVintage: '\(source.name)' is coded to \(vintage.rawValue) LSOAs, the basis is \(basis.rawValue), and no conversion from \(vintage.rawValue) is configured",
                        at: location,
                        hint:
                            "add {\"from\": \"\(vintage.rawValue)\", \"file\": \"reference/lsoa/2011-to-2021/\(vintage == .lsoa2011 ? "lsoa11_to_lsoa21" : "lsoa21_to_lsoa11").csv\"} to reference.lsoaConversions"
                    )
                }
            }
        }
        let populations = config.sources.filter { $0.kind == .population }
        guard populations.count == 1 else {
            throw PipelineError(
                .usage, "sources: exactly one source of kind 'population' is needed, found \(populations.count)",
                at: location, hint: "rates need resident populations as denominators")
        }
        var ids: Set<String> = []
        for (index, indicator) in config.indicators.enumerated() {
            let path = "indicators[\(index)]"
            guard ids.insert(indicator.id).inserted else {
                throw PipelineError(.usage, "\(path).id: duplicate indicator id '\(indicator.id)'", at: location)
            }
            guard let source = config.sources.first(where: { $0.name == indicator.source }) else {
                let names = config.extractSources.map(\.name)
                throw PipelineError(
                    .usage, "\(path).source: no dataset named '\(indicator.source)'", at: location,
                    hint: ClosestMatch.best(for: indicator.source, among: names).map { "did you mean '\($0)'?" }
                        ?? "datasets: \(names.joined(separator: ", "))")
            }
            if source.kind == .value {
                try checkPublishedValueIndicator(indicator, source: source, path: path, location: location)
                continue
            }
            guard source.kind == indicator.method.sourceKind else {
                throw PipelineError(
                    .usage,
                    "\(path).method: '\(indicator.method.rawValue)' needs a dataset of kind '\(indicator.method.sourceKind.rawValue)', but '\(source.name)' is '\(source.kind.rawValue)'",
                    at: location)
            }
            if !source.grain.profile.deprivationSplit.isAvailable, indicator.breakdownsGiven,
                let split = indicator.breakdowns.first(where: { $0 == .imdQuintile || $0 == .imdDecile })
            {
                throw PipelineError(
                    .usage,
                    "\(path).breakdowns: \(indicator.id) asks for '\(split.rawValue)', which is not available for the grain of source '\(source.name)' (its rows carry no deprivation decile)",
                    at: location, hint: "leave out the IMD breakdowns: the ICS values, England comparison, funnel and trend are published")
            }
            let byEthnicGroup = source.grain.profile.ethnicGroupSplit
            if !byEthnicGroup, indicator.breakdownsGiven, let split = indicator.breakdowns.first(where: { $0 == .ethnicGroup || $0 == .ethnicCategory }) {
                throw PipelineError(
                    .usage,
                    "\(path).breakdowns: \(indicator.id) asks for '\(split.rawValue)', but the rows of source '\(source.name)' carry no ethnic group",
                    at: location, hint: "ethnic groups come from a source with \"grain\": \"icb-ethnic-group\"; leave the ethnic breakdowns out here")
            }
            // A rate by ethnic group is over each group's usual residents (Census 2021), all ages: a crude rate, and
            // only where the configuration supplies that population (docs/DATA.md, "Rates by ethnic group").
            if byEthnicGroup, indicator.method.sourceKind != .proportion {
                guard config.reference.ethnicGroupPopulation != nil else {
                    throw PipelineError(
                        .usage,
                        "\(path).method: \(indicator.id) is '\(indicator.method.rawValue)', but source '\(source.name)' is by ethnic group: a rate by ethnic group needs a population by ethnic group, and reference.ethnicGroupPopulation is not configured",
                        at: location,
                        hint:
                            "configure reference.ethnicGroupPopulation with Census 2021 table TS021 by LSOA (ONS's census2021-ts021-lsoa.csv), or use a proportion (numerator and denominator from the same source)"
                    )
                }
                guard indicator.method == .crudeRate, indicator.ageRange == nil, source.rateDenominator == .residents else {
                    throw PipelineError(
                        .usage,
                        "\(path).\(indicator.ageRange != nil ? "ageRange" : "method"): \(indicator.id) is a rate by ethnic group, over Census 2021 usual residents by group, which have no ages: it is a crude rate over all ages (\"method\": \"crude_rate\", no ageRange)",
                        at: location, hint: "use crude_rate without ageRange, and say the ages the source covers in the title or definition")
                }
            }
            // A need-weighted population is one number per ICB: a crude rate over all ages, with no split by
            // deprivation, sex or group (docs/DATA.md, "Access against need").
            if let component = indicator.needWeighted {
                guard let weights = config.reference.needWeights, weights.components[component] != nil else {
                    throw PipelineError(
                        .usage,
                        "\(path).needWeighted: '\(component)' is not a component of reference.needWeights\(config.reference.needWeights.map { " (it has: \($0.components.keys.sorted().joined(separator: ", ")))" } ?? " (none is configured)")",
                        at: location, hint: "add the component to reference.needWeights.components, naming its column in the weights file")
                }
                if indicator.method != .crudeRate || indicator.ageRange != nil || source.rateDenominator == .sourceRows {
                    throw PipelineError(
                        .usage,
                        "\(path).needWeighted: \(indicator.id) is over a need-weighted population, which is one all-ages number per ICB: only a crude_rate without an ageRange, of a source without its own denominator, is computed over it",
                        at: location, hint: "use \"method\": \"crude_rate\" and no ageRange, or leave needWeighted out to count the rate over residents")
                }
                if indicator.breakdownsGiven, let split = indicator.breakdowns.first {
                    throw PipelineError(
                        .usage,
                        "\(path).breakdowns: \(indicator.id) asks for '\(split.rawValue)', but a need-weighted population has no split by deprivation, sex or group",
                        at: location,
                        hint:
                            "leave breakdowns out (or []): the ICS values, England comparison, funnel and trend are published; the same events over residents give the split"
                    )
                }
            }
            // A denominator read with the events (a registered list) is a crude rate's; standardising needs residents by age.
            if source.rateDenominator == .sourceRows, indicator.method != .crudeRate {
                throw PipelineError(
                    .usage,
                    "\(path).method: \(indicator.id) is '\(indicator.method.rawValue)', but source '\(source.name)' carries its own denominator (its 'denominator' column, e.g. a registered list): only a crude_rate is computed over it",
                    at: location,
                    hint: "use \"method\": \"crude_rate\", or leave the denominator column out to count the rate over the population source's residents")
            }
            if source.declaresNoAge {
                if indicator.method.standardisesByAge {
                    throw PipelineError(
                        .usage,
                        "\(path).method: \(indicator.id) is age-standardised ('\(indicator.method.rawValue)'), but source '\(source.name)' has no ages (\"ageBand\": [])",
                        at: location, hint: "use crude_rate or proportion for all-ages data, or deliver the source by age band")
                }
                if indicator.ageRange != nil {
                    throw PipelineError(
                        .usage, "\(path).ageRange: \(indicator.id) covers an age range, but source '\(source.name)' has no ages (\"ageBand\": [])",
                        at: location, hint: "remove ageRange, or deliver the source by age band")
                }
            }
        }
    }

    /// An indicator of values published without counts names the statistic its publisher computed (for the
    /// label, the comparison and the disclosure check), and asks for nothing that needs counts: no age range,
    /// need-weighted population or breakdown (docs/DATA.md, "Values without counts").
    static func checkPublishedValueIndicator(_ indicator: IndicatorConfig, source: SourceConfig, path: String, location: InputLocation) throws {
        if indicator.ageRange != nil {
            throw PipelineError(
                .usage,
                "\(path).ageRange: \(indicator.id) is read from '\(source.name)', whose values are published without counts: they cover the ages their publisher chose and cannot be cut to a range",
                at: location, hint: "remove ageRange and say the ages in the indicator's title or definition")
        }
        if indicator.needWeighted != nil {
            throw PipelineError(
                .usage,
                "\(path).needWeighted: \(indicator.id) is read from '\(source.name)', whose values are published without counts: there are no events to count over a need-weighted population",
                at: location, hint: "remove needWeighted")
        }
        // By decile, the deciles are what the publisher gives; quintiles would need each decile's counts to add up.
        let byDecile = source.grain.profile.deprivationSplit.isAvailable
        if indicator.breakdownsGiven, let split = indicator.breakdowns.first(where: { !byDecile || $0 != .imdDecile }) {
            throw PipelineError(
                .usage,
                byDecile
                    ? "\(path).breakdowns: \(indicator.id) asks for '\(split.rawValue)', but '\(source.name)' publishes values by ICS and national decile without counts\(split == .imdQuintile ? ": a quintile's value needs its two deciles' counts to add up" : "")"
                    : "\(path).breakdowns: \(indicator.id) asks for '\(split.rawValue)', but '\(source.name)' publishes one value per ICS and period, without counts",
                at: location,
                hint: byDecile
                    ? "leave breakdowns out (or [\"imd_decile\"]): the values by decile as published and England's SII and RII over deciles are published"
                    : "leave breakdowns out (or []): the ICS values as published, the comparison with England and the trend are published")
        }
    }
}
