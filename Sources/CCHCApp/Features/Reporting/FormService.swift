import Fluent
import Vapor
import CCHCDomain

/// Statistics forms: imported (JSON), listed, exported.
enum FormService {
    /// Imports a form. A new code and year belongs to the importing standing agency's jurisdiction
    /// (or to the system, from the command line); the same code and year is a new revision of that
    /// form, allowed only to its owner's standing agency or an administrator. The definition it
    /// replaces is kept; once reports use the form, a revision may add indicators and reword them but
    /// not remove one or change its kind, so nothing a report holds is rewritten.
    static func importForm(_ data: Data, on db: any Database, actor: Actor?, now: Date,
                           expectedRevision: Int? = nil) async throws -> (FormRecord, created: Bool) {
        let form = try FormCodec.decodeChecked(data)
        return try await db.writeTransaction { tx in
            let existing = try await FormRecord.query(on: tx).filter(\.$code == form.code).filter(\.$year == form.year).first()
            let ownerID: Int? = existing.map(\.ownerID) ?? (actor.flatMap { $0.isAdmin ? nil : $0.jurisdictionID })
            let owner = try await Unit.find(optional: ownerID, on: tx)
            if let existing, let actor, !actor.isAdmin {
                guard let owner, actor.role == .standingOfficer, actor.jurisdictionID == owner.id else {
                    let whose = owner.map { "do \($0.name) ban hành; chỉ cơ quan thường trực của \($0.name) được sửa" }
                        ?? "là biểu mẫu chung của hệ thống; chỉ quản trị viên được sửa"
                    throw CCHCError(.forbidden, "Biểu mẫu \(form.code) năm \(form.year) \(whose). "
                                    + "Hãy nhập biểu mẫu của đơn vị mình với mã khác.")
                }
            }
            if let existing {
                if let expectedRevision, expectedRevision != existing.revision {
                    throw CCHCError(.conflict, "Biểu mẫu \(form.code) năm \(form.year) đã được sửa (lần \(existing.revision)) "
                                    + "sau khi bạn đọc (lần \(expectedRevision)); không ghi đè.")
                }
                try await checkKeepsReports(existing, new: form, on: tx)
                let old = FormRevision()
                old.$form.id = try existing.requireID()
                old.revision = existing.revision
                old.definitionJSON = existing.definitionJSON
                old.replacedAt = now
                old.replacedBy = actor?.username ?? "hệ thống"
                try await old.create(on: tx)
            }
            let record = try existing ?? FormRecord(form)
            record.title = form.title
            record.definitionJSON = try FormCodec.encode(form)
            record.ownerID = ownerID
            record.storedRevision = existing == nil ? 0 : record.revision + 1
            try await record.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: existing == nil ? "form.import" : "form.update", entity: "form",
                                   entityID: record.id, unit: owner,
                                   summary: "\(existing == nil ? "Nhập" : "Cập nhật") biểu mẫu \(form.code) năm \(form.year): "
                                       + "\(form.indicators.count) chỉ tiêu, \(form.rules.count) quy tắc",
                                   detail: ["revision": String(record.revision), "owner": owner?.name ?? "hệ thống"])
            return (record, existing == nil)
        }
    }

    /// Once reports use a form, a revision keeps every indicator they may hold, of the same kind.
    static func checkKeepsReports(_ existing: FormRecord, new form: FormDefinition, on db: any Database) async throws {
        guard try await Report.query(on: db).filter(\.$form.$id == (try existing.requireID())).count() > 0 else { return }
        let old = try existing.definition()
        var problems: [FieldError] = []
        for ind in old.indicators where ind.isInput {
            guard let now = form.indicator(ind.code) else {
                problems.append(FieldError(field: "form", message: "Chỉ tiêu \(ind.code) (\(ind.name)): "
                                               + "đã có báo cáo dùng biểu mẫu này, không bỏ được."))
                continue
            }
            if now.kind != ind.kind || now.isFraction != ind.isFraction {
                problems.append(FieldError(field: "form", message: "Chỉ tiêu \(ind.code): đã có báo cáo dùng biểu mẫu này, "
                                               + "không đổi loại (\(ind.kind.label) → \(now.kind.label)) được."))

            }
        }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
    }

    static func find(code: String, year: Int?, on db: any Database) async throws -> FormRecord? {
        var q = FormRecord.query(on: db).filter(\.$code == code)
        if let year { q = q.filter(\.$year == year) }
        return try await q.sort(\.$year, .descending).first()
    }
}
