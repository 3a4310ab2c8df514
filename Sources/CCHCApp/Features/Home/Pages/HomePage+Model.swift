import Fluent
import Vapor
import CCHCDomain

extension HomePage {
    /// What the start page shows: who is signed in, their unit, what their scope holds — loaded by `Model.load`,
    /// rendered by `HomePage.View`.
    struct Model {
        var fullName: String
        var roleLabel: String
        var unitID: Int
        var unitName: String
        /// The top of the scope (nil: the whole system).
        var root: Unit?
        /// Jurisdictions and offices in scope, not retired.
        var jurisdictions: Int
        var offices: Int
    }
}

extension HomePage.Model {
    static func load(_ req: Request) async throws -> Self {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(actor.unitID, by: actor, on: req.db)
        let scoped = UnitQueries.scoped(Unit.query(on: req.db), actor.scope).filter(\.$retiredOn == nil)
        let jurisdictions = try await scoped.copy().filter(\.$kind !~ UnitKind.allCases.filter(\.isOffice)).count()
        let offices = try await UnitQueries.scoped(Unit.query(on: req.db), actor.scope).filter(\.$retiredOn == nil)
            .filter(\.$kind ~~ UnitKind.allCases.filter(\.isOffice)).count()
        var root: Unit?
        if let rootPath = actor.scope.root { root = try await Unit.find(rootPath.unitID, on: req.db) }
        return Self(fullName: actor.fullName, roleLabel: actor.role.label, unitID: actor.unitID, unitName: unit.name, root: root,
                    jurisdictions: jurisdictions, offices: offices)
    }
}
