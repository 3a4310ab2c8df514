import Fluent
import Foundation
import Vapor
import CCHCDomain

/// Writes to a unit's register: add, change, remove a document, attach its file. Each is checked (`RegisterRules`), one
/// `writeTransaction`, revision-checked and audited. The number is unique for the unit within a year: checked inside the
/// transaction (a refusal that names the document holding it) and enforced by the database's unique key.
struct RegisterService {
    let db: any Database
    /// nil: the system (the demo, `cchc register import`).
    let actor: Actor?
    let now: Date

    /// Where a document comes from when the system registers it: a plan, a report … ("report", 12).
    struct Source: Sendable, Equatable {
        var kind: String
        var id: Int
    }

    /// A file to attach.
    struct Upload: Sendable {
        var fileName: String
        var bytes: Data
    }

    private var who: String { actor?.username ?? "hệ thống" }

    /// The unit's register may be kept by the actor, and the unit still exists on its own.
    func checkKeeper(_ unit: Unit) throws {
        if let actor, !actor.scope.canKeepRegister(of: unit.unitPath) { throw CCHCError.forbidden }
        if unit.isRetired {
            throw CCHCError(.conflict, "\(unit.name) đã ngừng hoạt động (sáp nhập): sổ đăng ký văn bản chỉ để xem.")
        }
    }

    func create(_ draft: RegisterDraft, in unit: Unit, source: Source? = nil) async throws -> RegisterDocument {
        try checkKeeper(unit)
        let entry = try RegisterRules.check(draft, unitID: try unit.requireID(), unitName: unit.name, unitKind: unit.kind)
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await Self.mapDuplicate(entry, unit: unit, on: db) {
            try await db.writeTransaction { tx in
                try await Self.checkFree(entry, except: nil, on: tx, unit: unit)
                let document = RegisterDocument(unitID: entry.unitID, createdBy: who, at: now)
                document.set(entry)
                document.sourceKind = source?.kind
                document.sourceID = source?.id
                try await document.create(on: tx)
                try await Audit.record(on: tx, at: now, actor: actor, action: "register.create", entity: "register_document",
                                       entityID: document.id, unit: unit,
                                       summary: "Vào sổ văn bản \(entry.numberText) ngày \(entry.issuedOn.vietnamese) của \(unit.name)",
                                       detail: document.auditFields)
                return document
            }
        }
    }

    func update(_ document: RegisterDocument, in unit: Unit, _ draft: RegisterDraft, revision: Int?) async throws -> RegisterDocument {
        try checkKeeper(unit)
        let entry = try RegisterRules.check(draft, unitID: try unit.requireID(), unitName: unit.name, unitKind: unit.kind)
        let id = try document.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        return try await Self.mapDuplicate(entry, unit: unit, on: db) {
            try await db.writeTransaction { tx in
                guard let fresh = try await RegisterDocument.find(id, on: tx), fresh.$unit.id == entry.unitID else { throw Self.missing }
                try Revisions.check(fresh.revision, expected: revision, what: "Văn bản \(fresh.numberText)",
                                    saved: "số \(fresh.numberText) ngày \(VNDate.display(iso: fresh.issuedOn)), "
                                        + "trích yếu “\(fresh.summary.prefix(80))”")
                try await Self.checkFree(entry, except: id, on: tx, unit: unit)
                let before = fresh.auditFields
                fresh.set(entry)
                fresh.revision += 1
                fresh.updatedBy = who
                fresh.updatedAt = now
                try await fresh.save(on: tx)
                try await Audit.record(on: tx, at: now, actor: actor, action: "register.update", entity: "register_document", entityID: id,
                                       unit: unit, summary: "Sửa văn bản \(entry.numberText) trong sổ đăng ký của \(unit.name)",
                                       detail: Self.changes(before, fresh.auditFields))
                return fresh
            }
        }
    }

    func delete(_ document: RegisterDocument, in unit: Unit, revision: Int?) async throws {
        try checkKeeper(unit)
        let id = try document.requireID()
        let (actor, now) = (self.actor, self.now)
        try await db.writeTransaction { tx in
            guard let fresh = try await RegisterDocument.find(id, on: tx), fresh.$unit.id == unit.id else { throw Self.missing }
            try Revisions.check(fresh.revision, expected: revision, what: "Văn bản \(fresh.numberText)")
            try await RegisterAttachment.query(on: tx).filter(\.$document.$id == id).delete()
            try await fresh.delete(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "register.delete", entity: "register_document", entityID: id,
                                   unit: unit, summary: "Xóa văn bản \(fresh.numberText) khỏi sổ đăng ký của \(unit.name)",
                                   detail: fresh.auditFields)
        }
    }

    /// Attaches (or replaces) the document's file.
    func attach(_ upload: Upload, to document: RegisterDocument, in unit: Unit) async throws {
        try checkKeeper(unit)
        let accepted = try AttachmentRules.check(fileName: upload.fileName, size: upload.bytes.count)
        let id = try document.requireID()
        let (actor, now, who) = (self.actor, self.now, self.who)
        try await db.writeTransaction { tx in
            guard let fresh = try await RegisterDocument.find(id, on: tx), fresh.$unit.id == unit.id else { throw Self.missing }
            let previous = try await RegisterAttachment.query(on: tx).filter(\.$document.$id == id)
                .field(\.$id).field(\.$document.$id).field(\.$fileName).first()
            try await RegisterAttachment.query(on: tx).filter(\.$document.$id == id).delete()
            let file = RegisterAttachment()
            file.$document.id = id
            file.fileName = accepted.fileName
            file.contentType = accepted.contentType
            file.size = upload.bytes.count
            file.bytes = upload.bytes
            file.uploadedBy = who
            file.uploadedAt = now
            try await file.create(on: tx)
            fresh.revision += 1
            fresh.updatedBy = who
            fresh.updatedAt = now
            try await fresh.save(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "register.attach", entity: "register_document", entityID: id,
                                   unit: unit,
                                   summary: "Đính kèm tệp “\(accepted.fileName)” vào văn bản \(fresh.numberText) của \(unit.name)",
                                   detail: ["file": (previous?.fileName ?? "") + " → " + accepted.fileName,
                                            "size": String(upload.bytes.count)])
        }
    }

    // MARK: Helpers

    static let missing = CCHCError.notFound("Không tìm thấy văn bản này trong sổ đăng ký của đơn vị.")

    /// Refuses a number the unit already gave another document that year, naming that document.
    static func checkFree(_ entry: RegisterEntry, except id: Int?, on db: any Database, unit: Unit) async throws {
        var query = RegisterDocument.query(on: db).filter(\.$unit.$id == entry.unitID).filter(\.$year == entry.year)
            .filter(\.$number == entry.number.number).filter(\.$symbolKey == entry.number.symbolKey)
        if let id { query = query.filter(\.$id != id) }
        if let other = try await query.first() {
            throw ValidationFailure(field: "number", RegisterRules.taken(entry.number, year: entry.year, by: other.entry(unit: unit)))
        }
    }

    /// A write the database refused on the unique key (a concurrent one got the number first): the same refusal as `checkFree`.
    static func mapDuplicate<T>(_ entry: RegisterEntry, unit: Unit, on db: any Database, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            try await checkFree(entry, except: nil, on: db, unit: unit)
            throw ValidationFailure(field: "number", "Số \(entry.number.text) năm \(entry.year) đã được cấp cho văn bản khác.")
        }
    }

    /// The fields that changed, "before → after".
    static func changes(_ before: [String: String], _ after: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in after where before[key] != value { out[key] = "\(before[key] ?? "") → \(value)" }
        return out
    }
}
