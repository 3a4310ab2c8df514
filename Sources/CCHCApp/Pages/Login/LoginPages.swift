import Fluent
import Vapor
import CCHCDomain

/// Sign in and out with the session cookie (stored in the database).
struct LoginPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: show).access(.public)
        routes.post("login", use: submit).access(.public)
        routes.post("logout", use: logout).access(.public)
    }

    struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func show(req: Request) async throws -> Response {
        let next = try? req.query.get(String.self, at: "next")
        if req.actorIfAny != nil { return req.redirect(to: SiteURL.safeNext(next)) }
        return try await Self.render(req, username: "", next: next, error: nil).encodeResponse(status: .ok, for: req)
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        guard let user = try await Passwords.authenticate(username: username, password: form.password ?? "", on: req) else {
            let message = username.isEmpty ? "Tên đăng nhập: không được để trống." : "Tên đăng nhập hoặc mật khẩu không đúng."
            return try await Self.render(req, username: username, next: form.next, error: message).encodeResponse(status: .unauthorized, for: req)
        }
        req.session.data["userID"] = String(try user.requireID())
        let actor = try await Actor.load(user, on: req.db)
        try await Audit.record(on: req.db, at: req.now, actor: actor, action: "auth.login", entity: "user", entityID: actor.userID,
                               unit: try await Unit.find(actor.unitID, on: req.db), summary: "Đăng nhập")
        return req.redirect(to: SiteURL.safeNext(form.next))
    }

    func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.login)
    }

    static func render(_ req: Request, username: String, next: String?, error: String?) async throws -> HTML {
        let errorHTML: HTML = error.map { "<div class=\"error-summary\" role=\"alert\">\($0)</div>" } ?? .empty
        return Layout.page(request: req, title: "Đăng nhập", body: """
        <section class="login card">
        <h1>Đăng nhập</h1>
        \(errorHTML)
        <form method="post" action="\(SiteURL.login)" class="stack">
        <input type="hidden" name="next" value="\(next ?? "")">
        <label for="username">Tên đăng nhập</label>
        <input id="username" name="username" value="\(username)" autocomplete="username" required autofocus>
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <p><button type="submit">Đăng nhập</button></p>
        </form>
        </section>
        """)
    }
}
