import Fluent
import Foundation
import CCHCDomain

/// Reads of inspections, in scope: a plan is its jurisdiction's; a unit below sees the plan that covers it, its own
/// self-inspection reports, visits and findings.
enum InspectionQueries {
    /// The plan of `unit` for the year, or of its nearest ancestor that has one (the plan that covers it).
    static func plan(covering unit: Unit, year: Int, on db: any Database) async throws -> InspectionPlanRecord? {
        let ids = unit.unitPath.ids
        let plans = try await InspectionPlanRecord.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$year == year).all()
        for id in ids.reversed() { if let p = plans.first(where: { $0.$unit.id == id }) { return p } }
        return nil
    }

    /// The units a plan's rounds cover: the named ones, or every unit of the jurisdiction (its communes, wards, towns and
    /// offices, not its standing agency, not merged ones).
    static func scope(of plan: InspectionPlanRecord, _ doc: InspectionPlanDocument, on db: any Database) async throws -> [Unit] {
        let children = try await UnitQueries.children(of: plan.$unit.id, on: db).filter { !$0.isRetired && !$0.isStandingAgency }
        var named: Set<String> = []
        var everyone = false
        for r in doc.rounds {
            if let units = r.scope.units, !units.isEmpty { named.formUnion(units.map(Folding.fold)) } else { everyone = true }
        }
        let picked = everyone ? children : children.filter { named.contains(Folding.fold($0.code)) || named.contains(Folding.fold($0.name)) }
        return picked.sorted { VietnameseOrder.key($0.name) < VietnameseOrder.key($1.name) }
    }

    static func visits(of plan: InspectionPlanRecord, unitID: Int? = nil, on db: any Database) async throws -> [InspectionVisitRecord] {
        var q = InspectionVisitRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID())).with(\.$unit)
        if let unitID { q = q.filter(\.$unit.$id == unitID) }
        return try await q.all().sorted { ($0.visitOn, $0.id ?? 0) < ($1.visitOn, $1.id ?? 0) }
    }

    static func findings(of visitIDs: [Int], on db: any Database) async throws -> [InspectionFindingRecord] {
        guard !visitIDs.isEmpty else { return [] }
        return try await InspectionFindingRecord.query(on: db).filter(\.$visit.$id ~~ visitIDs).sort(\.$id).all()
    }

    static func visit(_ id: Int, of unit: Unit, on db: any Database) async throws -> (InspectionVisitRecord, InspectionPlanRecord) {
        guard let v = try await InspectionVisitRecord.query(on: db).filter(\.$id == id).filter(\.$unit.$id == (try unit.requireID()))
            .with(\.$plan).first() else { throw CCHCError.notFound("Không tìm thấy cuộc kiểm tra này.") }
        return (v, v.plan)
    }

    static func finding(_ id: Int, of visit: InspectionVisitRecord, on db: any Database) async throws -> InspectionFindingRecord {
        guard let f = try await InspectionFindingRecord.query(on: db).filter(\.$id == id).filter(\.$visit.$id == (try visit.requireID())).first()
        else { throw CCHCError.notFound("Không tìm thấy vấn đề này.") }
        return f
    }

    /// Block 1.2 of `unit`'s report for a window: its own inspection plan of the year, its visits and their findings.
    static func counts(for unit: Unit, year: Int, from: Day, through: Day, on db: any Database) async throws -> (InspectionCounts, String)? {
        guard let plan = try await InspectionPlanRecord.query(on: db).filter(\.$unit.$id == (try unit.requireID())).filter(\.$year == year).first()
        else { return nil }
        let doc = try plan.document()
        let scope = try await Self.scope(of: plan, doc, on: db)
        let visits = try await Self.visits(of: plan, on: db)
        let findings = try await Self.findings(of: visits.compactMap(\.id), on: db)
        let counts = InspectionCounts.count(from: from, through: through, inScope: scope.count,
                                            visits: visits.map { .init(unitID: $0.$unit.id, concludedOn: $0.concludedDay) },
                                            findings: findings.map { f in
                                                .init(foundOn: Day(iso: f.foundOn) ?? from, verifiedOn: f.verifiedOn.flatMap { Day(iso: $0) })
                                            })
        let name = "kế hoạch kiểm tra CCHC năm \(year)" + (doc.document?.number.map { " (số \($0))" } ?? "")
        return (counts, name)
    }
}
