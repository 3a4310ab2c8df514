import Foundation

public extension SVGChart {
    /// A histogram of values in bins (e.g. PAR scores in 5-point bins 60–65, 65–70 …); bins are labelled "60–65".
    ///
    /// A bin holds its lower edge and not its upper one, except the last, which holds `to` as well (a score of 100 falls
    /// in 95–100). Values outside `from`…`to` are left out and counted in the description; NaN is ignored. Every bin is
    /// drawn, empty ones with no height; its count is written above it when there is room. No values, or a range that is
    /// not a range (bin width ≤ 0, `to` ≤ `from`, more than 200 bins), give the "Chưa có số liệu" chart.
    static func histogram(title: String, values: [Double], binWidth: Double, from: Double, to: Double, yLabel: String, xLabel: String,
                          colour: String = "#8b1a1a", width: Int = 640, height: Int = 280) -> String {
        let kind = "histogram"
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty, binWidth.isFinite, binWidth > 0, from.isFinite, to.isFinite, to > from else {
            return ChartCanvas.empty(kind: kind, title: title, width: width)
        }
        let binCount = ((to - from) / binWidth - 1e-9).rounded(.up)
        guard binCount >= 1, binCount <= 200 else { return ChartCanvas.empty(kind: kind, title: title, width: width) }
        let bins = Int(binCount)
        var counts = [Int](repeating: 0, count: bins)
        var outside = 0
        for v in finite {
            guard v >= from, v <= to else { outside += 1; continue }
            counts[min(bins - 1, Int(((v - from) / binWidth + 1e-9).rounded(.down)))] += 1
        }
        let labels = (0..<bins).map { i in
            ChartCanvas.figure(from + Double(i) * binWidth) + "–" + ChartCanvas.figure(min(to, from + Double(i + 1) * binWidth))
        }
        let fill = SVGChart.colour(ChartSeries(name: yLabel, values: [], colour: colour), index: 6)
        var desc = "Phân bố \(finite.count - outside) giá trị theo khoảng \(ChartCanvas.figure(binWidth)) từ \(ChartCanvas.figure(from)) "
            + "đến \(ChartCanvas.figure(to))"
        if let most = counts.max(), most > 0, let at = counts.firstIndex(of: most) { desc += "; nhiều nhất ở khoảng \(labels[at]) (\(most))" }
        if outside > 0 { desc += "; \(outside) giá trị ngoài khoảng" }
        var canvas = ChartCanvas(kind: kind, title: title, desc: desc + ".", categories: labels, legend: [],
                                 scale: NiceScale(min: 0, max: Double(counts.max() ?? 0), integral: true),
                                 yLabel: yLabel, xLabel: xLabel, width: width, height: height)
        let barWidth = max(1, canvas.slot - 2)
        for (i, count) in counts.enumerated() {
            let top = canvas.y(Double(count))
            canvas.parts.append(bar(x: canvas.x(i) - barWidth / 2, y: top, width: barWidth, height: canvas.baseline - top, colour: fill,
                                    tooltip: "\(labels[i]) — \(yLabel): \(count)"))
            if count > 0, barWidth >= ChartCanvas.textWidth(String(count), size: 11) + 2 {
                canvas.parts.append(label(String(count), x: canvas.x(i), y: top - 4, fill: ChartCanvas.ink, cls: "value"))
            }
        }
        return canvas.finish()
    }

    /// Lines with points across categories (an indicator's trend across periods and years); a gap where a value is nil.
    ///
    /// The y axis starts at 0, unless every value lies in the upper half of the range (all positive and the smallest above
    /// half the largest): then it starts at a round step below the smallest, so a trend from 85 to 92 is visible. Series
    /// differ in colour, dash pattern and marker shape (circle, square, diamond, triangle); each point has a tooltip.
    static func lines(title: String, categories: [String], series: [ChartSeries], yLabel: String, xLabel: String,
                      width: Int = 640, height: Int = 300) -> String {
        let kind = "lines"
        guard !categories.isEmpty, hasData(series, categories.count) else { return ChartCanvas.empty(kind: kind, title: title, width: width) }
        let all = series.flatMap { s in categories.indices.compactMap { value(s, $0) } }
        let (low, high) = (all.min() ?? 0, all.max() ?? 0)
        let scale = NiceScale(min: low, max: high, integral: allIntegral(series, categories.count), includeZero: low <= 0 || low <= high / 2)
        let colours = series.indices.map { colour(series[$0], index: $0) }
        let legend = series.indices.map { LegendItem(name: series[$0].name, colour: colours[$0], mark: .line(index: $0)) }
        var canvas = ChartCanvas(kind: kind, title: title, desc: linesSummary(categories, series, xLabel), categories: categories,
                                 legend: legend, scale: scale, yLabel: yLabel, xLabel: xLabel, width: width, height: height)
        let n = ChartCanvas.n
        for (s, row) in series.enumerated() {
            var d = "", penDown = false, segments = 0
            for i in categories.indices {
                guard let v = value(row, i) else { penDown = false; continue }
                if penDown { segments += 1 }
                d += (penDown ? "L" : "M") + "\(n(canvas.x(i))) \(n(canvas.y(v)))"
                penDown = true
            }
            if segments > 0 {
                canvas.parts.append("<path class=\"line\" d=\"\(d)\" fill=\"none\" stroke=\"\(ChartCanvas.escape(colours[s]))\" stroke-width=\"2\" "
                                    + "stroke-linejoin=\"round\"" + ChartCanvas.dash(s) + "/>")
            }
        }
        for (s, row) in series.enumerated() {
            for (i, category) in categories.enumerated() {
                guard let v = value(row, i) else { continue }
                canvas.parts.append(ChartCanvas.marker(s, x: canvas.x(i), y: canvas.y(v), colour: colours[s], cls: "point",
                                                       tooltip: "\(category) — \(row.name): \(ChartCanvas.figure(v))"))
            }
        }
        return canvas.finish()
    }
}

extension SVGChart {
    /// "Đường theo kỳ, Quý I/2021 – Quý IV/2026 (8 mục); Chỉ số A: từ 80 (Quý I/2021) đến 92,5 (Quý IV/2026)."
    static func linesSummary(_ categories: [String], _ series: [ChartSeries], _ xLabel: String) -> String {
        let parts = series.map { s -> String in
            let present = categories.indices.compactMap { i in value(s, i).map { (i, $0) } }
            guard let first = present.first, let last = present.last else { return "\(s.name): chưa có số liệu" }
            if present.count == 1 { return "\(s.name): \(ChartCanvas.figure(first.1)) (\(categories[first.0]))" }
            return "\(s.name): từ \(ChartCanvas.figure(first.1)) (\(categories[first.0])) đến \(ChartCanvas.figure(last.1)) (\(categories[last.0]))"
        }
        return "Đường theo \(lowerFirst(xLabel)), \(span(categories)); " + parts.joined(separator: "; ") + "."
    }
}
