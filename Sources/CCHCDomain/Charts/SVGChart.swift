import Foundation

/// One named row of figures in a chart (issue 13 §8): its value for each category, nil where there is no figure, and its colour.
///
/// Values beyond the categories are ignored; missing ones count as nil; NaN and infinities count as nil too.
public struct ChartSeries: Sendable, Equatable {
    /// The name shown in the legend and in every tooltip ("Đúng hạn").
    public var name: String
    /// One value per category; nil = no data (no bar, a gap in a line).
    public var values: [Double?]
    /// A CSS colour, "#0072B2" or a plain name ("teal"); empty — or anything else — takes `SVGChart.palette` in the series' order.
    public var colour: String

    public init(name: String, values: [Double?], colour: String = "") {
        self.name = name
        self.values = values
        self.colour = colour
    }
}

/// Charts drawn on the server as SVG text — no JavaScript — for the dashboards and the leaders' overview (issue 13 §8).
///
/// Every chart is a complete `<svg role="img">` labelled by its `<title>` (the chart's title) and a one-line Vietnamese
/// `<desc>` summarising the data; it shows the title, a y axis with round steps and gridlines, the rotated y-axis label,
/// the category labels (cut with "…" when long, their full text as a tooltip; rotated −35° beyond 6 categories), the
/// x-axis label and, for several series, a legend. Each bar and point carries a tooltip "Quý I/2026 — Đúng hạn: 12".
/// Figures use the decimal comma ("92,5"), whole numbers none. Every text is XML-escaped and the element ids derive from
/// a hash of the chart's kind, title, categories and series names, so several charts fit one page. The SVG keeps its
/// natural size (`width`/`height`) on a wide screen and shrinks with the page (`max-width:100%;height:auto`) on a phone.
/// With no categories or no figure at all, a chart is a small SVG saying "Chưa có số liệu".
///
/// Colour is never the only cue: the legend names each series, tooltips carry the values, stacked segments and bars are
/// labelled where they have room, and line series differ in dash and marker shape too. Pages should still show the
/// numbers in a table beside the chart.
public enum SVGChart {
    /// The colours series take in order: the Okabe–Ito colour-blind-safe set (without its yellow, too pale on white),
    /// then the system's dark red and grey.
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8b1a1a", "#6b7785"]

    /// Colours for the usual series, from `palette`: a report's state and this year against last.
    public enum Colour {
        public static let onTime = "#009E73"
        public static let late = "#E69F00"
        public static let missing = "#D55E00"
        public static let returned = "#CC79A7"
        public static let thisYear = "#8b1a1a"
        public static let lastYear = "#8c96a0"
    }

    /// Vertical bars, stacked (e.g. per period: on time / late / missing / returned), with a legend and each bar's total
    /// above it. Negative values are drawn as 0 (a count cannot be negative); their tooltip shows the value as given.
    public static func stackedBars(title: String, categories: [String], series: [ChartSeries], yLabel: String, xLabel: String,
                                   width: Int = 640, height: Int = 320) -> String {
        let kind = "stacked"
        guard !categories.isEmpty, hasData(series, categories.count) else { return ChartCanvas.empty(kind: kind, title: title, width: width) }
        let totals = categories.indices.map { i in series.reduce(0.0) { $0 + max(0, value($1, i) ?? 0) } }
        let scale = NiceScale(min: 0, max: totals.max() ?? 0, integral: allIntegral(series, categories.count))
        let colours = series.indices.map { colour(series[$0], index: $0) }
        let legend = series.indices.map { LegendItem(name: series[$0].name, colour: colours[$0], mark: .swatch) }
        let totalsBySeries = series.map { s in categories.indices.reduce(0.0) { $0 + (value(s, $1) ?? 0) } }
        let desc = "Cột chồng theo \(lowerFirst(xLabel)), \(span(categories)); cộng: "
            + zip(series, totalsBySeries).map { "\($0.name) \(ChartCanvas.figure($1))" }.joined(separator: ", ") + "."
        var canvas = ChartCanvas(kind: kind, title: title, desc: desc, categories: categories, legend: legend, scale: scale,
                                 yLabel: yLabel, xLabel: xLabel, width: width, height: height)
        let barWidth = min(canvas.slot * 0.62, 64)
        for (i, category) in categories.enumerated() {
            let left = canvas.x(i) - barWidth / 2
            var stacked = 0.0
            for (s, row) in series.enumerated() {
                guard let v = value(row, i) else { continue }
                let drawn = max(0, v)
                let (low, high) = (canvas.y(stacked), canvas.y(stacked + drawn))
                stacked += drawn
                canvas.parts.append(bar(x: left, y: high, width: barWidth, height: low - high, colour: colours[s],
                                        tooltip: "\(category) — \(row.name): \(ChartCanvas.figure(v))"))
                let text = ChartCanvas.figure(v)
                if series.count > 1, drawn > 0, low - high >= 15, barWidth >= ChartCanvas.textWidth(text, size: 11) + 6 {
                    canvas.parts.append(label(text, x: canvas.x(i), y: (low + high) / 2 + 4, fill: textColour(on: colours[s]), cls: "segment-value"))
                }
            }
            let total = ChartCanvas.figure(totals[i])
            if barWidth >= ChartCanvas.textWidth(total, size: 11) + 2 {
                canvas.parts.append(label(total, x: canvas.x(i), y: canvas.y(totals[i]) - 5, fill: ChartCanvas.ink, cls: "total", bold: true))
            }
        }
        return canvas.finish()
    }

