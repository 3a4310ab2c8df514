import Foundation
import Vapor
import CCHCDomain

/// What the API says about a unit (never the Fluent model itself).
struct UnitDTO: Content {
    var id: Int
    var code: String
    var name: String
    var kind: String
    var kindLabel: String
    var parentID: Int?
    var path: String
    var depth: Int
    var isStandingAgency: Bool
    var retiredOn: String?
    var successorID: Int?
    /// Edit counter: send it back with a change (PUT) to be protected from overwriting someone else's.
    var revision: Int

    init(_ u: Unit) {
        id = u.id ?? 0
        code = u.code
        name = u.name
        kind = u.kind.rawValue
        kindLabel = u.kind.label
        parentID = u.$parent.id
        path = u.path
        depth = u.depth
        isStandingAgency = u.isStandingAgency
        retiredOn = u.retiredOn
        successorID = u.successorID
        revision = u.revision
    }
}

struct UnitDetailDTO: Content {
    struct Predecessor: Content { var unit: UnitDTO; var mergedOn: String }
    var unit: UnitDTO
    var ancestors: [UnitDTO]
    var offices: [UnitDTO]
    var subordinates: [UnitDTO]
    var predecessors: [Predecessor]
    var lineage: [UnitDTO]
    var successor: UnitDTO?
}

struct UserDTO: Content {
    var id: Int
    var username: String
    var fullName: String
    var unitID: Int
    var role: String
    var roleLabel: String
    var isActive: Bool
    /// Where reminders are e-mailed.
    var email: String?
    /// Set when repeated wrong passwords locked the account (an administrator or the standing agency unlocks it).
    var lockedAt: Date?
    /// Edit counter: send it back with a change (PUT).
    var revision: Int

    init(_ u: User) {
        id = u.id ?? 0
        username = u.username
        fullName = u.fullName
        email = u.email
        unitID = u.$unit.id
        role = u.role.rawValue
        roleLabel = u.role.label
        isActive = u.isActive
        lockedAt = u.lockedAt
        revision = u.revision
    }
}

struct MeDTO: Content {
    var user: UserDTO
    var unit: UnitDTO
    var scopeRootID: Int?
    var canManage: Bool
}

struct AuditEventDTO: Content {
    var id: Int
    var at: Date
    var username: String
    var action: String
    /// The action in words ("Ký, gửi báo cáo").
    var actionLabel: String
    var entity: String
    var entityID: Int?
    var unitID: Int?
    var summary: String
    /// The changed fields as JSON text: {"field": "before → after"}.
    var detail: String?
    /// The same, decoded.
    var changes: [String: String]

    init(_ e: AuditEvent) {
        id = e.id ?? 0
        at = e.at
        username = e.username
        action = e.action
        actionLabel = AuditWords.label(e.action)
        entity = e.entity
        entityID = e.entityID
        unitID = e.unitID
        summary = e.summary
        detail = e.detail
        changes = Dictionary(uniqueKeysWithValues: AuditFilter.details(e).map { ($0.key, $0.value) })
    }
}
