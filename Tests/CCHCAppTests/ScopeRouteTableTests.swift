import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp

/// Walks the app's whole route table. For every route that is not public it proves that a user
/// of another commune, of a sibling district and of another province gets nothing: 403 or 404 for
/// a route about Thạch Đài (or its accounts), no trace of Thạch Đài in a list, no change in the
/// database for a write. A route added later without the check — or without declaring its
/// access, or with a parameter this test does not know — fails here.
@Suite("Phạm vi truy cập trên mọi địa chỉ")
struct ScopeRouteTableTests {
    static let targetName = "Thạch Đài"
    static let targetCode = "HT-THA-THACHDAI"

    @Test func everyRouteKeepsOutsidersOut() async throws {
        try await withTestApp { app in
            let outsiders = ["thachkenh.ld", "nghixuan.noivu", "quangdien.noivu"]
            let (checked, insiderOK) = try await Self.walk(app, outsiders: outsiders, insider: "thachha.noivu")
            print("Phạm vi: \(checked) địa chỉ × \(outsiders.count) người ngoài = \(checked * outsiders.count) lần thử; người trong đọc được \(insiderOK) địa chỉ")
            #expect(checked >= 30, "chỉ kiểm tra được \(checked) địa chỉ")
            #expect(insiderOK >= 15, "cán bộ Phòng Nội vụ Thạch Hà chỉ đọc được \(insiderOK) địa chỉ về xã Thạch Đài")
        }
    }

    /// Moving Thạch Đài from Thạch Hà to Nghi Xuân: the walk again, with the old district now an outsider
    /// (every stored copy of the path moved with it) and the new one the insider.
    @Test func afterAMoveTheOldParentIsAnOutsider() async throws {
        try await withTestApp { app in
            let target = try await app.unit(code: Self.targetCode)
            let nghiXuan = try await app.unit(code: "HT-NXU")
            let admin = try await TestClient.api(app, "admin")
            struct Input: Content { var code: String; var name: String; var kind: String; var parentID: Int }
            let moved = try await admin.send(.PUT, "/api/v1/units/\(target.id!)", json: Input(code: target.code, name: target.name, kind: "commune", parentID: nghiXuan.id!))
            #expect(moved.status == .ok)
            let (checked, insiderOK) = try await Self.walk(app, outsiders: ["thachha.noivu", "thachkenh.ld", "quangdien.noivu"], insider: "nghixuan.noivu")
            #expect(checked >= 30)
            #expect(insiderOK >= 10, "cán bộ Phòng Nội vụ Nghi Xuân chỉ đọc được \(insiderOK) địa chỉ về xã Thạch Đài")
        }
    }

