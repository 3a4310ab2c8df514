import Fluent
import SQLKit
import Vapor
import CCHCDomain

/// Writes to the unit tree. Used by the pages and the API alike; each write is
/// one transaction, validated first, and audited.
struct OrganisationService {
    let db: any Database
    let actor: Actor
    let now: Date

    struct UnitInput: Content {
        var code: String
        var name: String
        var kind: String
        var parentID: Int?
        var isStandingAgency: Bool?
        /// The revision read (edit page, API); a change based on an older one is refused.
        var revision: Int? = nil
    }

    struct MergeInput: Content {
        var predecessorIDs: [Int]
        var code: String
        var name: String
        var kind: String
        var parentID: Int?
        /// yyyy-MM-dd or dd/MM/yyyy
        var mergedOn: String
    }

    private func parseKind(_ text: String) -> UnitKind? { UnitKind(rawValue: text) }

    private func fieldErrors(_ violations: [OrgRules.Violation]) -> [FieldError] {
        violations.map { v in
            let field: String = switch v {
            case .codeRequired, .codeInvalid: "code"
            case .nameRequired: "name"
            case .parentNotAllowed, .topLevelMustBeProvince, .cycle: "parentID"
            case .standingAgencyMustBeOffice: "isStandingAgency"
            case .mergeDateInvalid: "mergedOn"
            case .retiredUnit, .mergeNeedsTwo, .mergeMixedTiers, .mergeTargetIsPredecessor: "predecessorIDs"
            }
            return FieldError(field: field, message: v.description)
        }
    }

    /// Resolves and checks the parent: it must be inside the actor's managed scope.
    private func parent(_ id: Int?) async throws -> Unit? {
        guard let id else {
            guard actor.isAdmin else {
                throw ValidationFailure(field: "parentID", "Đơn vị cấp trên: cần chọn một đơn vị trong phạm vi của bạn.")
            }
            return nil
        }
        guard let unit = try await Unit.find(id, on: db), actor.scope.canManage(unit.unitPath) else {
            throw ValidationFailure(field: "parentID", "Đơn vị cấp trên: không tồn tại hoặc nằm ngoài phạm vi của bạn.")
        }
        return unit
    }

    private func checkCodeFree(_ code: String, except id: Int? = nil) async throws -> FieldError? {
        var q = Unit.query(on: db).filter(\.$code == code)
        if let id { q = q.filter(\.$id != id) }
        return try await q.first() == nil ? nil : FieldError(field: "code", message: "Mã đơn vị “\(code)” đã được dùng cho đơn vị khác.")
    }

