import Foundation
import CCHCDomain

extension ReportComparePage {
    /// Renders two versions of a report side by side from their model alone.
    enum View {}
}

extension ReportComparePage.View {
    static let title = "So sánh phiên bản"

    static func render(_ model: ReportComparePage.Model) -> HTML {
        let a = model.a.number, b = model.b.number, va = model.a.values, vb = model.b.values
        let rows: [HTML] = model.indicators.map { ind in
            let x = ValueDisplay.text(ind, va[ind.code]), y = ValueDisplay.text(ind, vb[ind.code])
            let changed = x != y
            return """
                <tr\(HTML.attr("class=\"changed\"", if: changed))><td>\(ind.code)</td><td>\(ind.name)</td>\
                <td>\(x)</td><td>\(y)</td><td>\(changed ? "Thay đổi" : "")</td></tr>
                """
        }
        let changes = model.indicators.filter { ValueDisplay.text($0, va[$0.code]) != ValueDisplay.text($0, vb[$0.code]) }.count
        return """
        <p class="crumbs"><a href="\(SiteURL.Reports.report(.value(model.unitID), .value(model.periodID)).path)">\
        \(model.periodTitle) — \(model.unitName)</a></p>
        <h1>So sánh phiên bản \(a) và \(b)</h1>
        <p>\(changes) chỉ tiêu khác nhau.</p>
        <table class="compare"><thead><tr><th>Mã</th><th>Chỉ tiêu</th>\
        <th>Phiên bản \(a) (\(model.a.state.label))</th><th>Phiên bản \(b) (\(model.b.state.label))</th><th></th></tr></thead>\
        <tbody>\(rows)</tbody></table>

        """
    }
}
