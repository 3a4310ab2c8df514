import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// The live partial sums against the plain GROUP BY: a national tree (a two-tier and a three-tier province) on a form
/// with every consolidation rule, then random submissions, acceptances, returns, corrections, a move and a merge; after
/// each, every jurisdiction's aggregates on both bases must equal the floor's. Runs on SQLite and PostgreSQL.
@Suite("Tổng hợp nhanh bằng tổng bộ phận: đối chiếu với GROUP BY")
struct ConsolidationPartialsTests {
    /// A small deterministic generator (the same run on every machine and database).
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    struct Tree {
        var nation: CCHCApp.Unit
        var jurisdictions: [CCHCApp.Unit]
        var reporters: [CCHCApp.Unit]
    }

    static func values(_ dice: inout Dice) -> [String: IndicatorValue] {
        var v: [String: IndicatorValue] = [:]
        let total = Double(10 + dice.next(90))
        let parts: [(String, IndicatorValue)] = [
            ("1.1", .init(number: Double(dice.next(50)))), ("1.2", .init(numerator: Double(dice.next(Int(total))), denominator: total)),
            ("1.3", .init(number: Double(108 + dice.next(3)))), ("1.4", .init(number: Double(dice.next(1_000)))),
            ("1.5", .init(numerator: Double(dice.next(3)), denominator: 3)), ("1.6", .init(number: Double(dice.next(3)))),
            ("1.7", .init(number: Double(dice.next(30)))), ("1.8", .init(number: Double(dice.next(30)))),
            ("1.9", .init(number: Double(dice.next(12)) / 4)),
        ]
        // Some rows left empty, as real reports leave them.
        for (code, value) in parts where dice.next(6) > 0 { v[code] = value }
        return v
    }

    static func tree(_ db: any Database) async throws -> Tree {
        func unit(_ code: String, _ kind: UnitKind, _ parent: CCHCApp.Unit?) async throws -> CCHCApp.Unit {
            try await TreeFixture.unit(db, code, "Đơn vị \(code)", kind, parent)
        }
        let nation = try await unit("VN", .nation, nil)
        _ = try await unit("VN-BNV", .ministry, nation)
        let twoTier = try await unit("P1", .province, nation)
        let threeTier = try await unit("P2", .province, nation)
        var jurisdictions = [nation, twoTier, threeTier]
        var reporters = [nation, twoTier, threeTier, try await unit("P1-SNV", .department, twoTier)]
        for i in 1...5 { let c = try await unit("P1-X\(i)", .commune, twoTier); jurisdictions.append(c); reporters.append(c) }
        for d in 1...2 {
            let district = try await unit("P2-H\(d)", .district, threeTier)
            jurisdictions.append(district)
            reporters.append(district)
            reporters.append(try await unit("P2-H\(d)-PNV", .office, district))
            for i in 1...4 { let c = try await unit("P2-H\(d)-X\(i)", .commune, district); jurisdictions.append(c); reporters.append(c) }
        }
        return Tree(nation: nation, jurisdictions: jurisdictions, reporters: reporters)
    }

