import Foundation
import CCHCDomain

extension UserListPage {
    /// Renders the account list from its model alone.
    enum View {}
}

extension UserListPage.View {
    static let title = "Tài khoản"

    static func render(_ model: UserListPage.Model) -> HTML {
        let rows = model.rows
        let body: [HTML] = rows.map { user, unit in
            """
            <tr><td><a href="\(SiteURL.Users.user(.value(user.id ?? 0)).path)">\(user.username)</a></td><td>\(user.fullName)</td>
            <td><a href="\(SiteURL.Units.unit(.value(unit.id ?? 0)).path)">\(unit.name)</a></td><td>\(user.role.label)</td>
            <td>\(user.lockedAt != nil ? "Tạm khóa do nhập sai mật khẩu" : user.isActive ? "Đang hoạt động" : "Đã khóa")</td></tr>
            """
        }
        return """
        <h1>Tài khoản</h1>
        <form class="search" method="get" action="\(SiteURL.Users.list.path)">
        <input type="search" name="q" value="\(model.q)" \
        placeholder="Tìm theo tên đăng nhập, họ tên, đơn vị (không cần dấu)" aria-label="Tìm tài khoản">
        <button type="submit">Tìm</button></form>
        <p><a class="button" href="\(SiteURL.Users.new.path)">Thêm tài khoản</a></p>
        \(rows.isEmpty && !model.q.isEmpty ? """
            <p class="empty">Không tìm thấy tài khoản nào khớp với “\(model.q)”. Hãy tìm theo tên đăng nhập, họ tên hoặc tên đơn vị, \
            gõ ít chữ hơn.</p>
            """ as HTML : """
            <p class="muted">\(rows.count) tài khoản</p>
            <table><thead><tr><th>Tên đăng nhập</th><th>Họ và tên</th><th>Đơn vị</th><th>Vai trò</th><th>Trạng thái</th></tr></thead>\
            <tbody>\(body)</tbody></table>
            """)
        """
    }
}
