import Fluent
import Vapor
import CCHCDomain

/// A unit's report for a period: fill, save, sign off, review; versions side by side. The handlers: each page
/// is a model loaded from the request (`ReportListPage`, `ReportPage`, `ReportComparePage` `+Model`) and a view
/// that renders only it (`+View`).
struct ReportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Reports.list(.key).pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Reports.report(.key, .key).pathComponents, use: show).access(.scoped)
        routes.post(SiteURL.Reports.report(.key, .key).pathComponents, use: save).access(.scoped)
        routes.post(SiteURL.Reports.action(.key, .key, .key).pathComponents, use: act).access(.scoped)
        routes.get(SiteURL.Reports.compare(.key, .key).pathComponents, use: compare).access(.scoped)
        routes.post(SiteURL.Reports.assemble(.key, .key).pathComponents, use: assemble).access(.scoped)
    }

    // MARK: List

    func list(req: Request) async throws -> HTML {
        let model = try await ReportListPage.Model.load(req)
        return Layout.page(request: req, title: model.pageTitle, body: ReportListPage.View.render(model))
    }

    // MARK: Show / save

    func show(req: Request) async throws -> HTML {
        let (_, ctx) = try await req.reportContext()
        return try await ReportPage.page(req, ctx, typed: nil, failure: nil, warnings: ctx.warnings(), flash: ReportPage.Model.flash(req))
    }

    func save(req: Request) async throws -> Response {
        let (service, ctx) = try await req.reportContext()
        let unit = ctx.unit
        let form = FormBody(req)
        let input = ReportPage.input(from: form, ctx: ctx)
        do {
            _ = try await service.save(ctx, input)
            return req.redirect(to: SiteURL.Reports.report(.value(try unit.requireID()), .value(try ctx.period.requireID()))
                .relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            // Nothing was saved: show the page again with everything the user typed.
            return try await ReportPage.page(req, ctx, typed: form, failure: failure, warnings: [], flash: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let locked as CCHCError where locked.title == ReportService.lockedTitle {
            // Locked while the page was open (signed and sent, accepted): the report as it stands now, with why and what to do.
            let fresh = try await service.context(unit: unit, periodID: try ctx.period.requireID())
            return try await ReportPage.page(req, fresh, typed: nil, failure: ValidationFailure(field: "state", locked.message),
                                             warnings: fresh.warnings(), flash: nil, failureHeading: "Báo cáo đã khóa — chưa lưu được:")
                .encodeResponse(status: locked.status, for: req)
        } catch let conflict as StaleWrite {
            // Someone saved first: nothing overwritten; their version beside this user's typing, which stays in the boxes.
            let fresh = try await service.context(unit: unit, periodID: try ctx.period.requireID())
            return try await ReportPage.page(req, fresh, typed: ReportPage.merged(form, with: fresh), failure: nil, warnings: [], flash: nil,
                                             conflict: conflict, typedBeforeMerge: form)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    func act(req: Request) async throws -> Response {
        guard let action = req.parameters.get("action").flatMap(ReportAction.init(rawValue:)), action != .save else {
            throw CCHCError.notFound()
        }
        let (service, opened) = try await req.reportContext()
        var ctx = opened
        let unit = ctx.unit
        let form = FormBody(req)
        var input = ReportService.ActionInput(comment: form["comment"], docNumber: form["docNumber"], docDate: form["docDate"],
                                              revision: form["revision"].flatMap { Int($0) })
        var saved = false
        do {
            if form["documentsPresent"] != nil {
                // Sent from the report form ("Lưu và trình lãnh đạo ký"): what was typed is saved first.
                _ = try await service.save(ctx, ReportPage.input(from: form, ctx: ctx))
                saved = true
                ctx = try await service.context(unit: unit, periodID: try ctx.period.requireID())
                input.revision = ctx.report?.revision
            }
            _ = try await service.act(ctx, action, input)
            return req.redirect(to: SiteURL.Reports.report(.value(try unit.requireID()), .value(try ctx.period.requireID()))
                .relativeURL(parameters: [QueryParameter("done", action.rawValue)]))
        } catch let failure as ValidationFailure {
            // The heading names the step that stopped: the save sent with it, or the step itself.
            let heading = form["documentsPresent"] == nil ? action.refusedHeading
                : saved ? "Đã lưu báo cáo, nhưng chưa trình lãnh đạo ký được — vui lòng bổ sung:" : ReportAction.save.refusedHeading
            return try await ReportPage.page(req, ctx, typed: form, failure: failure, warnings: ctx.warnings(), flash: nil,
                                             failureHeading: heading)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as CCHCError where refusal.status == .conflict {
            // A step refused (a return without its comment, a step the state no longer allows): the report page again,
            // the reason above the actions and under the box it concerns, the comment typed so far kept.
            let fresh = try await service.context(unit: unit, periodID: try ctx.period.requireID())
            let emptyComment = (action == .return || action == .backToDrafter)
                && (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            return try await ReportPage.page(req, fresh, typed: form,
                                             failure: ValidationFailure(field: emptyComment ? "comment" : "action", refusal.message),
                                             warnings: fresh.warnings(), flash: nil, failureHeading: action.refusedHeading)
                .encodeResponse(status: .conflict, for: req)
        } catch let conflict as StaleWrite {
            let fresh = try await service.context(unit: unit, periodID: try ctx.period.requireID())
            let typed = form["documentsPresent"] == nil ? nil : ReportPage.merged(form, with: fresh)
            return try await ReportPage.page(req, fresh, typed: typed, failure: nil, warnings: fresh.warnings(), flash: nil, conflict: conflict,
                                             typedBeforeMerge: typed == nil ? nil : form)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    func assemble(req: Request) async throws -> Response {
        let (service, ctx) = try await req.reportContext()
        let unit = ctx.unit
        _ = try await service.assemble(ctx)
        return req.redirect(to: SiteURL.Reports.report(.value(try unit.requireID()), .value(try ctx.period.requireID()))
            .relativeURL(parameters: [QueryParameter("assembled", 1)]))
    }

    // MARK: Compare versions

    func compare(req: Request) async throws -> HTML {
        let (_, ctx) = try await req.reportContext()
        let model = try await ReportComparePage.Model.load(req, ctx)
        return Layout.page(request: req, title: ReportComparePage.View.title, body: ReportComparePage.View.render(model))
    }
}

extension ReportPage {
    /// The report page as a handler answers with it: the model loaded, its view rendered in the layout
    /// (`Layout.page` reads the request for the navigation, so it is called here, not in the view).
    static func page(_ req: Request, _ ctx: ReportContext, typed: FormBody?, failure: ValidationFailure?, warnings: [RuleWarning], flash: String?,
                     conflict: StaleWrite? = nil, typedBeforeMerge: FormBody? = nil, changes: [String]? = nil,
                     failureHeading: String? = nil) async throws -> HTML {
        let model = try await Model.load(req, ctx, typed: typed, failure: failure, warnings: warnings, flash: flash, conflict: conflict,
                                         typedBeforeMerge: typedBeforeMerge, changes: changes, failureHeading: failureHeading)
        return Layout.page(request: req, title: model.pageTitle, flash: model.flash, body: View.render(model))
    }
}

/// The rows of a unit's report list.
enum ReportListing {
    struct Row: Content {
        var periodID: Int
        var kind: String
        var title: String
        var window: String
        var deadline: String
        var state: String
        var stateLabel: String
        var status: String
        var timelinessLabel: String
        var reportID: Int?
        var version: Int?
    }

    static func rows(unit: Unit, year: Int, now: Date, on db: any Database) async throws -> [Row] {
        guard let regime = try await RegimeService.applicable(for: unit, year: year, on: db) else { return [] }
        let periods = try await RegimeService.periods(of: regime, on: db)
        let reports = try await Report.query(on: db).filter(\.$unit.$id == (try unit.requireID()))
            .filter(\.$period.$id ~~ (try periods.map { try $0.requireID() })).filter(\.$isCurrent == true).all()
        let windowOf = try await RegimeService.windows(for: unit, regime: regime, on: db)
        var rows: [Row] = []
        for p in periods {
            let r = reports.first { $0.$period.id == p.id }
            let window = windowOf(p)
            let t = Timeliness.of(r, deadline: window.lastDay, now: now)
            let state = r?.state ?? .draft
            rows.append(Row(periodID: try p.requireID(), kind: p.kind, title: p.periodKind.title(year: year), window: window.windowText,
                       deadline: (window.deadlineStrict == true ? "trước " : "") + window.deadline.vietnamese,
                       state: r == nil ? "none" : state.rawValue,
                       stateLabel: r == nil ? "Chưa lập" : state.label, status: t.code, timelinessLabel: t.label,
                       reportID: r?.id, version: r?.version))
        }
        return rows
    }
}
