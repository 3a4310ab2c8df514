import Fluent
import Vapor
import CCHCDomain

/// Accounts within the caller's scope.
struct UserAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: list).access(.scoped)
        users.post(use: create).access(.scoped)
        users.get(":userID", use: show).access(.scoped)
        users.put(":userID", use: update).access(.scoped)
        users.post(":userID", "unlock", use: unlock).access(.scoped)
    }

    func unlock(req: Request) async throws -> UserDTO {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        return UserDTO(try await req.accountService.unlock(user))
    }

    func list(req: Request) async throws -> [UserDTO] {
        let actor = try req.actor
        return try await UserQueries.search(try? req.query.get(String.self, at: "q"), actor: actor, on: req.db).map { UserDTO($0.0) }
    }

    func show(req: Request) async throws -> UserDTO {
        let actor = try req.actor
        return UserDTO(try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let input = try req.content.decode(AccountService.CreateInput.self)
        return try await UserDTO(try await req.accountService.create(input)).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UserDTO {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        let input = try req.content.decode(AccountService.UpdateInput.self)
        return UserDTO(try await req.accountService.update(user, input))
    }
}

struct AuditAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: list).access(.scoped)
    }

    func list(req: Request) async throws -> [AuditEventDTO] {
        let actor = try req.actor
        var filter = try AuditFilter(req)
        if try req.queryInt("limit") == nil { filter.limit = 100 }
        return try await AuditQueries.find(filter, actor: actor, on: req.db).map(AuditEventDTO.init)
    }
}
