import Foundation
import CCHCDomain

extension UnitPage {
    /// Renders a unit's page from its model alone.
    enum View {}
}

extension UnitPage.View {
    static func render(_ model: UnitPage.Model) -> HTML {
        let unit = model.unit, id = unit.id ?? 0
        let offices = model.offices, subordinates = model.subordinates, predecessors = model.predecessors
        let accounts = model.accounts
        let crumbs: HTML = model.ancestors.map { "<a href=\"\(SiteURL.Units.unit(.value($0.id ?? 0)).path)\">\($0.name)</a> › " as HTML }.joined()
        let retiredNote: HTML = unit.isRetired
            ? """
            <p class="error-summary">Đơn vị đã ngừng hoạt động từ ngày \(VNDate.display(iso: unit.retiredOn ?? ""))\
            \(model.successor.map { s in " — sáp nhập vào <a href=\"\(SiteURL.Units.unit(.value(s.id ?? 0)).path)\">\(s.name)</a>" as HTML } ?? .empty)\
            . Dữ liệu chỉ để xem.</p>
            """
            : .empty
        var actions: [HTML] = []
        if model.canManageUnit && !unit.isRetired {
            actions.append("<a class=\"button\" href=\"\(SiteURL.Units.edit(.value(id)).path)\">Sửa</a>")
            if unit.kind.isJurisdiction {
                let newUnit = SiteURL.Units.new.relativeURL(parameters: [QueryParameter("parent", id)])
                let newUser = SiteURL.Users.new.relativeURL(parameters: [QueryParameter("unit", id)])
                actions.append("<a class=\"button secondary\" href=\"\(newUnit)\">Thêm đơn vị trực thuộc</a>")
                actions.append("<a class=\"button secondary\" href=\"\(newUser)\">Thêm tài khoản</a>")
            }
        }
        let predecessorsHTML: HTML = predecessors.isEmpty ? .empty : """
            <h2>Hình thành do sáp nhập</h2><ul>\(predecessors.map { p, date in
                let link: HTML = "<a href=\"\(SiteURL.Units.unit(.value(p.id ?? 0)).path)\">\(p.name)</a>"
                return "<li>\(link) — sáp nhập từ ngày \(VNDate.display(iso: date))</li>" as HTML })</ul>
            """
        let lineageHTML: HTML = model.lineage.count > predecessors.count ? """
            <h2>Toàn bộ đơn vị tiền thân</h2>\(list(model.lineage, empty: ""))
            """ : .empty
        let accountsHTML: HTML = model.showsAccounts ? """
            <h2>Tài khoản (\(accounts.count))</h2>
            \(accounts.isEmpty ? "<p class=\"muted\">Chưa có tài khoản.</p>" as HTML : """
                <table><thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Trạng thái</th></tr></thead><tbody>\
                \(accounts.map { a in """
                    <tr><td><a href="\(SiteURL.Users.user(.value(a.id ?? 0)).path)">\(a.username)</a></td><td>\(a.fullName)</td>\
                    <td>\(a.role.label)</td><td>\(a.isActive ? "Đang hoạt động" : "Đã khóa")</td></tr>
                    """ as HTML })</tbody></table>
                """)
            """ : .empty
        return """
        <p class="crumbs">\(crumbs)</p>
        <h1>\(unit.name)</h1>
        \(retiredNote)
        <div class="card"><dl class="facts">
        <dt>Loại</dt><dd>\(unit.kind.label)</dd><dt>Mã</dt><dd><code>\(unit.code)</code></dd>
        \(unit.isStandingAgency ? "<dt>Vai trò</dt><dd>Cơ quan thường trực về CCHC</dd>" as HTML : .empty)
        </dl></div>
        <p>\(actions)</p>
        \(goTo(model))
        \(unit.kind.isJurisdiction ? """
            <h2>Cơ quan chuyên môn (\(offices.count))</h2>\(list(offices, empty: "Chưa có cơ quan chuyên môn."))\
            <h2>Đơn vị trực thuộc (\(subordinates.count))</h2>\(list(subordinates, empty: "Không có đơn vị trực thuộc."))
            """ as HTML : .empty)
        \(predecessorsHTML)\(lineageHTML)\(accountsHTML)
        """
    }

    /// Where the unit's work is: its duties, plans, reports, PAR index, inspections, register — and, for a jurisdiction the
    /// account manages, the timeliness table, the consolidation and the regime.
    static func goTo(_ model: UnitPage.Model) -> HTML {
        let u = Parameter<Int>.value(model.unit.id ?? 0), year = QueryParameter("year", model.year)
        var links: [(String, String)] = [
            (SiteURL.Duties.unit(u).relativeURL(parameters: [year]), "Lịch việc năm \(model.year)"),
            (SiteURL.Plans.list(u).path, "Kế hoạch"),
            (SiteURL.Reports.list(u).path, "Báo cáo"),
            (SiteURL.Par.index.path, "Chỉ số CCHC"),
            (SiteURL.Inspections.overview(u).path, "Kiểm tra"),
            (SiteURL.Documents.list(u).path, "Sổ đăng ký văn bản đi"),
        ]
        // The tools over the units below: only where units report to this one (not a commune), for who manages it.
        if model.unit.kind.receivesReports && model.canManageBelow {
            links.append((SiteURL.Reports.timeliness(u).relativeURL(parameters: [year]), "Theo dõi nộp báo cáo"))
            if model.hasRegime {
                links.append((SiteURL.Consolidated.figures(u, .value(model.year), .value(PeriodKind.q1)).path, "Tổng hợp số liệu"))
            }
            links.append((SiteURL.Reports.regime(u, .value(model.year)).path, "Chế độ báo cáo năm \(model.year)"))
            links.append((SiteURL.Duties.dashboard(u).relativeURL(parameters: [year]), "Theo dõi thực hiện nhiệm vụ"))
        }
        if model.unit.kind.isJurisdiction && model.canManageBelow {
            links.append((SiteURL.Duties.overview(u).relativeURL(parameters: [year]), "Tổng quan"))
        }
        let items: [HTML] = links.map { "<li><a href=\"\($0.0)\">\($0.1)</a></li>" as HTML }
        return "<nav class=\"card goto\" aria-label=\"Công việc của đơn vị\"><h2>Công việc của đơn vị</h2><ul class=\"inline-list\">\(items)</ul></nav>"
    }

    /// Units as a list of links, tagged when standing agency or merged.
    private static func list(_ units: [Unit], empty: String) -> HTML {
        guard !units.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
        return "<ul>" + units.map { u in
            let tags: HTML = (u.isStandingAgency ? " <span class=\"tag ok\">Cơ quan thường trực CCHC</span>" : .empty)
                + (u.isRetired ? " <span class=\"tag warn\">đã sáp nhập</span>" : .empty)
            return "<li><a href=\"\(SiteURL.Units.unit(.value(u.id ?? 0)).path)\">\(u.name)</a>\(tags)</li>" as HTML
        }.joined() + "</ul>"
    }
}
