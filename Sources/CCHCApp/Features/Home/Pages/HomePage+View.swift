import Foundation
import CCHCDomain

extension HomePage {
    /// Renders the start page from its model alone.
    enum View {}
}

extension HomePage.View {
    static let title = "Việc của tôi"

    static func render(_ model: HomePage.Model) -> HTML {
        let root: HTML = model.root.map { r in "<a href=\"\(SiteURL.Units.unit(.value(r.id ?? 0)).path)\">\(r.name)</a>" } ?? "toàn hệ thống"
        return """
        <h1>Việc của tôi</h1>
        <p class="muted">Xin chào, \(model.fullName) · \(model.roleLabel) · <a href="\(SiteURL.Units.unit(.value(model.unitID)).path)">\(model.unitName)</a> · \
        phạm vi \(root): \(model.jurisdictions) đơn vị hành chính, \(model.offices) cơ quan chuyên môn</p>
        \(MyWorkView.render(model.work))
        \(officePart(model.officePart))
        <p><a class="button secondary" href="\(SiteURL.Units.list.path)">Danh sách đơn vị</a> \
        <a class="button secondary" href="\(SiteURL.Calendar.settings.path)">Lịch nhắc việc trên điện thoại (.ics)</a></p>
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
