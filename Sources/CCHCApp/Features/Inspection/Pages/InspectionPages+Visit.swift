import Fluent
import Vapor
import CCHCDomain

extension InspectionPages {
    func visit(req: Request) async throws -> HTML {
        let (actor, unit) = try await Self.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        return try await visitPage(req, actor: actor, unit: unit, visit: v, plan: plan)
    }

    func visitPage(_ req: Request, actor: Actor, unit: Unit, visit: InspectionVisitRecord, plan: InspectionPlanRecord, form: FormBody? = nil,
                   failure: ValidationFailure? = nil, conflict: String? = nil) async throws -> HTML {
        let view = try await InspectionView.load(unit: unit, year: plan.year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
        guard let row = view.visits.first(where: { $0.id == visit.id }) else { throw CCHCError.notFound("Không tìm thấy cuộc kiểm tra này.") }
        let model = VisitPage.Model(view: view, visit: row, conclusion: visit.conclusion, preReport: visit.preReport, revision: visit.revision,
                                    staff: actor.scope.canDraft(for: unit.unitPath) || actor.scope.canSign(for: unit.unitPath),
                                    form: form, failure: failure, conflict: conflict,
                                    flash: req.query[String.self, at: "done"].map { _ in "Đã lưu." })
        return Layout.page(request: req, title: "Kiểm tra CCHC tại \(unit.name) ngày \(row.date.vietnamese)", flash: model.flash,
                           body: VisitPage.render(model))
    }

    func visitAction(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        guard let action = VisitAction(rawValue: try req.parameters.require("action")) else { throw CCHCError.notFound() }
        let form = FormBody(req)
        let revision = form["revision"].flatMap { Int($0) }
        let service = InspectionService(db: req.db, actor: actor, now: req.now)
        return try await answer(req, actor: actor, unit: unit, visit: v, plan: plan, form: form,
                                done: SiteURL.Inspections.visit(.value(try unit.requireID()), .value(try v.requireID()))
                                    .relativeURL(parameters: [QueryParameter("done", action.rawValue)])) {
            switch action {
            case .move: _ = try await service.move(v, plan: plan, to: form["date"] ?? "", reason: form["reason"], revision: revision)
            case .prereport: _ = try await service.preReport(v, unit: unit, text: form["preReport"] ?? "", revision: revision)
            case .conclude:
                let findings = Self.findings(form)
                _ = try await service.conclude(v, plan: plan, on: form["concludedOn"] ?? "", number: form["number"],
                                               conclusion: form["conclusion"] ?? "", findings: findings, revision: revision)
            }
        }
    }

    /// Runs a write of the visit page: redirects to `done`; a refusal re-renders the page with the typing (422, or 409).
    func answer(_ req: Request, actor: Actor, unit: Unit, visit v: InspectionVisitRecord, plan: InspectionPlanRecord, form: FormBody,
                done: String, _ write: () async throws -> Void) async throws -> Response {
        do {
            try await write()
            return req.redirect(to: done)
        } catch let failure as ValidationFailure {
            return try await visitPage(req, actor: actor, unit: unit, visit: v, plan: plan, form: form, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refused as CCHCError where refused.status == .conflict {
            return try await visitPage(req, actor: actor, unit: unit, visit: v, plan: plan, form: form, conflict: refused.message)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    /// The conclusion form's finding rows: "area:1", "description:1", "severity:1", "responsible:1", "person:1"; blank rows skipped.
    static func findings(_ form: FormBody) -> [InspectionService.FindingInput] {
        let descriptions = form.prefixed("description")
        return descriptions.keys.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.compactMap { k in
            let d = descriptions[k] ?? ""
            let responsible = form["responsible:\(k)"] ?? ""
            if d.trimmingCharacters(in: .whitespaces).isEmpty && responsible.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            return .init(area: form["area:\(k)"] ?? "", description: d, severity: form["severity:\(k)"], responsible: responsible,
                         person: form["person:\(k)"])
        }
    }

    func findingAction(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        let finding = try await InspectionQueries.finding(try req.idParameter("findingID"), of: v, on: req.db)
        guard let action = FindingAction(rawValue: try req.parameters.require("action")) else { throw CCHCError.notFound() }
        let form = FormBody(req)
        let revision = form["revision"].flatMap { Int($0) }
        let service = InspectionService(db: req.db, actor: actor, now: req.now)
        return try await answer(req, actor: actor, unit: unit, visit: v, plan: plan, form: form,
                                done: SiteURL.Inspections.visit(.value(try unit.requireID()), .value(try v.requireID()))
                                    .relativeURL(parameters: [QueryParameter("done", action.rawValue)], anchor: "f-\(finding.id ?? 0)")) {
            switch action {
            case .remediate:
                _ = try await service.remediate(finding, unit: unit, report: form["remediation"] ?? "", fixedOn: form["fixedOn"], revision: revision)
            case .verify: _ = try await service.verify(finding, plan: plan, accept: true, revision: revision)
            case .reopen: _ = try await service.verify(finding, plan: plan, accept: false, revision: revision)
            }
        }
    }
}
