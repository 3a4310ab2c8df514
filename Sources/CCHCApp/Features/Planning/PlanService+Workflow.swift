import Fluent
import Vapor
import CCHCDomain

/// A plan's sign-off, as a report's: drafted, sent to the unit's leader, signed and sent to the standing agency,
/// which accepts it or returns it with a comment.
extension PlanService {
    struct ActionInput: Content {
        var comment: String?
        var docNumber: String?
        var docDate: String?
        var signer: String?
        var revision: Int?
    }

    /// The workflow's words are a report's; a plan says "kế hoạch".
    static func planWords(_ message: String) -> String {
        message.replacingOccurrences(of: "Báo cáo", with: "Kế hoạch").replacingOccurrences(of: "báo cáo", with: "kế hoạch")
    }

    func act(_ plan: PlanRecord, unit: Unit, _ action: ReportAction, _ input: ActionInput) async throws -> PlanRecord {
        let acted = try await transition(plan, unit: unit, action, input)
        // Registered once the plan is signed; the number was checked free above.
        if let (draft, planID) = acted.registration {
            _ = try await RegisterService(db: db, actor: nil, now: now).create(draft, in: unit, source: .init(kind: "plan", id: planID))
        }
        return acted.plan
    }

    private func transition(_ plan: PlanRecord, unit: Unit, _ action: ReportAction,
                            _ input: ActionInput) async throws -> (plan: PlanRecord, registration: (RegisterDraft, Int)?) {
        guard let actor, action != .save, action != .newVersion else { throw CCHCError.notFound() }
        let role = ReportService.reportActor(actor, unit: unit)
        let next: ReportState
        switch ReportWorkflow.next(plan.state, action, by: role, comment: input.comment) {
        case .success(let s): next = s
        case .failure(let refusal):
            let status: HTTPResponseStatus = (role.drafts || role.signs || role.receives) ? .conflict : .forbidden
            throw CCHCError(status, Self.planWords(refusal.message))
        }
        let name = Self.name(plan.planKind, year: plan.year, unit: unit)
        var errors: [FieldError] = []
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID())).count()
        if (action == .sendToLeader || action == .submit) && tasks == 0 {
            errors.append(FieldError(field: "tasks", message: "\(name) chưa có nhiệm vụ nào: không gửi được kế hoạch trống."))
        }
        var docDay: Day?
        if action == .submit {
            let number = (input.docNumber ?? plan.docNumber ?? "").trimmingCharacters(in: .whitespaces)
            if number.isEmpty { errors.append(FieldError(field: "docNumber", message: "Số, ký hiệu kế hoạch: chưa nhập (vd: 10/KH-UBND).")) }
            let typed = (input.docDate ?? plan.docDate.map { Day(iso: $0)?.vietnamese ?? $0 } ?? "").trimmingCharacters(in: .whitespaces)
            docDay = Day(vietnamese: typed) ?? Day(iso: typed)
            if docDay == nil {
                errors.append(FieldError(field: "docDate", message: "Ngày ban hành: " + (typed.isEmpty ? "chưa nhập." : VNDate.problem(typed))))
            }
        }
        if action == .return, (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "comment", message: "Lý do trả lại: chưa ghi."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        // A signed plan is a register document: its number must be free in the unit's register (or be this very plan's).
        var registration: RegisterDraft?
        if action == .submit, let day = docDay {
            let draft = RegisterDraft(number: (input.docNumber ?? plan.docNumber ?? "").trimmingCharacters(in: .whitespaces),
                                      issuedOn: day.iso, summary: PlanFiles.summary(PlanDocument(unit: unit.name, year: plan.year,
                                                                                                 kind: plan.planKind)),
                                      signer: input.signer?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? plan.signer ?? actor.fullName,
                                      directsCCHC: true)
            let entry = try RegisterRules.check(draft, unitID: try unit.requireID(), unitName: unit.name, unitKind: unit.kind)
            let holder = try await RegisterDocument.query(on: db).filter(\.$unit.$id == entry.unitID).filter(\.$year == entry.year)
                .filter(\.$number == entry.number.number).filter(\.$symbolKey == entry.number.symbolKey).first()
            if let holder {
                guard holder.sourceKind == "plan", holder.sourceID == plan.id else {
                    throw ValidationFailure(field: "docNumber", RegisterRules.taken(entry.number, year: entry.year, by: holder.entry(unit: unit)))
                }
            } else {
                registration = draft
            }
        }
        let now = self.now
        let signedOn = docDay
        let toRegister = registration
        return try await db.writeTransaction { tx in
            guard let fresh = try await PlanRecord.find(plan.id, on: tx) else { throw CCHCError.notFound() }
            try Revisions.check(fresh.revision, expected: input.revision, what: name)
            guard fresh.state == plan.state else {
                throw CCHCError(.conflict, "\(name) vừa chuyển sang trạng thái “\(fresh.state.label)”; tải lại trang.")
            }
            fresh.state = next
            fresh.revision += 1
            fresh.updatedBy = actor.username
            fresh.updatedAt = now
            switch action {
            case .submit:
                fresh.docNumber = (input.docNumber ?? fresh.docNumber)?.trimmingCharacters(in: .whitespaces)
                fresh.docDate = signedOn?.iso
                fresh.signer = input.signer?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? fresh.signer ?? actor.fullName
                if fresh.firstSubmittedAt == nil { fresh.firstSubmittedAt = now }
                fresh.submittedAt = now
                fresh.submittedBy = actor.userID
            case .return:
                fresh.returnComment = input.comment
                fresh.returnedAt = now
                fresh.submittedAt = nil
            case .accept:
                fresh.acceptedAt = now
            default: break
            }
            try await fresh.save(on: tx)
            let what = action == .submit ? "Ký ban hành và gửi" : action.label
            let registered = try toRegister.map { ($0, try fresh.requireID()) }
            try await Audit.record(on: tx, at: now, actor: actor, action: "plan.\(action.rawValue)", entity: "plan", entityID: fresh.id, unit: unit,
                                   summary: "\(Self.planWords(what)): \(name.lowercasedFirst)"
                                       + (action == .return ? " — \(input.comment ?? "")" : "")
                                       + (action == .submit ? " (số \(fresh.docNumber ?? ""), ngày \(signedOn?.vietnamese ?? ""))" : ""))
            return (fresh, registered)
        }
    }

    // MARK: Progress

    struct ProgressInput: Content {
        var status: TaskStatus
        var completedOn: String?
        var note: String?
        /// Register documents showing the task done, by number: "15/BC-UBND; 03/QĐ-UBND".
        var evidence: String? = nil
        var revision: Int?
    }

    /// The progress a unit records on a task of its own plan.
    func record(_ input: ProgressInput, task: PlanTaskRecord, plan: PlanRecord, unit: Unit) async throws -> PlanTaskRecord {
        guard let actor, actor.scope.canDraft(for: unit.unitPath) || actor.scope.canSign(for: unit.unitPath) else { throw CCHCError.forbidden }
        let (status, day) = try Self.checked(input, today: Day(now))
        let evidence = try await PlanEvidence.resolve(input.evidence, unit: unit, on: db)
        let now = self.now
        return try await db.writeTransaction { tx in
            guard let fresh = try await PlanTaskRecord.find(task.id, on: tx) else { throw CCHCError.notFound() }
            fresh.evidenceJSON = evidence.isEmpty ? nil : JSONList.encode(ints: evidence)
            try Revisions.check(fresh.revision, expected: input.revision, what: "Nhiệm vụ dòng \(fresh.position)")
            fresh.status = status
            fresh.completedOn = day?.iso
            fresh.statusNote = input.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            fresh.revision += 1
            fresh.updatedBy = actor.username
            fresh.updatedAt = now
            try await fresh.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "plan.task.progress", entity: "plan_task", entityID: fresh.id, unit: unit,
                                   summary: "Tiến độ nhiệm vụ dòng \(fresh.position) (\(Self.short(fresh.detail))) — \(status.title)"
                                       + (day.map { ", hoàn thành ngày \($0.vietnamese)" } ?? ""))
            return fresh
        }
    }

    /// The progress an assigned unit records on a task a higher plan gave it.
    func record(_ input: ProgressInput, assignment: PlanAssignmentRecord, unit: Unit) async throws -> PlanAssignmentRecord {
        guard let actor, actor.scope.canDraft(for: unit.unitPath) || actor.scope.canSign(for: unit.unitPath) else { throw CCHCError.forbidden }
        let (status, day) = try Self.checked(input, today: Day(now))
        let evidence = try await PlanEvidence.resolve(input.evidence, unit: unit, on: db)
        let now = self.now
        return try await db.writeTransaction { tx in
            guard let fresh = try await PlanAssignmentRecord.find(assignment.id, on: tx),
                  let task = try await PlanTaskRecord.find(fresh.$task.id, on: tx) else { throw CCHCError.notFound() }
            try Revisions.check(fresh.revision, expected: input.revision, what: "Nhiệm vụ được giao")
            fresh.evidenceJSON = evidence.isEmpty ? nil : JSONList.encode(ints: evidence)
            fresh.status = status
            fresh.completedOn = day?.iso
            fresh.statusNote = input.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            fresh.revision += 1
            fresh.updatedBy = actor.username
            fresh.updatedAt = now
            try await fresh.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "plan.assignment.progress", entity: "plan_assignment",
                                   entityID: fresh.id, unit: unit,
                                   summary: "Tiến độ nhiệm vụ cấp trên giao (\(Self.short(task.detail))) — \(status.title)"
                                       + (day.map { ", hoàn thành ngày \($0.vietnamese)" } ?? ""))
            return fresh
        }
    }

    /// The status and completion day typed, checked: a done task needs its day, not in the future; a cancelled one its reason.
    static func checked(_ input: ProgressInput, today: Day) throws -> (TaskStatus, Day?) {
        let typed = input.completedOn?.trimmingCharacters(in: .whitespaces) ?? ""
        var day: Day?
        var errors: [FieldError] = []
        if !typed.isEmpty {
            day = Day(vietnamese: typed) ?? Day(iso: typed)
            if day == nil { errors.append(FieldError(field: "completedOn", message: "Ngày hoàn thành: " + VNDate.problem(typed))) }
        }
        let progress = TaskProgress(status: input.status, completedOn: day, cancelReason: input.note)
        errors += progress.validate(today: today)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return (input.status, input.status.isDone ? day : nil)
    }

    static func short(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }
}
