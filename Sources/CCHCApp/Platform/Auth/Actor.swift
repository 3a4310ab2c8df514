import Fluent
import Vapor
import CCHCDomain

/// The signed-in account, its unit and what it may reach.
struct Actor: Sendable {
    let userID: Int
    let username: String
    let fullName: String
    let role: Role
    let unitID: Int
    let unitName: String
    let scope: AccessScope
    /// The jurisdiction the account works for (a standing officer's district, say).
    let jurisdictionID: Int

    var isAdmin: Bool { role == .admin }
    var canManage: Bool { role == .admin || role == .standingOfficer }

    /// Builds the actor of `user`, resolving a standing officer's jurisdiction.
    static func load(_ user: User, on db: any Database) async throws -> Actor {
        guard let unit = try await Unit.find(user.$unit.id, on: db) else { throw CCHCError.unauthenticated }
        var jurisdiction = unit
        if unit.kind.isOffice, let parentID = unit.$parent.id, let parent = try await Unit.find(parentID, on: db) {
            jurisdiction = parent
        }
        let scope = AccessScope(role: user.role, unit: unit.unitPath,
                                jurisdiction: user.role == .standingOfficer ? jurisdiction.unitPath : nil)
        return Actor(userID: try user.requireID(), username: user.username, fullName: user.fullName,
                     role: user.role, unitID: try unit.requireID(), unitName: unit.name, scope: scope,
                     jurisdictionID: try jurisdiction.requireID())
    }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    var actorIfAny: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The signed-in account; 401 (or a redirect to the login page) when none.
    var actor: Actor {
        get throws {
            guard let actor = actorIfAny else { throw CCHCError.unauthenticated }
            return actor
        }
    }
}

extension User {
    func requireID() throws -> Int {
        guard let id else { throw CCHCError(.internalServerError, "Tài khoản chưa được lưu.") }
        return id
    }
}
