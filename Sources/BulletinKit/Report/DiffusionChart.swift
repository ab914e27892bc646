/// The curve diffusion studies plot, drawn as inline SVG: for one mechanism, the cumulative
/// number of towns that have reported it, month by month, from the article dates.
///
/// ```swift
/// DiffusionChart.svg(firstDates: ["2023-12", "2024-01", "2024-03"], title: "三所联动")
/// // <svg …><polyline points="…"/>…</svg>
/// ```
enum DiffusionChart {
    static let width = 320
    static let height = 120

    /// `firstDates`: each town's first date (`YYYY-MM` or `YYYY-MM-DD`).
    static func svg(firstDates: [String], title: String) -> String {
        let months = firstDates.map { String($0.prefix(7)) }.sorted()
        guard let first = months.first, let last = months.last,
            let start = monthIndex(first), let end = monthIndex(last)
        else {
            return "<p class=\"nodates\">No dated reports.</p>"
        }
        let span = max(end - start, 1)
        let total = months.count
        let left = 34.0, right = Double(width) - 10, top = 10.0, bottom = Double(height) - 24
        func x(_ month: Int) -> Double { left + (right - left) * Double(month - start) / Double(span) }
        func y(_ count: Int) -> Double { bottom - (bottom - top) * Double(count) / Double(total) }
        var points: [String] = ["\(fmt(x(start))),\(fmt(y(0)))"]
        var count = 0
        var previous = start
        for month in months.compactMap(monthIndex) {
            if month != previous { points.append("\(fmt(x(month))),\(fmt(y(count)))") }
            count += 1
            points.append("\(fmt(x(month))),\(fmt(y(count)))")
            previous = month
        }
        if previous < end { points.append("\(fmt(x(end))),\(fmt(y(count)))") }
        var svg = "<svg class=\"diffusion\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTML.escape(title)): towns reporting over time\">"
        svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(bottom))\" x2=\"\(fmt(right))\" y2=\"\(fmt(bottom))\" class=\"axis\"/>"
        svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top))\" x2=\"\(fmt(left))\" y2=\"\(fmt(bottom))\" class=\"axis\"/>"
        svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"curve\"/>"
        svg += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(top + 4))\" class=\"tick\" text-anchor=\"end\">\(total)</text>"
        svg += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(bottom))\" class=\"tick\" text-anchor=\"end\">0</text>"
        svg += "<text x=\"\(fmt(left))\" y=\"\(height - 8)\" class=\"tick\">\(first)</text>"
        if last != first {
            svg += "<text x=\"\(fmt(right))\" y=\"\(height - 8)\" class=\"tick\" text-anchor=\"end\">\(last)</text>"
        }
        svg += "</svg>"
        return svg
    }

    static func monthIndex(_ date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return year * 12 + month - 1
    }

    private static func fmt(_ value: Double) -> String { String(Int(value.rounded())) }
}
