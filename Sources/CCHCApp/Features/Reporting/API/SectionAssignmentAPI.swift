import Fluent
import Vapor
import CCHCDomain

/// Which office answers for which sections or rows of a regime's form, over JSON.
struct SectionAssignmentAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":unitID", "regimes", ":year", "offices", use: show).access(.scoped)
        routes.put("units", ":unitID", "regimes", ":year", "offices", use: save).access(.scoped)
    }

    struct Office: Content { var id: Int; var name: String }
    struct Assignments: Content {
        /// Section or row code → office id, as saved.
        var assignments: [String: Int]
        /// What the form's "Cơ quan" column suggests, matched to the jurisdiction's offices.
        var suggested: [String: Int]
        /// Offices the form names that the jurisdiction does not have.
        var unmatched: [String]
        var offices: [Office]
    }
    struct Input: Content { var assignments: [String: Int] }

    static func dto(_ sheet: SectionAssignmentService.Sheet, assigned: [String: Int]? = nil) -> Assignments {
        Assignments(assignments: assigned ?? sheet.assigned, suggested: sheet.suggested, unmatched: sheet.unmatched,
                    offices: sheet.offices.compactMap { o in o.id.map { Office(id: $0, name: o.name) } })
    }

    func show(req: Request) async throws -> Assignments {
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: try req.actor, on: req.db)
        return Self.dto(try await SectionAssignmentService.sheet(jurisdiction: unit, year: try RegimePages.year(req), on: req.db))
    }

    func save(req: Request) async throws -> Assignments {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let input = try req.content.decode(Input.self)
        let sheet = try await SectionAssignmentService.sheet(jurisdiction: unit, year: try RegimePages.year(req), on: req.db)
        try await SectionAssignmentService(db: req.db, actor: actor, now: req.now).save(input.assignments, sheet: sheet)
        return Self.dto(sheet, assigned: input.assignments)
    }
}
