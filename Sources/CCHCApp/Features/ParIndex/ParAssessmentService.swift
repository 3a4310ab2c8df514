import Fluent
import Foundation
import CCHCDomain

/// A unit's assessment through its round: the unit scores and explains (its staff), uploads evidence, submits and may
/// withdraw before the deadline (its leader); the council appraises and sends its scores; the unit answers once before the
/// answer deadline. Each write is checked, one `writeTransaction`, revision-checked, audited, and keeps the totals that rank.
struct ParAssessmentService {
    let db: any Database
    let actor: Actor?
    let now: Date

    var who: String { actor?.username ?? "hệ thống" }
    var today: Day { Day(now) }

    /// What the unit gives for one criterion. nil fields are left as stored.
    struct SelfEntry: Sendable, Codable, Equatable {
        var value: String?
        var explanation: String?
        var evidence: [String]?
    }

    /// What the council gives for one criterion: its points (blank: the self-score stands) and its comment.
    struct Appraisal: Sendable, Codable, Equatable {
        var points: String?
        var comment: String?
    }

    struct Context: Sendable {
        var round: ParRoundRecord
        var unit: Unit
        var assessment: ParAssessmentRecord
        var framework: ParFramework
        var system: [String: ParSystemInput]
    }

    // MARK: Who

    func checkStaff(_ c: Context) throws {
        guard let actor else { return }
        guard actor.scope.canDraft(for: c.unit.unitPath) || actor.scope.canSign(for: c.unit.unitPath) else { throw CCHCError.forbidden }
    }

    func checkLeader(_ c: Context) throws {
        guard let actor else { return }
        guard actor.scope.canSign(for: c.unit.unitPath) else {
            throw CCHCError(.forbidden, "Chỉ lãnh đạo \(c.unit.name) được gửi, rút lại hoặc gửi giải trình bản tự đánh giá.")
        }
    }

    func checkCouncil(_ c: Context) throws {
        guard let actor else { return }
        guard ParQueries.isCouncil(actor, c.round) else {
            throw CCHCError(.forbidden, "Chỉ cơ quan thường trực CCHC tổ chức đợt đánh giá (hội đồng thẩm định) được chấm thẩm định.")
        }
    }

    static func refused(_ message: String) -> CCHCError { CCHCError(.conflict, message) }

    // MARK: The unit

