import Foundation
import GRDB
import PipelineCore

/// `soc_headlines`: the aggregate stage's headline facts, with every statement that quotes an ICS or
/// region value rebuilt from the *published* values, so no statement reveals or contradicts a cell
/// that disclosure control hid, rounded or recomputed.
struct HeadlineTableBuilder {
    let inputs: ReportInputs
    let topN: Int

    func write(_ writer: PublishedTableWriter) throws {
        var rebuilt: Set<String> = []
        for row in inputs.headlines {
            let id: String = row["indicator_id"], period: String = row["period"], type: String = row["statement_type"]
            guard let definition = inputs.definitions.first(where: { $0.id == id }) else { continue }
            if type.hasPrefix("top_n_ics_") || type.hasPrefix("range_") {
                if rebuilt.insert("\(id)|\(period)").inserted { try subNational(definition, period, writer) }
                continue
            }
            try writer.insert(PublishedCatalog.headlines, indicator: id, period: period, [
                "statement_type": PublishedCell(type), "rank": PublishedCell(row["rank"] as Int),
                "value": PublishedCell(row["value"] as Double?), "lcl95": PublishedCell(row["lcl95"] as Double?),
                "ucl95": PublishedCell(row["ucl95"] as Double?), "text": PublishedCell(row["text"] as String),
                "source_table": PublishedCell(row["source_table"] as String), "source_key": PublishedCell(row["source_key"] as String),
            ])
        }
    }

    /// Highest and lowest ICSs and the ranges across ICSs and regions, from published values only.
    private func subNational(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        var icbs: [(code: String, name: String, cell: ControlledValue, value: Double)] = []
        for icb in inputs.icbs {
            if let cell = inputs.value(definition.id, period, "icb", icb.ods), let value = cell.shown {
                icbs.append((icb.ods, icb.name, cell, value))
            }
        }
        icbs.sort { $0.value != $1.value ? $0.value > $1.value : $0.code < $1.code }
        for (label, ordered) in [("highest", Array(icbs.prefix(topN))), ("lowest", Array(icbs.reversed().prefix(topN)))] {
            for (offset, item) in ordered.enumerated() {
                try writer.insert(PublishedCatalog.headlines, indicator: definition.id, period: period, [
                    "statement_type": PublishedCell("top_n_ics_\(label)"), "rank": PublishedCell(offset + 1),
                    "value": PublishedCell(item.value), "lcl95": PublishedCell(item.cell.lower95), "ucl95": PublishedCell(item.cell.upper95),
                    "text": PublishedCell(HeadlineText.ranked(label, rank: offset + 1, name: item.name, value: item.value,
                                                              lower: item.cell.lower95, upper: item.cell.upper95, unit: definition.unit)),
                    "source_table": PublishedCell(PublishedCatalog.icsLeague.name),
                    "source_key": PublishedCell("\(definition.id)|\(period)|icb|\(item.code)|all"),
                ])
            }
        }
        var regions: [(code: String, name: String, value: Double)] = []
        for region in inputs.regions {
            if let value = inputs.value(definition.id, period, "region", region.code)?.shown { regions.append((region.code, region.name, value)) }
        }
        let icbItems: [(code: String, name: String, value: Double)] = icbs.map { ($0.code, $0.name, $0.value) }
        for (level, items) in [("icb", icbItems), ("region", regions)] {
            guard let low = items.min(by: { $0.value < $1.value }), let high = items.max(by: { $0.value < $1.value }) else { continue }
            let noun = level == "icb" ? "the \(items.count) ICSs with a published value" : "the \(items.count) NHS regions"
            try writer.insert(PublishedCatalog.headlines, indicator: definition.id, period: period, [
                "statement_type": PublishedCell(level == "icb" ? "range_ics" : "range_regions"), "rank": PublishedCell(1),
                "value": PublishedCell(high.value - low.value), "lcl95": PublishedCell(low.value), "ucl95": PublishedCell(high.value),
                "text": PublishedCell(HeadlineText.range(across: noun, title: definition.title, low: (low.name, low.value),
                                                         high: (high.name, high.value), unit: definition.unit, period: period)),
                "source_table": PublishedCell(level == "icb" ? PublishedCatalog.icsLeague.name : "indicator_value"),
                "source_key": PublishedCell("\(definition.id)|\(period)|\(level)|*|all"),
            ])
        }
    }
}
