import Fluent
import Vapor
import CCHCDomain

/// Reporting regimes: stored per issuing jurisdiction and year.
struct RegimeService {
    let db: any Database
    let actor: Actor
    let now: Date

    /// The regime a unit reports under: its nearest issuing ancestor's for the year; a jurisdiction
    /// whose superiors set none reports under its own.
    static func applicable(for unit: Unit, year: Int, on db: any Database) async throws -> RegimeRecord? {
        let ancestors = Array(unit.unitPath.ids.dropLast().reversed())
        let regimes = try await RegimeRecord.query(on: db)
            .filter(\.$issuer.$id ~~ (ancestors + [try unit.requireID()])).filter(\.$year == year).all()
        return applicable(among: regimes, for: unit)
    }

    /// The regime a unit reports under among `regimes` (one year's): the nearest ancestor's, else the unit's own.
    static func applicable(among regimes: [RegimeRecord], for unit: Unit) -> RegimeRecord? {
        for id in unit.unitPath.ids.dropLast().reversed() {
            if let r = regimes.first(where: { $0.$issuer.id == id }) { return r }
        }
        return regimes.first { $0.$issuer.id == unit.id }
    }

    /// Years for which a unit has a regime to report under, newest first.
    static func years(for unit: Unit, on db: any Database) async throws -> [Int] {
        let ids = unit.unitPath.ids
        let regimes = try await RegimeRecord.query(on: db).filter(\.$issuer.$id ~~ ids).all()
        return Array(Set(regimes.map(\.year))).sorted(by: >)
    }

    /// The years `issuer` issued a regime for its units, newest first.
    static func issuedYears(by issuer: Unit, on db: any Database) async throws -> [Int] {
        let regimes = try await RegimeRecord.query(on: db).filter(\.$issuer.$id == (try issuer.requireID())).all()
        return Array(Set(regimes.map(\.year))).sorted(by: >)
    }

    static func periods(of regime: RegimeRecord, on db: any Database) async throws -> [PeriodRecord] {
        try await PeriodRecord.query(on: db).filter(\.$regime.$id == (try regime.requireID())).all()
            .sorted { $0.periodKind < $1.periodKind }
    }

    static func domain(_ regime: RegimeRecord, issuerName: String, on db: any Database) async throws -> Regime {
        // The estimate's period is derived from the annual period's estimate window (`Regime.reportedPeriods`).
        let periods = try await periods(of: regime, on: db).filter { $0.periodKind != .estimate }
        let offices = try await officePeriods(of: regime, on: db)
        return Regime(issuer: issuerName, year: regime.year, deadlineDay: regime.deadlineDay, periods: periods.map(\.domain),
                      officePeriods: offices.isEmpty ? nil : offices)
    }

    /// The offices' own windows and deadlines (seed 000 §III), in period order.
    static func officePeriods(of regime: RegimeRecord, on db: any Database) async throws -> [ReportingPeriod] {
        try await OfficePeriodRecord.query(on: db).filter(\.$regime.$id == (try regime.requireID())).all()
            .compactMap(\.domain).sorted { $0.kind < $1.kind }
    }

    /// A period as `unit` reports it: an office of the issuing jurisdiction by its own window and deadline,
    /// where the regime gives them one; everybody else by the regime's.
    static func window(of period: PeriodRecord, for unit: Unit, regime: RegimeRecord, on db: any Database) async throws -> ReportingPeriod {
        try await windows(for: unit, regime: regime, on: db)(period)
    }

    /// The same, for every period of the regime, with the offices' own periods read once.
    static func windows(for unit: Unit, regime: RegimeRecord,
                        on db: any Database) async throws -> @Sendable (PeriodRecord) -> ReportingPeriod {
        guard unit.kind.isOffice, unit.$parent.id == regime.$issuer.id else { return { $0.domain } }
        let own = Dictionary(try await officePeriods(of: regime, on: db).map { ($0.kind.code, $0) }, uniquingKeysWith: { a, _ in a })
        return { own[$0.kind] ?? $0.domain }
    }

