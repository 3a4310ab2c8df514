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
        /// For an office's staff: its part of the jurisdiction's report (seed 000 §II.2), one click from here.
        var officePart: OfficePart?
        /// What the user's unit owes, what waits for them, what changed (`MyWork`).
        var work: MyWork
    }

    struct OfficePart {
        var jurisdictionID: Int
        var jurisdictionName: String
        var year: Int
        var sections: [String]
        var periods: [(id: Int, label: String)]
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
                    jurisdictions: jurisdictions, offices: offices, officePart: try await officePart(actor, unit: unit, now: req.now, on: req.db),
                    work: try await MyWork.load(actor: actor, now: req.now, on: req.db))
    }

    /// The sections the office answers for in its jurisdiction's regime of this year (or the latest one).
    static func officePart(_ actor: Actor, unit: Unit, now: Date, on db: any Database) async throws -> HomePage.OfficePart? {
        guard unit.kind.isOffice, actor.role == .specialist || actor.role == .leader,
              let jurisdiction = try await Unit.find(actor.jurisdictionID, on: db) else { return nil }
        let thisYear = Day(now).year
        // The regime the jurisdiction's own report goes under (its superior's, or its own), this year's or the latest one.
        let regimes = try await RegimeRecord.query(on: db).filter(\.$issuer.$id == actor.jurisdictionID).all()
        let fallback = regimes.filter({ $0.year <= thisYear }).max(by: { $0.year < $1.year }) ?? regimes.min(by: { $0.year < $1.year })
        guard let regime = try await RegimeService.applicable(for: jurisdiction, year: thisYear, on: db) ?? fallback else { return nil }
        let sections = try await SectionAssignment.query(on: db).filter(\.$regime.$id == (try regime.requireID()))
            .filter(\.$office.$id == actor.unitID).all().map(\.section).sorted()
        guard !sections.isEmpty else { return nil }
        let periods = try await RegimeService.periods(of: regime, on: db).map { (id: try $0.requireID(), label: $0.periodKind.label) }
        return .init(jurisdictionID: actor.jurisdictionID, jurisdictionName: jurisdiction.name, year: regime.year, sections: sections, periods: periods)
    }
}
