import Fluent
import Vapor
import CCHCDomain

/// One unit: its place in the tree, offices and subordinate units, merges, accounts. `UnitPage.Model` is
/// what the page shows, loaded by `Model.load`; `UnitPage.View` renders it.
enum UnitPage {}

extension UnitPage {
    struct Model {
        var unit: Unit
        /// The units above it that the signed-in account may read, top first.
        var ancestors: [Unit]
        var offices: [Unit]
        var subordinates: [Unit]
        /// The units merged into it, with the date of each merge.
        var predecessors: [(Unit, String)]
        /// Every unit it descends from, through merges of merges.
        var lineage: [Unit]
        /// The unit it was merged into, when retired.
        var successor: Unit?
        /// Its accounts (empty unless `showsAccounts`).
        var accounts: [User]
        /// An administrator or a standing agency's officer sees the unit's accounts.
        var showsAccounts: Bool
        /// The signed-in account may edit the unit (and, for a jurisdiction, add units and accounts under it).
        var canManageUnit: Bool
        /// This year (the links to the year's pages), and whether the account may see the jurisdiction's tables.
        var year: Int
        var canManageBelow: Bool
        /// A regime applies to the unit this year (the consolidation needs one).
        var hasRegime = false
    }
}

extension UnitPage.Model {
    static func load(_ req: Request) async throws -> Self {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let id = try unit.requireID()
        let ancestors = try await UnitQueries.ancestors(of: unit, on: req.db).filter { actor.scope.canRead($0.unitPath) }
        let children = try await UnitQueries.children(of: id, on: req.db)
        let predecessors = try await UnitQueries.predecessors(of: id, on: req.db)
        let lineage = try await UnitQueries.lineage(of: id, on: req.db)
        let successor = try await Unit.find(optional: unit.successorID, on: req.db)
        let accounts = actor.canManage ? try await User.query(on: req.db).filter(\.$unit.$id == id).sort(\.$username).all() : []
        return Self(unit: unit, ancestors: ancestors, offices: children.filter(\.kind.isOffice),
                    subordinates: children.filter { !$0.kind.isOffice }, predecessors: predecessors, lineage: lineage,
                    successor: successor, accounts: accounts, showsAccounts: actor.canManage,
                    canManageUnit: actor.scope.canManage(unit.unitPath), year: Day(req.now).year,
                    canManageBelow: actor.scope.canManage(unit.unitPath),
                    hasRegime: try await RegimeService.applicable(for: unit, year: Day(req.now).year, on: req.db) != nil)
    }
}
