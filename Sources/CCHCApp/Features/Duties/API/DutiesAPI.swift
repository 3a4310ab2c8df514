import Fluent
import Vapor
import CCHCDomain

/// The work list, a unit's duties and the calendar feeds over JSON: the same reads and service as the pages.
struct DutiesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("my-work", use: myWork).access(.own)
        routes.get("units", ":unitID", "duties", use: unitDuties).access(.scoped)
        routes.get("calendar", "feeds", use: feeds).access(.own)
        routes.post("calendar", "feeds", use: create).access(.scoped)
        routes.post("calendar", "feeds", ":feedID", "revoke", use: revoke).access(.scoped)
        routes.get("units", ":unitID", "dashboard", use: dashboard).access(.scoped)
        routes.get("units", ":unitID", "overview", use: overview).access(.scoped)
    }

    func dashboard(req: Request) async throws -> DutyDashboard {
        let (unit, year) = try await DutyPages.jurisdiction(req)
        return try await DutyDashboard.load(jurisdiction: unit, year: year, now: req.now, on: req.db)
    }

    func overview(req: Request) async throws -> LeaderOverview {
        let (unit, year) = try await DutyPages.jurisdiction(req)
        return try await LeaderOverview.load(jurisdiction: unit, year: year, now: req.now, actor: try req.actor,
                                              code: req.query[String.self, at: "code"], on: req.db)
    }

    func myWork(req: Request) async throws -> MyWork {
        try await MyWork.load(actor: try req.actor, now: req.now, on: req.db)
    }

    func unitDuties(req: Request) async throws -> UnitDuties { try await UnitDuties.load(req) }

    func feeds(req: Request) async throws -> [CalendarFeedDTO] {
        try await CalendarService(db: req.db, actor: try req.actor, now: req.now).list()
    }

    struct FeedInput: Content {
        /// A unit's feed; absent: the account's own.
        var unitID: Int?
    }

    func create(req: Request) async throws -> Response {
        let input = req.body.data == nil ? FeedInput(unitID: nil) : try req.content.decode(FeedInput.self)
        let made = try await CalendarService(db: req.db, actor: try req.actor, now: req.now).create(unitID: input.unitID, base: req.siteBase)
        return try await made.encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> CalendarFeedDTO {
        try await CalendarService(db: req.db, actor: try req.actor, now: req.now).revoke(try req.idParameter("feedID"))
    }
}
