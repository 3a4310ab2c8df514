import Fluent
import Vapor
import CCHCDomain

/// Statistics forms: imported (JSON), listed, exported.
enum FormService {
    /// Imports a form; the same code and year replaces the stored definition.
    static func importForm(_ data: Data, on db: any Database, actor: Actor?, now: Date) async throws -> (FormRecord, created: Bool) {
        let form = try FormCodec.decodeChecked(data)
        return try await db.writeTransaction { tx in
            let existing = try await FormRecord.query(on: tx).filter(\.$code == form.code).filter(\.$year == form.year).first()
            let record = try existing ?? FormRecord(form)
            record.title = form.title
            record.definitionJSON = try FormCodec.encode(form)
            try await record.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: existing == nil ? "form.import" : "form.update", entity: "form",
                                   entityID: record.id, unit: nil,
                                   summary: "\(existing == nil ? "Nhập" : "Cập nhật") biểu mẫu \(form.code) năm \(form.year): \(form.indicators.count) chỉ tiêu, \(form.rules.count) quy tắc")
            return (record, existing == nil)
        }
    }

    static func find(code: String, year: Int?, on db: any Database) async throws -> FormRecord? {
        var q = FormRecord.query(on: db).filter(\.$code == code)
        if let year { q = q.filter(\.$year == year) }
        return try await q.sort(\.$year, .descending).first()
    }

    /// Forms that ship with the system, loaded into an empty table.
    static func installBuiltIns(on db: any Database, now: Date) async throws {
        for json in BuiltInForms.all {
            let form = try FormCodec.decodeChecked(Data(json.utf8))
            if try await find(code: form.code, year: form.year, on: db) == nil {
                _ = try await importForm(Data(json.utf8), on: db, actor: nil, now: now)
            }
        }
    }
}
