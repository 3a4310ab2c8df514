import Fluent
import Foundation
import CCHCDomain

/// Issuing a plan by the day the level above set ("Hoàn thành trước ngày 30/01/2021"): done when signed and sent.
/// The deadlines (set on the ancestors' plans) and the units' own plans are read once for the whole scope.
enum PlanIssuanceDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let units = scope.units.filter { !$0.isStandingAgency }
        guard !units.isEmpty else { return [] }
        let ancestors = Set(units.flatMap { $0.unitPath.ids.dropLast() })
        let ids = Set(units.compactMap(\.id))
        let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ Array(ancestors.union(ids))).filter(\.$year ~~ Array(scope.years)).all()
        let setters = Dictionary(try await Unit.query(on: db).filter(\.$id ~~ Array(ancestors)).all().compactMap { u in u.id.map { ($0, u.name) } },
                                 uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(plans.map { ("\($0.$unit.id):\($0.year):\($0.kind)", $0) }, uniquingKeysWith: { a, _ in a })
        func plan(_ unitID: Int, _ year: Int, _ kind: PlanKind) -> PlanRecord? { byKey["\(unitID):\(year):\(kind.rawValue)"] }
        var out: [Duty] = []
        for unit in units {
            let unitID = try unit.requireID()
            for year in scope.years {
                for kind in PlanKind.allCases {
                    guard let (deadline, setter) = PlanQueries.deadline(for: unit, plan: { plan($0, year, kind) }) else { continue }
                    let setBy = setters[setter] ?? ""
                    let plan = plan(unitID, year, kind)
                    let issued = plan.flatMap { p in p.firstSubmittedAt != nil ? p.issuedOn.map { Date.noon(of: $0) } ?? p.firstSubmittedAt : nil }
                    let note = plan.map { p in p.state == .returned ? "Bị trả lại" + (p.returnComment.map { ": \($0)" } ?? "") : nil } ?? nil
                    out.append(Duty(id: "plan-issue:\(unitID):\(year):\(kind.rawValue)", kind: .planIssuance, unitID: unitID,
                                    unitName: unit.name, title: "Ban hành \(kind.title.lowercasedFirst) năm \(year) (hạn do \(setBy) giao)",
                                    dueDay: deadline.lastDay, doneAt: issued, note: note ?? (plan == nil ? "Chưa lập" : nil),
                                    url: SiteURL.Plans.plan(.value(unitID), .value(year), .value(kind)).path))
                }
            }
        }
        return out
    }
}

/// The tasks of a unit's own plans and those other plans assign it as lead, by their last due day.
enum PlanTaskDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let ids = scope.unitIDs
        var out: [Duty] = []
        let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$year ~~ Array(scope.years)).all()
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$plan.$id ~~ plans.compactMap(\.id))
            .filter(\.$lastDue >= scope.from.iso).filter(\.$lastDue <= scope.through.iso).all()
        // A task the plan gives another unit to lead is that unit's duty (below), not the issuer's as well.
        let delegated = Set(try await PlanAssignmentRecord.query(on: db).filter(\.$task.$id ~~ tasks.compactMap(\.id)).filter(\.$role == "lead").all()
            .map { $0.$task.id })
        for t in tasks where !delegated.contains(t.id ?? 0) {
            guard let plan = plans.first(where: { $0.id == t.$plan.id }), let unit = scope.unit(plan.$unit.id),
                  let due = t.lastDue.flatMap({ Day(iso: $0) }) else { continue }
            out.append(duty(id: "task:\(try t.requireID())", unit: unit, plan: plan, task: t, due: due, status: t.status,
                            completed: t.completedDay, note: t.statusNote))
        }
        let assignments = try await PlanAssignmentRecord.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$role == "lead")
            .with(\.$task) { $0.with(\.$plan) }.all()
        for a in assignments {
            guard let due = a.task.lastDue.flatMap({ Day(iso: $0) }), scope.covers(due), let unit = scope.unit(a.$unit.id) else { continue }
            out.append(duty(id: "assigned:\(try a.requireID())", unit: unit, plan: a.task.plan, task: a.task, due: due, status: a.status,
                            completed: a.completedDay, note: a.statusNote, assigned: true))
        }
        return out
    }

    static func duty(id: String, unit: Unit, plan: PlanRecord, task: PlanTaskRecord, due: Day, status: TaskStatus, completed: Day?,
                     note: String?, assigned: Bool = false) -> Duty {
        let text = task.detail.isEmpty ? task.task : task.detail
        let done: Date? = status == .done || status == .doneLate ? completed.map { Date.noon(of: $0) } : nil
        let unitID = unit.id ?? 0
        // An assigned task is tracked on the assignee's plan page of the same kind (its "nhiệm vụ được giao").
        let url = assigned ? SiteURL.Plans.plan(.value(unitID), .value(plan.year), .value(plan.planKind)).path
            : SiteURL.Plans.plan(.value(plan.$unit.id), .value(plan.year), .value(plan.planKind)).path
        return Duty(id: id, kind: .planTask, unitID: unitID, unitName: unit.name, title: PlanService.short(text), dueDay: due,
                    doneAt: done, waived: status == .cancelled ? (note ?? "Hủy") : nil,
                    note: assigned ? "Được giao (chủ trì)" : (status == .inProgress ? status.title : nil), url: url)
    }
}
