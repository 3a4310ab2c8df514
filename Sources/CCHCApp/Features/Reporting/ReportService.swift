import Fluent
import SQLKit
import Vapor
import CCHCDomain

/// Reports: open, save, and the sign-off workflow. Each write is one transaction and audited.
struct ReportService {
    let db: any Database
    let actor: Actor
    let now: Date

    static var narrativeSections: [(key: String, title: String)] { ReportOutline.sections.map { ($0.key, $0.title) } }


    /// How `actor` stands to reports of `unit`.
    static func reportActor(_ actor: Actor, unit: Unit) -> ReportActor {
        let target = unit.unitPath
        return ReportActor(role: actor.role, drafts: actor.scope.canDraft(for: target), signs: actor.scope.canSign(for: target),
                           receives: actor.scope.canReceive(from: target))
    }

    /// The period, checked to belong to the regime the unit reports under.
    func period(_ periodID: Int, for unit: Unit) async throws -> (PeriodRecord, RegimeRecord) {
        guard let period = try await PeriodRecord.find(periodID, on: db),
              let regime = try await RegimeRecord.find(period.$regime.id, on: db),
              let applicable = try await RegimeService.applicable(for: unit, year: regime.year, on: db),
              applicable.id == regime.id else {
            throw CCHCError.notFound("Không tìm thấy kỳ báo cáo này cho \(unit.name).")
        }
        return (period, regime)
    }

    func context(unit: Unit, periodID: Int) async throws -> ReportContext {
        let (period, regime) = try await period(periodID, for: unit)
        guard let formID = regime.$form.id, let formRecord = try await FormRecord.find(formID, on: db) else {
            throw CCHCError(.conflict, "Chế độ báo cáo năm \(regime.year) chưa chọn biểu mẫu thống kê.")
        }
        let form = try formRecord.definition()
        let unitID = try unit.requireID()
        let periodRecordID = try period.requireID()
        let versions = try await Report.query(on: db).filter(\.$unit.$id == unitID).filter(\.$period.$id == periodRecordID)
            .sort(\.$version, .descending).all()
        let report = versions.first { $0.isCurrent } ?? versions.first
        // The report's figures and how each came, from one read of its rows.
        var rows: [ValueRow] = []
        if let id = report?.id { rows = try await Self.valueRows(of: id, on: db) }
        let values = Dictionary(rows.map { ($0.indicator_code, $0.value) }, uniquingKeysWith: { a, _ in a })
        var documents: [DirectingDocument] = []
        if let r = report {
            documents = try await DirectingDocument.query(on: db).filter(\.$report.$id == (try r.requireID())).sort(\.$position).all()
        }
        // Last period's values, beside each row.
        let periods = try await RegimeService.periods(of: regime, on: db)
        let previous = period.periodKind.previousInYear.flatMap { kind in periods.first { $0.periodKind == kind } }
        var previousValues: [String: IndicatorValue] = [:]
        if let previous {
            let prevReport = try await Report.query(on: db).filter(\.$unit.$id == unitID).filter(\.$period.$id == (try previous.requireID()))
                .filter(\.$isCurrent == true).first()
            previousValues = try await Self.values(of: prevReport, on: db)
        }
        // Offices of the jurisdiction and the sections they answer for.
        let assignments = try await SectionAssignment.query(on: db).filter(\.$regime.$id == (try regime.requireID())).with(\.$office).all()
        var officeSections: [String]?
        var contributions: [(Unit, [String], OfficeContribution?)] = []
        if unit.kind.isJurisdiction && regime.$issuer.id == unitID || assignments.contains(where: { $0.office.$parent.id == unitID }) {
            let mine = assignments.filter { $0.office.$parent.id == unitID }
            let byOffice = Dictionary(grouping: mine, by: { $0.$office.id })
            var existing: [OfficeContribution] = []
            if let r = report { existing = try await OfficeContribution.query(on: db).filter(\.$report.$id == (try r.requireID())).all() }
            for (_, rows) in byOffice.sorted(by: { $0.key < $1.key }) {
                let office = rows[0].office
                contributions.append((office, rows.map(\.section).sorted(), existing.first { $0.$office.id == office.id }))
            }
            if actor.unitID != unitID, (actor.role == .specialist || actor.role == .leader),
               let entry = contributions.first(where: { $0.0.id == actor.unitID }) {
                officeSections = entry.1
            }
        }
        let role = Self.reportActor(actor, unit: unit)
        let issuer = try await Unit.find(regime.$issuer.id, on: db)!
        let window = try await RegimeService.window(of: period, for: unit, regime: regime, on: db)
        let directing = try await RegisterFigures.directing(unit: unit, from: window.from, through: window.to, on: db)
        var context = ReportContext(unit: unit, period: period, regime: regime, issuer: issuer, formRecord: formRecord, form: form, report: report,
                             values: values, documents: documents, previousPeriod: previous, previousValues: previousValues,
                             versions: versions, role: role, officeSections: officeSections, contributions: contributions,
                             recipient: try await Self.recipient(of: unit, on: db), window: window,
                             computed: try await ComputedFigures.compute(form: form, unit: unit, year: regime.year, window: window,
                                                                         directing: directing, on: db),
                             registerDocuments: directing,
                             sources: Self.sources(rows))
        context.unitPagesReadable = actor.scope.canRead(unit.unitPath)
        return context
    }

