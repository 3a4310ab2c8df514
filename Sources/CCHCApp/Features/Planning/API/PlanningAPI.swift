import Fluent
import Vapor
import CCHCDomain

/// Plans over JSON: the same as the pages — a unit's plans and its units' (tracking), a plan with its tasks, progress,
/// coverage warnings and the tasks higher plans assign; its save (the plan JSON), sign-off and progress.
struct PlanningAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":unitID", "plans", use: list).access(.scoped)
        routes.get("units", ":unitID", "plans", ":year", ":kind", use: show).access(.scoped)
        routes.put("units", ":unitID", "plans", ":year", ":kind", use: save).access(.scoped)
        routes.post("units", ":unitID", "plans", ":year", ":kind", "actions", ":action", use: act).access(.scoped)
        routes.put("units", ":unitID", "plans", ":year", ":kind", "tasks", ":taskID", use: taskProgress).access(.scoped)
        routes.put("units", ":unitID", "plans", ":year", ":kind", "assigned", ":assignmentID", use: assignedProgress).access(.scoped)
    }

    /// The plan JSON of the interface, with the revision read and, for the issuer, the deadline for the units below.
    struct PlanInput: Content {
        var plan: PlanDocument
        var revision: Int?
        var deadlineForBelow: DueDate?
    }

    func list(req: Request) async throws -> PlanListPage.Model { try await PlanListPage.Model.load(req) }

    func show(req: Request) async throws -> PlanView {
        let (unit, year, kind) = try await PlanPages.target(req)
        return try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
    }

    func save(req: Request) async throws -> PlanView {
        let (unit, year, kind) = try await PlanPages.target(req)
        let input = try req.content.decode(PlanInput.self)
        var plan = input.plan
        guard plan.year == year, plan.kind == kind else {
            throw ValidationFailure(field: "plan", "Kế hoạch gửi lên là \(plan.kind.title.lowercased()) năm \(plan.year), "
                + "không phải \(kind.title.lowercased()) năm \(year) của địa chỉ này.")
        }
        plan = plan.fillingDue()
        let service = PlanService(db: req.db, actor: try req.actor, now: req.now)
        let record = try await service.save(plan, unit: unit, expectedRevision: input.revision)
        if let deadline = input.deadlineForBelow { try await service.setDeadlineForBelow(record, unit: unit, deadline: deadline) }
        return try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
    }

    func act(req: Request) async throws -> PlanView {
        let (unit, year, kind) = try await PlanPages.target(req)
        guard let action = req.parameters.get("action").flatMap(ReportAction.init(rawValue:)) else { throw CCHCError.notFound() }
        guard let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db) else {
            throw CCHCError.notFound("Chưa lập kế hoạch này.")
        }
        let input = (try? req.content.decode(PlanService.ActionInput.self))
            ?? PlanService.ActionInput(comment: nil, docNumber: nil, docDate: nil, signer: nil, revision: nil)
        _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).act(plan, unit: unit, action, input)
        return try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
    }

    func taskProgress(req: Request) async throws -> PlanView {
        let (unit, year, kind) = try await PlanPages.target(req)
        guard let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db),
              let task = try await PlanTaskRecord.find(try req.idParameter("taskID"), on: req.db), task.$plan.id == plan.id else {
            throw CCHCError.notFound("Không tìm thấy nhiệm vụ này trong kế hoạch.")
        }
        let input = try req.content.decode(PlanService.ProgressInput.self)
        _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).record(input, task: task, plan: plan, unit: unit)
        return try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
    }

    func assignedProgress(req: Request) async throws -> PlanView {
        let (unit, year, kind) = try await PlanPages.target(req)
        guard let assignment = try await PlanAssignmentRecord.find(try req.idParameter("assignmentID"), on: req.db),
              assignment.$unit.id == unit.id else { throw CCHCError.notFound("Không tìm thấy nhiệm vụ được giao này.") }
        let input = try req.content.decode(PlanService.ProgressInput.self)
        _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).record(input, assignment: assignment, unit: unit)
        return try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
    }
}
