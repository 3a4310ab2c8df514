import Fluent
import Vapor
import CCHCDomain

/// Administration pages for the organisation tree: the handlers. Each page is a model loaded from the request
/// (`UnitListPage`, `UnitPage`, `UnitFormPage`, `UnitMergePage` `+Model`) and a view that renders only it (`+View`).
struct UnitPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Units.list.pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Units.new.pathComponents, use: newForm).access(.scoped)
        routes.post(SiteURL.Units.list.pathComponents, use: create).access(.scoped)
        routes.get(SiteURL.Units.merge.pathComponents, use: mergeForm).access(.scoped)
        routes.post(SiteURL.Units.merge.pathComponents, use: merge).access(.scoped)
        routes.get(SiteURL.Units.unit(.key).pathComponents, use: show).access(.scoped)
        routes.get(SiteURL.Units.edit(.key).pathComponents, use: editForm).access(.scoped)
        routes.post(SiteURL.Units.unit(.key).pathComponents, use: update).access(.scoped)
    }

    // MARK: List

    func list(req: Request) async throws -> HTML {
        let model = try await UnitListPage.Model.load(req)
        return Layout.page(request: req, title: UnitListPage.View.title, body: UnitListPage.View.render(model))
    }

    // MARK: Show

    func show(req: Request) async throws -> HTML {
        let model = try await UnitPage.Model.load(req)
        return Layout.page(request: req, title: model.unit.name, body: UnitPage.View.render(model))
    }

    // MARK: Create / edit

    struct FormValues {
        var code = ""
        var name = ""
        var kind = ""
        var parentID: Int?
        var isStandingAgency = false
    }

    struct FormBody: Content {
        var code: String?
        var name: String?
        var kind: String?
        var parentID: String?
        var isStandingAgency: String?
        var revision: String?

        var values: FormValues {
            FormValues(code: code ?? "", name: name ?? "", kind: kind ?? "", parentID: parentID.flatMap { Int($0) },
                       isStandingAgency: isStandingAgency == "on" || isStandingAgency == "true" || isStandingAgency == "1")
        }
        var input: OrganisationService.UnitInput {
            let v = values
            return .init(code: v.code, name: v.name, kind: v.kind, parentID: v.parentID, isStandingAgency: v.isStandingAgency,
                         revision: revision.flatMap { Int($0) })
        }
    }

    func newForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        var values = FormValues()
        if let parent = try? req.query.get(Int.self, at: "parent") {
            _ = try await UnitQueries.manageable(parent, by: actor, on: req.db)
            values.parentID = parent
        }
        return try await form(req, title: "Thêm đơn vị", action: .list, values: values, failure: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(FormBody.self)
        do {
            let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).create(body.input)
            return req.redirect(to: SiteURL.Units.unit(.value(try unit.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await form(req, title: "Thêm đơn vị", action: .list, values: body.values, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func editForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        if unit.isRetired { throw CCHCError(.conflict, OrgRules.Violation.retiredUnit(unit.name).description) }
        let values = FormValues(code: unit.code, name: unit.name, kind: unit.kind.rawValue, parentID: unit.$parent.id, isStandingAgency: unit.isStandingAgency)
        return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: values, failure: nil, editing: unit)
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let body = try req.content.decode(FormBody.self)
        do {
            let saved = try await OrganisationService(db: req.db, actor: actor, now: req.now).update(unit, body.input)
            return req.redirect(to: SiteURL.Units.unit(.value(try saved.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: body.values,
                                  failure: failure, editing: unit)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            // Someone saved first: the page comes back with this user's typing and the newer revision.
            let fresh = try await UnitQueries.manageable(try unit.requireID(), by: actor, on: req.db)
            return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: body.values,
                                  failure: ValidationFailure(field: "revision", conflict.message), editing: fresh)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    private func form(_ req: Request, title: String, action: SiteURL.Units, values: FormValues, failure: ValidationFailure?,
                      editing: Unit? = nil) async throws -> HTML {
        let model = try await UnitFormPage.Model.load(req, title: title, action: action, values: values, failure: failure, editing: editing)
        return Layout.page(request: req, title: model.title, body: UnitFormPage.View.render(model))
    }

    // MARK: Merge

    struct MergeBody: Content {
        var predecessorIDs: [String]?
        var code: String?
        var name: String?
        var kind: String?
        var parentID: String?
        var mergedOn: String?
    }

    func mergeForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        return try await mergePage(req, actor, body: MergeBody(), failure: nil)
    }

    func merge(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(MergeBody.self)
        let input = OrganisationService.MergeInput(
            predecessorIDs: (body.predecessorIDs ?? []).compactMap { Int($0) }, code: body.code ?? "", name: body.name ?? "",
            kind: body.kind ?? "", parentID: body.parentID.flatMap { Int($0) }, mergedOn: body.mergedOn ?? "")
        do {
            let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).merge(input)
            return req.redirect(to: SiteURL.Units.unit(.value(try unit.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await mergePage(req, actor, body: body, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func mergePage(_ req: Request, _ actor: Actor, body: MergeBody, failure: ValidationFailure?) async throws -> HTML {
        let model = try await UnitMergePage.Model.load(req, actor, body: body, failure: failure)
        return Layout.page(request: req, title: UnitMergePage.View.title, body: UnitMergePage.View.render(model))
    }
}
