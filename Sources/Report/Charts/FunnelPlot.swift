import Foundation
import PipelineCore

/// The 42 ICSs' values against their denominators, with England's value and its 95% and 99.8% funnel limits.
struct FunnelPlot {
    struct Item {
        var point: ChartPoint
        var denominator: Double
        var limits95: (Double, Double)?
        var limits998: (Double, Double)?
    }

    let id: String
    let title: String
    let unit: String
    let england: Double?
    let items: [Item]

    func svg() -> String {
        let sorted = items.sorted { $0.denominator < $1.denominator }
        let xs = sorted.map(\.denominator)
        var ys = sorted.map(\.point.value) + (england.map { [$0] } ?? [])
        ys += sorted.flatMap { [$0.limits998?.0, $0.limits998?.1].compactMap { $0 } }
        let frame = ChartFrame(x: ((xs.min() ?? 0) * 0.9)...((xs.max() ?? 1) * 1.05), y: ys)
        var body = frame.yAxis(label: unit)
        for tick in ChartFrame.ticks(frame.xDomain) {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(tick)))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(FigureText.figure(tick, decimals: 0))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">Denominator (population or people eligible, rounded)</text>"
        // Limits depend on each ICS's denominator (and, for DSRs, its age structure), so each ICS gets
        // its own marks rather than one smooth curve.
        for item in sorted {
            let x = frame.x(item.denominator)
            for (name, limits) in [("limit998", item.limits998), ("limit95", item.limits95)] {
                guard let (low, high) = limits else { continue }
                for bound in [low, high] {
                    body += "<line class=\"\(name)\" x1=\"\(f(x - 6))\" x2=\"\(f(x + 6))\" y1=\"\(f(frame.y(bound)))\" y2=\"\(f(frame.y(bound)))\"/>"
                }
            }
        }
        if let england {
            body +=
                "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(england)))\" y2=\"\(f(frame.y(england)))\"/>"
        }
        for item in sorted {
            body +=
                "<circle class=\"point \(item.point.style)\" cx=\"\(f(frame.x(item.denominator)))\" cy=\"\(f(frame.y(item.point.value)))\" r=\"4.5\"><title>\(HTML.escape("\(item.point.label): \(FigureText.withUnit(item.point.value, unit: unit)) (\(item.point.style.replacingOccurrences(of: "_", with: " ")))"))</title></circle>"
        }
        let description =
            "Funnel plot of \(items.count) ICSs' values of \(title) against their denominators; the line is England's value and the marks beside each point its 95% (solid) and 99.8% (dashed) control limits."
        return frame.svg(id: id, title: "\(title): ICSs against England (funnel plot)", description: description, body: body)
    }
}