    func create(_ input: UnitInput) async throws -> Unit {
        let code = input.code.trimmingCharacters(in: .whitespaces).uppercased()
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard let kind = parseKind(input.kind) else { throw ValidationFailure(field: "kind", "Loại đơn vị: chưa chọn hoặc không hợp lệ.") }
        let parent = try await parent(input.parentID)
        var errors = fieldErrors(OrgRules.validatePlacement(kind: kind, code: code, name: name,
                                                             isStandingAgency: input.isStandingAgency ?? false, parent: parent?.node))
        if let e = try await checkCodeFree(code) { errors.append(e) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await db.writeTransaction { tx in
            let unit = Unit(code: code, name: name, kind: kind, parentID: parent?.id, isStandingAgency: input.isStandingAgency ?? false)
            try await unit.create(on: tx)
            try await Self.place(unit, under: parent, on: tx)
            if unit.isStandingAgency { try await Self.clearOtherStandingAgencies(of: unit, on: tx) }
            try await Audit.record(on: tx, at: now, actor: actor, action: "unit.create", entity: "unit", entityID: unit.id, unit: unit,
                                   summary: "Tạo đơn vị \(unit.name) (\(unit.code))",
                                   detail: ["code": code, "name": name, "kind": kind.rawValue, "parent": parent?.name ?? ""])
            return unit
        }
    }

    func update(_ unit: Unit, _ input: UnitInput) async throws -> Unit {
        if unit.isRetired { throw CCHCError(.conflict, OrgRules.Violation.retiredUnit(unit.name).description) }
        let code = input.code.trimmingCharacters(in: .whitespaces).uppercased()
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard let kind = parseKind(input.kind) else { throw ValidationFailure(field: "kind", "Loại đơn vị: chưa chọn hoặc không hợp lệ.") }
        let id = try unit.requireID()
        let parentChanged = input.parentID != unit.$parent.id
        // Only an administrator moves a unit to the top; others keep the parent they cannot see past.
        let parent: Unit? = parentChanged ? try await parent(input.parentID)
            : try await Unit.find(optional: unit.$parent.id, on: db)
        var violations = OrgRules.validatePlacement(kind: kind, code: code, name: name,
                                                    isStandingAgency: input.isStandingAgency ?? false, parent: parent?.node)
        if let parent, let v = OrgRules.validateMove(unitPath: unit.unitPath, newParentPath: parent.unitPath) { violations.append(v) }
        var errors = fieldErrors(violations)
        if let e = try await checkCodeFree(code, except: id) { errors.append(e) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let before = ["code": unit.code, "name": unit.name, "kind": unit.kind.rawValue, "parentID": unit.$parent.id.map(String.init) ?? ""]
        let (actor, now) = (self.actor, self.now)
        return try await db.writeTransaction { tx in
            guard let fresh = try await Unit.find(id, on: tx) else { throw CCHCError.notFound() }
            try Revisions.check(fresh.revision, expected: input.revision, what: "Đơn vị \(fresh.name)",
                                saved: "tên “\(fresh.name)”, mã \(fresh.code), loại \(fresh.kind.label)")
            unit.storedRevision = fresh.revision + 1
            unit.code = code
            unit.name = name
            unit.nameFolded = Folding.fold(name)
            unit.kind = kind
            unit.isStandingAgency = input.isStandingAgency ?? false
            if parentChanged {
                let oldPath = unit.path
                let oldParent = try await Unit.find(id, on: tx)?.$parent.id
                unit.$parent.id = parent?.id
                try await Self.place(unit, under: parent, on: tx)
                try await Self.rebase(from: oldPath, to: unit.path, depthDelta: unit.depth - (oldPath.split(separator: "/").count), on: tx)
                // Its reports now count in another bucket of the consolidation's partial sums.
                try await ConsolidationPartials.rebuild(buckets: [oldParent, parent?.id].compactMap { $0 }, on: tx)
            } else {
                let kindChanged = fresh.kind != kind
                try await unit.save(on: tx)
                // Its bucket counts the jurisdictions that report: a unit becoming or ceasing to be one changes it.
                if kindChanged, let bucket = unit.$parent.id { try await ConsolidationPartials.rebuild(buckets: [bucket], on: tx) }
            }
            if unit.isStandingAgency { try await Self.clearOtherStandingAgencies(of: unit, on: tx) }
            let after = ["code": code, "name": name, "kind": kind.rawValue, "parentID": parent?.id.map(String.init) ?? ""]
            var detail: [String: String] = [:]
            for (k, v) in after where before[k] != v { detail[k] = "\(before[k] ?? "") → \(v)" }
            try await Audit.record(on: tx, at: now, actor: actor, action: "unit.update", entity: "unit", entityID: id, unit: unit,
                                   summary: "Sửa đơn vị \(unit.name) (\(unit.code))", detail: detail)
            return unit
        }
    }

    /// Merge (sáp nhập): a new unit formed from `predecessors`; they retire, their history stays reachable.
    func merge(_ input: MergeInput) async throws -> Unit {
        guard let kind = parseKind(input.kind) else { throw ValidationFailure(field: "kind", "Loại đơn vị: chưa chọn hoặc không hợp lệ.") }
        let date = input.mergedOn.contains("/") ? VNDate.isoFromVietnamese(input.mergedOn) : (VNDate.parseISO(input.mergedOn) != nil ? input.mergedOn : nil)
        var found: [Unit] = []
        for id in Set(input.predecessorIDs).sorted() {
            guard let u = try await Unit.find(id, on: db), actor.scope.canManage(u.unitPath) else {
                throw ValidationFailure(field: "predecessorIDs", "Đơn vị cũ số \(id): không tồn tại hoặc nằm ngoài phạm vi của bạn.")
            }
            found.append(u)
        }
        let code = input.code.trimmingCharacters(in: .whitespaces).uppercased()
        let name = input.name.trimmingCharacters(in: .whitespaces)
        let parent = try await parent(input.parentID)
        var violations = OrgRules.validatePlacement(kind: kind, code: code, name: name, isStandingAgency: false, parent: parent?.node)
        violations += OrgRules.validateMerge(predecessors: found.map(\.node), kind: kind)
        if date == nil { violations.append(.mergeDateInvalid(input.mergedOn)) }
        var errors = fieldErrors(violations)
        if let e = try await checkCodeFree(code) { errors.append(e) }
        guard errors.isEmpty, let date else { throw ValidationFailure(errors) }
        let predecessors = found
        return try await db.writeTransaction { tx in
            let unit = Unit(code: code, name: name, kind: kind, parentID: parent?.id)
            try await unit.create(on: tx)
            try await Self.place(unit, under: parent, on: tx)
            let newID = try unit.requireID()
            for p in predecessors {
                try await UnitPredecessor(unitID: newID, predecessorID: try p.requireID(), mergedOn: date).create(on: tx)
                p.retiredOn = date
                p.successorID = newID
                try await p.save(on: tx)
                try await Audit.record(on: tx, at: now, actor: actor, action: "unit.retire", entity: "unit", entityID: p.id, unit: p,
                                       summary: "\(p.name) sáp nhập vào \(name) từ ngày \(VNDate.display(iso: date))")
            }
            // The predecessors retire: their buckets no longer expect a report from them.
            try await ConsolidationPartials.rebuild(buckets: predecessors.compactMap { $0.$parent.id }, on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "unit.merge", entity: "unit", entityID: newID, unit: unit,
                                   summary: "Thành lập \(name) trên cơ sở sáp nhập \(predecessors.map(\.name).joined(separator: ", ")) "
                                       + "từ ngày \(VNDate.display(iso: date))")
            return unit
        }
    }

    /// Sets path and depth of a freshly created (or moved) unit.
    static func place(_ unit: Unit, under parent: Unit?, on db: any Database) async throws {
        let id = try unit.requireID()
        let path = parent.map { $0.unitPath.appending(id) } ?? UnitPath(ids: [id])
        unit.path = path.description
        unit.depth = path.depth
        try await unit.save(on: db)
    }

    /// Tables that keep a copy of a unit's path (so scoped queries need no join): a move rewrites
    /// them with the units, in the same transaction, or the old district would keep seeing the unit.
    static let pathCopies: [(table: String, column: String)] = [
        ("reports", "unit_path"), ("audit_events", "unit_path"),
        ("consolidation_partials", "bucket_path"), ("consolidation_answers", "bucket_path"), ("consolidation_reports", "bucket_path"),
        ("consolidation_area_partials", "bucket_path"), ("consolidation_area_answers", "bucket_path"), ("consolidation_area_reports", "bucket_path"),
    ]

    /// After a move, rewrites the paths of everything below — units and every stored copy — one statement each.
    static func rebase(from oldPath: String, to newPath: String, depthDelta: Int, on db: any Database) async throws {
        guard oldPath != newPath, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            UPDATE units SET path = \(bind: newPath) || SUBSTR(path, CAST(\(bind: oldPath.count + 1) AS INTEGER)), depth = depth + \(bind: depthDelta)
            WHERE path LIKE \(bind: oldPath + "%") AND path <> \(bind: newPath)
            """).run()
        for copy in pathCopies {
            try await sql.raw("""
                UPDATE \(ident: copy.table) SET \(ident: copy.column) = \(bind: newPath) || \
                SUBSTR(\(ident: copy.column), CAST(\(bind: oldPath.count + 1) AS INTEGER))
                WHERE \(ident: copy.column) LIKE \(bind: oldPath + "%")
                """).run()
        }
    }

    /// One standing agency per jurisdiction.
    static func clearOtherStandingAgencies(of unit: Unit, on db: any Database) async throws {
        guard let parentID = unit.$parent.id else { return }
        try await Unit.query(on: db).filter(\.$parent.$id == parentID).filter(\.$id != (try unit.requireID()))
            .filter(\.$isStandingAgency == true).set(\.$isStandingAgency, to: false).update()
    }
}