    /// Grouped (side-by-side) bars: e.g. PAR-index totals this year vs last year per unit, or area subtotals.
    ///
    /// `yMax` (e.g. 100 for a PAR index) sets the top of the y axis, raised to a round step — or to the largest value when
    /// a value exceeds it. Negative values (a year-on-year change) are drawn below the zero line, which the axis then shows.
    /// Each bar's value is written above it (below, when negative) when every bar is wide enough for its value.
    public static func groupedBars(title: String, categories: [String], series: [ChartSeries], yLabel: String, xLabel: String,
                                   width: Int = 640, height: Int = 320, yMax: Double? = nil) -> String {
        let kind = "grouped"
        guard !categories.isEmpty, hasData(series, categories.count) else { return ChartCanvas.empty(kind: kind, title: title, width: width) }
        let all = series.flatMap { s in categories.indices.compactMap { value(s, $0) } }
        var top = all.max() ?? 0
        if let yMax, yMax.isFinite, yMax > top { top = yMax }
        let scale = NiceScale(min: min(0, all.min() ?? 0), max: top, integral: allIntegral(series, categories.count))
        let colours = series.indices.map { colour(series[$0], index: $0) }
        let legend = series.indices.map { LegendItem(name: series[$0].name, colour: colours[$0], mark: .swatch) }
        var canvas = ChartCanvas(kind: kind, title: title, desc: groupedSummary(categories, series, xLabel), categories: categories,
                                 legend: legend, scale: scale, yLabel: yLabel, xLabel: xLabel, width: width, height: height)
        let k = Double(max(series.count, 1))
        let barWidth = min(canvas.slot * 0.8 / k, 40)
        // values written on every bar, or on none (not on the narrow figures only)
        let labelled = all.allSatisfy { barWidth >= ChartCanvas.textWidth(ChartCanvas.figure($0), size: 10) + 2 }
        for (i, category) in categories.enumerated() {
            let start = canvas.x(i) - barWidth * k / 2
            for (s, row) in series.enumerated() {
                guard let v = value(row, i) else { continue }
                let (base, end) = (canvas.baseline, canvas.y(v))
                let x = start + Double(s) * barWidth
                canvas.parts.append(bar(x: x + 0.5, y: min(base, end), width: barWidth - 1, height: abs(base - end), colour: colours[s],
                                        tooltip: "\(category) — \(row.name): \(ChartCanvas.figure(v))"))
                if labelled {
                    canvas.parts.append(label(ChartCanvas.figure(v), x: x + barWidth / 2, y: v < 0 ? end + 12 : end - 4,
                                              fill: ChartCanvas.ink, cls: "value", size: 10))
                }
            }
        }
        return canvas.finish()
    }

