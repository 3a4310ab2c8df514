import Foundation
import CCHCDomain

extension UnitListPage {
    /// Renders the unit list from its model alone.
    enum View {}
}

extension UnitListPage.View {
    static let title = "Đơn vị"

    static func render(_ model: UnitListPage.Model) -> HTML {
        let q = model.q, units = model.units
        let minDepth = units.map(\.depth).min() ?? 1
        let rows: [HTML] = units.map { u in
            let indent = q.isEmpty ? min(4, u.depth - minDepth) : 0
            let status: HTML = u.isRetired ? " <span class=\"tag warn\">Đã sáp nhập/giải thể \(VNDate.display(iso: u.retiredOn ?? ""))</span>" : .empty
            let standing: HTML = u.isStandingAgency ? " <span class=\"tag ok\">Cơ quan thường trực CCHC</span>" : .empty
            return """
            <tr\(HTML.attr("class=\"retired\"", if: u.isRetired))><td class="indent-\(indent)">\
            <a href="\(SiteURL.Units.unit(.value(u.id ?? 0)).path)">\(u.name)</a>\(standing)\(status)</td>
            <td>\(u.kind.label)</td><td><code>\(u.code)</code></td></tr>
            """
        }
        let actions: HTML = model.canManage
            ? "<p><a class=\"button\" href=\"\(SiteURL.Units.new.path)\">Thêm đơn vị</a> "
                + "<a class=\"button secondary\" href=\"\(SiteURL.Units.merge.path)\">Sáp nhập đơn vị</a></p>"
            : .empty
        return """
        <h1>Đơn vị</h1>
        <form class="search" method="get" action="\(SiteURL.Units.list.path)">
        <input type="search" name="q" value="\(q)" \
        placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được (vd: quang tho)" aria-label="Tìm đơn vị">
        <label><input type="checkbox" name="retired" value="1"\(HTML.attr("checked", if: model.showRetired))> Cả đơn vị đã sáp nhập</label>
        <button type="submit">Tìm</button></form>
        \(actions)
        \(units.isEmpty && !q.isEmpty ? """
            <p class="empty">Không tìm thấy đơn vị nào khớp với “\(q)”. Hãy gõ ít chữ hơn hoặc mã đơn vị (không cần dấu), \
            hoặc chọn “Cả đơn vị đã sáp nhập”.</p>
            """ as HTML : """
            <p class="muted">\(units.count) đơn vị\(q.isEmpty ? "" : " khớp với “\(q)”")</p>
            <table><thead><tr><th>Tên đơn vị</th><th>Loại</th><th>Mã</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
        """
    }
}
