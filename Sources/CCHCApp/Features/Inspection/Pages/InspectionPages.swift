import Fluent
import Vapor
import CCHCDomain

/// Inspections' pages: the overview of a year (the plan and its JSON, self-inspection, the schedule, the findings) and a
/// visit (its dates and moves, the pre-visit report, the conclusion and its findings with remediation and verification).
struct InspectionPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Inspections.overview(.key).pathComponents, use: overview).access(.scoped)
        routes.post(SiteURL.Inspections.plan(.key).pathComponents, use: savePlan).access(.scoped)
        routes.post(SiteURL.Inspections.selfReport(.key).pathComponents, use: selfReport).access(.scoped)
        routes.post(SiteURL.Inspections.visits(.key).pathComponents, use: schedule).access(.scoped)
        routes.get(SiteURL.Inspections.visit(.key, .key).pathComponents, use: visit).access(.scoped)
        routes.post(SiteURL.Inspections.visitAction(.key, .key, .key).pathComponents, use: visitAction).access(.scoped)
        routes.post(SiteURL.Inspections.findingAction(.key, .key, .key, .key).pathComponents, use: findingAction).access(.scoped)
        routes.get(SiteURL.Inspections.findingsXLSX(.key).pathComponents, use: findingsXLSX).access(.scoped)
        routes.get(SiteURL.Inspections.planDOCX(.key).pathComponents, use: planDOCX).access(.scoped)
        routes.get(SiteURL.Inspections.conclusionDOCX(.key, .key).pathComponents, use: conclusionDOCX).access(.scoped)
    }

    static func unit(_ req: Request) async throws -> (Actor, Unit) {
        let actor = try req.actor
        return (actor, try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db))
    }

    static func year(_ req: Request) throws -> Int { try req.queryInt("year", in: 2000...2100) ?? Day(req.now).year }

    func overview(req: Request) async throws -> HTML {
        let (actor, unit) = try await Self.unit(req)
        var year = try Self.year(req)
        if req.query[String.self, at: "year"] == nil,
           let latest = try await InspectionPlanRecord.query(on: req.db).filter(\.$unit.$id ~~ unit.unitPath.ids).sort(\.$year, .descending).first() {
            year = latest.year   // the menu opens the latest year with a plan, not an empty current year
        }
        return try await page(req, actor: actor, unit: unit, year: year)
    }

    func page(_ req: Request, actor: Actor, unit: Unit, year: Int, form: FormBody? = nil, failure: ValidationFailure? = nil) async throws -> HTML {
        let view = try await InspectionView.load(unit: unit, year: year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
        let flash = req.query[String.self, at: "done"].map { _ in "Đã lưu." }
        return Layout.page(request: req, title: "Kiểm tra CCHC năm \(year) — \(unit.name)", flash: flash,
                           body: InspectionPage.render(view, actor: actor, form: form, failure: failure))
    }

    func back(_ req: Request, _ unit: Unit, year: Int) throws -> Response {
        req.redirect(to: SiteURL.Inspections.overview(.value(try unit.requireID()))
            .relativeURL(parameters: [QueryParameter("year", year), QueryParameter("done", 1)]))
    }

    func savePlan(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let form = FormBody(req)
        let year = form["year"].flatMap { Int($0) } ?? Day(req.now).year
        do {
            let doc: InspectionPlanDocument
            do { doc = try JSONDecoder().decode(InspectionPlanDocument.self, from: Data((form["json"] ?? "").utf8)) } catch {
                throw ValidationFailure(field: "json", "JSON của kế hoạch kiểm tra không đọc được: \(error.localizedDescription.prefix(160))")
            }
            try await InspectionService(db: req.db, actor: actor, now: req.now)
                .savePlan(doc, unit: unit, expectedRevision: form["revision"].flatMap { Int($0) })
            return try back(req, unit, year: doc.year)
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, unit: unit, year: year, form: form, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func selfReport(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let form = FormBody(req)
        let year = form["year"].flatMap { Int($0) } ?? Day(req.now).year
        guard let plan = try await InspectionQueries.plan(covering: unit, year: year, on: req.db) else {
            throw CCHCError.notFound("Chưa có kế hoạch kiểm tra năm \(year).")
        }
        do {
            guard let round = form["round"].flatMap({ Int($0) }) else { throw ValidationFailure(field: "round", "Đợt kiểm tra: chưa chọn") }
            _ = try await InspectionService(db: req.db, actor: actor, now: req.now)
                .saveSelfReport(plan: plan, round: round, unit: unit, answers: form.prefixed("answer"), narrative: form["narrative"],
                                send: form["send"] == "1")
            return try back(req, unit, year: year)
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, unit: unit, year: year, form: form, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func schedule(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let form = FormBody(req)
        let year = form["year"].flatMap { Int($0) } ?? Day(req.now).year
        guard let plan = try await InspectionPlanRecord.query(on: req.db).filter(\.$unit.$id == (try unit.requireID()))
            .filter(\.$year == year).first() else { throw CCHCError.notFound("\(unit.name) chưa có kế hoạch kiểm tra năm \(year).") }
        do {
            guard let target = form["unitID"].flatMap({ Int($0) }) else { throw ValidationFailure(field: "unitID", "Đơn vị được kiểm tra: chưa chọn") }
            let inspected = try await UnitQueries.readable(target, by: actor, on: req.db)
            let round = form["round"].flatMap { Int($0) }
            let input = InspectionService.VisitInput(
                unitID: target, round: round, date: form["date"] ?? "", leader: form["leader"] ?? "",
                members: (form["members"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
                unannounced: form["unannounced"] == "on", origin: round == nil ? (form["origin"] ?? "complaint") : nil,
                complaintRef: form["complaintRef"], complaintOn: form["complaintOn"], complaintSummary: form["complaintSummary"])
            let v = try await InspectionService(db: req.db, actor: actor, now: req.now).schedule(input, plan: plan, unit: inspected)
            return req.redirect(to: SiteURL.Inspections.visit(.value(target), .value(try v.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, unit: unit, year: year, form: form, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func findingsXLSX(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let year = try Self.year(req)
        let view = try await InspectionView.load(unit: unit, year: year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
        return Exports.file(try InspectionFiles.findingsXLSX(view), type: Exports.xlsxType, name: "van-de-kiem-tra-cchc-\(year).xlsx")
    }
}
