import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// The national level: a root above the provinces of either structure, whose standing agency (Bộ Nội vụ) tracks the
/// provinces' reports, ranks them and consolidates the country. Runs on SQLite and PostgreSQL.
@Suite("Cấp trung ương: cả nước trên các tỉnh")
struct NationalLevelTests {
    @Test func theMinistryTracksRanksAndConsolidatesTheProvinces() async throws {
        // 20/03/2031: two days after the Q1 deadline (18/03).
        let now = Day(2031, 3, 20)!.startInVietnam.addingTimeInterval(12 * 3600)
        try await withTestApp(demo: false, now: now) { app in
            let db = app.db
            func unit(_ code: String, _ name: String, _ kind: UnitKind, _ parent: CCHCApp.Unit?) async throws -> CCHCApp.Unit {
                try await TreeFixture.unit(db, code, name, kind, parent)
            }
            let nation = try await unit("VN", "Cả nước", .nation, nil)
            let ministry = try await unit("VN-BNV", "Bộ Nội vụ", .ministry, nation)
            ministry.isStandingAgency = true
            try await ministry.save(on: db)
            let twoTier = try await unit("AN", "Tỉnh An", .province, nation)
            let threeTier = try await unit("BINH", "Tỉnh Bình", .province, nation)
            let district = try await unit("BINH-H", "Huyện Hòa", .district, threeTier)
            let communeA = try await unit("AN-X", "Xã Đông", .commune, twoTier)
            let communeB = try await unit("BINH-H-X", "Xã Tây", .commune, district)
            let (form, q1) = try await TreeFixture.q1(db, issuer: nation, form: ConsolidationRulesTests.form)
            let formID = try form.requireID()
            let early = Day(2031, 3, 10)!.startInVietnam.addingTimeInterval(9 * 3600)
            let anReport = try await TreeFixture.report(db, twoTier, q1, formID: formID, .submitted,
                                                       ["1.1": .init(number: 3), "1.3": .init(number: 110)])
            anReport.firstSubmittedAt = early
            anReport.submittedAt = early
            try await anReport.save(on: db)
            try await TreeFixture.report(db, communeA, q1, formID: formID, .accepted, ["1.1": .init(number: 5), "1.3": .init(number: 110)])
            try await TreeFixture.report(db, communeB, q1, formID: formID, .submitted, ["1.1": .init(number: 7), "1.3": .init(number: 108)])
            try await TreeFixture.report(db, district, q1, formID: formID, .submitted, ["1.1": .init(number: 11), "1.3": .init(number: 110)])

            // Timeliness and ranking at the ministry: the provinces, one on time, one two days overdue.
            let table = try #require(try await TimelinessService.table(jurisdiction: nation, year: 2031, now: now, sort: nil, on: db))
            #expect(table.rows.map(\.unitName) == ["Tỉnh An", "Tỉnh Bình"])
            #expect(table.rows.map { $0.cells.first?.status } == ["on_time", "overdue"])
            #expect(table.rows.last?.cells.first?.daysLate == 2)
            #expect(table.ranking.first?.unitName == "Tỉnh An")

            // The country's figures: every report under it, either structure; Tỉnh Bình's own still missing.
            let country = try await ConsolidationService.consolidate(jurisdiction: nation, year: 2031, kind: .q1, on: db)
            let total = try #require(country.figures.first { $0.code == "1.1" }?.value)
            #expect(total == 26, "\(total.bitPattern) \(Double(26).bitPattern)")
            #expect(country.jurisdiction.kind == "cả nước")
            #expect(Set(country.missing.map(\.name)) == ["Tỉnh Bình"])
            // A small area names the units that differ on a catalogue row; at scale each area below counts its own.
            #expect(country.figures.first { $0.code == "1.3" }?.differing == ["Xã Tây: 108"])
            let sql = try #require(db as? any SQLDatabase)
            let counted = CountedReports(pattern: nation.unitPath.subtreePattern, formID: formID, kind: .q1, year: 2031, acceptedOnly: false)
            var aggregates = try await ConsolidationService.aggregates(jurisdiction: nation, form: ConsolidationRulesTests.form,
                                                                       counted: counted, on: sql)
            try await ConsolidationService.addDifferingAreas(to: &aggregates, jurisdiction: nation, counted: counted, on: sql)
            // The country counts them per province (its area rows), a province per district (its buckets).
            #expect(aggregates["1.3"]?.differing == ["Tỉnh Bình: 1 đơn vị khác (108)"])
            // Pretend most units answered 107: every area lists its other values once, in order (the provinces' own
            // reports are the country's own bucket).
            aggregates["1.3"]?.common = .init(counts: [107: 5, 108: 1, 110: 3])
            aggregates["1.3"]?.differing = []
            try await ConsolidationService.addDifferingAreas(to: &aggregates, jurisdiction: nation, counted: counted, on: sql)
            #expect(aggregates["1.3"]?.differing == ["Cả nước: 1 đơn vị khác (110)", "Tỉnh An: 1 đơn vị khác (110)",
                                                     "Tỉnh Bình: 2 đơn vị khác (108; 110)"])
            let inProvince = CountedReports(pattern: threeTier.unitPath.subtreePattern, formID: formID, kind: .q1, year: 2031, acceptedOnly: false)
            var provinceAggregates = try await ConsolidationService.aggregates(jurisdiction: threeTier, form: ConsolidationRulesTests.form,
                                                                               counted: inProvince, on: sql)
            // Pretend most units answered 107, so the district's 108 differs.
            provinceAggregates["1.3"]?.common = .init(counts: [107: 2, 108: 1])
            try await ConsolidationService.addDifferingAreas(to: &provinceAggregates, jurisdiction: threeTier, counted: inProvince, on: sql)
            #expect(provinceAggregates["1.3"]?.differing.contains("Huyện Hòa: 1 đơn vị khác (108)") == true)
            let accepted = try await ConsolidationService.consolidate(jurisdiction: nation, year: 2031, kind: .q1, acceptedOnly: true, on: db)
            #expect(accepted.figures.first { $0.code == "1.1" }?.value == 5)

