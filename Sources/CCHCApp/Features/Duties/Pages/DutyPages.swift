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
