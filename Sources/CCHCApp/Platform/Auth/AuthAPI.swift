import Fluent
import Vapor
import CCHCDomain

/// Token authentication: POST /api/v1/auth/token → {"token": …}, then `Authorization: Bearer …`.
struct AuthAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue).access(.public)
        routes.delete("auth", "token", use: revoke).access(.own)
        routes.get("me", use: me).access(.scoped)
    }

    struct Credentials: Content {
        var username: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    func issue(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        let user: User
        do {
            switch try await Passwords.authenticate(username: credentials.username, password: credentials.password, on: req) {
            case .success(let found): user = found
            case .locked: throw CCHCError(.forbidden, LoginPolicy.lockedMessage)
            case .failure: throw CCHCError(.unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
            }
        } catch let blocked as LoginPolicy.Blocked {
            let response = Response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(blocked.retryAfter))
            try response.content.encode(CCHCErrorMiddleware.Body(error: .init(status: 429, message: blocked.message)))
            return response
        }
        let token = [UInt8].random(count: 32).base64URLEncoded
        let expires = req.now.addingTimeInterval(Double(req.application.config.tokenDays) * 86_400)
        let actor = try await Actor.load(user, on: req.db)
        try await req.db.writeTransaction { tx in
            try await UserToken(userID: try user.requireID(), tokenHash: UserToken.hash(token), expiresAt: expires).create(on: tx)
            try await Audit.record(on: tx, at: req.now, actor: actor, action: "auth.token", entity: "user", entityID: actor.userID,
                                   unit: try await Unit.find(actor.unitID, on: tx), summary: "Cấp mã truy cập API")
        }
        return try await TokenResponse(token: token, expiresAt: expires).encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        if let bearer = req.headers.bearerAuthorization {
            try await UserToken.query(on: req.db).filter(\.$tokenHash == UserToken.hash(bearer.token)).delete()
            try await Audit.record(on: req.db, at: req.now, actor: actor, action: "auth.revoke", entity: "user", entityID: actor.userID,
                                   unit: try await Unit.find(actor.unitID, on: req.db), summary: "Thu hồi mã truy cập API")
        }
        return .noContent
    }

    func me(req: Request) async throws -> MeDTO {
        let actor = try req.actor
        guard let user = try await User.find(actor.userID, on: req.db) else { throw CCHCError.unauthenticated }
        let unit = try await UnitQueries.readable(actor.unitID, by: actor, on: req.db)
        return MeDTO(user: UserDTO(user), unit: UnitDTO(unit), scopeRootID: actor.scope.root?.unitID, canManage: actor.canManage)
    }
}

extension Array where Element == UInt8 {
    static func random(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    var base64URLEncoded: String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
