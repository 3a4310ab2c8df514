import Fluent
import Vapor
import CCHCDomain

/// Administration pages for accounts (administrators and standing-agency officers): the handlers. Each page is
/// a model loaded from the request (`UserListPage`, `UserFormPage` `+Model`) and a view that renders only it (`+View`).
struct UserPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Users.list.pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Users.new.pathComponents, use: newForm).access(.scoped)
        routes.post(SiteURL.Users.list.pathComponents, use: create).access(.scoped)
        routes.get(SiteURL.Users.user(.key).pathComponents, use: editForm).access(.scoped)
        routes.post(SiteURL.Users.user(.key).pathComponents, use: update).access(.scoped)
        routes.post(SiteURL.Users.unlock(.key).pathComponents, use: unlock).access(.scoped)
    }

    func unlock(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        _ = try await req.accountService.unlock(user)
        return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
    }

    func list(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let model = try await UserListPage.Model.load(req, actor)
        return Layout.page(request: req, title: UserListPage.View.title, body: UserListPage.View.render(model))
    }

    struct FormBody: Content {
        var username: String?
        var fullName: String?
        var unitID: String?
        var role: String?
        var password: String?
        var isActive: String?
        var revision: String?
        var email: String?
    }

    func newForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        var body = FormBody()
        if let unit = try? req.query.get(Int.self, at: "unit") {
            _ = try await UnitQueries.manageable(unit, by: actor, on: req.db)
            body.unitID = String(unit)
        }
        body.isActive = "on"
        return try await form(req, actor, user: nil, body: body, failure: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(FormBody.self)
        do {
            let user = try await req.accountService.create(.init(
                username: body.username ?? "", fullName: body.fullName ?? "", unitID: Int(body.unitID ?? "") ?? 0,
                role: body.role ?? "", password: body.password ?? "", email: body.email))
            return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).path)
        } catch let failure as ValidationFailure {
            var kept = body
            kept.password = nil
            return try await form(req, actor, user: nil, body: kept, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func editForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        let body = FormBody(username: user.username, fullName: user.fullName, unitID: String(user.$unit.id),
                            role: user.role.rawValue, password: nil, isActive: user.isActive ? "on" : nil, email: user.email)
        return try await form(req, actor, user: user, body: body, failure: nil)
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let user = try await UserQueries.readable(try req.idParameter("userID"), by: actor, on: req.db)
        let body = try req.content.decode(FormBody.self)
        do {
            let unitID: Int = Int(body.unitID ?? "") ?? 0
            let revision: Int? = body.revision.flatMap { Int($0) }
            let input = AccountService.UpdateInput(fullName: body.fullName ?? "", unitID: unitID, role: body.role ?? "",
                                                   isActive: body.isActive == "on", email: body.email, password: body.password, revision: revision)
            _ = try await req.accountService.update(user, input)
            return req.redirect(to: SiteURL.Users.user(.value(try user.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            var kept = body
            kept.password = nil
            kept.username = user.username
            return try await form(req, actor, user: user, body: kept, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            var kept = body
            kept.password = nil
            kept.username = user.username
            let fresh = try await UserQueries.readable(try user.requireID(), by: actor, on: req.db)
            return try await form(req, actor, user: fresh, body: kept, failure: ValidationFailure(field: "revision", conflict.message))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    private func form(_ req: Request, _ actor: Actor, user: User?, body: FormBody, failure: ValidationFailure?) async throws -> HTML {
        let model = try await UserFormPage.Model.load(req, actor, user: user, body: body, failure: failure)
        return Layout.page(request: req, title: model.title, flash: model.flash, body: UserFormPage.View.render(model))
    }
}