    /// Warnings for `regime`, including a deadline after the issuer's superior's for the same period.
    static func warnings(_ regime: Regime, issuer: Unit, on db: any Database) async throws -> [RegimeCheck.Warning] {
        var parentRegime: Regime?
        var parentName: String?
        if let parentID = issuer.$parent.id, let parent = try await Unit.find(parentID, on: db),
           let record = try await applicable(for: issuer, year: regime.year, on: db), record.$issuer.id != issuer.id {
            let owner = try await Unit.find(record.$issuer.id, on: db)
            parentName = owner?.name ?? parent.name
            parentRegime = try await domain(record, issuerName: parentName!, on: db)
        }
        return RegimeCheck.check(regime, parent: parentRegime, parentName: parentName)
    }

    /// Saves (replaces) the regime of `issuer` for `regime.year`. It warns; it never refuses for slips.
    func save(_ regime: Regime, issuer: Unit, formID: Int?, document: String?,
              expectedRevision: Int? = nil) async throws -> (RegimeRecord, [RegimeCheck.Warning]) {
        guard actor.followsUnitsBelow(issuer) else { throw CCHCError.forbidden }
        var errors = regime.problems()
        if regime.periods.isEmpty { errors.append(FieldError(field: "periods", message: "Kỳ báo cáo: cần ít nhất một kỳ.")) }
        if let formID, try await FormRecord.find(formID, on: db) == nil {
            errors.append(FieldError(field: "formID", message: "Biểu mẫu: không tồn tại."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let issuerID = try issuer.requireID()
        let warnings = try await Self.warnings(regime, issuer: issuer, on: db)
        let record: RegimeRecord = try await db.writeTransaction { tx in
            let existing = try await RegimeRecord.query(on: tx).filter(\.$issuer.$id == issuerID).filter(\.$year == regime.year).first()
            let record = existing ?? RegimeRecord()
            try Revisions.check(existing?.revision ?? 0, expected: expectedRevision, what: "Chế độ báo cáo năm \(regime.year) của \(issuer.name)")
            record.storedRevision = existing == nil ? 0 : record.revision + 1
            record.$issuer.id = issuerID
            record.year = regime.year
            record.deadlineDay = regime.deadlineDay
            record.$form.id = formID
            record.document = document
            try await record.save(on: tx)
            let regimeID = try record.requireID()
            // Keep period rows (reports point at them); update, add, and remove only unused ones.
            let old = try await PeriodRecord.query(on: tx).filter(\.$regime.$id == regimeID).all()
            for p in regime.reportedPeriods {
                let row = old.first { $0.kind == p.kind.code } ?? PeriodRecord()
                row.$regime.id = regimeID
                row.set(p)
                try await row.save(on: tx)
            }
            // The offices' own windows: replaced as a whole (no report points at them).
            try await OfficePeriodRecord.query(on: tx).filter(\.$regime.$id == regimeID).delete()
            for p in regime.officePeriods ?? [] {
                let row = OfficePeriodRecord()
                row.$regime.id = regimeID
                row.set(p)
                try await row.create(on: tx)
            }
            let kept = Set(regime.reportedPeriods.map(\.kind.code))
            for row in old where !kept.contains(row.kind) {
                let used = try await Report.query(on: tx).filter(\.$period.$id == (try row.requireID())).count()
                if used > 0 {
                    throw ValidationFailure(field: "periods", "Kỳ \(row.periodKind.label): đã có báo cáo, không xóa được.")
                }
                try await row.delete(on: tx)
            }
            try await Audit.record(on: tx, at: now, actor: actor, action: existing == nil ? "regime.create" : "regime.update",
                                   entity: "regime", entityID: regimeID, unit: issuer,
                                   summary: "\(existing == nil ? "Ban hành" : "Sửa") chế độ báo cáo năm \(regime.year) của \(issuer.name): "
                                       + "\(regime.periods.count) kỳ, \(warnings.count) cảnh báo")

            return record
        }
        return (record, warnings)
    }
}
