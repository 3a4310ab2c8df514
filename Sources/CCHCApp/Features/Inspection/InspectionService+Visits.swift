import Fluent
import Foundation
import CCHCDomain

extension InspectionService {
    /// What a new visit is: the unit, the day, the team; a round of the plan, or ad hoc from a complaint or a request.
    struct VisitInput: Sendable, Codable {
        var unitID: Int
        var round: Int?
        var date: String
        var leader: String
        var members: [String]
        var unannounced: Bool?
        var origin: String?
        var complaintRef: String?
        var complaintOn: String?
        var complaintSummary: String?
    }

    static func clean(_ s: String?) -> String? {
        let t = s?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return t.isEmpty ? nil : t
    }

    static func day(_ text: String?, field: String, label: String) throws -> Day {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { throw ValidationFailure(field: field, "\(label): chưa nhập ngày") }
        guard let d = Day(vietnamese: t) ?? Day(iso: t) else { throw ValidationFailure(field: field, "\(label): " + VNDate.problem(t)) }
        return d
    }

    func schedule(_ input: VisitInput, plan: InspectionPlanRecord, unit: Unit) async throws -> InspectionVisitRecord {
        try checkTeam(plan)
        guard let planPath = UnitPath(plan.unitPath), planPath.contains(unit.unitPath), unit.path != plan.unitPath else {
            throw ValidationFailure(field: "unitID", "\(unit.name) không thuộc phạm vi kiểm tra của kế hoạch.")
        }
        let day = try Self.day(input.date, field: "date", label: "Ngày kiểm tra")
        var errors: [FieldError] = []
        if input.leader.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "leader", message: "Trưởng đoàn kiểm tra: chưa nhập"))
        }
        let doc = try plan.document()
        if let round = input.round {
            if let r = doc.rounds.first(where: { $0.number == round }) {
                if day < r.from || r.to < day {
                    errors.append(FieldError(field: "date", message: "Ngày kiểm tra \(day.vietnamese) ngoài thời gian kiểm tra của \(r.label) "
                                             + "(\(r.from.vietnamese) – \(r.to.vietnamese))"))
                }
            } else {
                errors.append(FieldError(field: "round", message: "Kế hoạch không có đợt \(round)"))
            }
        } else if day.year != plan.year {
            errors.append(FieldError(field: "date", message: "Ngày kiểm tra \(day.vietnamese) không thuộc năm \(plan.year) của kế hoạch"))
        }
        if input.round == nil, (input.origin ?? "").isEmpty {
            errors.append(FieldError(field: "origin", message: "Kiểm tra đột xuất: ghi căn cứ (phản ánh, kiến nghị hoặc yêu cầu)"))
        }
        if input.origin == "complaint", (input.complaintSummary ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "complaintSummary", message: "Nội dung phản ánh, kiến nghị: chưa nhập"))
        }
        let complaintDay = try (input.round == nil && input.complaintOn?.isEmpty == false)
            ? Self.day(input.complaintOn, field: "complaintOn", label: "Ngày phản ánh") : nil
        if !errors.isEmpty { throw ValidationFailure(errors) }
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            let v = InspectionVisitRecord()
            v.$plan.id = try plan.requireID()
            v.round = input.round
            v.$unit.id = try unit.requireID()
            v.unitPath = unit.path
            v.visitOn = day.iso
            v.unannounced = input.unannounced == true
            v.origin = input.round == nil ? input.origin : nil
            v.complaintRef = input.round == nil ? Self.clean(input.complaintRef) : nil
            v.complaintOn = input.round == nil ? complaintDay?.iso : nil
            v.complaintSummary = input.round == nil ? Self.clean(input.complaintSummary) : nil
            v.team = InspectionTeam(leader: input.leader.trimmingCharacters(in: .whitespaces),
                                    members: input.members.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            v.history = []
            v.revision = 0
            v.updatedBy = who
            v.updatedAt = now
            try await v.create(on: tx)
            let kind = input.round.map { "đợt \($0)" } ?? "đột xuất"
            try await Audit.record(on: tx, at: now, actor: actor, action: "inspection.visit.schedule", entity: "inspection_visit", entityID: v.id,
                                   unit: unit, summary: "Lịch kiểm tra CCHC \(kind) tại \(unit.name) ngày \(day.vietnamese)")
            return v
        }
    }

    /// Moves a visit: its pre-visit deadline moves with it; the move is kept in the visit's history.
    func move(_ visit: InspectionVisitRecord, plan: InspectionPlanRecord, to text: String, reason: String?, revision: Int?) async throws
        -> InspectionVisitRecord {
        try checkTeam(plan)
        let day = try Self.day(text, field: "date", label: "Ngày kiểm tra mới")
        guard visit.concludedOn == nil else { throw Self.refused("Cuộc kiểm tra đã có kết luận: không dời lịch được.") }
        let (who, now) = (self.who, self.now)
        return try await edit(visit, revision: revision, action: "inspection.visit.move",
                              summary: "Dời lịch kiểm tra từ \(visit.day.vietnamese) sang \(day.vietnamese)") { v in
            guard v.day != day else { return }
            v.history = v.history + [VisitMove(from: v.day, to: day, reason: reason, by: who, at: now)]
            v.visitOn = day.iso
        }
    }

    /// The inspected unit's written report before the visit.
    func preReport(_ visit: InspectionVisitRecord, unit: Unit, text: String, revision: Int?) async throws -> InspectionVisitRecord {
        try checkStaff(unit)
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw ValidationFailure(field: "preReport", "Báo cáo trước kiểm tra: chưa có nội dung") }
        guard visit.concludedOn == nil else { throw Self.refused("Cuộc kiểm tra đã có kết luận.") }
        let now = self.now
        return try await edit(visit, revision: revision, action: "inspection.visit.prereport", summary: "\(unit.name) gửi báo cáo trước kiểm tra") { v in
            v.preReport = t
            if v.preReportAt == nil { v.preReportAt = now }
        }
    }

    struct FindingInput: Sendable, Codable {
        var area: String
        var description: String
        var severity: String?
        var responsible: String
        var person: String?
    }

    /// The conclusion of a visit, with its findings: each is due the plan's remediation days after the conclusion. A
    /// conclusion with a number (thông báo kết luận) is entered into the jurisdiction's register in the same transaction.
    func conclude(_ visit: InspectionVisitRecord, plan: InspectionPlanRecord, on text: String, number: String?, conclusion: String,
                  findings: [FindingInput], revision: Int?) async throws -> InspectionVisitRecord {
        try checkTeam(plan)
        let (actor, now) = (self.actor, self.now)
        let number = number?.trimmingCharacters(in: .whitespaces)
        return try await db.writeTransaction { tx in
            let inner = InspectionService(db: tx, actor: actor, now: now)
            let v = try await inner.concludeRecords(visit, plan: plan, on: text, number: number, conclusion: conclusion, findings: findings,
                                                    revision: revision)
            if let number, !number.isEmpty, let jurisdiction = try await Unit.find(plan.$unit.id, on: tx),
               let unit = try await Unit.find(v.$unit.id, on: tx) {
                let draft = RegisterDraft(number: number, issuedOn: v.concludedOn ?? "", summary: "Thông báo kết luận kiểm tra công tác cải "
                                          + "cách hành chính tại \(unit.name)", directsCCHC: true, area: ReformArea.direction.rawValue)
                _ = try await RegisterService(db: tx, actor: actor, now: now).create(draft, in: jurisdiction,
                                                                                     source: .init(kind: "inspection", id: try v.requireID()))
            }
            return v
        }
    }

    func concludeRecords(_ visit: InspectionVisitRecord, plan: InspectionPlanRecord, on text: String, number: String?, conclusion: String,
                         findings: [FindingInput], revision: Int?) async throws -> InspectionVisitRecord {
        guard visit.concludedOn == nil else { throw Self.refused("Cuộc kiểm tra đã có kết luận.") }
        let day = try Self.day(text, field: "concludedOn", label: "Ngày kết luận")
        var errors: [FieldError] = []
        if day < visit.day { errors.append(FieldError(field: "concludedOn", message: "Ngày kết luận trước ngày kiểm tra \(visit.day.vietnamese)")) }
        if conclusion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "conclusion", message: "Nội dung kết luận: chưa nhập"))
        }
        for (i, f) in findings.enumerated() {
            if ReformArea(rawValue: f.area) == nil { errors.append(FieldError(field: "findings[\(i)].area", message: "Vấn đề \(i + 1): chưa chọn lĩnh vực")) }
            if f.description.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError(field: "findings[\(i)].description", message: "Vấn đề \(i + 1): chưa mô tả"))
            }
            if f.responsible.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError(field: "findings[\(i)].responsible", message: "Vấn đề \(i + 1): chưa ghi bộ phận chịu trách nhiệm"))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        let due = InspectionRules.remediationDue(conclusion: day, days: try plan.document().remediationDays)
        let (who, now) = (self.who, self.now)
        return try await edit(visit, revision: revision, action: "inspection.visit.conclude",
                              summary: "Kết luận kiểm tra ngày \(day.vietnamese): \(findings.count) vấn đề, khắc phục trước hết ngày \(due.vietnamese)",
                              also: { v, tx in
            for f in findings {
                let r = InspectionFindingRecord()
                r.$visit.id = try v.requireID()
                r.area = f.area
                r.description = f.description.trimmingCharacters(in: .whitespacesAndNewlines)
                r.severity = f.severity == "major" ? "major" : "minor"
                r.responsible = f.responsible.trimmingCharacters(in: .whitespaces)
                r.person = f.person
                r.foundOn = day.iso
                r.due = due.iso
                r.status = .open
                r.revision = 0
                r.updatedBy = who
                r.updatedAt = now
                try await r.create(on: tx)
            }
        }) { v in
            v.concludedOn = day.iso
            v.conclusionNumber = number?.trimmingCharacters(in: .whitespaces)
            v.conclusion = conclusion.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// One write of a visit: re-read, revision-checked, changed, audited.
    func edit(_ visit: InspectionVisitRecord, revision: Int?, action: String, summary: String,
              also: (@Sendable (InspectionVisitRecord, any Database) async throws -> Void)? = nil,
              _ change: @escaping @Sendable (InspectionVisitRecord) -> Void) async throws -> InspectionVisitRecord {
        let id = try visit.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            guard let v = try await InspectionVisitRecord.find(id, on: tx) else { throw CCHCError.notFound("Không tìm thấy cuộc kiểm tra.") }
            try Revisions.check(v.revision, expected: revision, what: "Cuộc kiểm tra")
            change(v)
            v.revision += 1
            v.updatedBy = who
            v.updatedAt = now
            try await v.save(on: tx)
            try await also?(v, tx)
            let unit = try await Unit.find(v.$unit.id, on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: action, entity: "inspection_visit", entityID: id, unit: unit,
                                   summary: summary + " (\(unit?.name ?? ""))")
            return v
        }
    }
}
