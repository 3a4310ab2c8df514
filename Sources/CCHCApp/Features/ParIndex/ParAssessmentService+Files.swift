import Fluent
import Foundation
import CCHCDomain

extension ParAssessmentService {
    /// A file a unit attaches as evidence of one criterion: while it scores itself, or with its answer to the council.
    func upload(_ c: Context, code: String, fileName: String, bytes: Data) async throws -> ParFileRecord {
        try checkStaff(c)
        guard c.framework[code] != nil else { throw ValidationFailure(field: "code", "Tiêu chí kiểm chứng: không có tiêu chí “\(code)”.") }
        let stage: String
        switch c.assessment.state {
        case .draft: stage = "self"
        case .appraised: stage = "answer"
        default: throw Self.refused("Bản đánh giá đang ở trạng thái “\(c.assessment.state.label)”: không thêm tệp kiểm chứng được.")
        }
        let accepted = try AttachmentRules.check(fileName: fileName, size: bytes.count)
        let id = try c.assessment.requireID()
        let (actor, now, who, unit, year) = (self.actor, self.now, self.who, c.unit, c.round.year)
        return try await db.writeTransaction { tx in
            let f = ParFileRecord()
            f.$assessment.id = id
            f.code = code
            f.stage = stage
            f.fileName = accepted.fileName
            f.contentType = accepted.contentType
            f.size = bytes.count
            f.bytes = bytes
            f.uploadedBy = who
            f.uploadedAt = now
            try await f.create(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "par.file.upload", entity: "par_assessment", entityID: id, unit: unit,
                                   summary: "Đính kèm tệp kiểm chứng “\(accepted.fileName)” cho tiêu chí \(code) (chỉ số CCHC năm \(year))",
                                   detail: ["size": String(bytes.count), "stage": stage])
            return f
        }
    }

    /// Removes a file the unit attached at the stage it is still in.
    func removeFile(_ c: Context, fileID: Int) async throws {
        try checkStaff(c)
        let id = try c.assessment.requireID()
        let file = try await ParQueries.file(fileID, of: id, on: db)
        let open = (file.stage == "self" && c.assessment.state == .draft) || (file.stage == "answer" && c.assessment.state == .appraised)
        guard open else { throw Self.refused("Tệp “\(file.fileName)” đã gửi cùng bản đánh giá: không xóa được.") }
        let (actor, now, unit) = (self.actor, self.now, c.unit)
        try await db.writeTransaction { tx in
            try await ParFileRecord.query(on: tx).filter(\.$id == fileID).delete()
            try await Audit.record(on: tx, at: now, actor: actor, action: "par.file.remove", entity: "par_assessment", entityID: id, unit: unit,
                                   summary: "Xóa tệp kiểm chứng “\(file.fileName)” của tiêu chí \(file.code)")
        }
    }

    /// The improvement plan (seed 001): the published result's weak criteria grouped by the section responsible, each naming
    /// the criterion and the points at stake, saved as a draft plan of the next year that the planning capability tracks.
    func improvementPlan(_ c: Context, evaluation: ParEvaluation) async throws -> PlanRecord {
        try checkStaff(c)
        guard c.round.state == .published else { throw Self.refused("Kết quả chưa công bố: chưa lập kế hoạch nâng cao chỉ số được.") }
        let document = Self.improvementDocument(c, card: evaluation.finalCard)
        guard !document.tasks.isEmpty else { throw Self.refused("Không có tiêu chí nào bị mất điểm: không cần kế hoạch nâng cao chỉ số.") }
        let year = document.year
        let unitID = try c.unit.requireID()
        if let existing = try await PlanQueries.plan(of: unitID, year: year, kind: .parImprovement, on: db), existing.state != .draft {
            throw Self.refused("Kế hoạch nâng cao chỉ số CCHC năm \(year) đã gửi ký: không lập lại được.")
        }
        return try await PlanService(db: db, actor: actor, now: now).save(document, unit: c.unit)
    }

    static func improvementDocument(_ c: Context, card: ParScorecard) -> PlanDocument {
        let year = c.round.year + 1
        var tasks: [PlanTaskEntry] = []
        for group in ParImprovement.draft(card) {
            for s in group.items {
                let area = card.areas.first { a in Self.isUnder(s.code, a.code, c.framework) }
                tasks.append(PlanTaskEntry(area: area.map { "\($0.code). \($0.name)" } ?? "Nâng cao chỉ số CCHC",
                                           task: "Khắc phục tiêu chí \(s.code) (mất \(ParPoints.text(s.lost)) điểm năm \(c.round.year))",
                                           detail: ParImprovement.line(s) + (s.explanation.isEmpty ? "" : ". Năm \(c.round.year): " + s.explanation),
                                           product: c.framework[s.code]?.evidence ?? "Tài liệu kiểm chứng của tiêu chí \(s.code)",
                                           lead: [group.office ?? "Văn phòng HĐND và UBND"], timeFrame: "Năm \(year)"))
            }
        }
        return PlanDocument(unit: c.unit.code, year: year, kind: .parImprovement, tasks: tasks)
    }

    static func isUnder(_ code: String, _ ancestor: String, _ f: ParFramework) -> Bool {
        var seen: Set<String> = []
        var current: String? = code
        while let x = current, seen.insert(x).inserted {
            if x == ancestor { return true }
            current = f[x]?.parent
        }
        return false
    }
}
