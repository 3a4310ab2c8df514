import Fluent
import Vapor
import CCHCDomain

/// Plans: saved whole from the plan JSON (the page, the API, `cchc plan import`), signed off like a report, their
/// tasks assigned to the units the lead and coordinator cells name, and progress recorded per task and per assignee.
struct PlanService {
    let db: any Database
    let actor: Actor?
    let now: Date

    /// Every plan is written under this name in messages: "Kế hoạch cải cách hành chính năm 2021 của Xã Thạch Đài".
    static func name(_ kind: PlanKind, year: Int, unit: Unit) -> String { "\(kind.title) năm \(year) của \(unit.name)" }

    /// The units a plan of `issuer` can assign tasks to: every active unit below it (and the issuer itself).
    static func candidates(under issuer: Unit, on db: any Database) async throws -> [UnitCandidate] {
        try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), issuer.unitPath.subtreePattern).filter(\.$retiredOn == nil).all()
            .compactMap { u in u.id.map { UnitCandidate(id: $0, code: u.code, name: u.name, kind: u.kind) } }
    }

    /// What is wrong with a plan document before it is saved: each message names the row and the field.
    static func problems(_ plan: PlanDocument) -> [FieldError] {
        var out: [FieldError] = []
        if !(2000...2100).contains(plan.year) { out.append(FieldError(field: "year", message: "Năm: \(plan.year) không hợp lệ (2000–2100).")) }
        if plan.tasks.count > 2000 { out.append(FieldError(field: "tasks", message: "Kế hoạch: tối đa 2.000 nhiệm vụ.")) }
        for (i, t) in plan.tasks.enumerated() {
            let row = "Nhiệm vụ dòng \(i + 1)"
            if t.detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && t.task.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(FieldError(field: "tasks[\(i)].detail", message: "\(row): chưa ghi nội dung nhiệm vụ."))
            }
            if t.area.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(FieldError(field: "tasks[\(i)].area", message: "\(row): chưa ghi lĩnh vực."))
            }
            let long = [("nhiệm vụ", t.task), ("nội dung", t.detail), ("sản phẩm", t.product), ("thời gian", t.timeFrame)]
            for (name, text) in long where text.count > 10_000 {
                out.append(FieldError(field: "tasks[\(i)]", message: "\(row): \(name) quá dài (tối đa 10.000 ký tự)."))
            }
        }
        return out
    }

    /// Saves the plan of `unit` as `document` gives it: the plan is created or its editable draft replaced, each task
    /// kept with its progress where its text is unchanged, and the tasks it assigns to units below recomputed.
    /// `accessChecked`: the caller has checked the actor may write it (the inspection plan, which its standing agency writes).
    @discardableResult
    func save(_ document: PlanDocument, unit: Unit, expectedRevision: Int? = nil, accessChecked: Bool = false) async throws -> PlanRecord {
        let unitID = try unit.requireID()
        if let actor, !accessChecked {
            guard actor.scope.canDraft(for: unit.unitPath) || actor.scope.canSign(for: unit.unitPath) else { throw CCHCError.forbidden }
        }
        var errors = Self.problems(document)
        if let n = document.document?.number, n.count > 60 {
            errors.append(FieldError(field: "document.number", message: "Số, ký hiệu: quá dài."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let candidates = try await Self.candidates(under: unit, on: db)
        let issuer = candidates.first { $0.id == unitID }
        let (actor, now) = (self.actor, self.now)
        let higher = try await PlanQueries.assignedTasks(to: unit, year: document.year, kind: document.kind, on: db)
        return try await db.writeTransaction { tx in
            let existing = try await PlanRecord.query(on: tx).filter(\.$unit.$id == unitID).filter(\.$year == document.year)
                .filter(\.$kind == document.kind.rawValue).first()
            let plan = existing ?? PlanRecord()
            if let existing {
                try Revisions.check(existing.revision, expected: expectedRevision, what: Self.name(document.kind, year: document.year, unit: unit))
                guard existing.state.isEditable else {
                    throw CCHCError(.conflict, "\(Self.name(document.kind, year: document.year, unit: unit)) đang ở trạng thái "
                        + "“\(existing.state.label)”: không sửa được.")
                }
                plan.revision = existing.revision + 1
            } else {
                plan.revision = 0
                plan.state = .draft
            }
            plan.$unit.id = unitID
            plan.unitPath = unit.path
            plan.year = document.year
            plan.kind = document.kind.rawValue
            plan.docNumber = document.document?.number?.trimmingCharacters(in: .whitespaces).nilIfEmpty
            plan.docDate = document.document?.date?.iso
            plan.signer = document.document?.signer?.trimmingCharacters(in: .whitespaces).nilIfEmpty
            plan.updatedBy = actor?.username ?? "hệ thống"
            plan.updatedAt = now
            try await plan.save(on: tx)
            let planID = try plan.requireID()

            // Tasks: a row whose text is unchanged keeps its id, progress and assignees' progress.
            let old = try await PlanTaskRecord.query(on: tx).filter(\.$plan.$id == planID).sort(\.$position).all()
            var pool = Dictionary(grouping: old, by: { Self.key($0.entry) })
            let links = PlanCoverage.carriers(tasks: document.tasks.enumerated().map { PlanCoverage.Task($0.element, row: $0.offset + 1) },
                                              assigned: higher.map(\.assigned))
            let carried = Dictionary(links.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
            var kept: Set<Int> = []
            for (i, entry) in document.tasks.enumerated() {
                let row: PlanTaskRecord
                if var same = pool[Self.key(entry)], !same.isEmpty {
                    row = same.removeFirst()
                    pool[Self.key(entry)] = same
                    row.revision += 1
                } else {
                    row = PlanTaskRecord()
                    row.$plan.id = planID
                    row.status = .notStarted
                    row.revision = 0
                }
                row.position = i + 1
                row.set(entry, year: document.year)
                row.assignedFrom = carried[i + 1].flatMap { id in higher.first { $0.assigned.id == id }?.taskID }
                row.updatedBy = actor?.username ?? "hệ thống"
                row.updatedAt = now
                try await row.save(on: tx)
                let taskID = try row.requireID()
                kept.insert(taskID)
                // Assignees: the units the lead and coordinator cells name, below the issuer.
                let lead = UnitReference.read(entry.lead, candidates: candidates, issuer: issuer).resolve(in: candidates)
                    .filter { $0 != unitID }
                let coordinating = UnitReference.read(entry.coordinators, candidates: candidates, issuer: issuer).resolve(in: candidates)
                    .filter { $0 != unitID && !lead.contains($0) }
                let roles = lead.map { ($0, "lead") } + coordinating.map { ($0, "coordinator") }
                let current = try await PlanAssignmentRecord.query(on: tx).filter(\.$task.$id == taskID).all()
                for a in current where !roles.contains(where: { $0.0 == a.$unit.id }) { try await a.delete(on: tx) }
                let paths = Dictionary(try await Unit.query(on: tx).filter(\.$id ~~ roles.map(\.0)).all().map { ($0.id!, $0.path) },
                                       uniquingKeysWith: { a, _ in a })
                for (assignee, role) in roles {
                    let a = current.first { $0.$unit.id == assignee } ?? PlanAssignmentRecord()
                    if a.id == nil {
                        a.$task.id = taskID
                        a.$unit.id = assignee
                        a.status = .notStarted
                        a.revision = 0
                    }
                    a.unitPath = paths[assignee] ?? ""
                    a.role = role
                    try await a.save(on: tx)
                }
            }
            for row in old where !kept.contains(row.id ?? -1) { try await row.delete(on: tx) }
            try await Audit.record(on: tx, at: now, actor: actor, action: existing == nil ? "plan.create" : "plan.update", entity: "plan",
                                   entityID: planID, unit: unit,
                                   summary: "\(existing == nil ? "Lập" : "Sửa") \(Self.name(document.kind, year: document.year, unit: unit).lowercasedFirst): "
                                       + "\(document.tasks.count) nhiệm vụ")
            return plan
        }
    }

    /// Rows are the same task when their area, task and detail read the same without diacritics and spacing.
    static func key(_ e: PlanTaskEntry) -> String {
        [e.area, e.task, e.detail].map { Folding.fold($0).split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: "|")
    }

    /// The standing agency above the plan's unit (or an administrator) sets the day the units below must issue theirs by.
    func setDeadlineForBelow(_ plan: PlanRecord, unit: Unit, deadline: DueDate?) async throws {
        guard let actor, actor.scope.canManage(unit.unitPath) || actor.scope.canDraft(for: unit.unitPath) else { throw CCHCError.forbidden }
        let now = self.now
        try await db.writeTransaction { tx in
            plan.subordinateDeadline = deadline?.day.iso
            plan.subordinateDeadlineStrict = deadline?.strict == true ? true : nil
            plan.revision += 1
            try await plan.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "plan.deadline", entity: "plan", entityID: plan.id, unit: unit,
                                   summary: "Hạn ban hành kế hoạch của các đơn vị trực thuộc: "
                                       + (deadline.map { ($0.strict == true ? "trước ngày " : "") + $0.day.vietnamese } ?? "bỏ"))
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
    /// "Kế hoạch …" → "kế hoạch …" in the middle of a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