    // MARK: Shared pieces

    /// The value at `index`, nil when absent or not finite.
    static func value(_ series: ChartSeries, _ index: Int) -> Double? {
        guard index >= 0, index < series.values.count, let v = series.values[index], v.isFinite else { return nil }
        return v
    }

    static func hasData(_ series: [ChartSeries], _ count: Int) -> Bool {
        series.contains { s in (0..<count).contains { value(s, $0) != nil } }
    }

    static func allIntegral(_ series: [ChartSeries], _ count: Int) -> Bool {
        series.allSatisfy { s in (0..<count).allSatisfy { value(s, $0).map { $0 == $0.rounded() } ?? true } }
    }

    /// The series' colour when it is a hex colour or a plain colour name; otherwise the palette's colour for its place.
    static func colour(_ series: ChartSeries, index: Int) -> String {
        let c = series.colour.trimmingCharacters(in: .whitespaces)
        let hex = c.hasPrefix("#") && [4, 5, 7, 9].contains(c.count) && c.dropFirst().allSatisfy(\.isHexDigit)
        let name = (3...20).contains(c.count) && c.allSatisfy { $0.isASCII && $0.isLetter }
        return hex || name ? c : palette[index % palette.count]
    }

    /// Dark ink on light colours, white on dark ones (relative luminance of a hex colour; ink for names).
    static func textColour(on colour: String) -> String {
        var hex = colour.dropFirst()
        if hex.count == 3 || hex.count == 4 { hex = Substring(String(hex.prefix(3).flatMap { [$0, $0] })) }
        guard colour.hasPrefix("#"), hex.count >= 6, let rgb = Int(hex.prefix(6), radix: 16) else { return ChartCanvas.ink }
        func linear(_ c: Int) -> Double {
            let v = Double(c) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff)
        return l > 0.3 ? ChartCanvas.ink : "#ffffff"
    }

    static func bar(x: Double, y: Double, width: Double, height: Double, colour: String, tooltip: String) -> String {
        let n = ChartCanvas.n
        return "<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" "
            + "fill=\"\(ChartCanvas.escape(colour))\"><title>\(ChartCanvas.escape(tooltip))</title></rect>"
    }

    static func label(_ text: String, x: Double, y: Double, fill: String, cls: String, size: Int = 11, bold: Bool = false) -> String {
        "<text class=\"\(cls)\" x=\"\(ChartCanvas.n(x))\" y=\"\(ChartCanvas.n(y))\" text-anchor=\"middle\" font-size=\"\(size)\""
            + (bold ? " font-weight=\"600\"" : "") + " fill=\"\(fill)\">\(ChartCanvas.escape(text))</text>"
    }

    // MARK: Summaries (the <desc>)

    /// "kỳ báo cáo" from "Kỳ báo cáo"; "UBND" stays.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, text.dropFirst().first.map({ !$0.isUppercase }) ?? true else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "Quý I/2026 – Quý IV/2026 (4 mục)", or the one category.
    static func span(_ categories: [String]) -> String {
        guard let first = categories.first, let last = categories.last else { return "" }
        return categories.count == 1 ? first : "\(first) – \(last) (\(categories.count) mục)"
    }

    static func groupedSummary(_ categories: [String], _ series: [ChartSeries], _ xLabel: String) -> String {
        var points: [(v: Double, at: String)] = []
        for s in series {
            for (i, c) in categories.enumerated() { if let v = value(s, i) { points.append((v, series.count > 1 ? "\(c), \(s.name)" : c)) } }
        }
        var text = "Cột nhóm theo \(lowerFirst(xLabel)), \(span(categories))"
        if series.count > 1 { text += "; các dãy: " + series.map(\.name).joined(separator: ", ") }
        if let high = points.max(by: { $0.v < $1.v }), let low = points.min(by: { $0.v < $1.v }) {
            text += "; cao nhất \(ChartCanvas.figure(high.v)) (\(high.at)); thấp nhất \(ChartCanvas.figure(low.v)) (\(low.at))"
        }
        return text + "."
    }
}
