import Fluent
import Vapor
import CCHCDomain

/// The jurisdiction's own report and the sign-off workflow.
extension ReportService {
    // MARK: The jurisdiction's own report

    /// Assembles the draft of a jurisdiction's own report: the consolidated figures of its area (they
    /// go into the appendix of the document it sends up), the offices' topic reports placed in the
    /// narrative outline, and a sentence on who has and has not reported. The standing agency then
    /// edits the text; the leader signs and submits it upward like any unit's report.
    func assemble(_ ctx: ReportContext) async throws -> Report {
        guard ctx.unit.kind.receivesReports else {
            throw CCHCError.notFound("Chỉ đơn vị hành chính có đơn vị trực thuộc mới lập báo cáo tổng hợp.")
        }
        if case .failure(let refusal) = ReportWorkflow.next(ctx.state, .save, by: ctx.role) { throw CCHCError(.forbidden, refusal.message) }
        let consolidated = try await ConsolidationService.consolidate(jurisdiction: ctx.unit, year: ctx.regime.year, kind: ctx.period.periodKind, on: db)
        var narrative = ctx.report?.narrative ?? [:]
        func append(_ key: String, _ text: String) {
            let current = narrative[key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !current.contains(text) else { return }
            narrative[key] = current.isEmpty ? text : current + "\n\n" + text
        }
        var summary = "Số liệu tổng hợp từ báo cáo của \(consolidated.includedBelow) đơn vị trực thuộc"
        let missing = consolidated.missing.filter { $0.id != consolidated.jurisdiction.id }
        summary += missing.isEmpty
            ? "; đã nhận đủ báo cáo."
            : "; chưa nhận được báo cáo của: \(missing.map(\.name).joined(separator: ", "))."
        append("toChuc", summary)
        for (office, sections, contribution) in ctx.contributions {
            let topic = contribution?.topicReport.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !topic.isEmpty, !sections.isEmpty else { continue }
            append(SectionAssignments.narrativeKey(for: sections, form: ctx.form), "\(office.name): \(topic)")
        }
        let unit = ctx.unit
        let assembled = narrative
        let (actor, now) = (self.actor, self.now)
        return try await db.writeTransaction { tx in
            let report = try await Self.findOrCreate(ctx, on: tx)
            guard report.state.isEditable else {
                throw StaleWrite(report: report, message: "Báo cáo vừa chuyển sang trạng thái “\(report.state.label)”.")
            }
            report.narrative = assembled
            report.storedRevision = report.revision + 1
            report.updatedBy = actor.username
            try await report.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "report.assemble", entity: "report", entityID: report.id, unit: unit,
                                   summary: "Lập dự thảo \(ctx.period.periodKind.titleInSentence(year: ctx.regime.year)) của \(unit.name) "
                                       + "từ số liệu tổng hợp của \(consolidated.includedBelow) đơn vị và báo cáo chuyên đề của các cơ quan")
            return report
        }
    }

    // MARK: Workflow

    struct ActionInput: Content {
        var comment: String?
        var docNumber: String?
        var docDate: String?
        /// The revision the user read; when given, an action on a report changed since is refused.
        var revision: Int?
    }

