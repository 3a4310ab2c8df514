import Fluent
import SQLKit
import Foundation
import CCHCDomain

/// Writes of the standing agency: frameworks (saved from their JSON, checked, audited), rounds (opened for the units a
/// jurisdiction assesses, closed, published). The units' and the council's work on an assessment is `ParAssessmentService`.
struct ParService {
    let db: any Database
    /// nil: the system (the demo, `cchc framework import`).
    let actor: Actor?
    let now: Date

    var who: String { actor?.username ?? "hệ thống" }

    /// Frameworks are rules for everyone below: an administrator or a standing-agency officer keeps them.
    func checkKeeper() throws {
        if let actor, !actor.canManage { throw CCHCError.forbidden }
    }

    /// Saves a framework, new or the one with its code and year: refused with every error named; warnings are the page's to show.
    @discardableResult
    func save(_ framework: ParFramework, expectedRevision: Int? = nil, replacing id: Int? = nil) async throws -> ParFrameworkRecord {
        try checkKeeper()
        let errors = framework.problems().filter { $0.severity == .error }
        if !errors.isEmpty { throw ValidationFailure(errors.map(\.fieldError)) }
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            var record = try await ParQueries.framework(code: framework.code, year: framework.year, on: tx)
            if let id {
                guard let mine = try await ParFrameworkRecord.find(id, on: tx) else { throw CCHCError.notFound("Không tìm thấy bộ tiêu chí này.") }
                if let other = record, other.id != id {
                    throw ValidationFailure(field: "code", "Đã có bộ tiêu chí \(other.code) năm \(other.year): đổi mã hoặc năm.")
                }
                try Revisions.check(mine.revision, expected: expectedRevision, what: "Bộ tiêu chí \(mine.code) năm \(mine.year)")
                record = mine
            }
            if let record, try await Self.published(record, on: tx) {
                throw CCHCError(.conflict, "Bộ tiêu chí \(record.code) năm \(record.year) đã dùng cho đợt đánh giá đã công bố kết quả: "
                                + "không sửa được. Hãy tạo bộ tiêu chí mới (mã hoặc năm khác).")
            }
            let isNew = record == nil
            let r = record ?? ParFrameworkRecord()
            if isNew { r.revision = 0 } else { r.revision += 1 }
            try r.set(framework)
            r.updatedBy = who
            r.updatedAt = now
            try await r.save(on: tx)
            if !isNew, let id = r.id, let sql = tx as? any SQLDatabase {
                // The cards kept with the scores were read off the framework as it was: the rankings score them again.
                try await sql.raw("""
                    UPDATE par_assessments SET final_class = NULL, final_areas = NULL
                    WHERE round_id IN (SELECT id FROM par_rounds WHERE framework_id = \(bind: id))
                    """).run()
            }
            try await Audit.record(on: tx, at: now, actor: actor, action: isNew ? "par.framework.create" : "par.framework.update",
                                   entity: "par_framework", entityID: r.id, unit: nil,
                                   summary: "\(isNew ? "Tạo" : "Sửa") bộ tiêu chí \(framework.code) năm \(framework.year): "
                                       + "\(framework.criteria.count) tiêu chí, tối đa \(ParPoints.text(framework.maxTotal)) điểm",
                                   detail: ["title": framework.title, "group": framework.group])
            return r
        }
    }

    static func published(_ f: ParFrameworkRecord, on db: any Database) async throws -> Bool {
        try await ParRoundRecord.query(on: db).filter(\.$framework.$id == (try f.requireID())).filter(\.$state == .published).count() > 0
    }

    /// The group as people say it: the usual English keys of the framework JSON in Vietnamese, anything else as written.
    static func groupLabel(_ group: String) -> String {
        let known = ["communes": "UBND các xã, phường, thị trấn", "district offices": "Các cơ quan chuyên môn cấp huyện",
                     "districts": "UBND các huyện, thị xã, thành phố", "provincial departments": "Các sở, ban, ngành cấp tỉnh",
                     "departments": "Các sở, ban, ngành cấp tỉnh", "offices": "Các cơ quan chuyên môn"]
        return known[group.trimmingCharacters(in: .whitespaces).lowercased()] ?? group
    }

    /// The units a jurisdiction assesses on a framework of `group`: its offices for a group of offices, else the units below it.
    static func assessedUnits(of jurisdiction: Unit, group: String, on db: any Database) async throws -> [Unit] {
        let children = try await UnitQueries.children(of: try jurisdiction.requireID(), on: db).filter { !$0.isRetired && !$0.isStandingAgency }
        let folded = Folding.fold(group)
        let offices = ["office", "phong", "so ", "co quan"].contains { folded.contains($0) }
        return children.filter { $0.kind.isOffice == offices }.sorted { VietnameseOrder.key($0.name) < VietnameseOrder.key($1.name) }
    }

    struct RoundDates: Sendable {
        var opensOn: Day
        var selfDue: Day
        var answerDue: Day

        /// A new round's framework and dates as the page's form or the API give them (dd/MM/yyyy or yyyy-MM-dd), every missing
        /// or wrong one named.
        static func read(frameworkID: Int?, opensOn: String?, selfDue: String?, answerDue: String?) throws -> (Int, RoundDates) {
            var errors: [FieldError] = []
            func day(_ text: String?, _ field: String, _ label: String) -> Day? {
                guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
                    errors.append(FieldError(field: field, message: "\(label): chưa nhập ngày")); return nil
                }
                guard let d = Day(vietnamese: t) ?? Day(iso: t) else {
                    errors.append(FieldError(field: field, message: "\(label): " + VNDate.problem(t))); return nil
                }
                return d
            }
            let opens = day(opensOn, "opensOn", "Ngày bắt đầu tự đánh giá")
            let due = day(selfDue, "selfDue", "Hạn gửi tự đánh giá")
            let answer = day(answerDue, "answerDue", "Hạn giải trình")
            if frameworkID == nil { errors.append(FieldError(field: "frameworkID", message: "Bộ tiêu chí: chưa chọn")) }
            guard errors.isEmpty, let frameworkID, let opens, let due, let answer else { throw ValidationFailure(errors) }
            return (frameworkID, RoundDates(opensOn: opens, selfDue: due, answerDue: answer))
        }
    }

    /// Opens a round of `framework` for the units `jurisdiction` assesses.
    func open(_ framework: ParFrameworkRecord, for jurisdiction: Unit, dates: RoundDates, merge: ParMergeRule = .average,
              state: ParRoundState = .selfAssessment) async throws -> ParRoundRecord {
        if let actor, !actor.scope.canManage(jurisdiction.unitPath) { throw CCHCError.forbidden }
        if jurisdiction.kind.isOffice {
            throw ValidationFailure(field: "unitID", "Đợt đánh giá do UBND (tỉnh, huyện) tổ chức, không phải \(jurisdiction.name).")
        }
        var errors: [FieldError] = []
        if dates.selfDue < dates.opensOn { errors.append(FieldError(field: "selfDue", message: "Hạn gửi tự đánh giá trước ngày bắt đầu")) }
        if dates.answerDue < dates.selfDue { errors.append(FieldError(field: "answerDue", message: "Hạn giải trình trước hạn gửi tự đánh giá")) }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        let units = try await Self.assessedUnits(of: jurisdiction, group: framework.group, on: db)
        guard !units.isEmpty else {
            throw ValidationFailure(field: "unitID", "\(jurisdiction.name) không có đơn vị nào thuộc nhóm “\(framework.group)” để đánh giá.")
        }
        let (actor, now, who) = (self.actor, self.now, self.who)
        let frameworkID = try framework.requireID()
        if try await ParRoundRecord.query(on: db).filter(\.$framework.$id == frameworkID).filter(\.$unit.$id == jurisdiction.id!).count() > 0 {
            throw ValidationFailure(field: "frameworkID", "\(jurisdiction.name) đã có đợt đánh giá theo bộ tiêu chí \(framework.code) năm \(framework.year).")
        }
        return try await db.writeTransaction { tx in
            let round = ParRoundRecord()
            round.$framework.id = frameworkID
            round.$unit.id = try jurisdiction.requireID()
            round.unitPath = jurisdiction.path
            round.year = framework.year
            round.opensOn = dates.opensOn.iso
            round.selfDue = dates.selfDue.iso
            round.answerDue = dates.answerDue.iso
            round.state = state
            round.mergeRule = merge.rawValue
            round.revision = 0
            round.updatedBy = who
            round.updatedAt = now
            try await round.create(on: tx)
            for u in units { try await ParAssessmentRecord(roundID: try round.requireID(), unit: u).create(on: tx) }
            try await Audit.record(on: tx, at: now, actor: actor, action: "par.round.open", entity: "par_round", entityID: round.id,
                                   unit: jurisdiction,
                                   summary: "Mở đợt đánh giá chỉ số CCHC năm \(framework.year) (\(framework.code)) cho \(units.count) đơn vị; "
                                       + "hạn tự đánh giá \(dates.selfDue.vietnamese)")
            return round
        }
    }

    /// Closes the round (the council's scores are final) or publishes its results.
    func advance(_ round: ParRoundRecord, to state: ParRoundState, revision: Int?) async throws -> ParRoundRecord {
        if let actor, !ParQueries.isCouncil(actor, round) { throw CCHCError.forbidden }
        let allowed: [ParRoundState: [ParRoundState]] = [.selfAssessment: [.appraisal, .closed], .appraisal: [.closed], .closed: [.published, .appraisal]]
        guard allowed[round.state]?.contains(state) == true else {
            throw CCHCError(.conflict, "Đợt đánh giá đang ở trạng thái “\(round.state.label)”: không chuyển sang “\(state.label)” được.")
        }
        let id = try round.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await db.writeTransaction { tx in
            guard let fresh = try await ParRoundRecord.find(id, on: tx) else { throw ParQueries.missingRound }
            try Revisions.check(fresh.revision, expected: revision, what: "Đợt đánh giá")
            let before = fresh.state
            fresh.state = state
            if state == .published { fresh.publishedAt = now }
            fresh.revision += 1
            fresh.updatedBy = who
            fresh.updatedAt = now
            try await fresh.save(on: tx)
            let unit = try await Unit.find(fresh.$unit.id, on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "par.round." + state.rawValue, entity: "par_round", entityID: id,
                                   unit: unit, summary: "Đợt đánh giá chỉ số CCHC năm \(fresh.year): \(state.label.lowercased())",
                                   detail: ["state": before.label + " → " + state.label])
            return fresh
        }
    }
}