    /// The nearest jurisdiction above the unit and its CCHC standing agency.
    static func recipient(of unit: Unit, on db: any Database) async throws -> ReportContext.Recipient? {
        let above = Array(unit.unitPath.ids.dropLast())
        guard !above.isEmpty else { return nil }
        let ancestors = try await Unit.query(on: db).filter(\.$id ~~ above).all()
        guard let jurisdiction = above.reversed().compactMap({ id in ancestors.first { $0.id == id } }).first(where: { $0.kind.isJurisdiction })
        else { return nil }
        let agency = try await Unit.query(on: db).filter(\.$parent.$id == (try jurisdiction.requireID()))
            .filter(\.$isStandingAgency == true).filter(\.$retiredOn == nil).first()
        return .init(jurisdiction: jurisdiction, agency: agency)
    }

    /// How a saved figure came, and the reason a unit gave for overriding a computed one.
    struct ValueSource: Content, Equatable {
        var source: String
        var note: String?
    }

    static func sources(_ rows: [ValueRow]) -> [String: ValueSource] {
        Dictionary(rows.filter { $0.source != "entered" }.map { ($0.indicator_code, ValueSource(source: $0.source, note: $0.note)) },
                   uniquingKeysWith: { a, _ in a })
    }

    static func values(of report: Report?, on db: any Database) async throws -> [String: IndicatorValue] {
        guard let report, let id = report.id else { return [:] }
        return Dictionary(try await valueRows(of: id, on: db).map { ($0.indicator_code, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// A report's stored figures, read as plain rows (a page reads two reports' figures; a model per row costs more than the query).
    struct ValueRow: Decodable {
        let indicator_code: String
        let number: Double?
        let numerator: Double?
        let denominator: Double?
        let text: String?
        let source: String
        let note: String?
        var value: IndicatorValue { IndicatorValue(number: number, numerator: numerator, denominator: denominator, text: text) }
    }

    static func valueRows(of reportID: Int, on db: any Database) async throws -> [ValueRow] {
        guard let sql = db as? any SQLDatabase else {
            return try await ReportValue.query(on: db).filter(\.$report.$id == reportID).all().map {
                ValueRow(indicator_code: $0.indicatorCode, number: $0.number, numerator: $0.numerator, denominator: $0.denominator,
                         text: $0.text, source: $0.source, note: $0.note)
            }
        }
        return try await sql.raw("""
            SELECT indicator_code, number, numerator, denominator, text, source, note FROM report_values WHERE report_id = \(bind: reportID)
            """).all(decoding: ValueRow.self)
    }

    // MARK: Save

    typealias DocumentInput = DirectingDocumentRow

    struct SaveInput {
        var values: [String: RawValue]
        var narrative: [String: String]?
        var documents: [DocumentInput]?
        var topicReport: String?
        var markOfficeDone: Bool = false
        /// The report's revision the user read (page: hidden field; API: `revision`). nil: not checked
        /// (the .xlsx upload replaces the figures as a whole, on purpose).
        var revision: Int? = nil
        /// For an office: the revision of its part it read.
        var officeRevision: Int? = nil
        /// Only the figures in `values` are touched (API); otherwise every editable figure is replaced (page, .xlsx).
        var partial: Bool = false
        /// Why a computed figure was changed, per row (page and API). nil (an .xlsx upload): a changed one is kept as entered,
        /// and shown beside the computed figure.
        var reasons: [String: String]? = nil
    }

    /// Saves what the user typed. Type and range problems refuse the whole save (nothing is
    /// written, the page shows what was typed); consistency rules come back as warnings.
    func save(_ ctx: ReportContext, _ input: SaveInput) async throws -> (Report, [RuleWarning]) {
        let role = ctx.role
        if ctx.officeSections == nil {
            if case .failure(let refusal) = ReportWorkflow.next(ctx.state, .save, by: role) {
                // Theirs to write, but not now: the report is locked. Say why and what to do, not "no access".
                if (role.drafts || role.signs) && !ctx.state.isEditable {
                    throw CCHCError(.forbidden, Self.lockedMessage(ctx), title: Self.lockedTitle)
                }
                throw CCHCError(.forbidden, refusal.message)
            }
        } else if !ctx.state.isEditable {
            throw CCHCError(.conflict, Self.lockedMessage(ctx), title: Self.lockedTitle)
        }
        var raw = input.values
        var errors: [FieldError] = []
        for code in raw.keys where ctx.form.indicator(code) != nil && !ctx.canEdit(code) {
            if ctx.officeSections != nil {
                raw[code] = nil // an office sees other sections read-only; what it did not own is not its to change
            }
        }
        let parsed = FormValidator.parse(ctx.form, raw: raw)
        errors += parsed.errors
        // A computed figure kept is marked so; one changed with a reason keeps it ("override"). One changed without a reason
        // is kept as entered, and every page shows it beside the computed figure, unexplained.
        var sources: [String: ValueSource] = [:]
        for (code, figure) in ctx.computed {
            guard let value = parsed.values[code], !value.isEmpty, raw[code] != nil else { continue }
            let reason = (input.reasons?[code] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.number == figure.value {
                sources[code] = ValueSource(source: "computed")
            } else if reason.count > 1000 {
                errors.append(FieldError(field: "reason:\(code)", message: "Dòng \(code): lý do sửa quá dài (tối đa 1.000 ký tự)."))
            } else if !reason.isEmpty {
                sources[code] = ValueSource(source: "override", note: reason)
            }
        }
        let documents = DirectingDocumentRow.parse(input.documents ?? [])
        errors += documents.errors
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        for (key, text) in input.narrative ?? [:] where text.count > ValueLimits.narrativeCharacters {
            errors.append(FieldError(field: "narrative.\(key)",
                                     message: "Phần “\(key)”: dài \(text.count) ký tự, vượt giới hạn \(ValueLimits.narrativeCharacters)."))
        }
        if let topic = input.topicReport, topic.count > ValueLimits.narrativeCharacters {
            errors.append(FieldError(field: "topicReport",
                                     message: "Báo cáo chuyên đề: dài \(topic.count) ký tự, "
                                         + "vượt giới hạn \(ValueLimits.narrativeCharacters)."))

        }
        if input.markOfficeDone && actor.role != .leader {
            errors.append(FieldError(field: "officeDone", message: "Chỉ lãnh đạo cơ quan (trưởng phòng) xác nhận hoàn thành phần số liệu được giao."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        let unit = ctx.unit
        let editable = Set(ctx.form.indicators.filter { ctx.canEdit($0.code) }.map(\.code))
            .intersection(input.partial ? Set(raw.keys) : Set(ctx.form.indicators.map(\.code)))
        let newDocuments = documents.rows
        let kept = sources
        let (actor, now) = (self.actor, self.now)
        let (report, all): (Report, [String: IndicatorValue]) = try await db.writeTransaction { tx in
            // Everything the save is computed from is read here, inside the transaction.
            let report = try await Self.findOrCreate(ctx, on: tx)
            let reportID = try report.requireID()
            var contribution: OfficeContribution?
            if ctx.officeSections == nil {
                if !report.state.isEditable || report.state != ctx.state {
                    throw StaleWrite(report: report, message: "Báo cáo vừa chuyển sang trạng thái “\(report.state.label)”; không ghi đè.")
                }
                try Self.check(report, expected: input.revision)
            } else {
                guard report.state.isEditable else { throw CCHCError(.conflict, Self.lockedMessage(ctx), title: Self.lockedTitle) }
                contribution = try await OfficeContribution.query(on: tx).filter(\.$report.$id == reportID)
                    .filter(\.$office.$id == actor.unitID).first()
                if let expected = input.officeRevision, expected != (contribution?.revision ?? 0) {
                    throw StaleWrite(report: report, message: "Phần của cơ quan bạn vừa được lưu bởi người khác "
                                     + "(lần sửa \(contribution?.revision ?? 0)) sau khi bạn mở trang; không ghi đè.")
                }
            }
            // Replace the values this account may edit; leave the rest (other offices' sections) alone.
            // One DELETE and one INSERT per few hundred rows, not a statement per figure.
            let existing = try await Self.valueRows(of: reportID, on: tx)
            var before: [String: IndicatorValue] = [:]
            for row in existing where editable.contains(row.indicator_code) { before[row.indicator_code] = row.value }
            let replaced = Array(before.keys)
            for chunk in stride(from: 0, to: replaced.count, by: 500).map({ Array(replaced[$0..<min($0 + 500, replaced.count)]) }) {
                try await ReportValue.query(on: tx).filter(\.$report.$id == reportID).filter(\.$indicatorCode ~~ chunk).delete()
            }
            let written = parsed.values.filter { editable.contains($0.key) && !$0.value.isEmpty }.sorted { $0.key < $1.key }
            let rows: [ReportValue] = written.map { code, value in
                let row = ReportValue(reportID: reportID, code: code, value: value, source: kept[code]?.source ?? "entered")
                row.note = kept[code]?.note
                return row
            }
            for start in stride(from: 0, to: rows.count, by: 200) { try await Array(rows[start..<min(start + 200, rows.count)]).create(on: tx) }
            var detail = Self.changes(form: ctx.form, before: before, after: parsed.values.filter { editable.contains($0.key) && !$0.value.isEmpty })
            if ctx.officeSections == nil {
                if let narrative = input.narrative {
                    let kept = narrative.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                    for (key, text) in kept where report.narrative[key] != text {
                        detail["narrative.\(key)"] = Self.clip(report.narrative[key]) + " → " + Self.clip(text)
                    }
                    report.narrative = kept
                }
                if input.documents != nil {
                    try await DirectingDocument.query(on: tx).filter(\.$report.$id == reportID).delete()
                    for (i, d) in newDocuments.enumerated() {
                        try await DirectingDocument(reportID: reportID, position: i + 1, row: d)
                            .create(on: tx)
                    }
                }
            } else {
                let c = contribution ?? OfficeContribution()
                if contribution == nil {
                    c.$report.id = reportID
                    c.$office.id = actor.unitID
                    c.topicReport = ""
                }
                if let topic = input.topicReport, topic != c.topicReport {
                    detail["topicReport"] = Self.clip(c.topicReport) + " → " + Self.clip(topic)
                    c.topicReport = topic
                }
                if input.markOfficeDone { c.doneAt = now; c.doneBy = actor.userID }
                c.storedRevision = c.revision + 1
                try await c.save(on: tx)
            }
            report.updatedAt = now
            report.updatedBy = actor.username
            report.storedRevision = report.revision + 1
            try await report.save(on: tx)
            detail["revision"] = String(report.revision)
            let part = ctx.officeSections.map { " (phần " + $0.joined(separator: ", ") + ")" } ?? ""
            try await Audit.record(on: tx, at: now, actor: actor, action: "report.save", entity: "report", entityID: reportID, unit: unit,
                                   summary: "Lưu \(ctx.period.periodKind.titleInSentence(year: ctx.regime.year)) của \(unit.name)\(part): "
                                       + "\(parsed.values.count) số liệu",
                                   detail: detail)
            // The figures after the save, for the warnings: the rows left alone and those just written (no second read).
            var all = Dictionary(existing.filter { !editable.contains($0.indicator_code) }.map { ($0.indicator_code, $0.value) },
                                 uniquingKeysWith: { a, _ in a })
            for (code, value) in written { all[code] = value }
            return (report, all)
        }
        return (report, FormValidator.warnings(ctx.form, values: all))
    }

    /// The current version of the report, read inside `tx`; created (empty, draft) when there is none.
    static func findOrCreate(_ ctx: ReportContext, on tx: any Database) async throws -> Report {
        let periodID = try ctx.period.requireID()
        if let current = try await Report.query(on: tx).filter(\.$unit.$id == (try ctx.unit.requireID())).filter(\.$period.$id == periodID)
            .filter(\.$isCurrent == true).sort(\.$version, .descending).first() {
            return current
        }
        let report = try Report(unit: ctx.unit, periodID: periodID, formID: try ctx.formRecord.requireID())
        try await report.create(on: tx)
        return report
    }

    /// Refuses a write made from a read older than the stored report.
    static func check(_ report: Report, expected: Int?) throws {
        guard let expected, expected != report.revision else { return }
        let who = report.updatedBy.map { " bởi \($0)" } ?? ""
        let when = report.updatedAt.map { " lúc \(VNDate.display($0))" } ?? ""
        throw StaleWrite(report: report, message: "Báo cáo đã được lưu\(who)\(when) (lần sửa \(report.revision)) "
                         + "sau khi bạn mở (lần sửa \(expected)); không ghi đè.")

    }

    /// Before and after of every figure that changed, for the audit log.
    static func changes(form: FormDefinition, before: [String: IndicatorValue], after: [String: IndicatorValue]) -> [String: String] {
        var out: [String: String] = [:]
        for code in Set(before.keys).union(after.keys) where before[code] != after[code] {
            guard let ind = form.indicator(code) else { continue }
            let old = ValueDisplay.text(ind, before[code]), new = ValueDisplay.text(ind, after[code])
            out["v.\(code)"] = "\(old.isEmpty ? "(trống)" : clip(old)) → \(new.isEmpty ? "(trống)" : clip(new))"
        }
        return out
    }

    static func clip(_ text: String?) -> String {
        let t = text ?? ""
        return t.count > 2_000 ? String(t.prefix(2_000)) + "…" : t
    }

}

/// A write based on a read older than what is stored: refused with 409, nothing overwritten.
/// The page shows both versions and keeps what the user typed, for them to merge.
struct StaleWrite: Error, Sendable {
    let report: Report
    let message: String

    var fullMessage: String { message + " Hãy xem số liệu vừa được lưu, đối chiếu với phần bạn nhập rồi lưu lại." }
}
