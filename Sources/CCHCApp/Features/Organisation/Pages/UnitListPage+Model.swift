import Fluent
import Vapor
import CCHCDomain

/// The list of units in the signed-in account's scope, searched by name or code: `UnitListPage.Model`
/// is what the page shows, loaded by `Model.load`; `UnitListPage.View` renders it.
enum UnitListPage {}

extension UnitListPage {
    struct Model {
        /// What was searched for ("" lists the tree).
        var q: String
        var showRetired: Bool
        var units: [Unit]
        /// May add and merge units (an administrator, a standing agency's officer).
        var canManage: Bool
    }
}

extension UnitListPage.Model {
    static func load(_ req: Request) async throws -> Self {
        let actor = try req.actor
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        let showRetired = (try? req.query.get(String.self, at: "retired")) == "1"
        let units = try await UnitQueries.search(q, actor: actor, includeRetired: showRetired, on: req.db)
        return Self(q: q, showRetired: showRetired, units: units, canManage: actor.canManage)
    }
}
