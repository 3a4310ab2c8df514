import Testing
@testable import CCHCDomain

@Suite("Quy tắc phạm vi truy cập")
struct AccessScopeTests {
    // Hà Tĩnh 1 → Thạch Hà 2 → (Phòng Nội vụ 3, Thạch Đài 4, Thạch Kênh 5); Nghi Xuân 6 → Xuân An 7; Huế 8 → Quảng Thọ 9
    let haTinh = UnitPath(ids: [1])
    let thachHa = UnitPath(ids: [1, 2])
    let noiVu = UnitPath(ids: [1, 2, 3])
    let thachDai = UnitPath(ids: [1, 2, 4])
    let thachKenh = UnitPath(ids: [1, 2, 5])
    let nghiXuan = UnitPath(ids: [1, 6])
    let xuanAn = UnitPath(ids: [1, 6, 7])
    let quangTho = UnitPath(ids: [8, 9])

    @Test func standingOfficerReachesTheJurisdiction() {
        let scope = AccessScope(role: .standingOfficer, unit: noiVu, jurisdiction: thachHa)
        #expect(scope.root == thachHa)
        for inside in [thachHa, noiVu, thachDai, thachKenh] {
            #expect(scope.canRead(inside))
            #expect(scope.canManage(inside))
        }
        for outside in [haTinh, nghiXuan, xuanAn, quangTho] {
            #expect(!scope.canRead(outside))
            #expect(!scope.canManage(outside))
        }
        #expect(!scope.canSign(for: thachDai))
        #expect(!scope.assignableRoles.contains(.admin))
    }

    @Test func communeStaffStayInTheirCommune() {
        let specialist = AccessScope(role: .specialist, unit: thachDai)
        let leader = AccessScope(role: .leader, unit: thachDai)
        let viewer = AccessScope(role: .viewer, unit: thachDai)
        for scope in [specialist, leader, viewer] {
            #expect(scope.canRead(thachDai))
            #expect(!scope.canRead(thachKenh))
            #expect(!scope.canRead(thachHa))
            #expect(!scope.canRead(xuanAn))
            #expect(!scope.canRead(quangTho))
            #expect(!scope.canManage(thachDai))
            #expect(scope.assignableRoles.isEmpty)
        }
        #expect(specialist.canDraft(for: thachDai))
        #expect(!specialist.canSign(for: thachDai))
        #expect(leader.canSign(for: thachDai))
        #expect(!leader.canSign(for: thachKenh))
        #expect(!viewer.canDraft(for: thachDai))
    }

    @Test func districtViewerReadsBelowButChangesNothing() {
        let viewer = AccessScope(role: .viewer, unit: thachHa)
        #expect(viewer.canRead(thachDai))
        #expect(!viewer.canRead(nghiXuan))
        #expect(!viewer.canDraft(for: thachHa))
        #expect(!viewer.canManage(thachDai))
    }

    @Test func adminReachesEverything() {
        let admin = AccessScope(role: .admin, unit: UnitPath(ids: [99]))
        #expect(admin.root == nil)
        #expect(admin.canRead(quangTho) && admin.canManage(thachDai))
        #expect(admin.assignableRoles == Role.allCases)
    }
}
