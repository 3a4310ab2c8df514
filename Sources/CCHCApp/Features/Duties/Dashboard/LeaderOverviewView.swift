import Foundation
import CCHCDomain

/// The leaders' overview as HTML: the figures as linked tiles, the timeliness chart with its table, the PAR-index
/// distribution and rank movement.
enum LeaderOverviewView {
    static func render(_ o: LeaderOverview) -> HTML {
        let u = Parameter<Int>.value(o.jurisdictionID)
        let years: [HTML] = [o.year - 1, o.year + 1].map { y in
            "<a href=\"\(SiteURL.Duties.overview(u).relativeURL(parameters: [QueryParameter("year", y)]))\">Năm \(y)</a>"
        }
        let tiles: [HTML] = o.figures.map { f in
            "<a class=\"tile\" href=\"\(f.url)\"><span class=\"tile-value\">\(f.value)</span><span class=\"tile-label\">\(f.label)</span>"
                + (f.detail.map { "<span class=\"muted\">\($0)</span>" as HTML } ?? .empty) + "</a>"
        }
        var parts: [HTML] = ["""
            <p class="crumbs"><a href="\(SiteURL.Units.unit(u).path)">\(o.jurisdictionName)</a> › Tổng quan</p>
            <h1>Tổng quan CCHC năm \(o.year) — \(o.jurisdictionName)</h1>
            <p class="actions">\(years.joined(separator: " · ")) · \
            <a href="\(SiteURL.Duties.dashboard(u).relativeURL(parameters: [QueryParameter("year", o.year)]))">Theo dõi thực hiện nhiệm vụ</a></p>
            <section class="card"><h2>\(o.period.map { "Kỳ báo cáo gần nhất: \($0)" } ?? "Các con số chính")</h2><div class="tiles">\(tiles)</div></section>
            """]
        if o.periods.isEmpty {
            parts.append("<div class=\"card\"><p>Năm \(o.year) \(o.jurisdictionName) chưa có chế độ báo cáo: chưa có kỳ báo cáo nào để theo dõi.</p>"
                + DashboardView.wayOn(u, year: o.year, regimeYears: o.regimeYears, issues: o.issuesRegimes) {
                    SiteURL.Duties.overview(u).relativeURL(parameters: [QueryParameter("year", $0)]) } + "</div>")
        } else {
            let chart = SVGChart.stackedBars(title: "Tình hình nộp báo cáo năm \(o.year) theo kỳ", categories: o.periods.map(\.label), series: [
                ChartSeries(name: "Đúng hạn", values: o.periods.map { Double($0.onTime) }, colour: SVGChart.Colour.onTime),
                ChartSeries(name: "Nộp muộn", values: o.periods.map { Double($0.late) }, colour: SVGChart.Colour.late),
                ChartSeries(name: "Bị trả lại", values: o.periods.map { Double($0.returned) }, colour: SVGChart.Colour.returned),
                ChartSeries(name: "Quá hạn chưa nộp", values: o.periods.map { Double($0.missing) }, colour: SVGChart.Colour.missing),
            ], yLabel: "Số đơn vị", xLabel: "Kỳ báo cáo")
            let rows: [HTML] = o.periods.map { p in
                "<tr><th scope=\"row\">\(p.label)</th><td>\(p.onTime)</td><td>\(p.late)</td><td>\(p.returned)</td><td>\(p.missing)</td></tr>"
            }
            parts.append("""
                <section class="card"><h2>Nộp báo cáo theo kỳ</h2><div class="chart-pair"><figure>\(HTML(raw: chart))</figure>
                <div class="table-wrap"><table><thead><tr><th scope="col">Kỳ</th><th scope="col">Đúng hạn</th><th scope="col">Muộn</th>\
                <th scope="col">Bị trả lại</th><th scope="col">Quá hạn chưa nộp</th></tr></thead><tbody>\(rows)</tbody></table></div></div></section>
                """)
        }
        if let par = o.par, !par.totals.isEmpty {
            let low = (par.totals.min() ?? 0), high = (par.totals.max() ?? 100)
            let from = (low / 5).rounded(.down) * 5, to = max(from + 5, (high / 5).rounded(.up) * 5 + (high.truncatingRemainder(dividingBy: 5) == 0 ? 5 : 0))
            let chart = SVGChart.histogram(title: "Phân bố điểm chỉ số CCHC", values: par.totals, binWidth: 5, from: from, to: to,
                                           yLabel: "Số đơn vị", xLabel: "Điểm")
            let movers: [HTML] = par.movers.map { m in
                let delta: String = m.delta.map { ($0 >= 0 ? "+" : "") + NumberFormat.vietnamese($0) } ?? "—"
                return "<tr><td>\(m.rank)</td><td>\(m.unitName)</td><td>\(NumberFormat.vietnamese(m.total))</td><td>\(delta)</td></tr>"
            }
            parts.append(parCharts(par))
            parts.append("""
                <section class="card"><h2><a href="\(par.url)">\(par.title)</a></h2><div class="chart-pair"><figure>\(HTML(raw: chart))</figure>
                <div class="table-wrap"><table><thead><tr><th scope="col">Hạng</th><th scope="col">Đơn vị</th><th scope="col">Điểm</th>\
                <th scope="col">So với năm trước</th></tr></thead><tbody>\(movers)</tbody></table></div></div></section>
                """)
        } else {
            parts.append("<p class=\"card muted\">Chưa có kết quả chỉ số CCHC của \(o.jurisdictionName) đến năm \(o.year).</p>")
        }
        if let t = o.trend { parts.append(trend(t, o)) }
        return parts.joined()
    }