    func act(_ ctx: ReportContext, _ action: ReportAction, _ input: ActionInput) async throws -> Report {
        guard action != .save else { throw CCHCError.notFound() }
        let next: ReportState
        switch ReportWorkflow.next(ctx.state, action, by: ctx.role, comment: input.comment) {
        case .success(let s): next = s
        case .failure(let refusal):
            let status: HTTPResponseStatus = (ctx.role.drafts || ctx.role.signs || ctx.role.receives) ? .conflict : .forbidden
            throw CCHCError(status, refusal.message)
        }
        var errors: [FieldError] = []
        if action == .sendToLeader || action == .submit {
            errors += ReportCompleteness.missing(form: ctx.form, values: ctx.values, narrative: ctx.report?.narrative ?? [:])
        }
        var docDay: Day?
        if action == .submit {
            let number = (input.docNumber ?? "").trimmingCharacters(in: .whitespaces)
            if number.isEmpty { errors.append(FieldError(field: "docNumber", message: "Số, ký hiệu văn bản: cần ghi (vd: 12/BC-UBND).")) }
            let typedDate = (input.docDate ?? "").trimmingCharacters(in: .whitespaces)
            let day = Day(vietnamese: typedDate) ?? Day(iso: typedDate)
            if typedDate.isEmpty {
                errors.append(FieldError(field: "docDate", message: "Ngày văn bản: chưa nhập (dd/MM/yyyy)."))
            } else if let day, !(2000...2100).contains(day.year) {
                errors.append(FieldError(field: "docDate", message: "Ngày văn bản: năm \(day.year) nằm ngoài 2000–2100."))
            } else if let day {
                docDay = day
            } else {
                errors.append(FieldError(field: "docDate", message: "Ngày văn bản: " + VNDate.problem(typedDate)))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let unit = ctx.unit
        let title = ctx.period.periodKind.title(year: ctx.regime.year)
        let submittedDay = docDay
        // What the leader signs is what is sent: a jurisdiction's appendix is frozen as it stands now.
        let appendix = action == .submit && unit.kind.receivesReports
            ? String(decoding: try JSONEncoder.sorted.encode(try await Exports.appendix(ctx, consolidated: true, on: db)), as: UTF8.self) : nil
        let (actor, now) = (self.actor, self.now)
        let acted = try await db.writeTransaction { tx in
            var report = try await Self.findOrCreate(ctx, on: tx)
            if report.state != ctx.state || report.version != (ctx.report?.version ?? report.version) {
                throw StaleWrite(report: report,
                                 message: "Báo cáo vừa chuyển sang trạng thái “\(report.state.label)”; thao tác không được thực hiện.")
            }
            try Self.check(report, expected: input.revision)
            let summary: String
            switch action {
            case .sendToLeader:
                summary = "Trình lãnh đạo ký \(title.lowercased()) của \(unit.name)"
            case .backToDrafter:
                report.returnComment = input.comment
                summary = "Lãnh đạo trả lại chuyên viên \(title.lowercased()) của \(unit.name)"
            case .submit:
                report.submittedAt = now
                if report.firstSubmittedAt == nil { report.firstSubmittedAt = now }
                report.submittedBy = actor.userID
                report.docNumber = input.docNumber?.trimmingCharacters(in: .whitespaces)
                report.docDate = submittedDay?.iso
                report.appendixJSON = appendix
                summary = "Ký, gửi \(title.lowercased()) của \(unit.name), "
                    + "văn bản số \(report.docNumber ?? "") ngày \(submittedDay?.vietnamese ?? "")"

            case .accept:
                report.acceptedAt = now
                report.acceptedBy = actor.userID
                summary = "Tiếp nhận \(title.lowercased()) của \(unit.name)"
            case .return:
                report.returnComment = input.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
                report.returnedAt = now
                report.submittedAt = nil // back with the unit: "returned, awaiting resubmission" until its leader sends it again
                summary = "Trả lại \(title.lowercased()) của \(unit.name): \(report.returnComment ?? "")"
            case .newVersion:
                report.isCurrent = false
                try await report.save(on: tx)
                let copy = try Report(unit: unit, periodID: report.$period.id, formID: report.$form.id, version: report.version + 1)
                copy.narrativeJSON = report.narrativeJSON
                copy.firstSubmittedAt = report.firstSubmittedAt
                try await copy.create(on: tx)
                let copyID = try copy.requireID()
                for v in try await ReportValue.query(on: tx).filter(\.$report.$id == (try report.requireID())).all() {
                    let copy = ReportValue(reportID: copyID, code: v.indicatorCode, value: v.value, source: v.source)
                    copy.note = v.note
                    try await copy.create(on: tx)
                }
                for d in try await DirectingDocument.query(on: tx).filter(\.$report.$id == (try report.requireID())).all() {
                    try await DirectingDocument(reportID: copyID, position: d.position, row: d.row).create(on: tx)
                }
                summary = "Tạo phiên bản \(copy.version) (đính chính) \(title.lowercased()) của \(unit.name)"
                report = copy
            case .save:
                summary = ""
            }
            report.state = next
            report.storedRevision = report.revision + 1
            report.updatedBy = actor.username
            try await report.save(on: tx)
            if [.submit, .accept, .return, .newVersion].contains(action) {
                // Which version counts changed: the consolidation's partial sums follow in the same transaction.
                try await ConsolidationPartials.refresh(report: report, year: ctx.regime.year, kind: ctx.period.periodKind, on: tx)
            }
            try await Audit.record(on: tx, at: now, actor: actor, action: "report.\(action.rawValue)", entity: "report",
                                   entityID: report.id, unit: unit, summary: summary,
                                   detail: ["state": next.rawValue, "version": String(report.version)])
            return report
        }
        if action == .submit, let day = submittedDay { try await register(acted, unit: unit, title: title, day: day) }
        return acted
    }

    /// A signed report is a document of its unit's register: entered with its number and date, linked to the report —
    /// unless the register already holds that number (entered by hand, or an earlier signing of the same report).
    func register(_ report: Report, unit: Unit, title: String, day: Day) async throws {
        guard let number = report.docNumber, !number.isEmpty else { return }
        let draft = RegisterDraft(number: number, issuedOn: day.iso, summary: "\(title) về kết quả thực hiện công tác cải cách hành chính",
                                  signer: actor.fullName, directsCCHC: false)
        guard let entry = try? RegisterRules.check(draft, unitID: try unit.requireID(), unitName: unit.name, unitKind: unit.kind) else { return }
        let held = try await RegisterDocument.query(on: db).filter(\.$unit.$id == entry.unitID).filter(\.$year == entry.year)
            .filter(\.$number == entry.number.number).filter(\.$symbolKey == entry.number.symbolKey).first()
        guard held == nil else { return }
        _ = try? await RegisterService(db: db, actor: nil, now: now).create(draft, in: unit, source: .init(kind: "report", id: try report.requireID()))
    }
}
