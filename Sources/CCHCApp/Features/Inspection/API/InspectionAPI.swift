import Fluent
import Vapor
import CCHCDomain

/// Inspections over JSON: the same reads and the same service as the pages.
struct InspectionAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let base = routes.grouped("units", ":unitID", "inspections")
        base.get(use: overview).access(.scoped)
        base.put("plan", use: savePlan).access(.scoped)
        base.post("self", use: selfReport).access(.scoped)
        base.post("visits", use: schedule).access(.scoped)
        base.get("visits", ":visitID", use: visit).access(.scoped)
        base.post("visits", ":visitID", ":action", use: visitAction).access(.scoped)
        base.post("visits", ":visitID", "findings", ":findingID", ":action", use: findingAction).access(.scoped)
    }

    func overview(req: Request) async throws -> InspectionView {
        let (actor, unit) = try await InspectionPages.unit(req)
        return try await InspectionView.load(unit: unit, year: try InspectionPages.year(req), actor: actor, today: Day(req.now), now: req.now, on: req.db)
    }

    struct PlanInput: Content {
        var plan: InspectionPlanDocument
        var revision: Int?
    }

    func savePlan(req: Request) async throws -> InspectionView {
        let (actor, unit) = try await InspectionPages.unit(req)
        let input = try req.content.decode(PlanInput.self)
        try await InspectionService(db: req.db, actor: actor, now: req.now).savePlan(input.plan, unit: unit, expectedRevision: input.revision)
        return try await InspectionView.load(unit: unit, year: input.plan.year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
    }

    struct SelfInput: Content {
        var year: Int
        var round: Int
        var answers: [String: String]
        var narrative: String?
        var send: Bool?
    }

    func selfReport(req: Request) async throws -> InspectionView {
        let (actor, unit) = try await InspectionPages.unit(req)
        let input = try req.content.decode(SelfInput.self)
        guard let plan = try await InspectionQueries.plan(covering: unit, year: input.year, on: req.db) else {
            throw CCHCError.notFound("Chưa có kế hoạch kiểm tra năm \(input.year).")
        }
        _ = try await InspectionService(db: req.db, actor: actor, now: req.now)
            .saveSelfReport(plan: plan, round: input.round, unit: unit, answers: input.answers, narrative: input.narrative, send: input.send == true)
        return try await InspectionView.load(unit: unit, year: input.year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
    }

    struct ScheduleInput: Content {
        var year: Int
        var visit: InspectionService.VisitInput
    }

    func schedule(req: Request) async throws -> Response {
        let (actor, unit) = try await InspectionPages.unit(req)
        let input = try req.content.decode(ScheduleInput.self)
        guard let plan = try await InspectionPlanRecord.query(on: req.db).filter(\.$unit.$id == (try unit.requireID()))
            .filter(\.$year == input.year).first() else { throw CCHCError.notFound("\(unit.name) chưa có kế hoạch kiểm tra năm \(input.year).") }
        let inspected = try await UnitQueries.readable(input.visit.unitID, by: actor, on: req.db)
        let v = try await InspectionService(db: req.db, actor: actor, now: req.now).schedule(input.visit, plan: plan, unit: inspected)
        return try await Self.visitView(inspected, v, actor: actor, req: req).encodeResponse(status: .created, for: req)
    }

    struct VisitDetail: Content {
        var visit: InspectionView.VisitRow
        var preReport: String?
        var conclusion: String?
        var revision: Int
        var findings: [InspectionView.FindingRow]
    }

    static func visitView(_ unit: Unit, _ v: InspectionVisitRecord, actor: Actor, req: Request) async throws -> VisitDetail {
        let year = try await InspectionPlanRecord.find(v.$plan.id, on: req.db)?.year ?? Day(req.now).year
        let view = try await InspectionView.load(unit: unit, year: year, actor: actor, today: Day(req.now), now: req.now, on: req.db)
        guard let row = view.visits.first(where: { $0.id == v.id }) else { throw CCHCError.notFound("Không tìm thấy cuộc kiểm tra này.") }
        let fresh = try await InspectionVisitRecord.find(v.id, on: req.db) ?? v
        return VisitDetail(visit: row, preReport: fresh.preReport, conclusion: fresh.conclusion, revision: fresh.revision,
                           findings: view.findings.filter { $0.visitID == v.id })
    }

    func visit(req: Request) async throws -> VisitDetail {
        let (actor, unit) = try await InspectionPages.unit(req)
        let (v, _) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        return try await Self.visitView(unit, v, actor: actor, req: req)
    }

    struct VisitActionInput: Content {
        var revision: Int?
        var date: String?
        var reason: String?
        var preReport: String?
        var concludedOn: String?
        var number: String?
        var conclusion: String?
        var findings: [InspectionService.FindingInput]?
        var remediation: String?
        var fixedOn: String?
    }

    func visitAction(req: Request) async throws -> VisitDetail {
        let (actor, unit) = try await InspectionPages.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        guard let action = VisitAction(rawValue: try req.parameters.require("action")) else {
            throw CCHCError.notFound("Không có thao tác này: move, prereport, conclude.")
        }
        let input = try req.content.decode(VisitActionInput.self)
        let service = InspectionService(db: req.db, actor: actor, now: req.now)
        switch action {
        case .move: _ = try await service.move(v, plan: plan, to: input.date ?? "", reason: input.reason, revision: input.revision)
        case .prereport: _ = try await service.preReport(v, unit: unit, text: input.preReport ?? "", revision: input.revision)
        case .conclude:
            _ = try await service.conclude(v, plan: plan, on: input.concludedOn ?? "", number: input.number, conclusion: input.conclusion ?? "",
                                           findings: input.findings ?? [], revision: input.revision)
        }
        return try await Self.visitView(unit, v, actor: actor, req: req)
    }

    func findingAction(req: Request) async throws -> VisitDetail {
        let (actor, unit) = try await InspectionPages.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        let finding = try await InspectionQueries.finding(try req.idParameter("findingID"), of: v, on: req.db)
        guard let action = FindingAction(rawValue: try req.parameters.require("action")) else {
            throw CCHCError.notFound("Không có thao tác này: remediate, verify, reopen.")
        }
        let input = try req.content.decode(VisitActionInput.self)
        let service = InspectionService(db: req.db, actor: actor, now: req.now)
        switch action {
        case .remediate:
            _ = try await service.remediate(finding, unit: unit, report: input.remediation ?? "", fixedOn: input.fixedOn, revision: input.revision)
        case .verify: _ = try await service.verify(finding, plan: plan, accept: true, revision: input.revision)
        case .reopen: _ = try await service.verify(finding, plan: plan, accept: false, revision: input.revision)
        }
        return try await Self.visitView(unit, v, actor: actor, req: req)
    }
}