            // The ministry's standing officer sees the whole country; a province officer only their province.
            let officer = Actor(userID: 0, username: "bnv", fullName: "Chuyên viên Bộ Nội vụ", role: .standingOfficer, unitID: ministry.id!,
                                unitName: ministry.name, scope: AccessScope(role: .standingOfficer, unit: ministry.unitPath,
                                                                             jurisdiction: nation.unitPath), jurisdictionID: nation.id!)
            #expect(officer.scope.canManage(communeB.unitPath))
        }
    }

    @Test func theTreeAcceptsTheNationOnlyAtTheTop() {
        let nation = OrgNode(id: 1, parentID: nil, code: "VN", name: "Cả nước", kind: .nation)
        let province = OrgNode(id: 2, parentID: 1, code: "HT", name: "Tỉnh Hà Tĩnh", kind: .province)
        #expect(OrgRules.validatePlacement(kind: .nation, code: "VN", name: "Cả nước", isStandingAgency: false, parent: nil).isEmpty)
        #expect(OrgRules.validatePlacement(kind: .province, code: "HT", name: "Hà Tĩnh", isStandingAgency: false, parent: nation).isEmpty)
        #expect(OrgRules.validatePlacement(kind: .ministry, code: "BNV", name: "Bộ Nội vụ", isStandingAgency: true, parent: nation).isEmpty)
        #expect(!OrgRules.validatePlacement(kind: .nation, code: "VN2", name: "X", isStandingAgency: false, parent: province).isEmpty)
        #expect(!OrgRules.validatePlacement(kind: .ministry, code: "B2", name: "Bộ X", isStandingAgency: false, parent: province).isEmpty)
        #expect(!OrgRules.validatePlacement(kind: .commune, code: "X", name: "Xã", isStandingAgency: false, parent: nation).isEmpty)
    }

    @Test func theGovernmentAndItsMinistriesHeadTheirDocuments() {
        let government = IssuingBody(kind: .nation, name: "Cả nước")
        #expect(government.bodyLines == ["CHÍNH PHỦ"])
        #expect(government.superiorLines.isEmpty)
        #expect(government.signerLines(deputy: true) == ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"])
        let ministry = IssuingBody(kind: .ministry, name: "Bộ Nội vụ", parentKind: .nation, parentName: "Cả nước")
        #expect(ministry.superiorLines.isEmpty)
        #expect(ministry.bodyLines == ["BỘ NỘI VỤ"])
        #expect(ministry.symbol() == "BC-BNV")
        #expect(ministry.headTitle == "BỘ TRƯỞNG")
        #expect(ministry.place == "Hà Nội")
        #expect(ministry.inSentence == "Bộ Nội vụ")
    }
}
