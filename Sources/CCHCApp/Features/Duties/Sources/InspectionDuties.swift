import Fluent
import Foundation
import CCHCDomain

/// A unit's self-inspection report for each round of the plan that covers it and names it, by the round's deadline.
enum SelfInspectionDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        var out: [Duty] = []
        for unit in scope.units where !unit.isStandingAgency {
            let unitID = try unit.requireID()
            for year in scope.years {
                guard let plan = try await InspectionQueries.plan(covering: unit, year: year, on: db), plan.$unit.id != unitID else { continue }
                let doc = try plan.document()
                let sent = try await InspectionSelfReportRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID()))
                    .filter(\.$unit.$id == unitID).all()
                for r in doc.rounds {
                    guard let last = r.selfLastDay, names(r.scope, unit) else { continue }
                    let mine = sent.first { $0.round == r.number }
                    out.append(Duty(id: "self-inspection:\(unitID):\(try plan.requireID()):\(r.number)", kind: .selfInspection, unitID: unitID,
                                    unitName: unit.name, title: "Báo cáo tự kiểm tra CCHC \(r.label.lowercased()) năm \(year)", dueDay: last,
                                    doneAt: mine?.sentAt, note: mine != nil && mine?.sentAt == nil ? "Đang soạn" : nil,
                                    url: SiteURL.Inspections.overview(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year)])))
                }
            }
        }
        return out
    }

    /// The round names the unit (by code or name), or names none (every unit).
    static func names(_ scope: InspectionScope, _ unit: Unit) -> Bool {
        guard let units = scope.units, !units.isEmpty else { return true }
        let folded = Set(units.map(Folding.fold))
        return folded.contains(Folding.fold(unit.code)) || folded.contains(Folding.fold(unit.name))
    }
}

/// The inspected unit's written report, due the plan's days before an announced visit (moved with the visit).
enum PreVisitDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let visits = try await InspectionVisitRecord.query(on: db).filter(\.$unit.$id ~~ scope.unitIDs).filter(\.$unannounced == false)
            .with(\.$plan).all()
        return try visits.compactMap { v in
            guard let unit = scope.unit(v.$unit.id), let doc = try? v.plan.document(),
                  let due = InspectionRules.preVisitDue(visit: v.day, days: doc.preVisitDays, unannounced: v.unannounced) else { return nil }
            let id = try v.requireID()
            return Duty(id: "pre-visit:\(id)", kind: .preVisitReport, unitID: unit.id ?? 0, unitName: unit.name,
                        title: "Báo cáo gửi Đoàn kiểm tra CCHC (kiểm tra ngày \(v.day.vietnamese))", dueDay: due, doneAt: v.preReportAt,
                        url: SiteURL.Inspections.visit(.value(v.$unit.id), .value(id)).path)
        }
    }
}

/// Each finding of a visit at the unit, to fix within the plan's days of the conclusion; done when reported fixed.
enum RemediationDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let visits = try await InspectionVisitRecord.query(on: db).filter(\.$unit.$id ~~ scope.unitIDs).all()
        let findings = try await InspectionQueries.findings(of: visits.compactMap(\.id), on: db)
        return try findings.compactMap { f in
            guard let v = visits.first(where: { $0.id == f.$visit.id }), let unit = scope.unit(v.$unit.id) else { return nil }
            let done = f.status == .open ? nil : f.fixedOn.flatMap { Day(iso: $0) }.map { Date.noon(of: $0) }
            return Duty(id: "finding:\(try f.requireID())", kind: .remediation, unitID: unit.id ?? 0, unitName: unit.name,
                        title: "Khắc phục: \(PlanService.short(f.description))", dueDay: f.dueDay, doneAt: done,
                        note: f.status == .fixed ? "Chờ Đoàn kiểm tra xác minh" : nil,
                        url: SiteURL.Inspections.visit(.value(v.$unit.id), .value(f.$visit.id)).path)
        }
    }
}
