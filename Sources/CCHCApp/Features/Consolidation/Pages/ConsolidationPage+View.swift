import Foundation
import CCHCDomain

extension ConsolidationPage {
    /// Renders the consolidated figures from their model alone.
    enum View {}
}

extension ConsolidationPage.View {
    static func render(_ model: ConsolidationPage.Model) -> HTML {
        let unit = model.unit, unitID = model.unitID, report = model.report, form = model.form
        let byCode = Dictionary(report.figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let (unitRef, yearRef, kindRef) = (Parameter.value(unitID), Parameter.value(report.year), Parameter.value(report.period))
        let figures = SiteURL.Consolidated.figures(unitRef, yearRef, kindRef)
        let accepted = report.acceptedOnly ? [QueryParameter("accepted", 1)] : []
        let acceptedOnly = figures.relativeURL(parameters: [QueryParameter("accepted", 1)])
        // Drill-down: one indicator, every unit's own value.
        var drill: HTML = .empty
        if let d = model.drill {
            let ind = d.indicator, code = d.code
            var rows: [HTML] = d.values.map { m in "<tr><td>\(m.unit)</td><td>\(ValueDisplay.text(ind, m.value))</td></tr>" }
            if rows.isEmpty {
                let why = report.acceptedOnly ? "chưa có báo cáo nào được tiếp nhận có số liệu này" : "chưa có báo cáo nào gửi lên có số liệu này"
                rows = ["<tr><td colspan=\"2\" class=\"muted\">Chưa có số liệu: \(why).</td></tr>"]
            }
            drill = """
            <div class="card" id="drill"><h2>\(ind.code). \(ind.name) — số liệu của từng đơn vị</h2>
            <table><thead><tr><th>Đơn vị</th><th>Số liệu</th></tr></thead><tbody>\(rows)</tbody>
            <tfoot><tr><th>Tổng hợp</th><th>\(byCode[code]?.display ?? "")</th></tr></tfoot></table>
            \(report.missing.isEmpty ? HTML.empty
                : "<p class=\"muted\">Chưa có báo cáo: \(NameList.text(report.missing.map(\.name)))</p>" as HTML)</div>
            """
        }
        let rows: [HTML] = form.indicators.map { ind in
            let f = byCode[ind.code]
            let depth = form.depth(of: ind.code)
            if ind.kind == .group {
                return "<tr class=\"group\"><th>\(ind.code)</th><td class=\"indent-\(min(depth, 4))\">\(ind.name)</td>"
                    + "<td></td><td></td><td></td><td></td><td></td><td></td></tr>"
            }
            return """
            <tr><th><a href="\(figures.relativeURL(parameters: [QueryParameter("code", ind.code)] + accepted, anchor: "drill"))" \
            title="Xem số liệu từng đơn vị">\(ind.code)</a></th>\
            <td class="indent-\(min(depth, 4))">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\(ind.name)</td>\
            <td>\(ind.unit ?? "")</td>
            <td><strong>\(f?.display ?? "")</strong>\(f?.note.map { "<br><small class=\"muted\">\($0)</small>" as HTML } ?? .empty)</td>
            <td>\(f.map { $0.reports > 0 ? "\($0.reports)" : "" } ?? "")</td>
            <td>\(compare(ind, f?.value, report.previous?[ind.code]))</td><td>\(compare(ind, f?.value, report.lastYear?[ind.code]))</td>
            <td class="muted">\(ind.effectiveMeasure.label)</td></tr>
            """
        }
        let kinds = (PeriodKind.standard + [.estimate, .supplement]).map { k in
            k == report.period
                ? "<strong>\(k.label)</strong> " as HTML
                : "<a href=\"\(SiteURL.Consolidated.figures(unitRef, yearRef, .value(k)).path)\">\(k.label)</a> " as HTML
        }
        let missing: HTML = report.missing.isEmpty ? "<p class=\"flash\">Đã nhận đủ báo cáo của các đơn vị.</p>"
            : "<div class=\"warnings\"><strong>Chưa có báo cáo (\(report.missing.count) đơn vị) — "
                + "số liệu tổng hợp chưa gồm các đơn vị này:</strong> \(NameList.text(report.missing.map(\.name), limit: 100))</div>"
        return """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(unitRef).path)">\(unit.name)</a> › \
        <a href="\(SiteURL.Reports.timeliness(.value(unitID)).relativeURL(parameters: [QueryParameter("year", report.year)]))">Theo dõi nộp báo cáo</a></p>
        <h1>Số liệu tổng hợp — \(report.periodTitle) — \(unit.name)</h1>
        <p>Kỳ: \(kinds)</p>
        <p class="muted">Tổng hợp \(report.includedCount) báo cáo đã gửi hoặc đã tiếp nhận của \(unit.name) \
        và các đơn vị trực thuộc (mọi cấp). Số đếm được cộng; \
        tỷ lệ được tính lại từ tổng tử số và tổng mẫu số, không lấy bình quân các tỷ lệ; \
        câu trả lời theo mã được đếm theo từng mã.</p>
        <p>Tính: \(report.acceptedOnly
            ? "<strong>chỉ báo cáo đã tiếp nhận</strong> · <a href=\"\(figures.path)\">mọi báo cáo đã gửi</a>" as HTML
            : "<strong>mọi báo cáo đã gửi</strong> · <a href=\"\(acceptedOnly)\">chỉ báo cáo đã tiếp nhận</a>" as HTML)</p>
        \(missing)
        \(drill)
        \(report.includedCount == 0 && model.drill == nil ? nothingYet(model) : figuresTable(model, rows))
        """
    }

    /// No report counted yet: what will be here and where to see who is missing, instead of a table of empty cells.
    private static func nothingYet(_ model: ConsolidationPage.Model) -> HTML {
        let report = model.report
        let timeliness = SiteURL.Reports.timeliness(.value(model.unitID)).relativeURL(parameters: [QueryParameter("year", report.year)])
        return "<p class=\"card\">Chưa có báo cáo nào \(report.acceptedOnly ? "được tiếp nhận" : "gửi lên") cho kỳ này: số liệu tổng hợp "
            + "sẽ có khi có báo cáo. Hạn nộp và ai đã nộp: <a href=\"\(timeliness)\">Theo dõi nộp báo cáo</a>.</p>"
    }

    /// The downloads and the figures, row by row.
    private static func figuresTable(_ model: ConsolidationPage.Model, _ rows: [HTML]) -> HTML {
        let report = model.report
        let (unitRef, yearRef, kindRef) = (Parameter.value(model.unitID), Parameter.value(report.year), Parameter.value(report.period))
        return """
        <p><a class="button" href="\(SiteURL.Consolidated.exportXLSX(unitRef, yearRef, kindRef).path)">Tải Excel (.xlsx)</a>
        <a class="button secondary" href="\(SiteURL.Consolidated.exportCSV(unitRef, yearRef, kindRef).path)">Tải CSV</a>
        <a class="button secondary" href="\(SiteURL.Consolidated.exportDOCX(unitRef, yearRef, kindRef).path)">Tải báo cáo Word (.docx)</a></p>
        <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Số liệu tổng hợp (cơ sở tính)</th>\
        <th>Số đơn vị có số liệu</th><th>Kỳ trước\(report.previousPeriod.map { " (" + $0 + ")" } ?? "") · thay đổi</th>\
        <th>Cùng kỳ năm \(report.year - 1) · thay đổi</th><th>Tính</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    /// A previous figure and the change since, for counts, numbers and rates.
    private static func compare(_ ind: Indicator, _ now: Double?, _ then: Double?) -> HTML {
        guard ind.kind == .count || ind.kind == .number || ind.kind == .percent, let then else { return "" }
        let digits = ind.kind == .percent ? 1 : 2
        let change: String = now.map { n in
            let d = n - then
            return (d > 0 ? "+" : "") + NumberFormat.vietnamese(d, maxFractionDigits: digits) + (ind.kind == .percent ? " điểm %" : "")
        } ?? ""
        return "\(NumberFormat.vietnamese(then, maxFractionDigits: digits))<br><small class=\"muted\">\(change)</small>"
    }
}
