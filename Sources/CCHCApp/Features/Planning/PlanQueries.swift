import Fluent
import Vapor
import CCHCDomain

/// Reads of plans, their tasks and the tasks higher plans assign, always for a unit the caller may read.
enum PlanQueries {
    /// A task a higher plan assigns to a unit, with the ids the cascade needs.
    struct Assigned: Sendable {
        let assignmentID: Int
        let taskID: Int
        let planID: Int
        let issuer: String
        let role: String
        let assigned: AssignedTask
    }

    static func plan(of unitID: Int, year: Int, kind: PlanKind, on db: any Database) async throws -> PlanRecord? {
        try await PlanRecord.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == year).filter(\.$kind == kind.rawValue).first()
    }

    static func tasks(of plan: PlanRecord, on db: any Database) async throws -> [PlanTaskRecord] {
        try await PlanTaskRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID())).sort(\.$position).all()
    }

    /// The tasks plans of `unit`'s ancestors assign to it for the year, in the higher plans' order.
    static func assignedTasks(to unit: Unit, year: Int, kind: PlanKind, on db: any Database) async throws -> [Assigned] {
        let rows = try await PlanAssignmentRecord.query(on: db).filter(\.$unit.$id == (try unit.requireID()))
            .join(PlanTaskRecord.self, on: \PlanAssignmentRecord.$task.$id == \PlanTaskRecord.$id)
            .join(PlanRecord.self, on: \PlanTaskRecord.$plan.$id == \PlanRecord.$id)
            .filter(PlanRecord.self, \.$year == year).filter(PlanRecord.self, \.$kind == kind.rawValue)
            .all()
        var out: [Assigned] = []
        var issuers: [Int: String] = [:]
        for a in rows {
            let task = try a.joined(PlanTaskRecord.self)
            let plan = try a.joined(PlanRecord.self)
            guard plan.$unit.id != unit.id else { continue }
            if issuers[plan.$unit.id] == nil { issuers[plan.$unit.id] = try await Unit.find(plan.$unit.id, on: db)?.name ?? "" }
            let issuer = issuers[plan.$unit.id] ?? ""
            let title = task.detail.isEmpty ? task.task : task.detail
            let planName = "Kế hoạch" + (plan.docNumber.map { " số \($0)" } ?? "") + (plan.issuedOn.map { " ngày \($0.vietnamese)" } ?? "")
                + " của \(issuer)"
            out.append(Assigned(assignmentID: try a.requireID(), taskID: try task.requireID(), planID: try plan.requireID(), issuer: issuer,
                                role: a.role, assigned: AssignedTask(id: String(try task.requireID()), title: title,
                                                                     area: task.areaCode.flatMap(ReformArea.init(rawValue:)), plan: planName)))
        }
        return out.sorted { ($0.planID, $0.taskID) < ($1.planID, $1.taskID) }
    }

    /// The deadline the nearest ancestor's plan of the same kind sets for the units below.
    static func deadline(for unit: Unit, year: Int, kind: PlanKind, on db: any Database) async throws -> (DueDate, String)? {
        let ancestors = Array(unit.unitPath.ids.dropLast().reversed())
        guard !ancestors.isEmpty else { return nil }
        let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ ancestors).filter(\.$year == year)
            .filter(\.$kind == kind.rawValue).all()
        let found = deadline(for: unit, plan: { id in plans.first { $0.$unit.id == id } })
        guard let (deadline, setter) = found else { return nil }
        return (deadline, try await Unit.find(setter, on: db)?.name ?? "")
    }

    /// The deadline the nearest ancestor's plan (of one year and kind, by `plan(ancestorID)`) sets for the units below,
    /// and that ancestor's id.
    static func deadline(for unit: Unit, plan: (Int) -> PlanRecord?) -> (DueDate, Int)? {
        for id in unit.unitPath.ids.dropLast().reversed() {
            if let d = plan(id)?.deadlineForBelow { return (d, id) }
        }
        return nil
    }

    /// The coverage warnings of a unit's plan (or of its absence).
    static func coverage(unit: Unit, plan: PlanRecord?, tasks: [PlanTaskRecord], year: Int, kind: PlanKind, today: Day,
                         on db: any Database) async throws -> [CoverageWarning] {
        // The plan must carry what it leads; what it only coordinates is the lead's to plan.
        let assigned = try await assignedTasks(to: unit, year: year, kind: kind, on: db).filter { $0.role == "lead" }
        let deadline = try await Self.deadline(for: unit, year: year, kind: kind, on: db)?.0
        let byTask = Dictionary(assigned.map { ($0.taskID, $0.assigned.id) }, uniquingKeysWith: { a, _ in a })
        let rows = tasks.map { t in PlanCoverage.Task(t.entry, row: t.position, assignedID: t.assignedFrom.flatMap { byTask[$0] }) }
        // A plan counts as issued when it has been signed and sent.
        let issued = plan.flatMap { p in p.firstSubmittedAt != nil ? p.issuedOn : nil }
        return PlanCoverage.check(tasks: rows, assigned: assigned.map(\.assigned), year: year, issued: issued, deadline: deadline, today: today)
    }
}
