import Fluent
import Vapor
import CCHCDomain

/// Reads the session cookie (pages) and resolves the actor. A request without the cookie never
/// touches the session (so no row is written for it); a session that expired or was ended is deleted.
struct SessionActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession {
            if let user = try await SessionRules.user(of: request.session, now: request.now, on: request.db) {
                request.actorIfAny = try await Actor.load(user, on: request.db)
            } else if !(request.method == .POST && request.url.path == SiteURL.login.path) {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Reads `Authorization: Bearer …` (API) and resolves the actor.
struct BearerActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let hash = UserToken.hash(bearer.token)
            if let token = try await UserToken.query(on: request.db).filter(\.$tokenHash == hash).with(\.$user).first(),
               token.expiresAt > request.now, token.user.isActive {
                request.actorIfAny = try await Actor.load(token.user, on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}

/// Refuses a request without a signed-in account.
struct RequireActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.actor
        return try await next.respond(to: request)
    }
}
