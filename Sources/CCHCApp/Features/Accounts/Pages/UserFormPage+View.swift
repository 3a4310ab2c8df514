import Foundation
import CCHCDomain

extension UserFormPage {
    /// Renders the account form from its model alone.
    enum View {}
}

extension UserFormPage.View {
    static func render(_ model: UserFormPage.Model) -> HTML {
        let user = model.user, body = model.body, failure = model.failure
        let title = model.title
        let action = user.map { SiteURL.Users.user(.value($0.id ?? 0)) } ?? .list
        let usernameField: HTML = user == nil
            ? "<label for=\"username\">Tên đăng nhập</label>"
                + "<input id=\"username\" name=\"username\" value=\"\(body.username ?? "")\" required autocomplete=\"off\">"
                + "\(Layout.errors(failure, "username"))"
            : "<p><strong>Tên đăng nhập:</strong> \(body.username ?? "")</p>"
        let lock: HTML = user?.lockedAt.map { at in """
            <div class="error-summary"><strong>Tài khoản bị khóa từ \(VNDate.display(at)) do nhập sai mật khẩu nhiều lần.</strong>
            <form method="post" action="\(SiteURL.Users.unlock(.value(user?.id ?? 0)).path)" class="inline"><button type="submit">Mở khóa</button></form></div>
            """ } ?? .empty
        return """
        <h1>\(title)</h1>
        \(lock)
        \(Layout.errorSummary(failure))
        <form method="post" action="\(action.path)" class="stack card">\(user.map { Revisions.field($0.revision) } ?? .empty)
        \(usernameField)
        <label for="fullName">Họ và tên</label><input id="fullName" name="fullName" value="\(body.fullName ?? "")" required>
        \(Layout.errors(failure, "fullName"))
        <label for="email">Thư điện tử nhận nhắc hạn (không bắt buộc)</label>\
        <input id="email" name="email" type="email" value="\(body.email ?? "")" autocomplete="email">
        \(Layout.errors(failure, "email"))
        <label for="unitID">Đơn vị</label>
        <select id="unitID" name="unitID" required><option value="">— chọn —</option>\
        \(Layout.options(model.units, selected: body.unitID, value: { String($0.id ?? 0) },
            label: { String(repeating: "  ", count: max(0, $0.depth - 1)) + $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "unitID"))
        <label for="role">Vai trò</label>
        <select id="role" name="role" required><option value="">— chọn —</option>\
        \(Layout.options(model.roles, selected: body.role, value: \.rawValue, label: \.label))</select>
        \(Layout.errors(failure, "role"))
        <label for="password">\(user == nil ? "Mật khẩu (ít nhất 10 ký tự)" : "Mật khẩu mới (để trống nếu không đổi)")</label>
        <input id="password" name="password" type="password" autocomplete="new-password"\(HTML.attr("required", if: user == nil))>
        \(Layout.errors(failure, "password"))
        \(user == nil ? "<input type=\"hidden\" name=\"isActive\" value=\"on\">" as HTML : """
            <label><input type="checkbox" name="isActive" value="on"\(HTML.attr("checked", if: body.isActive == "on"))> Đang hoạt động</label>\
            \(Layout.errors(failure, "isActive"))
            """)
        <p><button type="submit">Lưu</button> <a href="\(SiteURL.Users.list.path)">Hủy</a></p>
        </form>
        """
    }
}