    /// Saves the unit's scores, explanations and evidence lists. Every text is read first; one that does not read refuses the
    /// whole save with the criterion named (the page keeps the typing).
    func saveSelf(_ c: Context, _ input: [String: SelfEntry], revision: Int?) async throws -> ParAssessmentRecord {
        try checkStaff(c)
        guard c.assessment.state == .draft else {
            throw Self.refused("Bản tự đánh giá đã gửi (\(c.assessment.state.label.lowercased())): muốn sửa, lãnh đạo rút lại trước hạn.")
        }
        guard c.round.state == .selfAssessment else { throw Self.refused("Đợt đánh giá đang ở bước “\(c.round.state.label)”: không sửa được.") }
        var errors: [FieldError] = []
        for (code, entry) in input.sorted(by: { $0.key < $1.key }) {
            guard let criterion = c.framework[code] else {
                errors.append(FieldError(field: "criteria." + code, message: "Không có tiêu chí \(code) trong bộ tiêu chí \(c.framework.code)"))
                continue
            }
            if let v = entry.value, !v.trimmingCharacters(in: .whitespaces).isEmpty {
                if c.framework.children(of: code).count > 0 {
                    errors.append(FieldError(field: "criteria." + code, message: "Tiêu chí \(code) có tiêu chí thành phần: chấm ở các tiêu chí thành phần"))
                    continue
                }
                do { _ = try ParInputText.parse(v, for: criterion) } catch let f as ValidationFailure { errors += f.errors }
            }
            if (entry.explanation?.count ?? 0) > 4000 {
                errors.append(FieldError(field: "explanation." + code, message: "Tiêu chí \(code): giải trình quá dài (tối đa 4000 ký tự)"))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return try await write(c, revision: revision, action: "par.self.save",
                               summary: "Lưu tự đánh giá chỉ số CCHC năm \(c.round.year) của \(c.unit.name) (\(input.count) tiêu chí)") { a, entries, tx in
            for (code, entry) in input {
                let e = try await Self.entry(code, of: a, in: entries, on: tx)
                if let v = entry.value { e.selfValue = Self.clean(v) }
                if let x = entry.explanation { e.explanation = Self.clean(x) }
                if let ev = entry.evidence { e.evidenceList = ev.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty } }
                e.updatedBy = who
                e.updatedAt = now
                try await e.save(on: tx)
            }
            return [:]
        }
    }

    /// The leader sends the self-assessment: every criterion scored, and explained where it has no evidence.
    func submit(_ c: Context, revision: Int?) async throws -> ParAssessmentRecord {
        try checkLeader(c)
        guard c.assessment.state == .draft else { throw Self.refused("Bản tự đánh giá đã gửi.") }
        guard c.round.state == .selfAssessment else { throw Self.refused("Đợt đánh giá đang ở bước “\(c.round.state.label)”: không gửi được.") }
        let id = try c.assessment.requireID()
        let entries = try await ParQueries.entries(of: id, on: db)
        let files = Set(try await ParQueries.files(of: id, on: db).map(\.code))
        let problems = ParEvaluation.evaluate(c.framework, entries: entries, system: c.system).submissionProblems(entries: entries, files: files)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let late = c.round.selfDueDay.map { now >= $0.endInVietnam } ?? false
        return try await write(c, revision: revision, action: "par.self.submit",
                               summary: "Gửi bản tự đánh giá chỉ số CCHC năm \(c.round.year) của \(c.unit.name)"
                                   + (late ? " (sau hạn \(c.round.selfDueDay?.vietnamese ?? ""))" : "")) { a, entries, tx in
            // What the system scored is written into the assessment as it stood when sent: the council appraises it, and a
            // report resent later does not move a published result.
            for (code, system) in c.system {
                guard let criterion = c.framework[code], (entries[code]?.selfValue ?? "").isEmpty else { continue }
                let e = try await Self.entry(code, of: a, in: entries, on: tx)
                e.selfValue = ParInputText.format(system.input, for: criterion)
                e.evidenceList = e.evidenceList + ["Dữ liệu hệ thống: " + system.basis]
                e.updatedBy = who
                e.updatedAt = now
                try await e.save(on: tx)
            }
            a.state = .submitted
            a.submittedAt = now
            if a.firstSubmittedAt == nil { a.firstSubmittedAt = now }
            a.submittedBy = actor?.fullName ?? who
            return ["state": "Đang tự chấm → Đã gửi"]
        }
    }

    /// Before the deadline, and before the council has scored it, the leader may take the submission back to correct it.
    func withdraw(_ c: Context, revision: Int?) async throws -> ParAssessmentRecord {
        try checkLeader(c)
        guard c.assessment.state == .submitted else { throw Self.refused("Chỉ rút lại được bản tự đánh giá đã gửi, chưa thẩm định.") }
        if let due = c.round.selfDueDay, now >= due.endInVietnam {
            throw Self.refused("Đã quá hạn gửi tự đánh giá (\(due.vietnamese)): không rút lại được.")
        }
        let entries = try await ParQueries.entries(of: try c.assessment.requireID(), on: db)
        if entries.values.contains(where: { $0.appraised != nil }) {
            throw Self.refused("Hội đồng thẩm định đã bắt đầu chấm bản tự đánh giá này: không rút lại được.")
        }
        return try await write(c, revision: revision, action: "par.self.withdraw",
                               summary: "Rút lại bản tự đánh giá chỉ số CCHC năm \(c.round.year) của \(c.unit.name) để sửa") { a, _, _ in
            a.state = .draft
            a.withdrawals += 1
            return ["state": "Đã gửi → Đang tự chấm"]
        }
    }

    /// The unit's answer (giải trình) to the council's scores: once, before the answer deadline.
    func answer(_ c: Context, _ answers: [String: String], revision: Int?) async throws -> ParAssessmentRecord {
        try checkLeader(c)
        guard c.assessment.state == .appraised else {
            throw Self.refused(c.assessment.state == .answered ? "Đơn vị đã giải trình (chỉ một lần)." : "Chưa có kết quả thẩm định để giải trình.")
        }
        if let due = c.round.answerDueDay, now >= due.endInVietnam { throw Self.refused("Đã quá hạn giải trình (\(due.vietnamese)).") }
        let given = answers.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        var errors = given.keys.filter { c.framework[$0] == nil }.sorted()
            .map { FieldError(field: "answer." + $0, message: "Không có tiêu chí \($0) trong bộ tiêu chí") }
        if given.isEmpty { errors.append(FieldError(field: "answer", message: "Giải trình: chưa viết nội dung cho tiêu chí nào")) }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return try await write(c, revision: revision, action: "par.answer",
                               summary: "\(c.unit.name) giải trình kết quả thẩm định chỉ số CCHC năm \(c.round.year) "
                                   + "(\(given.count) tiêu chí)") { a, entries, tx in
            for (code, text) in given {
                let e = try await Self.entry(code, of: a, in: entries, on: tx)
                e.answer = text
                e.updatedBy = who
                e.updatedAt = now
                try await e.save(on: tx)
            }
            a.state = .answered
            a.answeredAt = now
            return ["state": "Đã có kết quả thẩm định → Đã giải trình"]
        }
    }

    // MARK: The council

    /// The council's points and comments; `send`: the result goes to the unit, which may then answer.
    func appraise(_ c: Context, _ input: [String: Appraisal], send: Bool, revision: Int?) async throws -> ParAssessmentRecord {
        try checkCouncil(c)
        guard [.submitted, .answered, .appraised].contains(c.assessment.state) else {
            throw Self.refused("\(c.unit.name) chưa gửi bản tự đánh giá: chưa thẩm định được.")
        }
        guard [.selfAssessment, .appraisal].contains(c.round.state) else {
            throw Self.refused("Đợt đánh giá đang ở bước “\(c.round.state.label)”: không chấm thẩm định được nữa.")
        }
        if send, c.assessment.state == .appraised { throw Self.refused("Kết quả thẩm định đã gửi đơn vị; chờ đơn vị giải trình.") }
        var errors: [FieldError] = []
        for (code, entry) in input.sorted(by: { $0.key < $1.key }) {
            guard let criterion = c.framework[code] else {
                errors.append(FieldError(field: "appraised." + code, message: "Không có tiêu chí \(code) trong bộ tiêu chí"))
                continue
            }
            guard let text = entry.points, !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let p = ParEvaluation.parsePoints(text) else {
                errors.append(FieldError(field: "appraised." + code, message: "Tiêu chí \(code): điểm thẩm định “\(text)” không phải là số"))
                continue
            }
            let input: ParInput = criterion.isAdjustment ? .points(abs(p)) : .manual(p)
            if case .failure(let problem) = ParScoring.scoreLeaf(criterion, input) {
                errors.append(FieldError(field: "appraised." + code, message: "Tiêu chí \(code): " + problem.message))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        let verb = send ? "Gửi kết quả thẩm định" : "Lưu điểm thẩm định"
        return try await write(c, revision: revision, action: send ? "par.appraisal.send" : "par.appraisal.save",
                               summary: "\(verb) chỉ số CCHC năm \(c.round.year) của \(c.unit.name)") { a, entries, tx in
            var changed: [String: String] = [:]
            for (code, entry) in input {
                let e = try await Self.entry(code, of: a, in: entries, on: tx)
                if let p = entry.points {
                    let new = Self.clean(p)
                    if new != e.appraised { changed[code] = "\(e.appraised ?? "") → \(new ?? "")" }
                    e.appraised = new
                }
                if let m = entry.comment { e.comment = Self.clean(m) }
                e.updatedBy = who
                e.updatedAt = now
                try await e.save(on: tx)
            }
            if send {
                a.state = .appraised
                a.appraisedAt = now
                changed["state"] = "→ Đã có kết quả thẩm định"
            }
            return changed
        }
    }

    // MARK: Helpers

    static func clean(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    static func entry(_ code: String, of a: ParAssessmentRecord, in entries: [String: ParEntryRecord], on db: any Database) async throws -> ParEntryRecord {
        if let e = entries[code] { return e }
        let e = ParEntryRecord()
        e.$assessment.id = try a.requireID()
        e.code = code
        return e
    }

    /// One write: the assessment re-read and revision-checked, the change, the totals recomputed, the audit.
    func write(_ c: Context, revision: Int?, action: String, summary: String,
               _ change: @escaping @Sendable (ParAssessmentRecord, [String: ParEntryRecord], any Database) async throws -> [String: String])
        async throws -> ParAssessmentRecord {
        let id = try c.assessment.requireID()
        let (actor, now, who, framework, system, unit) = (self.actor, self.now, self.who, c.framework, c.system, c.unit)
        return try await db.writeTransaction { tx in
            guard let a = try await ParAssessmentRecord.find(id, on: tx) else { throw CCHCError.notFound("Không tìm thấy bản đánh giá.") }
            try Revisions.check(a.revision, expected: revision, what: "Bản đánh giá chỉ số CCHC của \(unit.name)")
            let detail = try await change(a, try await ParQueries.entries(of: id, on: tx), tx)
            let scored = ParEvaluation.evaluate(framework, entries: try await ParQueries.entries(of: id, on: tx), system: system)
            a.selfTotal = scored.selfCard.total
            a.total = a.state == .draft && a.firstSubmittedAt == nil ? nil : scored.finalCard.total
            ParStoredCard.keep(scored, in: a)
            a.revision += 1
            a.updatedBy = who
            a.updatedAt = now
            try await a.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: action, entity: "par_assessment", entityID: id, unit: unit,
                                   summary: summary, detail: detail.isEmpty ? nil : detail)
            return a
        }
    }
}
