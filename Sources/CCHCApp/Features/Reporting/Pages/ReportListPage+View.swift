import Foundation
import CCHCDomain

extension ReportListPage {
    /// Renders a unit's report list from its model alone.
    enum View {}
}

extension ReportListPage.View {
    static func render(_ model: ReportListPage.Model) -> HTML {
        let unitID = model.unitID, year = model.year, rows = model.rows
        let reports = SiteURL.Reports.list(.value(unitID))
        let yearLinks: [HTML] = model.years.map { y in
            y == year ? "<strong>\(y)</strong> " : "<a href=\"\(reports.relativeURL(parameters: [QueryParameter("year", y)]))\">\(y)</a> "
        }
        let body: [HTML] = rows.map { row in
            let report = SiteURL.Reports.report(.value(unitID), .value(row.periodID)).path
            return """
            <tr><td><a href="\(report)">\(row.title)</a></td><td>\(row.window)</td><td>\(row.deadline)</td>
            <td>\(row.stateLabel)</td><td><span class="tag \(row.status)">\(row.timelinessLabel)</span></td></tr>
            """
        }
        let timeliness = SiteURL.Reports.timeliness(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year)])
        let regime = SiteURL.Reports.regime(.value(unitID), .value(year)).path
        let own: HTML = model.managesJurisdiction ? """
            <p><a class="button" href="\(timeliness)">Theo dõi các đơn vị nộp báo cáo năm \(year)</a>
            <a class="button secondary" href="\(regime)">Chế độ báo cáo năm \(year) do \(model.unitName) ban hành</a></p>
            """ : .empty
        let otherYears: [HTML] = model.years.filter { $0 != year }.map { y in
            "<a href=\"\(reports.relativeURL(parameters: [QueryParameter("year", y)]))\">\(y)</a>"
        }
        let noRegime: HTML = "<p class=\"muted\">Chưa có chế độ báo cáo năm \(year) áp dụng cho đơn vị này."
            + (model.issuerName.map { " Chế độ báo cáo do \($0) ban hành; khi có, các kỳ báo cáo sẽ hiện ở đây." as HTML } ?? .empty)
            + (otherYears.isEmpty ? HTML.empty : " Các năm đã có báo cáo: \(otherYears.joined(separator: ", "))." as HTML) + "</p>"
        let periodsHTML: HTML = rows.isEmpty
            ? noRegime
            : """
                <table><thead><tr><th>Kỳ báo cáo</th><th>Chốt số liệu</th><th>Hạn nộp</th>\
                <th>Trạng thái</th><th>Thời hạn</th></tr></thead>\

                <tbody>\(body)</tbody></table>
                """
        return """
        <p class="crumbs">\(model.unitReadable ? "<a href=\"\(SiteURL.Units.unit(.value(unitID)).path)\">\(model.unitName)</a>" as HTML
            : "\(model.unitName)")</p>
        <h1>Báo cáo CCHC định kỳ của \(model.unitName)</h1>
        <p>Năm: \(yearLinks)</p>
        \(own)
        \(periodsHTML)
        """
    }
}
