import Fluent
import Vapor
import CCHCDomain

/// A unit's duties of a year, and the calendar feeds: the account's feeds page (make, revoke) and the feed itself.
struct DutyPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Duties.unit(.key).pathComponents, use: unitDuties).access(.scoped)
        routes.get(SiteURL.Calendar.settings.pathComponents, use: settings).access(.own)
        routes.post(SiteURL.Calendar.settings.pathComponents, use: create).access(.scoped)
        routes.post(SiteURL.Calendar.revoke(.key).pathComponents, use: revoke).access(.scoped)
        routes.post(SiteURL.Duties.readReminders.pathComponents, use: readReminders).access(.own)
        routes.get(SiteURL.Duties.dashboard(.key).pathComponents, use: dashboard).access(.scoped)
        routes.get(SiteURL.Duties.dashboardXLSX(.key).pathComponents, use: dashboardXLSX).access(.scoped)
        routes.get(SiteURL.Duties.overview(.key).pathComponents, use: overview).access(.scoped)
    }

    /// A jurisdiction the account manages (its standing agency, or above) or leads: the dashboard and the overview.
    static func jurisdiction(_ req: Request) async throws -> (Unit, Int) {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.isJurisdiction else { throw CCHCError.notFound("Theo dõi và tổng quan chỉ có ở UBND các cấp, không ở \(unit.name).") }
        guard actor.scope.canManage(unit.unitPath) || actor.scope.canSign(for: unit.unitPath) else {
            throw CCHCError(.forbidden, "Trang này dành cho lãnh đạo và cơ quan thường trực CCHC của \(unit.name).")
        }
        return (unit, try req.queryInt("year", in: 2000...2100) ?? Day(req.now).year)
    }

    func dashboard(req: Request) async throws -> HTML {
        let (unit, year) = try await Self.jurisdiction(req)
        let d = try await DutyDashboard.load(jurisdiction: unit, year: year, now: req.now, on: req.db)
        return Layout.page(request: req, title: "Theo dõi thực hiện nhiệm vụ năm \(year) — \(unit.name)", body: DashboardView.render(d))
    }

    func dashboardXLSX(req: Request) async throws -> Response {
        let (unit, year) = try await Self.jurisdiction(req)
        let d = try await DutyDashboard.load(jurisdiction: unit, year: year, now: req.now, on: req.db)
        return Exports.file(try d.xlsx(), type: Exports.xlsxType, name: "theo-doi-nhiem-vu-\(unit.code.lowercased())-\(year).xlsx")
    }

    func overview(req: Request) async throws -> HTML {
        let (unit, year) = try await Self.jurisdiction(req)
        let o = try await LeaderOverview.load(jurisdiction: unit, year: year, now: req.now, actor: try req.actor,
                                              code: req.query[String.self, at: "code"], on: req.db)
        return Layout.page(request: req, title: "Tổng quan CCHC năm \(year) — \(unit.name)", body: LeaderOverviewView.render(o))
    }

    func readReminders(req: Request) async throws -> Response {
        let actor = try req.actor
        try await ReminderRecord.query(on: req.db).filter(\.$user.$id == actor.userID).filter(\.$readAt == nil)
            .set(\.$readAt, to: req.now).update()
        return req.redirect(to: SiteURL.home.path)
    }

    func unitDuties(req: Request) async throws -> HTML {
        let view = try await UnitDuties.load(req)
        return Layout.page(request: req, title: "Lịch việc năm \(view.year) — \(view.unitName)", body: UnitDutiesView.render(view))
    }

    func settings(req: Request) async throws -> HTML {
        try await settingsPage(req, made: nil)
    }

    func settingsPage(_ req: Request, made: CalendarFeedDTO?) async throws -> HTML {
        let actor = try req.actor
        let feeds = try await CalendarService(db: req.db, actor: actor, now: req.now).list()
        let units = try await MyWork.workUnits(actor, on: req.db)
        return Layout.page(request: req, title: "Lịch việc trên điện thoại", body: CalendarView.render(feeds: feeds, units: units, made: made))
    }

    func create(req: Request) async throws -> HTML {
        let actor = try req.actor
        let form = FormBody(req)
        let unitID = form["unitID"].flatMap { Int($0) }
        let made = try await CalendarService(db: req.db, actor: actor, now: req.now).create(unitID: unitID, base: req.siteBase)
        return try await settingsPage(req, made: made)
    }

    func revoke(req: Request) async throws -> Response {
        let actor = try req.actor
        _ = try await CalendarService(db: req.db, actor: actor, now: req.now).revoke(try req.idParameter("feedID"))
        return req.redirect(to: SiteURL.Calendar.settings.path)
    }
}

/// The feed itself: no session, the secret address is the key; unknown or revoked → 404.
struct CalendarFeedRoute: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Calendar.feed(.key).pathComponents, use: feed).access(.public)
    }

    func feed(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard token.count <= 100, let text = try await CalendarService.calendar(token: token, base: req.siteBase, now: req.now, on: req.db) else {
            throw CCHCError.notFound("Không có lịch ở địa chỉ này (đường dẫn sai hoặc đã bị thu hồi).")
        }
        return Response(status: .ok, headers: ["Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store",
                                               "Content-Disposition": "inline; filename=\"cchc.ics\""], body: .init(string: text))
    }
}
