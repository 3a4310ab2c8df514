import Foundation

/// A y axis with round ("nice") steps: 0, 5, 10 … or 0, 20, 40 … — the lowest tick at or below the data, the highest at or above.
///
/// The step is 1, 2 or 5 times a power of ten, the smallest with which six steps cover the data (at least 1 when every figure
/// is a whole number, so counts never get a tick "0,5"). A maximum of 37 gives 0, 10, 20, 30, 40.
struct NiceScale: Equatable {
    let low: Double
    let high: Double
    let step: Double

    init(min lo: Double, max hi: Double, integral: Bool = false, includeZero: Bool = true, steps: Int = 6) {
        var a = lo.isFinite ? lo : 0
        var b = hi.isFinite ? hi : 0
        if includeZero { a = Swift.min(a, 0); b = Swift.max(b, 0) }
        if b <= a {
            // one value only: a little room either side (or 0–1 for nothing but zeros)
            let pad = a == 0 ? 1 : abs(a) * 0.1
            b = a + pad
            if !includeZero || a < 0 { a -= pad }
        }
        let raw = (b - a) / Double(Swift.max(steps, 1))
        let magnitude = pow(10, log10(raw).rounded(.down))
        guard raw.isFinite, raw > 0, magnitude.isFinite, magnitude > 0 else {
            (low, high, step) = (0, 1, 1)
            return
        }
        let r = raw / magnitude
        var step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude
        if integral { step = Swift.max(step, 1) }
        self.step = step
        low = (a / step + 1e-9).rounded(.down) * step
        high = (b / step - 1e-9).rounded(.up) * step
    }

    /// The decimals a tick needs: none for steps of 1 or more, one for 0,5, two for 0,05.
    var digits: Int { step >= 1 ? 0 : Swift.min(6, Int((-log10(step)).rounded(.up))) }

    /// The tick values from `low` to `high`, rounded to the step's decimals (no 0,30000000000000004).
    var ticks: [Double] {
        let count = Swift.min(100, Swift.max(1, Int(((high - low) / step).rounded())))
        let p = pow(10, Double(digits))
        return (0...count).map { ((low + Double($0) * step) * p).rounded() / p }
    }
}

/// How a legend entry shows its series: a filled square (bars) or a line sample with its dash and marker (lines).
enum LegendMark: Equatable {
    case swatch
    case line(index: Int)
}

/// One entry of a chart's legend.
struct LegendItem {
    let name: String
    let colour: String
    let mark: LegendMark
}

/// The frame every chart shares — title, description, legend, y axis with nice ticks and gridlines, x labels and axis
/// titles — laid out once, then the chart's own marks are appended to `parts` and `finish()` closes the SVG.
struct ChartCanvas {
    static let ink = "#1d2733"
    static let muted = "#6b7785"
    static let grid = "#e3e7eb"
    static let fontFamily = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif"
    /// Categories beyond this many get their labels rotated −35° (unless every label fits its slot upright: "60–65").
    static let uprightLabels = 6
    /// A rotated label keeps at most this many characters (then "…").
    static let rotatedLabelChars = 18

    let id: String
    let width: Double
    let height: Double
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    let scale: NiceScale
    let categories: [String]
    var parts: [String] = []

    /// The width of one category's slot along the x axis.
    var slot: Double { (right - left) / Double(Swift.max(categories.count, 1)) }
    /// The centre of category `i`.
    func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
    /// Where a value sits on the y axis (values beyond the axis are held at its ends).
    func y(_ value: Double) -> Double {
        let v = Swift.min(Swift.max(value.isFinite ? value : 0, scale.low), scale.high)
        return bottom - (v - scale.low) / (scale.high - scale.low) * (bottom - top)
    }
    /// The y of the zero line (or of the axis end nearest zero).
    var baseline: Double { y(0) }

    // MARK: Layout

