import Fluent
import Vapor
import CCHCDomain

/// The jurisdiction's consolidated figures for a period, with the basis of each figure.
struct ConsolidationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":unitID", "consolidation", ":year", ":kind", use: show).access(.scoped)
    }

    static func load(_ req: Request) async throws -> (CCHCApp.Unit, ConsolidatedReport, FormDefinition) {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.isJurisdiction else { throw CCHCError.notFound("Chỉ đơn vị hành chính mới có số liệu tổng hợp.") }
        let year = try RegimePages.year(req)
        guard let kind = req.parameters.get("kind").flatMap(PeriodKind.init(code:)) else { throw CCHCError.notFound() }
        let report = try await ConsolidationService.consolidate(jurisdiction: unit, year: year, kind: kind, on: req.db)
        guard let form = try await FormService.find(code: report.formCode, year: nil, on: req.db)?.definition() else { throw CCHCError.notFound() }
        return (unit, report, form)
    }

    func show(req: Request) async throws -> HTML {
        let (unit, report, form) = try await Self.load(req)
        let unitID = try unit.requireID()
        let byCode = Dictionary(report.figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [HTML] = form.indicators.map { ind in
            let f = byCode[ind.code]
            let depth = form.depth(of: ind.code)
            if ind.kind == .group {
                return "<tr class=\"group\"><th>\(ind.code)</th><td class=\"indent-\(min(depth, 4))\">\(ind.name)</td><td></td><td></td><td></td><td></td></tr>"
            }
            return """
            <tr><th>\(ind.code)</th><td class="indent-\(min(depth, 4))">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\(ind.name)</td><td>\(ind.unit ?? "")</td>
            <td><strong>\(f?.display ?? "")</strong>\(f?.note.map { "<br><small class=\"muted\">\($0)</small>" as HTML } ?? .empty)</td>
            <td>\(f.map { $0.reports > 0 ? "\($0.reports)" : "" } ?? "")</td><td class="muted">\(ind.effectiveMeasure.label)</td></tr>
            """
        }
        let kinds = PeriodKind.standard.map { k in
            k.code == report.period ? "<strong>\(k.label)</strong> " as HTML : "<a href=\"/units/\(unitID)/consolidation/\(report.year)/\(k.code)\">\(k.label)</a> " as HTML
        }
        let missing: HTML = report.missing.isEmpty ? "<p class=\"flash\">Đã nhận đủ báo cáo của các đơn vị.</p>"
            : "<div class=\"warnings\"><strong>Chưa có báo cáo (\(report.missing.count) đơn vị) — số liệu tổng hợp chưa gồm các đơn vị này:</strong> \(report.missing.map(\.name).joined(separator: ", "))</div>"
        return Layout.page(request: req, title: "Tổng hợp \(report.periodTitle)", body: """
        <p class="crumbs"><a href="\(SiteURL.unit(unitID))">\(unit.name)</a> › <a href="\(SiteURL.timeliness(unitID, year: report.year))">Theo dõi nộp báo cáo</a></p>
        <h1>Số liệu tổng hợp — \(report.periodTitle) — \(unit.name)</h1>
        <p>Kỳ: \(kinds)</p>
        <p class="muted">Tổng hợp \(report.included.count) báo cáo đã gửi hoặc đã tiếp nhận của \(unit.name) và các đơn vị trực thuộc (mọi cấp). Số đếm được cộng; tỷ lệ được tính lại từ tổng tử số và tổng mẫu số, không lấy bình quân các tỷ lệ; câu trả lời theo mã được đếm theo từng mã.</p>
        \(missing)
        <p><a class="button" href="/units/\(unitID)/consolidation/\(report.year)/\(report.period)/export.xlsx">Tải Excel (.xlsx)</a>
        <a class="button secondary" href="/units/\(unitID)/consolidation/\(report.year)/\(report.period)/export.csv">Tải CSV</a>
        <a class="button secondary" href="/units/\(unitID)/consolidation/\(report.year)/\(report.period)/export.docx">Tải báo cáo Word (.docx)</a></p>
        <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Số liệu tổng hợp (cơ sở tính)</th><th>Số đơn vị có số liệu</th><th>Tính</th></tr></thead><tbody>\(rows)</tbody></table>
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
