import Fluent
import Vapor
import CCHCDomain

/// Sign in and out with the session cookie (stored in the database).
struct LoginPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.pathComponents, use: show).access(.public)
        routes.post(SiteURL.login.pathComponents, use: submit).access(.public)
        routes.post(SiteURL.logout.pathComponents, use: logout).access(.public)
    }

    struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func show(req: Request) async throws -> Response {
        let next = try? req.query.get(String.self, at: "next")
        if req.actorIfAny != nil { return req.redirect(to: SiteURL.safeNext(next)) }
        return try await Self.page(req, username: "", next: next, error: nil, status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let outcome: Passwords.Outcome
        do {
            outcome = try await Passwords.authenticate(username: username, password: form.password ?? "", on: req)
        } catch let blocked as LoginPolicy.Blocked {
            let response = try await Self.page(req, username: username, next: form.next, error: blocked.message, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(blocked.retryAfter))
            return response
        }
        let user: User
        switch outcome {
        case .success(let found): user = found
        case .locked: return try await Self.page(req, username: username, next: form.next, error: LoginPolicy.lockedMessage, status: .forbidden)
        case .failure:
            let message = username.isEmpty ? "Tên đăng nhập: không được để trống." : "Tên đăng nhập hoặc mật khẩu không đúng."
            return try await Self.page(req, username: username, next: form.next, error: message, status: .unauthorized)
        }
        // A new session id at sign-in: an id planted before it (fixation) is worth nothing.
        if req.hasSession, let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        SessionRules.start(req.session, user: user, now: req.now)
        let actor = try await Actor.load(user, on: req.db)
        try await Audit.record(on: req.db, at: req.now, actor: actor, action: "auth.login", entity: "user", entityID: actor.userID,
                               unit: try await Unit.find(actor.unitID, on: req.db), summary: "Đăng nhập từ \(LoginPolicy.address(req))")
        let response = req.redirect(to: SiteURL.safeNext(form.next))
        response.cookies[CSRF.loginCookie] = .expired
        return response
    }

    func logout(req: Request) async throws -> Response {
        if let actor = req.actorIfAny {
            try await Audit.record(on: req.db, at: req.now, actor: actor, action: "auth.logout", entity: "user", entityID: actor.userID,
                                   unit: try await Unit.find(actor.unitID, on: req.db), summary: "Đăng xuất")
        }
        if req.hasSession { req.session.destroy() }
        return req.redirect(to: SiteURL.login.path)
    }

    /// The login page with a fresh double-submit CSRF cookie (no session exists before sign-in).
    static func page(_ req: Request, username: String, next: String?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let token = CSRF.newToken()
        let html = try await render(req, username: username, next: next, error: error, token: token)
        let response = try await html.encodeResponse(status: status, for: req)
        response.cookies[CSRF.loginCookie] = HTTPCookies.Value(string: token, expires: nil, maxAge: 3600, path: SiteURL.login.path,
                                                               isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    static func render(_ req: Request, username: String, next: String?, error: String?, token: String) async throws -> HTML {
        let errorHTML: HTML = error.map { "<div class=\"error-summary\" role=\"alert\">\($0)</div>" } ?? .empty
        return Layout.page(request: req, title: "Đăng nhập", body: """
        <section class="login card">
        <h1>Đăng nhập</h1>
        \(errorHTML)
        <form method="post" action="\(SiteURL.login.path)" class="stack">
        <input type="hidden" name="next" value="\(SiteURL.isSafeNext(next) ? next ?? "" : "")">
        <input type="hidden" name="\(CSRF.field)" value="\(token)">
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
