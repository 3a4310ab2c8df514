import Fluent
import Foundation
import CCHCDomain

/// Inspections, written: the plan (the standing agency), self-inspection reports (the unit; its leader sends), visits and
/// their moves, the pre-visit report (the unit), conclusions with findings (the team), remediation (the unit) and
/// verification (the team). Each write is checked, one `writeTransaction`, revision-checked where edited, and audited.
struct InspectionService {
    let db: any Database
    /// nil: the system (the demo).
    let actor: Actor?
    let now: Date

    var who: String { actor?.username ?? "hệ thống" }
    var today: Day { Day(now) }

    static func refused(_ m: String) -> CCHCError { CCHCError(.conflict, m) }

    // MARK: Who

    /// The standing agency of the jurisdiction the plan belongs to (or above): it plans, schedules, concludes, verifies.
    func checkTeam(_ plan: InspectionPlanRecord) throws {
        guard let actor else { return }
        guard let path = UnitPath(plan.unitPath), actor.scope.canManage(path) else {
            throw CCHCError(.forbidden, "Chỉ cơ quan thường trực CCHC (Phòng Nội vụ) của đơn vị ban hành kế hoạch kiểm tra được làm việc này.")
        }
    }

    func checkStaff(_ unit: Unit) throws {
        guard let actor else { return }
        guard actor.scope.canDraft(for: unit.unitPath) || actor.scope.canSign(for: unit.unitPath) else { throw CCHCError.forbidden }
    }

    func checkLeader(_ unit: Unit) throws {
        guard let actor else { return }
        guard actor.scope.canSign(for: unit.unitPath) else { throw CCHCError(.forbidden, "Chỉ lãnh đạo \(unit.name) được ký gửi báo cáo.") }
    }

    // MARK: The plan

    @discardableResult
    func savePlan(_ doc: InspectionPlanDocument, unit: Unit, expectedRevision: Int? = nil) async throws -> InspectionPlanRecord {
        if let actor, !actor.scope.canManage(unit.unitPath) { throw CCHCError.forbidden }
        if unit.kind.isOffice { throw ValidationFailure(field: "unit", "Kế hoạch kiểm tra do UBND ban hành, không phải \(unit.name).") }
        var edited = doc
        edited.unit = unit.code
        let doc = edited
        let problems = doc.problems()
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let unitID = try unit.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            let existing = try await InspectionPlanRecord.query(on: tx).filter(\.$unit.$id == unitID).filter(\.$year == doc.year).first()
            if let existing { try Revisions.check(existing.revision, expected: expectedRevision, what: "Kế hoạch kiểm tra năm \(doc.year)") }
            let r = existing ?? InspectionPlanRecord()
            r.$unit.id = unitID
            r.unitPath = unit.path
            r.year = doc.year
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            r.body = String(decoding: try encoder.encode(doc), as: UTF8.self)
            r.revision = existing == nil ? 0 : r.revision + 1
            r.updatedBy = who
            r.updatedAt = now
            try await r.save(on: tx)
            // The same plan in the planning capability: its sign-off, register document and tasks (a signed plan is not edited).
            let team = try await Unit.query(on: tx).filter(\.$parent.$id == unitID).filter(\.$isStandingAgency == true).first()
            try await PlanService(db: tx, actor: actor, now: now)
                .save(doc.planDocument(team: team?.code ?? "Phòng Nội vụ"), unit: unit, accessChecked: true)
            try await Audit.record(on: tx, at: now, actor: actor, action: existing == nil ? "inspection.plan.create" : "inspection.plan.update",
                                   entity: "inspection_plan", entityID: r.id, unit: unit,
                                   summary: "\(existing == nil ? "Lập" : "Sửa") kế hoạch kiểm tra CCHC năm \(doc.year) của \(unit.name): "
                                       + "\(doc.rounds.count) đợt, \(doc.checklist.count) nội dung kiểm tra")
            return r
        }
    }

    // MARK: Self-inspection

    /// Saves the unit's self-inspection report for a round; `send`: its leader signs and sends it (late after the round's deadline).
    func saveSelfReport(plan: InspectionPlanRecord, round: Int, unit: Unit, answers: [String: String], narrative: String?,
                        send: Bool) async throws -> InspectionSelfReportRecord {
        send ? try checkLeader(unit) : try checkStaff(unit)
        let doc = try plan.document()
        guard let r = doc.rounds.first(where: { $0.number == round }) else { throw CCHCError.notFound("Kế hoạch không có đợt \(round).") }
        let cleaned = answers.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        if send {
            let missing = doc.checklist.indices.filter { cleaned[String($0)] == nil }
            if !missing.isEmpty {
                throw ValidationFailure(missing.map { i in
                    FieldError(field: "answer:\(i)", message: "Nội dung kiểm tra \(i + 1) (\(doc.checklist[i].item.prefix(60))…): chưa trả lời")
                })
            }
        }
        let (planID, unitID) = (try plan.requireID(), try unit.requireID())
        let (actor, now, who) = (self.actor, self.now, self.who)
        let late = send && (r.selfLastDay.map { now >= $0.endInVietnam } ?? false)
        return try await db.writeTransaction { tx in
            let existing = try await InspectionSelfReportRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$round == round)
                .filter(\.$unit.$id == unitID).first()
            if let existing, existing.sentAt != nil { throw Self.refused("Báo cáo tự kiểm tra \(r.label) đã gửi.") }
            let s = existing ?? InspectionSelfReportRecord()
            s.$plan.id = planID
            s.round = round
            s.$unit.id = unitID
            s.unitPath = unit.path
            s.answers = cleaned
            s.narrative = narrative?.trimmingCharacters(in: .whitespacesAndNewlines)
            if send {
                s.sentAt = now
                s.sentBy = actor?.fullName ?? who
            }
            s.revision = existing == nil ? 0 : s.revision + 1
            s.updatedBy = who
            s.updatedAt = now
            try await s.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: send ? "inspection.self.send" : "inspection.self.save",
                                   entity: "inspection_self_report", entityID: s.id, unit: unit,
                                   summary: "\(send ? "Gửi" : "Lưu") báo cáo tự kiểm tra CCHC \(r.label) năm \(plan.year) của \(unit.name)"
                                       + (late ? " (sau hạn \(r.selfLastDay?.vietnamese ?? ""))" : ""))
            return s
        }
    }
}