    @Test func thePartialSumsEqualTheGroupByAfterEveryChange() async throws {
        try await withTestApp(demo: false) { app in
            let db = app.db
            let sql = try #require(db as? any SQLDatabase)
            let form = ConsolidationRulesTests.form
            var tree = try await Self.tree(db)
            let (formRecord, q1) = try await TreeFixture.q1(db, issuer: tree.nation, form: form)
            let formID = try formRecord.requireID()
            var dice = Dice(state: 2031)
            let states: [ReportState] = [.draft, .awaitingLeader, .submitted, .submitted, .accepted, .accepted, .returned]
            for unit in tree.reporters where dice.next(8) > 0 {
                try await TreeFixture.report(db, unit, q1, formID: formID, states[dice.next(states.count)], Self.values(&dice))
            }

            func check(_ step: String) async throws {
                for j in tree.jurisdictions {
                    for accepted in [false, true] {
                        let counted = CountedReports(pattern: j.unitPath.subtreePattern, formID: formID, kind: .q1, year: 2031,
                                                     acceptedOnly: accepted)
                        let fast = try await ConsolidationService.aggregates(jurisdiction: j, form: form, counted: counted, on: sql)
                        let floor = try await ConsolidationService.plainAggregates(jurisdiction: j, form: form, counted: counted, on: sql)
                        #expect(Set(fast.keys) == Set(floor.keys), "\(step): \(j.code) \(accepted)")
                        for (code, f) in floor {
                            let a = try #require(fast[code], "\(step): \(j.code) \(code)")
                            #expect(Self.same(a, f), "\(step): \(j.code) \(accepted ? "accepted" : "submitted") \(code): \(a) ≠ \(f)")
                        }
                        // Who is in and who is missing: counted from the per-bucket counts, against the plain LEFT JOIN.
                        let counts = try await ConsolidationService.units(jurisdiction: j, counted: counted, namedLimit: 0, on: sql)
                        let plain = try await ConsolidationService.plainUnits(jurisdiction: j, counted: counted, on: sql)
                        #expect(counts.included.isEmpty)
                        #expect((counts.count, counts.below) == (plain.count, plain.below), "\(step): \(j.code) \(accepted)")
                        #expect(counts.missing.map(\.id) == plain.missing.map(\.id), "\(step): \(j.code) \(accepted)")
                    }
                }
            }
            try await check("nạp ban đầu")

            // Random steps, each through the same call the workflow makes in its transaction.
            for step in 0..<40 {
                let unit = tree.reporters[dice.next(tree.reporters.count)]
                let (roll, fresh, correctionState) = (dice.next(3), Self.values(&dice), dice.next(2) == 0 ? ReportState.draft : .submitted)
                try await db.writeTransaction { tx in
                    let current = try await Report.query(on: tx).filter(\.$unit.$id == unit.id!).filter(\.$isCurrent == true).first()
                    guard let report = current else {
                        let r = try await TreeFixture.report(tx, unit, q1, formID: formID, .submitted, fresh, rebuild: false)
                        try await ConsolidationPartials.refresh(report: r, year: 2031, kind: .q1, on: tx)
                        return
                    }
                    switch (report.state, roll) {
                    case (.draft, _), (.returned, _), (.awaitingLeader, _): report.state = .submitted
                    case (.submitted, 0): report.state = .returned
                    case (.submitted, _): report.state = .accepted
                    case (.accepted, _):
                        // A correction: the accepted version stays counted until the new one is submitted.
                        report.isCurrent = false
                        try await report.save(on: tx)
                        let next = try await TreeFixture.report(tx, unit, q1, formID: formID, correctionState,
                                                                version: report.version + 1, fresh, rebuild: false)
                        try await ConsolidationPartials.refresh(report: next, year: 2031, kind: .q1, on: tx)
                        return
                    }
                    try await report.save(on: tx)
                    try await ConsolidationPartials.refresh(report: report, year: 2031, kind: .q1, on: tx)
                }
                try await check("bước \(step)")
            }

            // A move through the organisation service: a commune goes to the other district, its reports with it.
            let admin = Actor(userID: 0, username: "admin", fullName: "Quản trị", role: .admin, unitID: tree.nation.id!, unitName: "VN",
                              scope: AccessScope(role: .admin, unit: tree.nation.unitPath, jurisdiction: nil), jurisdictionID: tree.nation.id!)
            let service = OrganisationService(db: db, actor: admin, now: Date())
            let moving = try #require(tree.jurisdictions.first { $0.code == "P2-H1-X1" })
            let target = try #require(tree.jurisdictions.first { $0.code == "P2-H2" })
            _ = try await service.update(moving, .init(code: moving.code, name: moving.name, kind: moving.kind.rawValue, parentID: target.id))
            tree.jurisdictions = try await Self.jurisdictions(db)
            try await check("chuyển đơn vị")
            let district = try #require(tree.jurisdictions.first { $0.code == "P2-H2" })
            let movedIn = try await ConsolidationService.consolidate(jurisdiction: district, year: 2031, kind: .q1, on: db)
            let hasReport = try await Report.query(on: db).filter(\.$unit.$id == moving.id!).filter(\.$state ~~ [.submitted, .accepted]).count()
            #expect(movedIn.included.contains { $0.id == moving.id } == (hasReport > 0))

            // A commune that reported becomes an office beside a jurisdiction that is missing: its bucket must stop counting it
            // among the jurisdictions that reported, or the missing one would be hidden.
            let reporting = Set(try await Report.query(on: db).filter(\.$state ~~ [.submitted, .accepted]).all().map(\.$unit.id))
            let communes = tree.jurisdictions.filter { $0.kind == .commune && $0.$parent.id != nil }
            let becoming = try #require(communes.first { c in
                reporting.contains(c.id!) && communes.contains { $0.$parent.id == c.$parent.id && !reporting.contains($0.id!) }
            })
            let fresh = try #require(try await CCHCApp.Unit.find(becoming.id, on: db))
            _ = try await service.update(fresh, .init(code: fresh.code, name: fresh.name, kind: UnitKind.office.rawValue, parentID: fresh.$parent.id,
                                                      revision: fresh.revision))
            tree.jurisdictions = try await Self.jurisdictions(db)
            try await check("đổi loại đơn vị")

