import Testing
@testable import CCHCDomain

@Suite("Tổ chức: cây đơn vị, đường dẫn, sáp nhập")
struct OrganisationTests {
    @Test func pathParsesAndContains() throws {
        let district = try #require(UnitPath("/1/5/"))
        let commune = try #require(UnitPath("/1/5/23/"))
        let sibling = try #require(UnitPath("/1/6/24/"))
        #expect(district.contains(commune))
        #expect(district.contains(district))
        #expect(!district.contains(sibling))
        #expect(!commune.contains(district))
        #expect(commune.parent == district)
        #expect(commune.subtreePattern == "/1/5/23/%")
        #expect(UnitPath("1/5") == nil)
        #expect(UnitPath("/1/x/") == nil)
        #expect(UnitPath(ids: [1, 5]).appending(23) == commune)
    }

    @Test func pathPrefixIsNotFooledByLongerIDs() throws {
        // "/1/5/" must not contain "/1/55/": the trailing slash is part of the pattern.
        let five = try #require(UnitPath("/1/5/"))
        let fiftyFive = try #require(UnitPath("/1/55/"))
        #expect(!five.contains(fiftyFive))
        #expect(!fiftyFive.description.hasPrefix(five.subtreePattern.dropLast()))
    }

    @Test func threeTierAndTwoTierPlacements() {
        let province = OrgNode(id: 1, parentID: nil, code: "HT", name: "Tỉnh Hà Tĩnh", kind: .province)
        let district = OrgNode(id: 2, parentID: 1, code: "HT-THA", name: "Huyện Thạch Hà", kind: .district)
        let commune = OrgNode(id: 3, parentID: 2, code: "HT-THA-THACHDAI", name: "Xã Thạch Đài", kind: .commune)
        // province → district → commune (2020–2022)
        #expect(OrgRules.validatePlacement(kind: .district, code: "X", name: "Huyện X", isStandingAgency: false, parent: province).isEmpty)
        #expect(OrgRules.validatePlacement(kind: .commune, code: "Y", name: "Xã Y", isStandingAgency: false, parent: district).isEmpty)
        // province → commune (since 07/2025)
        #expect(OrgRules.validatePlacement(kind: .commune, code: "Z", name: "Xã Z", isStandingAgency: false, parent: province).isEmpty)
        // offices under any jurisdiction
        #expect(OrgRules.validatePlacement(kind: .office, code: "NV", name: "Phòng Nội vụ", isStandingAgency: true, parent: district).isEmpty)
        // wrong ways round
        #expect(OrgRules.validatePlacement(kind: .district, code: "D", name: "Huyện D", isStandingAgency: false, parent: commune)
                == [.parentNotAllowed(child: .district, parent: .commune)])
        #expect(OrgRules.validatePlacement(kind: .commune, code: "C", name: "Xã C", isStandingAgency: false, parent: nil)
                == [.topLevelMustBeProvince(.commune)])
        #expect(OrgRules.validatePlacement(kind: .commune, code: "C", name: "Xã C", isStandingAgency: true, parent: district)
                == [.standingAgencyMustBeOffice])
        #expect(OrgRules.validatePlacement(kind: .commune, code: "mã có dấu", name: " ", isStandingAgency: false, parent: district)
                == [.codeInvalid("mã có dấu"), .nameRequired])
    }

    @Test func retiredParentRefused() {
        let old = OrgNode(id: 9, parentID: 1, code: "OLD", name: "Huyện Cũ", kind: .district, retiredOn: "2025-07-01", successorID: 10)
        #expect(OrgRules.validatePlacement(kind: .commune, code: "N", name: "Xã N", isStandingAgency: false, parent: old)
                == [.retiredUnit("Huyện Cũ")])
    }

    @Test func moveIntoOwnSubtreeIsACycle() throws {
        let district = try #require(UnitPath("/1/2/"))
        #expect(OrgRules.validateMove(unitPath: district, newParentPath: try #require(UnitPath("/1/2/7/"))) == .cycle)
        #expect(OrgRules.validateMove(unitPath: district, newParentPath: district) == .cycle)
        #expect(OrgRules.validateMove(unitPath: district, newParentPath: try #require(UnitPath("/1/3/"))) == nil)
    }

    @Test func mergeRules() {
        let a = OrgNode(id: 1, parentID: 9, code: "A", name: "Xã A", kind: .commune)
        let b = OrgNode(id: 2, parentID: 9, code: "B", name: "Xã B", kind: .commune)
        let retired = OrgNode(id: 3, parentID: 9, code: "C", name: "Xã C", kind: .commune, retiredOn: "2020-01-01")
        let district = OrgNode(id: 4, parentID: 8, code: "D", name: "Huyện D", kind: .district)
        #expect(OrgRules.validateMerge(predecessors: [a, b], kind: .commune).isEmpty)
        #expect(OrgRules.validateMerge(predecessors: [a], kind: .commune) == [.mergeNeedsTwo])
        #expect(OrgRules.validateMerge(predecessors: [a, a], kind: .commune) == [.mergeNeedsTwo])
        #expect(OrgRules.validateMerge(predecessors: [a, retired], kind: .commune) == [.retiredUnit("Xã C")])
        #expect(OrgRules.validateMerge(predecessors: [a, district], kind: .commune) == [.mergeMixedTiers])
    }

    @Test func lineageFollowsMergesAcrossGenerations() {
        // 2020: 1 + 2 → 5; 2025: 5 + 3 → 7; 4 merged into 3 earlier.
        let predecessors = [5: [1, 2], 7: [5, 3], 3: [4]]
        #expect(OrgRules.lineage(of: 7, predecessors: predecessors) == [5, 3, 1, 2, 4])
        #expect(OrgRules.lineage(of: 1, predecessors: predecessors) == [])
    }

    @Test func messagesAreVietnamese() {
        #expect(OrgRules.Violation.cycle.description.contains("Đơn vị cấp trên"))
        #expect(OrgRules.Violation.parentNotAllowed(child: .district, parent: .commune).description
                == "Đơn vị cấp trên: một huyện không thể trực thuộc một xã.")
    }
}
