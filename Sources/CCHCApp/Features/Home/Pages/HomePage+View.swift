import Foundation
import CCHCDomain

extension HomePage {
    /// Renders the start page from its model alone.
    enum View {}
}

extension HomePage.View {
    static let title = "Trang chủ"

    static func render(_ model: HomePage.Model) -> HTML {
        let root: HTML = model.root.map { r in "<a href=\"\(SiteURL.Units.unit(.value(r.id ?? 0)).path)\">\(r.name)</a>" } ?? "toàn hệ thống"
        return """
        <h1>Xin chào, \(model.fullName)</h1>
        <div class="card"><dl class="facts">
        <dt>Đơn vị</dt><dd><a href="\(SiteURL.Units.unit(.value(model.unitID)).path)">\(model.unitName)</a></dd>
        <dt>Vai trò</dt><dd>\(model.roleLabel)</dd>
        <dt>Phạm vi</dt><dd>\(root): \(model.jurisdictions) đơn vị hành chính, \(model.offices) cơ quan chuyên môn</dd>
        </dl></div>
        \(officePart(model.officePart))
        <p><a class="button" href="\(SiteURL.Units.list.path)">Xem danh sách đơn vị</a></p>
        """
    }

    static func officePart(_ part: HomePage.OfficePart?) -> HTML {
        guard let part else { return .empty }
        let links: [HTML] = part.periods.map { p in
            "<a class=\"button secondary\" href=\"\(SiteURL.Reports.report(.value(part.jurisdictionID), .value(p.id)).path)\">\(p.label)</a> "
        }
        return """
            <div class="card" id="office-part"><strong>Phần cơ quan bạn trả lời trong báo cáo năm \(part.year) của \(part.jurisdictionName)</strong>: \
            mục \(part.sections.joined(separator: ", "))<p>\(links)</p></div>
            """
    }
}