            // A merge: two communes become one; the predecessors' reports keep counting where they were.
            let pair = tree.jurisdictions.filter { $0.code.hasPrefix("P1-X") }.prefix(2).map { $0.id! }
            let p1 = try #require(tree.jurisdictions.first { $0.code == "P1" })
            _ = try await service.merge(.init(predecessorIDs: pair, code: "P1-XM", name: "Xã Hợp Nhất", kind: "commune", parentID: p1.id,
                                              mergedOn: "01/07/2031"))
            tree.jurisdictions = try await Self.jurisdictions(db)
            try await check("sáp nhập")

            // And the figures the pages show at the national level come out of the same numbers.
            let national = try await ConsolidationService.consolidate(jurisdiction: tree.nation, year: 2031, kind: .q1, on: db)
            let counted = CountedReports(pattern: tree.nation.unitPath.subtreePattern, formID: formID, kind: .q1, year: 2031, acceptedOnly: false)
            let floor = try await ConsolidationService.plainAggregates(jurisdiction: tree.nation, form: form, counted: counted, on: sql)
            #expect(national.figures.first { $0.code == "1.1" }?.value == floor["1.1"]?.sumNumber)
            // Not a comparison of two empty sets: most of the tree's reports are counted, from the partial sums' rows.
            #expect((floor["1.1"]?.reports ?? 0) > 10)
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM consolidation_partials").first(decoding: Count.self)?.n ?? 0
            #expect(rows > 20)
            #expect(national.jurisdiction.kind == "cả nước")
        }
    }

    struct Count: Decodable { let n: Int }

    static func jurisdictions(_ db: any Database) async throws -> [CCHCApp.Unit] {
        let units = try await CCHCApp.Unit.query(on: db).all()
        return units.filter { $0.kind.isJurisdiction }
    }

    /// Equal counts, extremes and answers; sums equal up to the rounding of adding in another order.
    static func same(_ a: Consolidation.Aggregate, _ b: Consolidation.Aggregate) -> Bool {
        func close(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
            default: false
            }
        }
        return a.reports == b.reports && a.countNumber == b.countNumber && a.countFraction == b.countFraction
            && close(a.sumNumber, b.sumNumber) && close(a.sumNumerator, b.sumNumerator) && close(a.sumDenominator, b.sumDenominator)
            && close(a.averagePercent, b.averagePercent) && a.maxNumber == b.maxNumber && a.minNumber == b.minNumber
            && a.distribution == b.distribution && a.common == b.common
    }
}
