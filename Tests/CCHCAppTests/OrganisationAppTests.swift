import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp

@Suite("Cây tổ chức qua trang và API")
struct OrganisationAppTests {
    @Test func searchIgnoresDiacritics() async throws {
        try await withTestApp { app in
            let admin = try await TestClient.api(app, "admin")
            let found = try await admin.get("/api/v1/units?q=quang%20tho").json([UnitDTO].self)
            #expect(found.map(\.name) == ["Xã Quảng Thọ"])
            let thachHa = try await admin.get("/api/v1/units?q=thach%20ha").json([UnitDTO].self)
            #expect(thachHa.contains { $0.name == "Huyện Thạch Hà" })
            #expect(thachHa.contains { $0.name == "Thị trấn Thạch Hà" })
            let page = try await TestClient.session(app, "admin").get("/units?q=quang+tho")
            #expect(page.text.contains("Xã Quảng Thọ"))
            #expect(!page.text.contains("Xã Quảng Phú"))
        }
    }

    @Test func demoTreeHasTheSeedUnits() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let children = try await Unit.query(on: app.db).filter(\.$parent.$id == thachHa.id!).all()
            let offices = children.filter(\.kind.isOffice)
            #expect(offices.count == 6)
            #expect(offices.filter(\.isStandingAgency).map(\.name) == ["Phòng Nội vụ"])
            #expect(children.filter { !$0.kind.isOffice }.count >= 9)
            #expect(children.contains { $0.name == "Xã Thạch Kênh" })
            let nghiXuan = try await app.unit(code: "HT-NXU")
            let nx = try await Unit.query(on: app.db).filter(\.$parent.$id == nghiXuan.id!).all().filter { !$0.kind.isOffice }
            #expect(nx.count == 17)
            // the two-tier example: a commune directly under its province, formed by a merge
            let merged = try await Unit.query(on: app.db).join(UnitPredecessor.self, on: \Unit.$id == \UnitPredecessor.$unit.$id).first()
            let unit = try #require(merged)
            let parent = try #require(try await Unit.find(unit.$parent.id, on: app.db))
            #expect(parent.kind == .province)
        }
    }

    @Test func standingOfficerCreatesACommuneAndTheLogRecordsIt() async throws {
        try await withTestApp { app in
            let client = try await TestClient.session(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let res = try await client.send(.POST, "/units", form: ["name": "Xã Thạch Mới", "code": "ht-tha-thachmoi", "kind": "commune", "parentID": String(thachHa.id!)])
            #expect(res.status == .seeOther)
            let unit = try await app.unit(code: "HT-THA-THACHMOI")
            #expect(unit.path == thachHa.path + "\(unit.id!)/")
            #expect(unit.nameFolded == "xa thach moi")
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.create").first())
            #expect(event.username == "thachha.noivu")
            #expect(event.unitID == unit.id)
            let log = try await client.get("/audit")
            #expect(log.text.contains("tạo đơn vị Xã Thạch Mới"))
        }
    }

    @Test func invalidFormKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            let client = try await TestClient.session(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let before = try await Unit.query(on: app.db).count()
            let res = try await client.send(.POST, "/units", form: ["name": "Xã Đã Gõ Dài", "code": "HT-THA-THACHDAI", "kind": "district", "parentID": String(thachHa.id!)])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("value=\"Xã Đã Gõ Dài\""))
            #expect(res.text.contains("Mã đơn vị “HT-THA-THACHDAI” đã được dùng cho đơn vị khác."))
            #expect(res.text.contains("Đơn vị cấp trên: một huyện không thể trực thuộc một huyện."))
            #expect(try await Unit.query(on: app.db).count() == before)
        }
    }

    @Test func apiValidationNamesTheFields() async throws {
        try await withTestApp { app in
            let client = try await TestClient.api(app, "admin")
            struct Input: Encodable, Sendable { var code: String; var name: String; var kind: String; var parentID: Int? }
            let res = try await client.send(.POST, "/api/v1/units", json: Input(code: "", name: "", kind: "commune", parentID: nil))
            #expect(res.status == .unprocessableEntity)
            struct Body: Decodable { struct E: Decodable { let status: Int; let message: String; let fields: [FieldErr]? }; struct FieldErr: Decodable { let field: String; let message: String }; let error: E }
            let body = try res.json(Body.self)
            #expect(Set(body.error.fields?.map(\.field) ?? []) == ["code", "name", "parentID"])
        }
    }

    @Test func mergeRetiresPredecessorsAndKeepsTheirHistory() async throws {
        try await withTestApp { app in
            let client = try await TestClient.api(app, "thachha.noivu")
            let a = try await app.unit(code: "HT-THA-THACHLONG")
            let b = try await app.unit(code: "HT-THA-THACHHAI")
            let thachHa = try await app.unit(code: "HT-THA")
            let input = OrganisationService.MergeInput(predecessorIDs: [a.id!, b.id!], code: "HT-THA-LONGHAI", name: "Xã Long Hải",
                                                       kind: "commune", parentID: thachHa.id!, mergedOn: "01/07/2025")
            let res = try await client.send(.POST, "/api/v1/units/merge", json: input)
            #expect(res.status == .created)
            let created = try res.json(UnitDTO.self)
            let detail = try await client.get("/api/v1/units/\(created.id)").json(UnitDetailDTO.self)
            #expect(Set(detail.predecessors.map(\.unit.name)) == ["Xã Thạch Long", "Xã Thạch Hải"])
            #expect(detail.predecessors.allSatisfy { $0.mergedOn == "2025-07-01" })
            // the old units stay readable and point at the new one
            let old = try await client.get("/api/v1/units/\(a.id!)").json(UnitDetailDTO.self)
            #expect(old.unit.retiredOn == "2025-07-01")
            #expect(old.successor?.id == created.id)
            // … but not editable
            struct Input: Encodable, Sendable { var code = "HT-THA-THACHLONG"; var name = "Xã Thạch Long mới"; var kind = "commune"; var parentID: Int? }
            let edit = try await client.send(.PUT, "/api/v1/units/\(a.id!)", json: Input(parentID: thachHa.id!))
            #expect(edit.status == .conflict)
            #expect(edit.text.contains("đã ngừng hoạt động"))
            // retired units leave the default list, stay in the full one
            let active = try await client.get("/api/v1/units?q=thach%20long").json([UnitDTO].self)
            #expect(active.isEmpty)
            let all = try await client.get("/api/v1/units?q=thach%20long&includeRetired=true").json([UnitDTO].self)
            #expect(all.map(\.name) == ["Xã Thạch Long"])
            // a second merge: history reaches through both generations
            let c = try await app.unit(code: "HT-THA-THACHTRI")
            let second = OrganisationService.MergeInput(predecessorIDs: [created.id, c.id!], code: "HT-THA-BIENTHACH", name: "Xã Biển Thạch",
                                                        kind: "commune", parentID: thachHa.id!, mergedOn: "2026-01-01")
            let res2 = try await client.send(.POST, "/api/v1/units/merge", json: second)
            let newest = try res2.json(UnitDTO.self)
            let lineage = try await client.get("/api/v1/units/\(newest.id)").json(UnitDetailDTO.self).lineage.map(\.name)
            #expect(Set(lineage) == ["Xã Long Hải", "Xã Thạch Trị", "Xã Thạch Long", "Xã Thạch Hải"])
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(newest.id)")
            #expect(page.text.contains("Toàn bộ đơn vị tiền thân"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.retire").count() == 4)
        }
    }

    @Test func movingADistrictRewritesPathsBelowIt() async throws {
        try await withTestApp { app in
            let admin = try await TestClient.api(app, "admin")
            let nghiXuan = try await app.unit(code: "HT-NXU")
            let hue = try await app.unit(code: "TTH")
            struct Input: Encodable, Sendable { var code: String; var name: String; var kind: String; var parentID: Int? }
            let res = try await admin.send(.PUT, "/api/v1/units/\(nghiXuan.id!)", json: Input(code: "HT-NXU", name: nghiXuan.name, kind: "district", parentID: hue.id!))
            #expect(res.status == .ok)
            let moved = try await app.unit(code: "HT-NXU")
            #expect(moved.path == "/\(hue.id!)/\(moved.id!)/")
            let below = try await Unit.query(on: app.db).filter(\.$parent.$id == moved.id!).all()
            #expect(!below.isEmpty)
            #expect(below.allSatisfy { $0.path.hasPrefix(moved.path) && $0.depth == 3 })
            // moving it under its own commune is refused
            let commune = below.first { !$0.kind.isOffice }!
            let cycle = try await admin.send(.PUT, "/api/v1/units/\(moved.id!)", json: Input(code: "HT-NXU", name: moved.name, kind: "district", parentID: commune.id!))
            #expect(cycle.status == .unprocessableEntity)
        }
    }

    @Test func accountsAreManagedWithinScope() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.api(app, "thachha.noivu")
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let quangTho = try await app.unit(code: "TTH-QDI-QUANGTHO")
            let ok = try await officer.send(.POST, "/api/v1/users", json: AccountService.CreateInput(username: "thachdai.xem", fullName: "Nguyễn Thị Xem", unitID: thachDai.id!, role: "viewer", password: "mat-khau-dai"))
            #expect(ok.status == .created)
            let outside = try await officer.send(.POST, "/api/v1/users", json: AccountService.CreateInput(username: "ngoai.pham.vi", fullName: "Ngoài", unitID: quangTho.id!, role: "viewer", password: "mat-khau-dai"))
            #expect(outside.status == .unprocessableEntity)
            let admin = try await officer.send(.POST, "/api/v1/users", json: AccountService.CreateInput(username: "sieu.quan.tri", fullName: "Không được", unitID: thachDai.id!, role: "admin", password: "mat-khau-dai"))
            #expect(admin.status == .unprocessableEntity)
            #expect(admin.text.contains("Vai trò"))
            let list = try await officer.get("/api/v1/users").json([UserDTO].self)
            #expect(list.contains { $0.username == "thachdai.xem" })
            #expect(!list.contains { $0.username == "quangtho.cv" })
            // the new viewer signs in and reads its unit only
            let viewer = try await TestClient.api(app, "thachdai.xem", password: "mat-khau-dai")
            #expect(try await viewer.get("/api/v1/units/\(thachDai.id!)").status == .ok)
            #expect(try await viewer.get("/api/v1/units/\(quangTho.id!)").status == .notFound)
            #expect(try await viewer.send(.POST, "/api/v1/users", json: AccountService.CreateInput(username: "x.y", fullName: "X", unitID: thachDai.id!, role: "viewer", password: "mat-khau-dai")).status == .forbidden)
        }
    }

    @Test func pageFormForNewAccountKeepsTypingButNotPassword() async throws {
        try await withTestApp { app in
            let client = try await TestClient.session(app, "thachha.noivu")
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let res = try await client.send(.POST, "/users", form: ["username": "Có Dấu", "fullName": "Trần Văn Gõ", "unitID": String(thachDai.id!), "role": "specialist", "password": "ngan"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("value=\"Trần Văn Gõ\""))
            #expect(res.text.contains("Tên đăng nhập: 3–64 ký tự"))
            #expect(res.text.contains("Mật khẩu: cần ít nhất 10 ký tự."))
            #expect(!res.text.contains("ngan\""))
        }
    }
}
