import Fluent
import Vapor
import CCHCDomain

/// Administration pages for accounts (administrators and standing-agency officers).
struct UserPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Users.list.pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Users.new.pathComponents, use: newForm).access(.scoped)
        routes.post(SiteURL.Users.list.pathComponents, use: create).access(.scoped)
        routes.get(SiteURL.Users.user(.key).pathComponents, use: editForm).access(.scoped)
        routes.post(SiteURL.Users.user(.key).pathComponents, use: update).access(.scoped)
        routes.post(SiteURL.Users.unlock(.key).pathComponents, use: unlock).access(.scoped)
    }

    func unlock(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        _ = try await req.accountService.unlock(user)
        return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
    }

    func list(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        let rows = try await UserQueries.search(q, actor: actor, on: req.db)
        let body: [HTML] = rows.map { user, unit in
            """
            <tr><td><a href="\(SiteURL.Users.user(.value(user.id ?? 0)).path)">\(user.username)</a></td><td>\(user.fullName)</td>
            <td><a href="\(SiteURL.Units.unit(.value(unit.id ?? 0)).path)">\(unit.name)</a></td><td>\(user.role.label)</td>
            <td>\(user.lockedAt != nil ? "Tạm khóa do nhập sai mật khẩu" : user.isActive ? "Đang hoạt động" : "Đã khóa")</td></tr>
            """
        }
        return Layout.page(request: req, title: "Tài khoản", body: """
        <h1>Tài khoản</h1>
        <form class="search" method="get" action="\(SiteURL.Users.list.path)">
        <input type="search" name="q" value="\(q)" \
        placeholder="Tìm theo tên đăng nhập, họ tên, đơn vị (không cần dấu)" aria-label="Tìm tài khoản">
        <button type="submit">Tìm</button></form>
        <p><a class="button" href="\(SiteURL.Users.new.path)">Thêm tài khoản</a></p>
        <p class="muted">\(rows.count) tài khoản</p>
        <table><thead><tr><th>Tên đăng nhập</th><th>Họ và tên</th><th>Đơn vị</th><th>Vai trò</th><th>Trạng thái</th></tr></thead>\
        <tbody>\(body)</tbody></table>
        """)
    }

    struct FormBody: Content {
        var username: String?
        var fullName: String?
        var unitID: String?
        var role: String?
        var password: String?
        var isActive: String?
        var revision: String?
    }

    func newForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        var body = FormBody()
        if let unit = try? req.query.get(Int.self, at: "unit") {
            _ = try await UnitQueries.manageable(unit, by: actor, on: req.db)
            body.unitID = String(unit)
        }
        body.isActive = "on"
        return try await form(req, actor, user: nil, body: body, failure: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(FormBody.self)
        do {
            let user = try await req.accountService.create(.init(
                username: body.username ?? "", fullName: body.fullName ?? "", unitID: Int(body.unitID ?? "") ?? 0,
                role: body.role ?? "", password: body.password ?? ""))
            return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).path)
        } catch let failure as ValidationFailure {
            var kept = body
            kept.password = nil
            return try await form(req, actor, user: nil, body: kept, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func editForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        let body = FormBody(username: user.username, fullName: user.fullName, unitID: String(user.$unit.id),
                            role: user.role.rawValue, password: nil, isActive: user.isActive ? "on" : nil)
        return try await form(req, actor, user: user, body: body, failure: nil)
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        let body = try req.content.decode(FormBody.self)
        do {
            _ = try await req.accountService.update(user, .init(
                fullName: body.fullName ?? "", unitID: Int(body.unitID ?? "") ?? 0, role: body.role ?? "",
                isActive: body.isActive == "on", password: body.password, revision: body.revision.flatMap { Int($0) }))
            return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            var kept = body
            kept.password = nil
            kept.username = user.username
            return try await form(req, actor, user: user, body: kept, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            var kept = body
            kept.password = nil
            kept.username = user.username
            let fresh = try await UserQueries.readable(try user.requireID(), by: actor, on: req.db)
            return try await form(req, actor, user: fresh, body: kept, failure: ValidationFailure(field: "revision", conflict.message))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    private func form(_ req: Request, _ actor: Actor, user: User?, body: FormBody, failure: ValidationFailure?) async throws -> HTML {
        let units = try await UnitQueries.search(nil, actor: actor, includeRetired: false, limit: 5000, on: req.db)
            .filter { actor.scope.canManage($0.unitPath) }
        let title = user.map { "Tài khoản \($0.username)" } ?? "Thêm tài khoản"
        let action = user.map { SiteURL.Users.user(.value($0.id ?? 0)) } ?? .list
        let saved = (try? req.query.get(String.self, at: "saved")) == "1" && failure == nil
        let usernameField: HTML = user == nil
            ? "<label for=\"username\">Tên đăng nhập</label>"
                + "<input id=\"username\" name=\"username\" value=\"\(body.username ?? "")\" required autocomplete=\"off\">"
                + "\(Layout.errors(failure, "username"))"
            : "<p><strong>Tên đăng nhập:</strong> \(body.username ?? "")</p>"
        let lock: HTML = user?.lockedAt.map { at in """
            <div class="error-summary"><strong>Tài khoản bị khóa từ \(VNDate.display(at)) do nhập sai mật khẩu nhiều lần.</strong>
            <form method="post" action="\(SiteURL.Users.unlock(.value(user?.id ?? 0)).path)" class="inline"><button type="submit">Mở khóa</button></form></div>
            """ } ?? .empty
        return Layout.page(request: req, title: title, flash: saved ? "Đã lưu." : nil, body: """
        <h1>\(title)</h1>
        \(lock)
        \(Layout.errorSummary(failure))
        <form method="post" action="\(action.path)" class="stack card">\(user.map { Revisions.field($0.revision) } ?? .empty)
        \(usernameField)
        <label for="fullName">Họ và tên</label><input id="fullName" name="fullName" value="\(body.fullName ?? "")" required>
        \(Layout.errors(failure, "fullName"))
        <label for="unitID">Đơn vị</label>
        <select id="unitID" name="unitID" required><option value="">— chọn —</option>\
        \(Layout.options(units, selected: body.unitID, value: { String($0.id ?? 0) },
            label: { String(repeating: "  ", count: max(0, $0.depth - 1)) + $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "unitID"))
        <label for="role">Vai trò</label>
        <select id="role" name="role" required><option value="">— chọn —</option>\
        \(Layout.options(actor.scope.assignableRoles, selected: body.role, value: \.rawValue, label: \.label))</select>
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
        """)
    }
}
