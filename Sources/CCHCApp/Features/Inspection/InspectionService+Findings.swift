import Fluent
import Foundation
import CCHCDomain

extension InspectionService {
    /// The unit reports a finding fixed, with what it did (its remediation report); on time when by the finding's due day.
    func remediate(_ finding: InspectionFindingRecord, unit: Unit, report: String, fixedOn text: String?, revision: Int?) async throws
        -> InspectionFindingRecord {
        try checkStaff(unit)
        let t = report.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw ValidationFailure(field: "remediation", "Báo cáo khắc phục: chưa có nội dung") }
        let fixed = try (text?.isEmpty == false) ? Self.day(text, field: "fixedOn", label: "Ngày khắc phục xong") : today
        guard fixed <= today else { throw ValidationFailure(field: "fixedOn", "Ngày khắc phục xong \(fixed.vietnamese) sau hôm nay") }
        guard finding.status == .open else { throw Self.refused("Vấn đề đã báo cáo khắc phục (\(finding.status.label.lowercased())).") }
        return try await edit(finding, revision: revision, action: "inspection.finding.remediate",
                              summary: "\(unit.name) báo cáo đã khắc phục vấn đề ngày \(fixed.vietnamese)") { f in
            f.status = .fixed
            f.fixedOn = fixed.iso
            f.remediation = t
        }
    }

    /// The team verifies a remediation (closed) or sends it back (open again, the report kept in the audit).
    func verify(_ finding: InspectionFindingRecord, plan: InspectionPlanRecord, accept: Bool, revision: Int?) async throws -> InspectionFindingRecord {
        try checkTeam(plan)
        guard finding.status == .fixed else { throw Self.refused("Chỉ xác minh được vấn đề đơn vị đã báo cáo khắc phục.") }
        let (who, today) = (self.who, self.today)
        return try await edit(finding, revision: revision, action: accept ? "inspection.finding.verify" : "inspection.finding.reopen",
                              summary: accept ? "Xác minh vấn đề đã khắc phục, kết thúc ngày \(today.vietnamese)"
                                  : "Xác minh: vấn đề chưa khắc phục xong, mở lại") { f in
            if accept {
                f.status = .verified
                f.verifiedOn = today.iso
                f.verifiedBy = who
            } else {
                f.status = .open
                f.fixedOn = nil
            }
        }
    }

    func edit(_ finding: InspectionFindingRecord, revision: Int?, action: String, summary: String,
              _ change: @escaping @Sendable (InspectionFindingRecord) -> Void) async throws -> InspectionFindingRecord {
        let id = try finding.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            guard let f = try await InspectionFindingRecord.find(id, on: tx) else { throw CCHCError.notFound("Không tìm thấy vấn đề này.") }
            try Revisions.check(f.revision, expected: revision, what: "Vấn đề phát hiện")
            let before = f.status.label
            change(f)
            f.revision += 1
            f.updatedBy = who
            f.updatedAt = now
            try await f.save(on: tx)
            let visit = try await InspectionVisitRecord.find(f.$visit.id, on: tx)
            let unit = try await Unit.find(optional: visit?.$unit.id, on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: action, entity: "inspection_finding", entityID: id, unit: unit,
                                   summary: summary + ": “\(f.description.prefix(80))”", detail: ["status": before + " → " + f.status.label])
            return f
        }
    }
}