    static func walk(_ app: Application, outsiders: [String], insider: String) async throws -> (checked: Int, insiderOK: Int) {
        let target = try await app.unit(code: Self.targetCode)
        let targetID = try target.requireID()
        let sibling = try await app.unit(code: "HT-THA-THACHSON")
        let targetUser = try await app.user("thachdai.cv")
        let thachHaQ1 = try #require(try await PeriodRecord.query(on: app.db).join(RegimeRecord.self, on: \PeriodRecord.$regime.$id == \RegimeRecord.$id)
            .filter(RegimeRecord.self, \.$issuer.$id == (try await app.unit(code: "HT-THA")).id!).filter(\.$kind == "Q1").first())
        let form = try #require(try await FormRecord.query(on: app.db).first())
        // A PAR-index round of the target's district (the demo's are Quảng Điền's, which one outsider runs).
        let framework = try #require(try await ParFrameworkRecord.query(on: app.db).first())
        let round = try await ParService(db: app.db, actor: nil, now: app.clock.now())
            .open(framework, for: try #require(try await Unit.find(target.$parent.id, on: app.db)), dates: DemoParIndex.dates(2020))
        // A calendar feed the target's specialist made: only its maker may revoke it.
        let feed = try await CalendarService(db: app.db, actor: try await Actor.load(targetUser, on: app.db), now: app.clock.now())
            .create(unitID: targetID, base: "")
        let parameters: [String: String] = ["unitID": String(targetID), "userID": String(try targetUser.requireID()),
                                            "periodID": String(try thachHaQ1.requireID()), "formID": String(try form.requireID()),
                                            "year": "2021", "action": "submit", "kind": "Q1", "documentID": "1",
                                            "taskID": "1", "assignmentID": "1", "frameworkID": "1",
                                            "roundID": String(try round.requireID()), "fileID": "1",
                                            "visitID": "1", "findingID": "1", "feedID": String(feed.id)]

        // Outsiders: e.g. another commune of the same district, a sibling district's standing agency,
        // another province's standing agency.
        var pageClients: [String: TestClient] = [:]
        var apiClients: [String: TestClient] = [:]
        for name in outsiders + [insider] {
            pageClients[name] = try await TestClient.session(app, name)
            apiClients[name] = try await TestClient.api(app, name)
        }

        let writeFields: [String: String] = [
            "parentID": String(targetID), "unitID": String(targetID), "code": "SCOPE-PROBE", "name": "Đơn vị thử",
            "kind": "commune", "role": "specialist", "username": "scope.probe", "fullName": "Người Thử",
            "password": "mat-khau-thu-1", "isActive": "on", "mergedOn": "01/07/2025",
        ]
        struct ProbeJSON: Encodable, Sendable {
            var parentID: Int; var unitID: Int; var predecessorIDs: [Int]; var code = "SCOPE-PROBE"; var name = "Đơn vị thử"
            var kind = "commune"; var role = "specialist"; var username = "scope.probe"; var fullName = "Người Thử"
            var password = "mat-khau-thu-1"; var isActive = true; var mergedOn = "2025-07-01"; var isStandingAgency = false
        }
        let probe = ProbeJSON(parentID: targetID, unitID: targetID, predecessorIDs: [targetID, try sibling.requireID()])

        var checked = 0
        var insiderOK = 0
        for route in app.routes.all {
            let description = "\(route.method) /\(route.path.map(\.description).joined(separator: "/"))"
            guard let access = route.access else {
                Issue.record("\(description): chưa khai báo quyền truy cập (.access(...))")
                continue
            }
            if access == .public { continue }
            let isReference = access == .reference
            if access == .own {
                // Acts on the caller's own token or session only: it must not address anyone else's data.
                #expect(!route.path.contains { if case .parameter = $0 { true } else { false } }, "\(description): .own không được có tham số")
                continue
            }
            var path = ""
            var hasParameter = false
            var unknown = false
            for component in route.path {
                switch component {
                case .constant(let text): path += "/" + text
                case .parameter(let name):
                    hasParameter = true
                    guard let value = parameters[name] else {
                        Issue.record("\(description): tham số :\(name) chưa có trong phép thử phạm vi")
                        unknown = true
                        continue
                    }
                    path += "/" + value
                case .anything, .catchall:
                    Issue.record("\(description): đường dẫn đại diện (*) cần được kiểm tra phạm vi riêng")
                    unknown = true
                }
            }
            if unknown { continue }
            if path.isEmpty { path = "/" }
            let isAPI = path.hasPrefix("/api/")
            let isWrite = route.method != .GET

            for outsider in outsiders {
                let client = (isAPI ? apiClients : pageClients)[outsider]!
                let before = try await AuditEvent.query(on: app.db).filter(\.$action !~ ["auth.login", "auth.token"]).count()
                let units = try await Unit.query(on: app.db).count()
                let users = try await User.query(on: app.db).count()
                let res: TestingHTTPResponse
                if isWrite {
                    res = isAPI
                        ? try await client.send(route.method, path, json: probe)
                        : try await client.send(route.method, path, formPairs: writeFields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                                                + [("predecessorIDs[]", String(targetID)), ("predecessorIDs[]", String(try sibling.requireID()))])
                } else {
                    res = try await client.send(route.method, path)
                }
                let after = try await AuditEvent.query(on: app.db).filter(\.$action !~ ["auth.login", "auth.token"]).count()
                #expect(after == before, "\(description) cho \(outsider): đã ghi nhận thay đổi")
                #expect(try await Unit.query(on: app.db).count() == units, "\(description) cho \(outsider): đã thêm đơn vị")
                #expect(try await User.query(on: app.db).count() == users, "\(description) cho \(outsider): đã thêm tài khoản")
                if (hasParameter || isWrite) && !isReference {
                    #expect([.forbidden, .notFound, .unprocessableEntity].contains(res.status),
                            "\(description) cho \(outsider): trả về \(res.status.code)")
                    if hasParameter && !isWrite {
                        #expect([.forbidden, .notFound].contains(res.status), "\(description) cho \(outsider): trả về \(res.status.code)")
                    }
                }
                #expect(!res.text.contains(Self.targetName) && !res.text.contains(Self.targetCode),
                        "\(description) cho \(outsider): lộ dữ liệu của xã Thạch Đài")
                #expect(res.status != .internalServerError)
            }

            // Positive control: the district's standing agency does see Thạch Đài on reads.
            // (Some routes are about jurisdictions only, so a commune is "not found" even for its district.)
            if !isWrite {
                let res = try await (isAPI ? apiClients : pageClients)[insider]!.send(route.method, path)
                // A shared form is read by everybody but edited only by an administrator: its editor refuses the district.
                let allowed: [HTTPStatus] = path.hasPrefix("/forms/") && path.hasSuffix("/edit") ? [.forbidden] : [.ok, .notFound]
                #expect(allowed.contains(res.status), "\(description) cho \(insider): trả về \(res.status.code)")
                if res.status == .ok { insiderOK += 1 }
            }
            checked += 1
        }
        return (checked, insiderOK)
    }
}

