import Fluent
import Vapor
import CCHCDomain

/// The jurisdiction's consolidated figures for a period, with the basis of each figure.
struct ConsolidationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Consolidated.figures(.key, .key, .key).pathComponents, use: show).access(.scoped)
    }

    static func load(_ req: Request) async throws -> (CCHCApp.Unit, ConsolidatedReport, FormDefinition) {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.isJurisdiction else { throw CCHCError.notFound("Chỉ đơn vị hành chính mới có số liệu tổng hợp.") }
        let year = try RegimePages.year(req)
        guard let kind = req.parameters.get("kind").flatMap(PeriodKind.init(code:)) else { throw CCHCError.notFound() }
        let acceptedOnly = (try? req.query.get(String.self, at: "accepted")) == "1"
        var report = try await ConsolidationService.consolidate(jurisdiction: unit, year: year, kind: kind, acceptedOnly: acceptedOnly, on: req.db)
        report = try await ConsolidationService.withComparisons(report, jurisdiction: unit, on: req.db)
        guard let form = try await FormService.find(code: report.formCode, year: nil, on: req.db)?.definition() else { throw CCHCError.notFound() }
        return (unit, report, form)
    }

    func show(req: Request) async throws -> HTML {
        let (unit, report, form) = try await Self.load(req)
        let unitID = try unit.requireID()
        let byCode = Dictionary(report.figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let (unitRef, yearRef, kindRef) = (Parameter.value(unitID), Parameter.value(report.year), Parameter.value(report.period))
        let figures = SiteURL.Consolidated.figures(unitRef, yearRef, kindRef)
        let accepted = report.acceptedOnly ? [QueryParameter("accepted", 1)] : []
        let acceptedOnly = figures.relativeURL(parameters: [QueryParameter("accepted", 1)])
        func compare(_ ind: Indicator, _ now: Double?, _ then: Double?) -> HTML {
            guard ind.kind == .count || ind.kind == .number || ind.kind == .percent, let then else { return "" }
            let digits = ind.kind == .percent ? 1 : 2
            let change: String = now.map { n in
                let d = n - then
                return (d > 0 ? "+" : "") + NumberFormat.vietnamese(d, maxFractionDigits: digits) + (ind.kind == .percent ? " điểm %" : "")
            } ?? ""
            return "\(NumberFormat.vietnamese(then, maxFractionDigits: digits))<br><small class=\"muted\">\(change)</small>"
        }
        // Drill-down: one indicator, every unit's own value.
        var drill: HTML = .empty
        if let code = try? req.query.get(String.self, at: "code"), let ind = form.indicator(code) {
            let matrix = try await ConsolidationService.matrix(jurisdiction: unit, year: report.year, kind: report.period,
                                                               acceptedOnly: report.acceptedOnly, on: req.db)
            let rows: [HTML] = matrix.map { m in "<tr><td>\(m.unit)</td><td>\(ValueDisplay.text(ind, m.values[code]))</td></tr>" }
            drill = """
            <div class="card" id="drill"><h2>\(ind.code). \(ind.name) — số liệu của từng đơn vị</h2>
            <table><thead><tr><th>Đơn vị</th><th>Số liệu</th></tr></thead><tbody>\(rows)</tbody>
            <tfoot><tr><th>Tổng hợp</th><th>\(byCode[code]?.display ?? "")</th></tr></tfoot></table>
            \(report.missing.isEmpty ? HTML.empty
                : "<p class=\"muted\">Chưa có báo cáo: \(report.missing.map(\.name).joined(separator: ", "))</p>" as HTML)</div>
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
        let kinds = PeriodKind.standard.map { k in
            k == report.period
                ? "<strong>\(k.label)</strong> " as HTML
                : "<a href=\"\(SiteURL.Consolidated.figures(unitRef, yearRef, .value(k)).path)\">\(k.label)</a> " as HTML
        }
        let missing: HTML = report.missing.isEmpty ? "<p class=\"flash\">Đã nhận đủ báo cáo của các đơn vị.</p>"
            : "<div class=\"warnings\"><strong>Chưa có báo cáo (\(report.missing.count) đơn vị) — "
                + "số liệu tổng hợp chưa gồm các đơn vị này:</strong> \(report.missing.map(\.name).joined(separator: ", "))</div>"
        return Layout.page(request: req, title: "Tổng hợp \(report.periodTitle)", body: """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(unitRef).path)">\(unit.name)</a> › \
        <a href="\(SiteURL.Reports.timeliness(.value(unitID)).relativeURL(parameters: [QueryParameter("year", report.year)]))">Theo dõi nộp báo cáo</a></p>
        <h1>Số liệu tổng hợp — \(report.periodTitle) — \(unit.name)</h1>
        <p>Kỳ: \(kinds)</p>
        <p class="muted">Tổng hợp \(report.included.count) báo cáo đã gửi hoặc đã tiếp nhận của \(unit.name) \
        và các đơn vị trực thuộc (mọi cấp). Số đếm được cộng; \
        tỷ lệ được tính lại từ tổng tử số và tổng mẫu số, không lấy bình quân các tỷ lệ; \
        câu trả lời theo mã được đếm theo từng mã.</p>
        <p>Tính: \(report.acceptedOnly
            ? "<strong>chỉ báo cáo đã tiếp nhận</strong> · <a href=\"\(figures.path)\">mọi báo cáo đã gửi</a>" as HTML
            : "<strong>mọi báo cáo đã gửi</strong> · <a href=\"\(acceptedOnly)\">chỉ báo cáo đã tiếp nhận</a>" as HTML)</p>
        \(missing)
        \(drill)
        <p><a class="button" href="\(SiteURL.Consolidated.exportXLSX(unitRef, yearRef, kindRef).path)">Tải Excel (.xlsx)</a>
        <a class="button secondary" href="\(SiteURL.Consolidated.exportCSV(unitRef, yearRef, kindRef).path)">Tải CSV</a>
        <a class="button secondary" href="\(SiteURL.Consolidated.exportDOCX(unitRef, yearRef, kindRef).path)">Tải báo cáo Word (.docx)</a></p>
        <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Số liệu tổng hợp (cơ sở tính)</th>\
        <th>Số đơn vị có số liệu</th><th>Kỳ trước\(report.previousPeriod.map { " (" + $0 + ")" } ?? "") · thay đổi</th>\
        <th>Cùng kỳ năm \(report.year - 1) · thay đổi</th><th>Tính</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
    }
}

struct ConsolidationAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":unitID", "consolidation", ":year", ":kind", use: show).access(.scoped)
    }

    func show(req: Request) async throws -> ConsolidatedReport {
        try await ConsolidationPages.load(req).1
    }
}