    init(kind: String, title: String, desc: String, categories: [String], legend: [LegendItem], scale: NiceScale,
         yLabel: String, xLabel: String, width: Int, height: Int) {
        let w = Double(Swift.min(Swift.max(width, 240), 4000))
        let h = Double(Swift.min(Swift.max(height, 160), 4000))
        let id = Self.identifier(kind: kind, title: title, categories: categories, names: legend.map(\.name))
        // legend rows under the title
        var legendParts: [String] = []
        var lx = 12.0, ly = 44.0
        for (i, item) in legend.enumerated() {
            let label = Self.clip(item.name, to: 40)
            let markWidth: Double = item.mark == .swatch ? 12 : 24
            let itemWidth = markWidth + 5 + Self.textWidth(label, size: 12) + 16
            if lx > 12, lx + itemWidth > w - 12 { lx = 12; ly += 18 }
            legendParts.append(Self.legendEntry(item, label: label, full: item.name, x: lx, y: ly, index: i))
            lx += itemWidth
        }
        let plotTop = legend.isEmpty ? 44.0 : ly + 18
        // y axis: rotated title, tick labels
        let tickTexts = scale.ticks.map { NumberFormat.vietnamese($0, maxFractionDigits: scale.digits) }
        let tickWidth = tickTexts.map { Self.textWidth($0, size: 11) }.max() ?? 10
        var plotLeft = 22 + tickWidth + 8
        // x labels: upright and clipped to their slot, or rotated and clipped to a fixed length
        let plotWidthGuess = w - plotLeft - 14
        let slotGuess = plotWidthGuess / Double(Swift.max(categories.count, 1))
        let fitUpright = categories.allSatisfy { Self.textWidth($0, size: 12) <= slotGuess - 6 }
        let rotated = categories.count > Self.uprightLabels && !fitUpright
        let maxChars = rotated ? Self.rotatedLabelChars : Swift.max(3, Int((slotGuess - 6) / (12 * Self.charWidth)))
        let shown = categories.map { Self.clip($0, to: maxChars) }
        let longest = shown.map { Self.textWidth($0, size: 12) }.max() ?? 0
        let labelBand: Double
        if rotated {
            let sin35 = 0.5736, cos35 = 0.8192
            labelBand = 10 + longest * sin35
            plotLeft = Swift.max(plotLeft, longest * cos35 - slotGuess / 2 + 8)
        } else {
            labelBand = 22
        }
        let needed = plotTop + 90 + labelBand + (xLabel.isEmpty ? 4 : 22)
        let total = Swift.max(h, needed)
        let plotBottom = total - labelBand - (xLabel.isEmpty ? 4 : 22)
        self.id = id
        self.width = w
        self.height = total
        self.left = plotLeft
        self.top = plotTop
        self.right = w - 14
        self.bottom = plotBottom
        self.scale = scale
        self.categories = categories

        parts.append(Self.header(id: id, width: w, height: total, title: title, desc: desc))
        parts.append("<text class=\"chart-title\" x=\"12\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"\(Self.ink)\">"
                     + Self.labelText(title, shown: Self.clip(title, to: Int((w - 24) / (15 * 0.6)))) + "</text>")
        parts.append(contentsOf: legendParts)
        // gridlines and ticks
        for (value, text) in zip(scale.ticks, tickTexts) {
            let ty = y(value)
            parts.append("<line class=\"grid\" x1=\"\(Self.n(left))\" x2=\"\(Self.n(right))\" y1=\"\(Self.n(ty))\" y2=\"\(Self.n(ty))\" "
                         + "stroke=\"\(Self.grid)\" stroke-width=\"1\"/>")
            parts.append("<text class=\"tick\" x=\"\(Self.n(left - 6))\" y=\"\(Self.n(ty + 4))\" text-anchor=\"end\" font-size=\"11\" "
                         + "fill=\"\(Self.muted)\">\(Self.escape(text))</text>")
        }
        // axis titles
        let midY = (top + bottom) / 2
        parts.append("<text class=\"axis-label\" transform=\"translate(16 \(Self.n(midY))) rotate(-90)\" text-anchor=\"middle\" "
                     + "fill=\"\(Self.ink)\">" + Self.labelText(yLabel, shown: Self.clip(yLabel, to: Int((bottom - top) / (12 * Self.charWidth))))
                     + "</text>")
        if !xLabel.isEmpty {
            parts.append("<text class=\"axis-label\" x=\"\(Self.n((left + right) / 2))\" y=\"\(Self.n(total - 8))\" text-anchor=\"middle\" "
                         + "fill=\"\(Self.ink)\">" + Self.labelText(xLabel, shown: Self.clip(xLabel, to: Int((right - left) / (12 * Self.charWidth))))
                         + "</text>")
        }
        // category labels (every k-th one when they would touch)
        let every = rotated ? Swift.max(1, Int((14 / slot).rounded(.up))) : 1
        for (i, label) in shown.enumerated() where i % every == 0 {
            let cx = x(i), ly = bottom + 16
            let rotation = rotated ? " text-anchor=\"end\" transform=\"rotate(-35 \(Self.n(cx)) \(Self.n(ly - 4)))\"" : " text-anchor=\"middle\""
            parts.append("<text class=\"category\" x=\"\(Self.n(cx))\" y=\"\(Self.n(ly))\"\(rotation) fill=\"\(Self.ink)\">"
                         + Self.labelText(categories[i], shown: label) + "</text>")
        }
    }

