import Vapor

/// Cross-site request forgery: every state-changing page request carries a token the attacker's
/// page cannot know, and its Origin (or Referer), when sent, must be this site.
///
/// - A signed-in session keeps its token in the session; `Layout` puts it into every
///   `<form method="post">` (as a hidden `_csrf` field, or in the action's query for uploads).
/// - The login form, used before any session exists, uses a double-submit cookie.
/// - The API is not concerned: it takes no cookie, only `Authorization: Bearer`.
enum CSRF {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let loginCookie = "cchc-login-csrf"
    static let sessionKey = "csrf"

    static func newToken() -> String { [UInt8].random(count: 32).base64URLEncoded }

    /// The token of a signed-in session, made on first use.
    static func sessionToken(_ req: Request) -> String? {
        guard req.actorIfAny != nil, req.hasSession else { return nil }
        if let token = req.session.data[sessionKey] { return token }
        let token = newToken()
        req.session.data[sessionKey] = token
        return token
    }

    /// Constant-time comparison.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// Puts the token into every POST form of a page.
    static func protect(_ html: String, token: String) -> String {
        guard html.contains("<form") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 200)
        var rest = Substring(html)
        while let start = rest.range(of: "<form") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.lowerBound...].firstIndex(of: ">") else { out += rest[start.lowerBound...]; return out }
            var tag = String(rest[start.lowerBound...close])
            if tag.lowercased().contains("method=\"post\"") {
                if tag.contains("multipart/form-data"), let action = tag.range(of: "action=\"") {
                    // A multipart body is not read before the route: the token travels in the query.
                    let valueEnd = tag[action.upperBound...].firstIndex(of: "\"") ?? tag.endIndex
                    let url = String(tag[action.upperBound..<valueEnd])
                    tag.replaceSubrange(action.upperBound..<valueEnd, with: url + (url.contains("?") ? "&" : "?") + "\(field)=\(token)")
                }
                out += tag + "<input type=\"hidden\" name=\"\(field)\" value=\"\(token)\">"
            } else {
                out += tag
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return protectUploadButtons(out, token: token)
    }

    /// A button that sends its form as multipart to another address (`formaction`, `formenctype`) carries the token there too.
    static func protectUploadButtons(_ html: String, token: String) -> String {
        guard html.contains("formenctype=\"multipart/form-data\"") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<button") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.lowerBound...].firstIndex(of: ">") else { out += rest[start.lowerBound...]; return out }
            var tag = String(rest[start.lowerBound...close])
            if tag.contains("formenctype=\"multipart/form-data\""), let action = tag.range(of: "formaction=\"") {
                let valueEnd = tag[action.upperBound...].firstIndex(of: "\"") ?? tag.endIndex
                let url = String(tag[action.upperBound..<valueEnd])
                tag.replaceSubrange(action.upperBound..<valueEnd, with: url + (url.contains("?") ? "&" : "?") + "\(field)=\(token)")
            }
            out += tag
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// Checks CSRF on every page request that changes something (POST, PUT, PATCH, DELETE).
struct CSRFMiddleware: AsyncMiddleware {
    static let refusal = "Yêu cầu bị từ chối vì không mang mã chống giả mạo hợp lệ (CSRF) — "
        + "có thể trang đã mở quá lâu hoặc được gửi từ trang web khác. "
        + "Hãy bấm Quay lại trên trình duyệt để lấy lại phần đã nhập, tải lại trang rồi gửi lại."

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        guard Self.sameOrigin(request) else { throw CCHCError(.forbidden, Self.refusal) }
        // No live session: nothing this request could change (the routes behind need a signed-in account);
        // let it reach them, so an expired session is asked to sign in again rather than refused as forgery.
        if request.url.path != SiteURL.login.path && request.actorIfAny == nil { return try await next.respond(to: request) }
        let expected: String?
        if request.url.path == SiteURL.login.path {
            expected = request.cookies[CSRF.loginCookie]?.string
        } else {
            expected = request.hasSession ? request.session.data[CSRF.sessionKey] : nil
        }
        guard let expected, let provided = try await Self.providedToken(request), CSRF.same(expected, provided) else {
            throw CCHCError(.forbidden, Self.refusal)
        }
        return try await next.respond(to: request)
    }

    /// The Origin header (or, without it, the Referer) names this host, when the browser sends one.
    static func sameOrigin(_ request: Request) -> Bool {
        let source = request.headers.first(name: .origin) ?? request.headers.first(name: .referer)
        guard let source else { return true }
        guard let host = request.headers.first(name: .host)?.lowercased() else { return false }
        guard let url = URL(string: source), let originHost = url.host?.lowercased() else { return false }
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        let origin = originHost + (url.port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? "")
        var own = host
        for suffix in [":80", ":443"] where own.hasSuffix(suffix) { own.removeLast(suffix.count) }
        return origin == own
    }

    /// The token from the header, the query, or the urlencoded body.
    static func providedToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: CSRF.header) { return header }
        if let query = try? request.query.get(String.self, at: CSRF.field) { return query }
        guard request.headers.contentType == .urlEncodedForm else { return nil }
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        return FormBody(request)[CSRF.field]
    }
}