    /// The PAR index's year-on-year change per unit and the area subtotals against their maximum, each with its table.
    static func parCharts(_ par: LeaderOverview.ParSummary) -> HTML {
        var out: [HTML] = []
        let moved = par.movers.filter { $0.delta != nil }
        if !moved.isEmpty {
            let chart = SVGChart.groupedBars(title: "Điểm chỉ số CCHC: năm trước và năm nay", categories: moved.map(\.unitName), series: [
                ChartSeries(name: "Năm trước", values: moved.map { m in m.delta.map { m.total - $0 } }, colour: SVGChart.Colour.lastYear),
                ChartSeries(name: "Năm nay", values: moved.map { $0.total }, colour: SVGChart.Colour.thisYear),
            ], yLabel: "Điểm", xLabel: "Đơn vị", yMax: 100)
            out.append("<section class=\"card\"><h2>Thay đổi so với năm trước</h2><figure>\(HTML(raw: chart))</figure></section>")
        }
        if par.areas.contains(where: { $0.average != nil }) {
            let chart = SVGChart.groupedBars(title: "Điểm bình quân theo lĩnh vực", categories: par.areas.map(\.name), series: [
                ChartSeries(name: "Điểm tối đa", values: par.areas.map(\.max), colour: SVGChart.Colour.lastYear),
                ChartSeries(name: "Bình quân các đơn vị", values: par.areas.map(\.average), colour: SVGChart.Colour.thisYear),
            ], yLabel: "Điểm", xLabel: "Lĩnh vực")
            let rows: [HTML] = par.areas.map { a in
                "<tr><th scope=\"row\">\(a.code). \(a.name)</th><td>\(NumberFormat.vietnamese(a.max))</td>"
                    + "<td>\(a.average.map { NumberFormat.vietnamese($0) } ?? "—")</td></tr>"
            }
            out.append("""
                <section class="card"><h2>Theo lĩnh vực</h2><div class="chart-pair"><figure>\(HTML(raw: chart))</figure>
                <div class="table-wrap"><table><thead><tr><th scope="col">Lĩnh vực</th><th scope="col">Tối đa</th>\
                <th scope="col">Bình quân</th></tr></thead><tbody>\(rows)</tbody></table></div></div></section>
                """)
        }
        return out.joined()
    }

    /// The chosen indicator's line over the periods, last year beside this year, with its table and the indicator picker.
    static func trend(_ t: IndicatorTrend, _ o: LeaderOverview) -> HTML {
        let chart = SVGChart.lines(title: "\(t.code). \(t.name)", categories: t.periods,
                                   series: t.series.map { ChartSeries(name: "Năm \($0.year)", values: $0.values,
                                                                       colour: $0.year == o.year ? SVGChart.Colour.thisYear : SVGChart.Colour.lastYear) },
                                   yLabel: "Số liệu tổng hợp", xLabel: "Kỳ báo cáo")
        let head: HTML = "<tr><th scope=\"col\">Kỳ</th>\(t.series.map { "<th scope=\"col\">Năm \($0.year)</th>" as HTML })</tr>"
        let rows: [HTML] = t.periods.enumerated().map { i, p in
            let cells: [HTML] = t.series.map { s in "<td>\(s.values[i].map { NumberFormat.vietnamese($0) } ?? "—")</td>" }
            return "<tr><th scope=\"row\">\(p)</th>\(cells)</tr>"
        }
        let options: [HTML] = t.options.map { "<option value=\"\($0.code)\"\(HTML.attr("selected", if: $0.code == t.code))>\($0.code). \($0.name)</option>" }
        return """
            <section class="card" id="trend"><h2>Diễn biến một chỉ tiêu qua các kỳ</h2>
            <form method="get" action="\(SiteURL.Duties.overview(.value(o.jurisdictionID)).path)" class="inline">\
            <input type="hidden" name="year" value="\(o.year)"><label>Chỉ tiêu <select name="code">\(options)</select></label> \
            <button type="submit" class="secondary">Xem</button></form>
            <div class="chart-pair"><figure>\(HTML(raw: chart))</figure><div class="table-wrap"><table><thead>\(head)</thead>\
            <tbody>\(rows)</tbody></table><p class="muted">Số liệu tổng hợp các báo cáo đã gửi của các đơn vị trực thuộc; \
            “—”: kỳ chưa có báo cáo.</p></div></div></section>
            """
    }
}