    /// Closes the chart: the axis lines on top of the marks, then `</svg>`.
    func finish() -> String {
        var all = parts
        all.append("<line class=\"axis\" x1=\"\(Self.n(left))\" x2=\"\(Self.n(left))\" y1=\"\(Self.n(top))\" y2=\"\(Self.n(bottom))\" "
                   + "stroke=\"\(Self.muted)\" stroke-width=\"1\"/>")
        all.append("<line class=\"axis\" x1=\"\(Self.n(left))\" x2=\"\(Self.n(right))\" y1=\"\(Self.n(baseline))\" y2=\"\(Self.n(baseline))\" "
                   + "stroke=\"\(Self.muted)\" stroke-width=\"1\"/>")
        all.append("</svg>")
        return all.joined(separator: "\n")
    }

    /// The small chart shown when there is nothing to draw: its title and "Chưa có số liệu".
    static func empty(kind: String, title: String, width: Int) -> String {
        let w = Double(Swift.min(Swift.max(width, 240), 4000)), h = 96.0
        let id = identifier(kind: kind, title: title, categories: [], names: [])
        return [
            header(id: id, width: w, height: h, title: title, desc: "Chưa có số liệu."),
            "<text class=\"chart-title\" x=\"12\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"\(ink)\">"
                + labelText(title, shown: clip(title, to: Int((w - 24) / (15 * 0.6)))) + "</text>",
            "<text class=\"no-data\" x=\"\(n(w / 2))\" y=\"66\" text-anchor=\"middle\" fill=\"\(muted)\">Chưa có số liệu</text>",
            "</svg>",
        ].joined(separator: "\n")
    }

    // MARK: Pieces

    static func header(id: String, width: Double, height: Double, title: String, desc: String) -> String {
        let (w, h) = (n(width), n(height))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" "
            + "style=\"max-width:100%;height:auto\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "font-family=\"\(fontFamily)\" font-size=\"12\">\n"
            + "<title id=\"\(id)-title\">\(escape(title))</title>\n<desc id=\"\(id)-desc\">\(escape(desc))</desc>\n"
            + "<rect class=\"background\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>"
    }

