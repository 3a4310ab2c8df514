import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CCHCDomain

/// Server-rendered SVG charts (issue 13 §8): every chart is read back with Foundation's `XMLParser` — so it is well-formed —
/// and its marks, tooltips, ticks, labels and ids are checked against the data it was given.
@Suite("Biểu đồ SVG: cột chồng, cột nhóm, phân bố, đường")
struct SVGChartTests {
    /// One element of a parsed SVG: its name, attributes, own text, and parent's index.
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        let parent: Int?
    }

    /// The elements of an SVG in document order; nil when `XMLParser` rejects it.
    final class Tree: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        static func parse(_ svg: String) -> Tree? {
            let tree = Tree()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = tree
            return parser.parse() ? tree : nil
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, parent: open.last))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let i = open.last { elements[i].text += string }
        }

        func all(_ name: String, class cls: String? = nil) -> [Int] {
            elements.indices.filter { elements[$0].name == name && (cls == nil || elements[$0].attributes["class"] == cls) }
        }

        /// The text of the `<title>` child of element `i` (a tooltip), nil when it has none.
        func tooltip(_ i: Int) -> String? { elements.first { $0.name == "title" && $0.parent == i }?.text }

        func texts(class cls: String) -> [String] { all("text", class: cls).map { elements[$0].text } }

        var root: Element { elements[0] }
    }

    static func tree(_ svg: String) throws -> Tree {
        try #require(Tree.parse(svg), "the SVG is not well-formed XML:\n\(svg.prefix(600))")
    }

    static let quarters = ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    static let states = [
        ChartSeries(name: "Đúng hạn", values: [12, 10, nil, 15], colour: SVGChart.Colour.onTime),
        ChartSeries(name: "Trễ hạn", values: [3, nil, 2, 1], colour: SVGChart.Colour.late),
        ChartSeries(name: "Chưa nộp", values: [1, 2, 0, nil], colour: SVGChart.Colour.missing),
        ChartSeries(name: "Bị trả lại", values: [nil, 1, nil, nil], colour: SVGChart.Colour.returned),
    ]
    static func nonNil(_ series: [ChartSeries]) -> Int { series.reduce(0) { $0 + $1.values.compactMap { $0 }.count } }

    @Test func aStackedChartIsACompleteLabelledSVG() throws {
        let svg = SVGChart.stackedBars(title: "Tình hình nộp báo cáo năm 2026", categories: Self.quarters, series: Self.states,
                                       yLabel: "Số báo cáo", xLabel: "Kỳ báo cáo")
        let t = try Self.tree(svg)
        let root = t.root
        #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg" && root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 640 ") == true)
        #expect(root.attributes["style"] == "max-width:100%;height:auto")
        // aria-labelledby names the <title> and the <desc>, which are the root's first children
        let ids = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(ids.count == 2)
        let title = try #require(t.elements.first { $0.name == "title" && $0.parent == 0 })
        let desc = try #require(t.elements.first { $0.name == "desc" && $0.parent == 0 })
        #expect(title.attributes["id"] == ids.first && desc.attributes["id"] == ids.last)
        #expect(title.text == "Tình hình nộp báo cáo năm 2026")
        // the description is one Vietnamese line naming the periods and each series' sum: 12+10+15, 3+2+1, 1+2+0, 1
        #expect(!desc.text.contains("\n"))
        #expect(desc.text.contains("Quý I/2026 – Quý IV/2026"))
        #expect(desc.text.contains("Đúng hạn 37") && desc.text.contains("Trễ hạn 6") && desc.text.contains("Chưa nộp 3")
                && desc.text.contains("Bị trả lại 1"))
        // visible title, both axes, the rotated y label, the x label, one legend entry per series, category labels upright
        #expect(t.texts(class: "chart-title") == ["Tình hình nộp báo cáo năm 2026"])
        #expect(t.all("line", class: "axis").count == 2)
        let axisLabels = t.all("text", class: "axis-label")
        #expect(axisLabels.map { t.elements[$0].text } == ["Số báo cáo", "Kỳ báo cáo"])
        #expect(t.elements[axisLabels[0]].attributes["transform"]?.contains("rotate(-90)") == true)
        #expect(t.all("g", class: "legend-item").map { i in t.elements.first { $0.name == "text" && $0.parent == i }?.text }
                == Self.states.map(\.name))
        #expect(t.texts(class: "category") == Self.quarters)
        #expect(t.all("text", class: "category").allSatisfy { t.elements[$0].attributes["transform"] == nil })
        // gridlines, one per tick
        #expect(t.all("line", class: "grid").count == t.texts(class: "tick").count)
    }

    @Test func everyFigureIsOneBarOrPointWithItsTooltip() throws {
        let stacked = try Self.tree(SVGChart.stackedBars(title: "Nộp báo cáo", categories: Self.quarters, series: Self.states,
                                                         yLabel: "Số báo cáo", xLabel: "Kỳ"))
        let bars = stacked.all("rect", class: "bar")
        #expect(bars.count == Self.nonNil(Self.states))
        let tips = Set(bars.compactMap(stacked.tooltip))
        #expect(tips.count == bars.count)
        for s in Self.states {
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                #expect(tips.contains("\(Self.quarters[i]) — \(s.name): \(Int(v))"))
            }
        }
        #expect(tips.contains("Quý I/2026 — Đúng hạn: 12"))
        // the stack's totals above the bars: 16, 13, 2, 16
        #expect(stacked.texts(class: "total") == ["16", "13", "2", "16"])

        let years = [ChartSeries(name: "Năm 2025", values: [80.5, nil, 90]), ChartSeries(name: "Năm 2026", values: [85, 70.25, nil])]
        let grouped = try Self.tree(SVGChart.groupedBars(title: "Chỉ số CCHC", categories: ["Xã A", "Xã B", "Xã C"], series: years,
                                                         yLabel: "Điểm", xLabel: "Đơn vị", yMax: 100))
        #expect(grouped.all("rect", class: "bar").count == Self.nonNil(years))
        #expect(Set(grouped.all("rect", class: "bar").compactMap(grouped.tooltip)) ==
                ["Xã A — Năm 2025: 80,5", "Xã C — Năm 2025: 90", "Xã A — Năm 2026: 85", "Xã B — Năm 2026: 70,25"])
        // series without a colour take the palette in order
        for i in grouped.all("rect", class: "bar") {
            let first = grouped.tooltip(i)?.contains("Năm 2025") == true
            #expect(grouped.elements[i].attributes["fill"] == SVGChart.palette[first ? 0 : 1])
        }

        let trend = [ChartSeries(name: "Tỷ lệ đúng hạn", values: [80, 85, nil, 90, 92.5]), ChartSeries(name: "Khác", values: [nil, nil, 60, nil, nil])]
        let periods = ["2021", "2022", "2023", "2024", "2025"]
        let lines = try Self.tree(SVGChart.lines(title: "Xu hướng", categories: periods, series: trend, yLabel: "%", xLabel: "Năm"))
        let points = lines.all("circle", class: "point") + lines.all("rect", class: "point") + lines.all("path", class: "point")
        #expect(points.count == Self.nonNil(trend))
        #expect(Set(points.compactMap(lines.tooltip)).contains("2025 — Tỷ lệ đúng hạn: 92,5"))
        // the gap at 2023 splits the first line in two; the lone point of the second draws no line
        let paths = lines.all("path", class: "line")
        #expect(paths.count == 1)
        #expect(lines.elements[paths[0]].attributes["d"]?.filter { $0 == "M" }.count == 2)
        #expect(lines.all("g", class: "legend-item").count == 2)
    }

    @Test func aHistogramCountsEachValueInItsBin() throws {
        let scores = [61, 64.99, 65, 72.5, 88, 99.5, 100, 59, 101, .nan]
        let svg = SVGChart.histogram(title: "Phân bố điểm Chỉ số CCHC 2025", values: scores, binWidth: 5, from: 60, to: 100,
                                     yLabel: "Số đơn vị", xLabel: "Điểm")
        let t = try Self.tree(svg)
        let bars = t.all("rect", class: "bar")
        #expect(bars.count == 8)
        #expect(t.texts(class: "category").first == "60–65")
        #expect(t.texts(class: "category").last == "95–100")
        let tips = bars.compactMap(t.tooltip)
        #expect(tips.contains("60–65 — Số đơn vị: 2") && tips.contains("65–70 — Số đơn vị: 1"))
        #expect(tips.contains("95–100 — Số đơn vị: 2"))
        // every value from 60 to 100 is counted once; 59 and 101 are outside, NaN ignored
        let counted = tips.compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        #expect(counted == 7)
        #expect(t.elements.first { $0.name == "desc" }?.text.contains("2 giá trị ngoài khoảng") == true)
        // a fractional bin width is written with a comma
        let fine = try Self.tree(SVGChart.histogram(title: "Tỷ lệ", values: [0.3, 0.9], binWidth: 0.5, from: 0, to: 1, yLabel: "Số", xLabel: "Tỷ lệ"))
        #expect(fine.texts(class: "category") == ["0–0,5", "0,5–1"])
    }

    @Test func everyTextIsEscaped() throws {
        let nasty = "Báo cáo <script>alert(1)</script> & \"kế hoạch\" 'A'"
        let series = [ChartSeries(name: "A & B <i>", values: [1, 2], colour: "red\" onload=\"x")]
        let svg = SVGChart.groupedBars(title: nasty, categories: ["Xã <Một>", "Xã & Hai"], series: series, yLabel: "Số \"x\"", xLabel: "Đơn vị 'y'")
        #expect(!svg.contains("<script>") && !svg.contains("<i>") && !svg.contains("onload=\"x"))
        let t = try Self.tree(svg)
        #expect(t.elements.first { $0.name == "title" }?.text == nasty)
        #expect(t.texts(class: "axis-label") == ["Số \"x\"", "Đơn vị 'y'"])
        #expect(t.all("rect", class: "bar").compactMap(t.tooltip).contains("Xã <Một> — A & B <i>: 1"))
        // a colour that is not a colour falls back to the palette
        #expect(t.all("rect", class: "bar").allSatisfy { t.elements[$0].attributes["fill"] == SVGChart.palette[0] })
        // control characters XML forbids are dropped, not written
        #expect(Tree.parse(SVGChart.lines(title: "Có\u{1}ký tự\u{0}lạ", categories: ["a\u{7}"], series: [ChartSeries(name: "s", values: [1])],
                                          yLabel: "y", xLabel: "x")) != nil)
    }

    @Test func numbersUseTheDecimalComma() throws {
        let series = [ChartSeries(name: "Điểm", values: [92.5, 1.25, 3])]
        let t = try Self.tree(SVGChart.groupedBars(title: "Điểm", categories: ["A", "B", "C"], series: series, yLabel: "Điểm", xLabel: "Đơn vị"))
        let tips = t.all("rect", class: "bar").compactMap(t.tooltip)
        #expect(tips == ["A — Điểm: 92,5", "B — Điểm: 1,25", "C — Điểm: 3"])
        // no text anywhere shows a decimal point
        let decimalPoint = try Regex("[0-9]\\.[0-9]")
        #expect(t.elements.allSatisfy { $0.text.firstMatch(of: decimalPoint) == nil })
        // small steps: 0 … 2 in steps of 0,5
        let small = try Self.tree(SVGChart.lines(title: "Tỷ lệ", categories: ["A", "B"], series: [ChartSeries(name: "s", values: [0.4, 1.8])],
                                                 yLabel: "y", xLabel: "x"))
        #expect(small.texts(class: "tick") == ["0", "0,5", "1", "1,5", "2"])
    }

    @Test func ticksTakeRoundSteps() throws {
        // stacked totals reach 37: ticks 0, 10, 20, 30, 40
        let t = try Self.tree(SVGChart.stackedBars(title: "Nộp", categories: ["Q1", "Q2"], series: [
            ChartSeries(name: "Đúng hạn", values: [30, 12]), ChartSeries(name: "Trễ hạn", values: [7, 1]),
        ], yLabel: "Số", xLabel: "Kỳ"))
        #expect(t.texts(class: "tick") == ["0", "10", "20", "30", "40"])
        // a PAR index against 100: 0, 20 … 100
        let par = try Self.tree(SVGChart.groupedBars(title: "Chỉ số", categories: ["A"], series: [ChartSeries(name: "2026", values: [92.63])],
                                                     yLabel: "Điểm", xLabel: "Đơn vị", yMax: 100))
        #expect(par.texts(class: "tick") == ["0", "20", "40", "60", "80", "100"])
        // the scale itself
        #expect(NiceScale(min: 0, max: 23).ticks == [0, 5, 10, 15, 20, 25])
        #expect(NiceScale(min: 0, max: 104).ticks == [0, 20, 40, 60, 80, 100, 120])
        #expect(NiceScale(min: 0, max: 3, integral: true).ticks == [0, 1, 2, 3])
        #expect(NiceScale(min: 0, max: 0).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceScale(min: -12, max: 30).ticks == [-20, -10, 0, 10, 20, 30])
        #expect(NiceScale(min: 85, max: 92, includeZero: false).ticks == [84, 86, 88, 90, 92])
        #expect(NiceScale(min: 0, max: .infinity).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // counts never get a tick of 0,5
        let counts = try Self.tree(SVGChart.stackedBars(title: "Ít", categories: ["A"], series: [ChartSeries(name: "s", values: [1])],
                                                        yLabel: "Số", xLabel: "x"))
        #expect(counts.texts(class: "tick") == ["0", "1"])
    }

    @Test func aTrendStartsNearItsValuesAndOtherwiseAtZero() throws {
        let near = try Self.tree(SVGChart.lines(title: "Điểm", categories: ["2024", "2025"], series: [ChartSeries(name: "s", values: [85, 92])],
                                                yLabel: "Điểm", xLabel: "Năm"))
        #expect(near.texts(class: "tick").first == "84")
        let wide = try Self.tree(SVGChart.lines(title: "Điểm", categories: ["2024", "2025"], series: [ChartSeries(name: "s", values: [20, 92])],
                                                yLabel: "Điểm", xLabel: "Năm"))
        #expect(wide.texts(class: "tick").first == "0")
    }

    @Test func nothingToDrawSaysSo() throws {
        let none: [String] = [
            SVGChart.stackedBars(title: "Trống", categories: [], series: Self.states, yLabel: "y", xLabel: "x"),
            SVGChart.stackedBars(title: "Trống", categories: ["A", "B"], series: [ChartSeries(name: "s", values: [nil, nil])], yLabel: "y", xLabel: "x"),
            SVGChart.groupedBars(title: "Trống", categories: ["A"], series: [], yLabel: "y", xLabel: "x"),
            SVGChart.groupedBars(title: "Trống", categories: ["A"], series: [ChartSeries(name: "s", values: [.nan])], yLabel: "y", xLabel: "x"),
            SVGChart.lines(title: "Trống", categories: ["A"], series: [ChartSeries(name: "s", values: [])], yLabel: "y", xLabel: "x"),
            SVGChart.histogram(title: "Trống", values: [], binWidth: 5, from: 0, to: 100, yLabel: "y", xLabel: "x"),
            SVGChart.histogram(title: "Trống", values: [50], binWidth: 0, from: 0, to: 100, yLabel: "y", xLabel: "x"),
            SVGChart.histogram(title: "Trống", values: [50], binWidth: 5, from: 100, to: 0, yLabel: "y", xLabel: "x"),
            SVGChart.histogram(title: "Trống", values: [50], binWidth: 1e-6, from: 0, to: 100, yLabel: "y", xLabel: "x"),
        ]
        for svg in none {
            let t = try Self.tree(svg)
            #expect(t.texts(class: "no-data") == ["Chưa có số liệu"])
            #expect(t.texts(class: "chart-title") == ["Trống"])
            #expect(t.all("rect", class: "bar").isEmpty && t.root.attributes["role"] == "img")
        }
    }

    @Test func negativeValuesClampWhenStackedAndHangBelowTheAxisWhenGrouped() throws {
        let stacked = try Self.tree(SVGChart.stackedBars(title: "Âm", categories: ["A"], series: [
            ChartSeries(name: "Đúng hạn", values: [5]), ChartSeries(name: "Sai", values: [-3]),
        ], yLabel: "y", xLabel: "x"))
        let bars = stacked.all("rect", class: "bar")
        #expect(bars.map { stacked.elements[$0].attributes["height"] }.last == "0")
        #expect(bars.compactMap(stacked.tooltip).last == "A — Sai: -3")
        #expect(stacked.texts(class: "tick").first == "0")

        let grouped = try Self.tree(SVGChart.groupedBars(title: "Thay đổi so với năm trước", categories: ["A", "B"],
                                                         series: [ChartSeries(name: "Thay đổi", values: [4.5, -2.25])],
                                                         yLabel: "Điểm", xLabel: "Đơn vị"))
        let zero = try #require(grouped.all("line", class: "axis").map { grouped.elements[$0].attributes }.first { $0["x1"] != $0["x2"] })
        let down = grouped.elements[grouped.all("rect", class: "bar")[1]].attributes
        let (zeroY, top, height) = (Double(zero["y1"] ?? ""), Double(down["y"] ?? ""), Double(down["height"] ?? ""))
        #expect(top != nil && top == zeroY && (height ?? 0) > 0)
        #expect(grouped.texts(class: "tick").contains("-5") || grouped.texts(class: "tick").contains("-4"))
    }

    @Test func manyCategoriesRotateAndLongLabelsAreCut() throws {
        let units = (1...12).map { "Ủy ban nhân dân xã Thạch Đài số \($0)" }
        let series = [ChartSeries(name: "2026", values: units.indices.map { Double($0 * 7 % 40) + 60 })]
        let t = try Self.tree(SVGChart.groupedBars(title: "Điểm theo xã", categories: units, series: series, yLabel: "Điểm", xLabel: "Xã"))
        let labels = t.all("text", class: "category")
        #expect(labels.count == 12)
        #expect(labels.allSatisfy { t.elements[$0].attributes["transform"]?.hasPrefix("rotate(-35") == true })
        #expect(labels.allSatisfy { t.elements[$0].text.hasSuffix("…") && t.elements[$0].text.count <= ChartCanvas.rotatedLabelChars })
        #expect(labels.map(t.tooltip) == units)
        // six or fewer stay upright, and are cut to their slot
        let few = try Self.tree(SVGChart.groupedBars(title: "Điểm", categories: Array(units.prefix(6)), series: series, yLabel: "Điểm", xLabel: "Xã"))
        #expect(few.all("text", class: "category").allSatisfy { few.elements[$0].attributes["transform"] == nil })
        #expect(few.texts(class: "category").allSatisfy { $0.hasSuffix("…") })
    }

    @Test func idsDifferBetweenChartsAndStayStable() throws {
        let a = SVGChart.lines(title: "Chỉ số A", categories: ["1"], series: [ChartSeries(name: "s", values: [1])], yLabel: "y", xLabel: "x")
        let b = SVGChart.lines(title: "Chỉ số B", categories: ["1"], series: [ChartSeries(name: "s", values: [1])], yLabel: "y", xLabel: "x")
        let again = SVGChart.lines(title: "Chỉ số A", categories: ["1"], series: [ChartSeries(name: "s", values: [1])], yLabel: "y", xLabel: "x")
        #expect(a == again)
        let ids = try [a, b].flatMap { svg in try Self.tree(svg).elements.compactMap { $0.attributes["id"] } }
        #expect(ids.count == 4 && Set(ids).count == 4)
        #expect(try Self.tree(a).root.attributes["aria-labelledby"] != Self.tree(b).root.attributes["aria-labelledby"])
    }
}
