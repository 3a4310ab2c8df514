import Foundation
import CCHCDomain

/// The dashboard as HTML: totals per kind with a chart and its table, units × kinds (each cell a link), the ranking.
enum DashboardView {
    static func percent(_ rate: Double?) -> String { rate.map { NumberFormat.vietnamese($0, maxFractionDigits: 1) + " %" } ?? "—" }

    static func render(_ d: DutyDashboard) -> HTML {
        let u = Parameter<Int>.value(d.jurisdictionID)
        let years: [HTML] = [d.year - 1, d.year + 1].map { y in
            "<a href=\"\(SiteURL.Duties.dashboard(u).relativeURL(parameters: [QueryParameter("year", y)]))\">Năm \(y)</a>"
        }
        guard !d.rows.isEmpty, d.total.total > 0 else {
            let way = wayOn(u, year: d.year, regimeYears: d.regimeYears, issues: d.issuesRegimes) {
                SiteURL.Duties.dashboard(u).relativeURL(parameters: [QueryParameter("year", $0)])
            }
            return """
                <h1>Theo dõi thực hiện nhiệm vụ năm \(d.year) — \(d.jurisdictionName)</h1><p class="actions">\(years.joined(separator: " · "))</p>
                <div class="card"><p>Năm \(d.year) các đơn vị trực thuộc \(d.jurisdictionName) chưa có việc nào có hạn: chưa có chế độ báo cáo, \
                kế hoạch, kế hoạch kiểm tra hay đợt đánh giá chỉ số CCHC nào của năm này.</p>\(way)</div>
                """
        }
        let kindRows: [HTML] = d.kinds.map { k in
            let t = d.byKind[k.rawValue] ?? DutyTally()
            return "<tr><th scope=\"row\">\(k.title)</th><td class=\"num\">\(t.onTime)</td><td class=\"num\">\(t.late)</td>"
                + "<td class=\"num\">\(t.overdue)</td><td class=\"num\">\(t.returned)</td>"
                + "<td class=\"num\">\(t.notDue)</td><td class=\"num\">\(percent(t.rate))</td></tr>"
        }
        let chart = SVGChart.stackedBars(title: "Việc có hạn năm \(d.year) theo loại", categories: d.kinds.map(\.title),
                                         series: [ChartSeries(name: "Đúng hạn", values: d.kinds.map { Double(d.byKind[$0.rawValue]?.onTime ?? 0) },
                                                              colour: SVGChart.Colour.onTime),
                                                  ChartSeries(name: "Muộn", values: d.kinds.map { Double(d.byKind[$0.rawValue]?.late ?? 0) },
                                                              colour: SVGChart.Colour.late),
                                                  ChartSeries(name: "Quá hạn", values: d.kinds.map { Double(d.byKind[$0.rawValue]?.overdue ?? 0) },
                                                              colour: SVGChart.Colour.missing),
                                                  ChartSeries(name: "Chưa đến hạn", values: d.kinds.map { Double(d.byKind[$0.rawValue]?.notDue ?? 0) },
                                                              colour: "#90a4ae")],
                                         yLabel: "Số việc", xLabel: "Loại việc")
        let head: HTML = "<tr><th scope=\"col\">Đơn vị</th>\(d.kinds.map { "<th scope=\"col\">\($0.title)</th>" as HTML })"
            + "<th scope=\"col\">Đã đến hạn</th><th scope=\"col\">Tỷ lệ</th></tr>"
        let rows: [HTML] = d.rows.map { r in
            let cells: [HTML] = d.kinds.map { k in
                guard let t = r.kinds[k.rawValue] else { return "<td class=\"muted\">—</td>" }
                let bad: HTML = t.overdue > 0 ? " <span class=\"tag overdue\">\(t.overdue) quá hạn</span>" : .empty
                let back: HTML = t.returned > 0 ? " <span class=\"tag returned\">\(t.returned) trả lại</span>" : .empty
                return "<td><a href=\"\(r.url)\" title=\"đúng hạn / muộn\">\(t.onTime)/\(t.late)</a>\(bad)\(back)</td>"
            }
            return "<tr><th scope=\"row\"><a href=\"\(r.url)\">\(r.unitName)</a></th>\(cells)<td>\(r.total.due)</td><td>\(percent(r.total.rate))</td></tr>"
        }
        let ranking: [HTML] = d.ranking.map { e -> HTML in
            let tied: HTML = e.tied ? " <span class=\"muted\">(đồng hạng)</span>" : .empty
            return "<tr><td>\(String(format: "%02d", e.rank))\(tied)</td><td>\(e.unitName)</td>"
                + "<td>\(e.tally.onTime)</td><td>\(e.tally.late)</td><td>\(e.tally.overdue)</td><td>\(percent(e.tally.rate))</td></tr>"
        }
        return """
            <p class="crumbs"><a href="\(SiteURL.Units.unit(u).path)">\(d.jurisdictionName)</a> › Theo dõi thực hiện nhiệm vụ</p>
            <h1>Theo dõi thực hiện nhiệm vụ năm \(d.year) — \(d.jurisdictionName)</h1>
            <p class="actions">\(years.joined(separator: " · ")) · \
            <a href="\(SiteURL.Duties.dashboardXLSX(u).relativeURL(parameters: [QueryParameter("year", d.year)]))">Tải bảng theo dõi (.xlsx)</a> · \
            <a href="\(SiteURL.Duties.overview(u).relativeURL(parameters: [QueryParameter("year", d.year)]))">Tổng quan cho lãnh đạo</a></p>
            <section class="card"><h2>Theo loại việc</h2><div class="chart-pair"><figure>\(HTML(raw: chart))</figure>
            <div class="table-wrap"><table><thead><tr><th scope="col">Loại việc</th><th scope="col">Đúng hạn</th><th scope="col">Muộn</th>\
            <th scope="col">Quá hạn</th><th scope="col">Bị trả lại</th><th scope="col">Chưa đến hạn</th><th scope="col">Tỷ lệ</th></tr></thead>
            <tbody>\(kindRows)</tbody></table></div></div></section>
            <section class="card"><h2>Từng đơn vị (đúng hạn/muộn; bấm để xem từng việc)</h2><div class="table-wrap"><table class="sticky-first">
            <thead>\(head)</thead><tbody>\(rows)</tbody></table></div></section>
            <section class="card"><h2>Xếp hạng thi đua</h2><p class="muted">\(d.rule)</p><div class="table-wrap"><table>
            <thead><tr><th scope="col">Hạng</th><th scope="col">Đơn vị</th><th scope="col">Đúng hạn</th><th scope="col">Muộn</th>\
            <th scope="col">Quá hạn</th><th scope="col">Tỷ lệ</th></tr></thead><tbody>\(ranking)</tbody></table></div></section>
            """
    }

    /// Where to go from a year with nothing due: the regime to issue for it, and the latest year the jurisdiction issued one.
    /// Only a jurisdiction that receives reports issues a regime; a commune's page only offers the other year.
    static func wayOn(_ u: Parameter<Int>, year: Int, regimeYears: [Int], issues: Bool, link: (Int) -> String) -> HTML {
        let other: HTML = regimeYears.first { $0 != year }.map { " <a href=\"\(link($0))\">Xem năm \($0)</a>" as HTML } ?? .empty
        let issue: HTML = issues
            ? "<a class=\"button\" href=\"\(SiteURL.Reports.regime(u, .value(year)).path)\">Ban hành chế độ báo cáo năm \(year)</a>" : .empty
        return issues || !regimeYears.isEmpty ? "<p class=\"actions\">\(issue)\(other)</p>" : .empty
    }
}