    static func legendEntry(_ item: LegendItem, label: String, full: String, x: Double, y: Double, index: Int) -> String {
        let colour = escape(item.colour)
        let mark: String
        switch item.mark {
        case .swatch:
            mark = "<rect x=\"\(n(x))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(colour)\"/>"
        case .line(let i):
            mark = "<line x1=\"\(n(x))\" x2=\"\(n(x + 24))\" y1=\"\(n(y - 4))\" y2=\"\(n(y - 4))\" stroke=\"\(colour)\" stroke-width=\"2\""
                + dash(i) + "/>" + marker(i, x: x + 12, y: y - 4, colour: item.colour, cls: "legend-marker")
        }
        let textX = x + (item.mark == .swatch ? 12 : 24) + 5
        return "<g class=\"legend-item\">" + mark + "<text x=\"\(n(textX))\" y=\"\(n(y))\" fill=\"\(ink)\">"
            + labelText(full, shown: label) + "</text></g>"
    }

    /// The dash pattern of line series `i` (solid, dashed, dotted, dash-dot, …), so lines differ by more than colour.
    static func dash(_ i: Int) -> String {
        let patterns = ["", "7 4", "2 3", "9 3 2 3"]
        let p = patterns[i % patterns.count]
        return p.isEmpty ? "" : " stroke-dasharray=\"\(p)\""
    }

    /// The marker of line series `i` (circle, square, diamond, triangle, …) at (x, y), with an optional tooltip.
    static func marker(_ i: Int, x: Double, y: Double, colour: String, cls: String, tooltip: String? = nil) -> String {
        let fill = "fill=\"\(escape(colour))\" stroke=\"#ffffff\" stroke-width=\"1\""
        let tip = tooltip.map { "<title>\(escape($0))</title>" } ?? ""
        let close = tip.isEmpty ? "/>" : ">"
        switch i % 4 {
        case 0:
            return "<circle class=\"\(cls)\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4.5\" \(fill)\(close)" + (tip.isEmpty ? "" : tip + "</circle>")
        case 1:
            return "<rect class=\"\(cls)\" x=\"\(n(x - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\" \(fill)\(close)"
                + (tip.isEmpty ? "" : tip + "</rect>")
        default:
            let d = i % 4 == 2
                ? "M\(n(x)) \(n(y - 5.5))L\(n(x + 5.5)) \(n(y))L\(n(x)) \(n(y + 5.5))L\(n(x - 5.5)) \(n(y))Z"
                : "M\(n(x)) \(n(y - 5.5))L\(n(x + 5.5)) \(n(y + 4.5))L\(n(x - 5.5)) \(n(y + 4.5))Z"
            return "<path class=\"\(cls)\" d=\"\(d)\" \(fill)\(close)" + (tip.isEmpty ? "" : tip + "</path>")
        }
    }

    // MARK: Text

    /// Average glyph width as a share of the font size (Vietnamese text in a sans-serif face).
    static let charWidth = 0.58

    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * charWidth }

    /// `text` cut to `count` characters with "…" when longer.
    static func clip(_ text: String, to count: Int) -> String {
        let limit = Swift.max(count, 2)
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The escaped label, with the whole text as a tooltip when it was cut.
    static func labelText(_ full: String, shown: String) -> String {
        shown == full ? escape(shown) : escape(shown) + "<title>\(escape(full))</title>"
    }

    /// XML-escaped (& < > " '), without the control characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate for SVG (a dot, one decimal at most, never NaN).
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let r = (value * 10).rounded() / 10
        return String(format: r == r.rounded() ? "%.0f" : "%.1f", r)
    }

    /// A figure as Vietnamese write it: "92,5", "12", "1.245".
    static func figure(_ value: Double) -> String { NumberFormat.vietnamese(value, maxFractionDigits: 2) }

    /// "chart-" and 8 hex digits of an FNV-1a hash of the kind, title, categories and series names: stable across runs,
    /// different for different charts, so several fit one page.
    static func identifier(kind: String, title: String, categories: [String], names: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ([kind, title] + categories + ["\u{1}"] + names).joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String((hash >> 32) ^ (hash & 0xffff_ffff), radix: 16)
        return "chart-" + String(repeating: "0", count: Swift.max(0, 8 - hex.count)) + hex
    }
}
