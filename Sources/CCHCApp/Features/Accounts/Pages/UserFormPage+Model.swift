import Fluent
import Vapor
import CCHCDomain

/// Adding or editing an account: `UserFormPage.Model` (the typing, the failure, the units and roles the
/// signed-in account may give), loaded by `Model.load`; `UserFormPage.View` renders it.
enum UserFormPage {}

extension UserFormPage {
    struct Model {
        /// The account being edited (its revision goes back with the form); nil when adding.
        var user: User?
        /// What the form shows: the account as saved, or as typed (never a password).
        var body: UserPages.FormBody
        var failure: ValidationFailure?
        /// The units the signed-in account manages.
        var units: [Unit]
        /// The roles it may give.
        var roles: [Role]
        /// Back from a save (`?saved=1`) with nothing refused.
        var saved: Bool

        /// "Tài khoản thachdai.cv", "Thêm tài khoản"
        var title: String { user.map { "Tài khoản \($0.username)" } ?? "Thêm tài khoản" }
        /// The notice after a save.
        var flash: String? { saved ? "Đã lưu." : nil }
    }
}

extension UserFormPage.Model {
    static func load(_ req: Request, _ actor: Actor, user: User?, body: UserPages.FormBody, failure: ValidationFailure?) async throws -> Self {
        let units = try await UnitQueries.search(nil, actor: actor, includeRetired: false, limit: 5000, on: req.db)
            .filter { actor.scope.canManage($0.unitPath) }
        let saved = (try? req.query.get(String.self, at: "saved")) == "1" && failure == nil
        return Self(user: user, body: body, failure: failure, units: units, roles: actor.scope.assignableRoles, saved: saved)
    }
}
