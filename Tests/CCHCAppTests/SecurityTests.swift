import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
import ZIPFoundation
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// The defects a probe of the running system found, each proved fixed (issue 7).
@Suite("An toàn và tin cậy: đầu vào, ghi đồng thời, phiên, CSRF, tệp tải lên")
struct SecurityTests {
    static func reportPath(_ app: Application, _ code: String, api: Bool = true) async throws -> String {
        let unit = try await app.unit(code: code)
        let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
        return (api ? "/api/v1" : "") + "/units/\(unit.id!)/reports/\(q1.id!)"
    }

    // MARK: 1. No input can stop the server

    @Test func anOutOfRangeNumberIsRefusedAndAStoredOneIsShown() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI")
            let cv = try await TestClient.api(app, "thachdai.cv")
            struct Save: Content { var values: [String: String]; var revision: Int }
            for huge in ["100000000000000000000", "-100000000000000000000", "1E+20"] {
                let res = try await cv.send(.PUT, path, json: Save(values: ["1.1.1": huge], revision: 0))
                #expect(res.status == .unprocessableEntity, "\(huge)")
                #expect(res.text.contains("1.1.1"))
            }
            // A JSON number out of range too.
            let number = try await cv.send(.PUT, path, body: ByteBuffer(string: #"{"values":{"1.1.1":1e20},"revision":0}"#),
                                           headers: ["Content-Type": "application/json"])
            #expect(number.status == .unprocessableEntity)
            #expect(number.text.contains("ngoài phạm vi cho phép"))
            // A value stored out of range before the limits existed: the page and the files still render.
            let ok = try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "12"], revision: 0))
            #expect(ok.status == .ok)
            try await ReportValue.query(on: app.db).filter(\.$indicatorCode == "1.1.1").set(\.$number, to: 1e20).update()
            try await ReportValue.query(on: app.db).filter(\.$indicatorCode == "1.1.1").set(\.$number, to: -1e20).update()
            let page = try await TestClient.session(app, "thachdai.cv").get(try await Self.reportPath(app, "HT-THA-THACHDAI", api: false))
            #expect(page.status == .ok)
            #expect(page.text.contains("ngoài phạm vi cho phép"))
            #expect(page.text.contains("value=\"-100000000000000000000\""))
            #expect(try await cv.get(path).status == .ok)
            #expect(try await cv.get(path + "/xlsx").status == .ok)
            #expect(try await cv.get(path + "/docx").status == .ok)
            let officer = try await TestClient.api(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            #expect(try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1").status == .ok)
            #expect(try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1/xlsx").status == .ok)
        }
    }

    @Test func aDeepRuleAndALongSearchAreRefusedCleanly() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.api(app, "thachha.noivu")
            let deep = String(repeating: "(", count: 5_000) + "[A]" + String(repeating: ")", count: 5_000) + " <= 1"
            let form = #"{"code":"SAU","title":"Sâu","year":2021,"indicators":[{"code":"A","name":"A","kind":"count"}],"rules":[{"expr":"\#(deep)","message":"x"}]}"#
            let res = try await officer.send(.POST, "/api/v1/forms", body: ByteBuffer(string: form), headers: ["Content-Type": "application/json"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("vượt giới hạn"))
            let words = Array(repeating: "xã", count: 3_000).joined(separator: " ")
            let search = try await officer.get("/api/v1/units?q=" + SiteURL.query(words))
            #expect(search.status == .ok)
        }
    }

    /// Found by schemathesis: inputs that crashed the server, were ignored, or erased a value.
    @Test func malformedInputIsRefusedNeverIgnored() async throws {
        try await withTestApp(now: march10) { app in
            let cv = try await TestClient.api(app, "quangtho.cv")
            for year in ["-9223372036854775808", "9223372036854775807", "1999"] {
                let body = #"{"issuer":"x","year":\#(year),"periods":[{"kind":"Q1","from":"2021-01-01","to":"2021-03-01","deadline":"2021-03-10"}]}"#
                let res = try await cv.send(.POST, "/api/v1/regimes/check", body: ByteBuffer(string: body), headers: ["Content-Type": "application/json"])
                #expect([.unprocessableEntity, .badRequest].contains(res.status), "\(year)")
            }
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI")
            let specialist = try await TestClient.api(app, "thachdai.cv")
            struct Save: Content { var values: [String: String]; var revision: Int }
            #expect(try await specialist.send(.PUT, path, json: Save(values: ["1.1.1": "12"], revision: 0)).status == .ok)
            // A workflow action with an unreadable body is refused, not run without its revision check.
            let action = try await specialist.send(.POST, path + "/sendToLeader", body: ByteBuffer(string: #"{"revision":"999"}"#),
                                                   headers: ["Content-Type": "application/json"])
            #expect(action.status == .badRequest)
            // An object where a count belongs, or an empty one, never erases the saved figure.
            for value in [#"{"numerator":"abc"}"#, "{}", #"{"numerator":["x"],"denominator":{"a":1}}"#] {
                let res = try await specialist.send(.PUT, path, body: ByteBuffer(string: #"{"values":{"1.1.1":\#(value)},"revision":1}"#),
                                                    headers: ["Content-Type": "application/json"])
                #expect([.badRequest, .unprocessableEntity].contains(res.status), "\(value)")
            }
            let dto = try await specialist.get(path).json(ReportingAPI.ReportDTO.self)
            #expect(dto.values.first { $0.code == "1.1.1" }?.number == 12)
            // A NUL character (PostgreSQL stores none in text) is a clear refusal there, never a 500.
            let doc = #"{"documents":[{"numberSymbol":"1/KH","issuedOn":"05/01/2021","summary":"a\u0000b","issuer":"UBND"}],"revision":1}"#
            let nul = try await specialist.send(.PUT, path, body: ByteBuffer(string: doc), headers: ["Content-Type": "application/json"])
            #expect(TestDatabase.isPostgres ? nul.status == .badRequest : nul.status == .ok, "\(nul.status) \(nul.text.prefix(300))")
            #expect(try await specialist.get("/api/v1/users?q=" + SiteURL.query("l\u{0}x")).status == .ok)
            // A malformed filter is a 400, not the whole log.
            let officer = try await TestClient.api(app, "thachha.noivu")
            for query in ["/api/v1/audit?unitID=abc", "/api/v1/audit?limit=9223372036854775808", "/api/v1/units?includeRetired=maybe",
                          "/api/v1/units/\(try await app.unit(code: "HT-THA").id!)/reports?year=abc"] {
                #expect(try await officer.get(query).status == .badRequest, "\(query)")
            }
        }
    }

    // MARK: 2. Writes that wait instead of failing

    @Test func fiftyConcurrentSavesAndSubmissionsAllSucceed() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let communes = try await Unit.query(on: app.db).filter(\.$parent.$id == thachHa.id!).filter(\.$kind != .office).sort(\.$id).all()
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let h1 = try await app.period(issuer: "HT-THA", kind: "H1")
            let q3 = try await app.period(issuer: "HT-THA", kind: "Q3")
            let year = try await app.period(issuer: "HT-THA", kind: "Y")
            var jobs: [(client: TestClient, path: String, page: Bool, submit: Bool)] = []
            for unit in communes {
                guard let username = try await User.query(on: app.db).filter(\.$unit.$id == unit.id!).filter(\.$role == .leader).first()?.username else { continue }
                let leader = try await TestClient.api(app, username)
                let pageLeader = try await TestClient.session(app, username)
                for period in [q1, h1, q3, year] {
                    let path = "/units/\(unit.id!)/reports/\(period.id!)"
                    let dto = try await leader.get("/api/v1" + path).json(ReportingAPI.ReportDTO.self)
                    guard dto.availableActions.contains("save") else { continue }
                    let viaPage = jobs.count % 2 == 1
                    jobs.append((viaPage ? pageLeader : leader, path, viaPage, jobs.count % 3 == 0))
                }
            }
            #expect(jobs.count >= 50)
            let results = try await withThrowingTaskGroup(of: (String, HTTPStatus, HTTPStatus?).self) { group in
                for (i, job) in jobs.prefix(50).enumerated() {
                    group.addTask {
                        let status: HTTPStatus
                        if job.page {
                            let revision = try await job.client.revision(job.path)
                            status = try await job.client.send(.POST, job.path, formPairs: [
                                ("revision", revision), ("v:1.1.1", "\(20 + i)"), ("narrative:khoKhan", "Ghi đồng thời \(i)"), ("documentsPresent", "1"),
                            ]).status
                        } else {
                            let revision = try await job.client.get("/api/v1" + job.path).json(ReportingAPI.ReportDTO.self).revision
                            struct Save: Content { var values: [String: String]; var narrative: [String: String]; var revision: Int }
                            status = try await job.client.send(.PUT, "/api/v1" + job.path,
                                                               json: Save(values: ["1.1.1": "\(20 + i)"], narrative: ["khoKhan": "Ghi đồng thời \(i)"], revision: revision)).status
                        }
                        var submitted: HTTPStatus?
                        if job.submit {
                            submitted = job.page
                                ? try await job.client.send(.POST, job.path + "/actions/submit", form: ["docNumber": "\(i)/BC-UBND", "docDate": "10/03/2021"]).status
                                : try await job.client.send(.POST, "/api/v1" + job.path + "/submit", json: ["docNumber": "\(i)/BC-UBND", "docDate": "10/03/2021"]).status
                        }
                        return (job.path, status, submitted)
                    }
                }
                var out: [(String, HTTPStatus, HTTPStatus?)] = []
                for try await r in group { out.append(r) }
                return out
            }
            let failed = results.filter { ![.ok, .seeOther].contains($0.1) || ($0.2.map { ![.ok, .seeOther].contains($0) } ?? false) }
            #expect(failed.isEmpty, "\(failed.count) của \(results.count) lần ghi bị lỗi: \(failed.prefix(5))")
            // Every acknowledged save is there, whole.
            let saved = try await Report.query(on: app.db).filter(\.$unitPath, .custom("LIKE"), thachHa.unitPath.subtreePattern)
                .filter(\.$updatedBy != nil).count()
            #expect(saved >= results.count)
        }
    }

    // MARK: 3. No lost update

    @Test func aSaveFromAStalePageIsRefusedAndShowsBothVersions() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI", api: false)
            let cv = try await TestClient.session(app, "thachdai.cv")
            let ld = try await TestClient.session(app, "thachdai.ld")
            // The leader opens the page first.
            let leaderRevision = try await ld.revision(path)
            // The specialist saves 1.1.1 and the narrative.
            let first = try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), ("v:1.1.1", "20"),
                                                                   ("narrative:khoKhan", "Thiếu cán bộ"), ("documentsPresent", "1")])
            #expect(first.status == .seeOther)
            // The leader saves 1.1.2 from the page opened earlier: refused, nothing overwritten, typing kept.
            let stale = try await ld.send(.POST, path, formPairs: [("revision", leaderRevision), ("v:1.1.2", "18"), ("documentsPresent", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Chưa lưu: có người đã lưu báo cáo này sau khi bạn mở trang."))
            #expect(stale.text.contains("thachdai.cv"))
            #expect(stale.text.contains("value=\"18\""))
            #expect(stale.text.contains("Thiếu cán bộ"))
            // Boxes the leader left empty carry the saved version: saving again does not erase the specialist's work.
            #expect(stale.text.contains("name=\"v:1.1.1\" value=\"20\""))
            #expect(stale.text.contains("(để trống — giữ bản đã lưu)"))
            let report = try #require(try await Report.query(on: app.db).filter(\.$updatedBy == "thachdai.cv").first())
            let values = try await ReportService.values(of: report, on: app.db)
            #expect(values["1.1.1"]?.number == 20 && values["1.1.2"] == nil)
            #expect(report.narrative["khoKhan"] == "Thiếu cán bộ")
            // Merged and saved again from the page that showed the conflict: both changes are kept.
            let merged = try await ld.send(.POST, path, formPairs: [("revision", try #require(TestClient.hidden("revision", in: stale.text))),
                                                                    ("v:1.1.1", "20"), ("v:1.1.2", "18"), ("narrative:khoKhan", "Thiếu cán bộ"),
                                                                    ("documentsPresent", "1")])
            #expect(merged.status == .seeOther)
            let after = try await ReportService.values(of: report, on: app.db)
            #expect(after["1.1.1"]?.number == 20 && after["1.1.2"]?.number == 18)
            // The log holds before and after of each figure.
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == "report.save").sort(\.$id).all()
            #expect(events.last?.detail?.contains("\"v.1.1.2\":\"(trống) → 18\"") == true)
        }
    }

    @Test func twoConcurrentJSONSavesNeverLoseAnAcknowledgedOne() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHKENH")
            let a = try await TestClient.api(app, "thachkenh.cv")
            let b = try await TestClient.api(app, "thachkenh.ld")
            struct Save: Content { var values: [String: String]; var revision: Int }
            for round in 0..<10 {
                let revision = try await a.get(path).json(ReportingAPI.ReportDTO.self).revision
                async let x = a.send(.PUT, path, json: Save(values: ["1.1.1": "\(100 + round)"], revision: revision))
                async let y = b.send(.PUT, path, json: Save(values: ["1.1.2": "\(200 + round)"], revision: revision))
                let (rx, ry) = try await (x, y)
                #expect([rx.status, ry.status].contains(.ok))
                let dto = try await a.get(path).json(ReportingAPI.ReportDTO.self)
                let v = Dictionary(uniqueKeysWithValues: dto.values.map { ($0.code, $0.number) })
                if rx.status == .ok { #expect(v["1.1.1"] == Double(100 + round)) } else { #expect(rx.status == .conflict) }
                if ry.status == .ok { #expect(v["1.1.2"] == Double(200 + round)) } else { #expect(ry.status == .conflict) }
            }
        }
    }

    @Test func unitsAccountsRegimesAndFormsRefuseStaleWrites() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.session(app, "thachha.noivu")
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let edit = try await officer.get("/units/\(thachDai.id!)/edit")
            let revision = try #require(TestClient.hidden("revision", in: edit.text))
            let fields = ["name": thachDai.name, "code": thachDai.code, "kind": "commune", "parentID": String(thachDai.$parent.id!)]
            #expect(try await officer.send(.POST, "/units/\(thachDai.id!)", form: fields.merging(["revision": revision]) { $1 }).status == .seeOther)
            let stale = try await officer.send(.POST, "/units/\(thachDai.id!)", form: fields.merging(["revision": revision, "name": "Xã Đổi Tên"]) { $1 })
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("value=\"Xã Đổi Tên\""))
            #expect(try await app.unit(code: "HT-THA-THACHDAI").name == "Xã Thạch Đài")

            let user = try await app.user("thachdai.cv")
            let userFields = ["fullName": "Tên mới", "unitID": String(thachDai.id!), "role": "specialist", "isActive": "on", "revision": "99"]
            #expect(try await officer.send(.POST, "/users/\(user.id!)", form: userFields).status == .conflict)

            let api = try await TestClient.api(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let regime = try await api.get("/api/v1/units/\(thachHa.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            let input = ReportingAPI.RegimeInput(regime: regime.regime, formID: regime.formID, document: regime.document, revision: regime.revision + 5)
            #expect(try await api.send(.PUT, "/api/v1/units/\(thachHa.id!)/regimes/2021", json: input).status == .conflict)
        }
    }

    @Test func aSignOffDateOutsideAnyPlausibleYearIsRefused() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI")
            let ld = try await TestClient.api(app, "thachdai.ld")
            let res = try await ld.send(.POST, path + "/submit", json: ["docNumber": "1/BC-UBND", "docDate": "01/01/0000"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Ngày văn bản"))
        }
    }

    @Test func anOfficesStalePartIsRefusedWhileAnotherOfficeSaves() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/units/\(thachHa.id!)/reports/\(q1.id!)"
            let tp = try await TestClient.session(app, "thachha.tp.cv")
            let vp = try await TestClient.session(app, "thachha.vp.cv")
            let opened = try await tp.revision(path, field: "officeRevision")
            // Another office saving its own part does not make this one stale.
            #expect(try await vp.send(.POST, path, formPairs: [("officeRevision", try await vp.revision(path, field: "officeRevision")),
                                                               ("topicReport", "Văn phòng: một cửa.")]).status == .seeOther)
            #expect(try await tp.send(.POST, path, formPairs: [("officeRevision", opened), ("topicReport", "Tư pháp: lần 1.")]).status == .seeOther)
            // Its own part saved meanwhile does.
            let stale = try await tp.send(.POST, path, formPairs: [("officeRevision", opened), ("topicReport", "Tư pháp: lần 2 từ trang cũ.")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Tư pháp: lần 2 từ trang cũ."))
            let part = try #require(try await OfficeContribution.query(on: app.db).filter(\.$topicReport == "Tư pháp: lần 1.").first())
            #expect(part.revision == 1)
        }
    }

    // MARK: 4. Request sizes that fit real work

    @Test func aLongNarrativeAndTheBuiltInFormFitAndTooLargeIsVietnamese() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI", api: false)
            let cv = try await TestClient.session(app, "thachdai.cv")
            let long = String(repeating: "Cải cách hành chính được đẩy mạnh. ", count: 240) // ~8.000 Vietnamese characters
            let saved = try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), ("narrative:toChuc", long), ("documentsPresent", "1")])
            #expect(saved.status == .seeOther)
            let admin = try await TestClient.api(app, "admin")
            let record = try #require(try await FormService.find(code: "CCHC-TK-2021", year: 2021, on: app.db))
            let exported = try await admin.get("/api/v1/forms/\(record.id!)")
            #expect(exported.body.readableBytes > 16_384)
            let back = try await admin.send(.POST, "/api/v1/forms", body: exported.body, headers: ["Content-Type": "application/json"])
            #expect(back.status == .ok)
            // Over the limit, through a real HTTP server (the in-memory tester does not stream bodies).
            let token = try #require(try await TestClient.api(app, "thachdai.cv").token)
            let huge = ByteBuffer(string: "{\"values\":{\"6.1\":\"" + String(repeating: "a", count: 5_000_000) + "\"},\"revision\":0}")
            try await app.testing(method: .running(port: Int.random(in: 20_000...29_999))).test(.PUT, "/api/v1" + path, beforeRequest: { req in
                req.headers.bearerAuthorization = .init(token: token)
                req.headers.contentType = .json
                req.body = huge
            }, afterResponse: { res in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("quá lớn"))
            })
        }
    }

    // MARK: 5. Forms belong to their issuer

    @Test func aDistrictCannotRewriteAnotherIssuersForm() async throws {
        try await withTestApp { app in
            let nghiXuan = try await TestClient.api(app, "nghixuan.noivu")
            let three = #"{"code":"CCHC-TK-2021","title":"Ba dòng","year":2021,"indicators":[{"code":"1","name":"Một","kind":"count"},{"code":"2","name":"Hai","kind":"count"},{"code":"3","name":"Ba","kind":"count"}],"rules":[]}"#
            let res = try await nghiXuan.send(.POST, "/api/v1/forms", body: ByteBuffer(string: three), headers: ["Content-Type": "application/json"])
            #expect(res.status == .forbidden)
            #expect(res.text.contains("chỉ quản trị viên được sửa"))
            let record = try #require(try await FormService.find(code: "CCHC-TK-2021", year: 2021, on: app.db))
            #expect(try record.definition().indicators.count > 100)
            // Its own form: owned by Nghi Xuân, audited under it, changeable only by it.
            let own = #"{"code":"NX-TK","title":"Biểu riêng","year":2021,"indicators":[{"code":"1","name":"Một","kind":"count"}],"rules":[]}"#
            let created = try await nghiXuan.send(.POST, "/api/v1/forms", body: ByteBuffer(string: own), headers: ["Content-Type": "application/json"])
            #expect(created.status == .created)
            let nx = try await app.unit(code: "HT-NXU")
            let summary = try created.json(ReportingAPI.FormSummary.self)
            #expect(summary.ownerID == nx.id)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "form.import").filter(\.$entityID == summary.id).first())
            #expect(event.unitID == nx.id)
            let thachHa = try await TestClient.api(app, "thachha.noivu")
            #expect(try await thachHa.send(.POST, "/api/v1/forms", body: ByteBuffer(string: own), headers: ["Content-Type": "application/json"]).status == .forbidden)
            // A revision keeps the definition it replaced.
            let revised = own.replacingOccurrences(of: "Biểu riêng", with: "Biểu riêng (sửa)")
            #expect(try await nghiXuan.send(.POST, "/api/v1/forms?revision=0", body: ByteBuffer(string: revised), headers: ["Content-Type": "application/json"]).status == .ok)
            #expect(try await nghiXuan.send(.POST, "/api/v1/forms?revision=0", body: ByteBuffer(string: revised), headers: ["Content-Type": "application/json"]).status == .conflict)
            #expect(try await FormRevision.query(on: app.db).filter(\.$form.$id == summary.id).count() == 1)
        }
    }

    @Test func aFormInUseKeepsEveryIndicatorItsReportsHold() async throws {
        try await withTestApp(now: march10) { app in
            let admin = try await TestClient.api(app, "admin")
            let record = try #require(try await FormService.find(code: "CCHC-TK-2021", year: 2021, on: app.db))
            var form = try record.definition()
            form.indicators.removeAll { $0.code == "1.1.1" }
            let res = try await admin.send(.POST, "/api/v1/forms", body: ByteBuffer(data: try JSONEncoder().encode(form)), headers: ["Content-Type": "application/json"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("1.1.1"))
        }
    }

    // MARK: 6. Paths stay true

    @Test func movingAUnitMovesItsReportsAndLogWithIt() async throws {
        try await withTestApp(now: march10) { app in
            let dinhBan = try await app.unit(code: "HT-THA-DINHBAN")
            let thachHa = try await app.unit(code: "HT-THA")
            let nghiXuan = try await app.unit(code: "HT-NXU")
            let admin = try await TestClient.api(app, "admin")
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == dinhBan.id!).count() > 0)
            struct Input: Content { var code: String; var name: String; var kind: String; var parentID: Int }
            let moved = try await admin.send(.PUT, "/api/v1/units/\(dinhBan.id!)", json: Input(code: dinhBan.code, name: dinhBan.name, kind: "commune", parentID: nghiXuan.id!))
            #expect(moved.status == .ok)
            let newPath = try await app.unit(code: "HT-THA-DINHBAN").path
            let reports = try await Report.query(on: app.db).filter(\.$unit.$id == dinhBan.id!).all()
            #expect(!reports.isEmpty && reports.allSatisfy { $0.unitPath == newPath })
            let events = try await AuditEvent.query(on: app.db).filter(\.$unitID == dinhBan.id!).all()
            #expect(!events.isEmpty && events.allSatisfy { $0.unitPath == newPath })
            // The old district sees nothing of it any more — figures, files, log; the new one does.
            let officer = try await TestClient.api(app, "thachha.noivu")
            let consolidated = try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1").text
            #expect(!consolidated.contains("Đỉnh Bàn"))
            let sheets = try XLSXReader.read(Data(buffer: try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1/xlsx").body))
            #expect(!sheets[1].cells.values.contains("Xã Đỉnh Bàn"))
            let log = try await officer.get("/api/v1/audit?limit=1000").text
            #expect(!log.contains("Đỉnh Bàn"))
            let drill = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/consolidation/2021/Q1?code=1.1.1")
            #expect(drill.status == .ok && !drill.text.contains("Đỉnh Bàn"))
            let newOfficer = try await TestClient.api(app, "nghixuan.noivu")
            #expect(try await newOfficer.get("/api/v1/audit?limit=1000").text.contains("Đỉnh Bàn"))
            #expect(try await newOfficer.get("/api/v1/units/\(dinhBan.id!)/reports?year=2021").status == .ok)
            #expect(try await officer.get("/api/v1/units/\(dinhBan.id!)/reports?year=2021").status == .notFound)
        }
    }

    @Test func anOfficesStaffGetNoConsolidatedFiguresThroughTheDocument() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let tp = try await TestClient.api(app, "thachha.tp.cv")
            #expect(try await tp.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1").status != .ok)
            let officer = try await TestClient.api(app, "thachha.noivu")
            let consolidated = try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1").json(ConsolidatedReport.self)
            let total = try #require(consolidated.figures.first { $0.code == "1.1.1" }?.display)
            func documentText(_ client: TestClient) async throws -> String {
                let data = Data(buffer: try await client.get("/api/v1/units/\(thachHa.id!)/reports/\(q1.id!)/docx").body)
                let archive = try Archive(data: data, accessMode: .read)
                var xml = Data()
                _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
                return String(decoding: xml, as: UTF8.self)
            }
            #expect(try await documentText(officer).contains(total))
            #expect(!(try await documentText(tp).contains(">\(total)<")))
            // They open their jurisdiction's list of reports, as they open its reports (same scope rule).
            #expect(try await tp.get("/api/v1/units/\(thachHa.id!)/reports?year=2021").status == .ok)
            #expect(try await TestClient.session(app, "thachha.tp.cv").get("/units/\(thachHa.id!)/reports").status == .ok)
        }
    }

    // MARK: 7. Sessions and login

    @Test func nextOnlyLeadsToThisSite() {
        for bad in ["//evil.example", "/\t/evil.example", "\t//evil.example", "/%0d%0aSet-Cookie:%20x=1", "/a\r\nSet-Cookie: x=1",
                    "https://evil.example", "/\\evil.example", "/%2F%2Fevil.example".replacingOccurrences(of: "/%2F", with: "%2F"), " /x"] {
            #expect(SiteURL.safeNext(bad) == SiteURL.home.path, "\(bad.debugDescription)")
        }
        #expect(SiteURL.safeNext("/units/5/reports?year=2021") == "/units/5/reports?year=2021")
    }

    @Test func sessionsAreMadeAtSignInRenewedAndEnded() async throws {
        try await withTestApp(now: march10) { app in
            let clock = app.clock as! FixedClock
            // Anonymous visits write no session row.
            for path in ["/login", "/", "/units", "/assets/app.css"] { _ = try await TestClient(app).get(path) }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            // A planted session id is not kept at sign-in.
            let planted = "cchc-session=planted-id-0123456789"
            let page = try await app.testing().sendRequest(.GET, "/login", headers: ["Cookie": planted])
            let token = try #require(TestClient.hidden(CSRF.field, in: page.text))
            var client = TestClient(app)
            client.cookie = planted + "; \(CSRF.loginCookie)=\(token)"
            let signedIn = try await client.send(.POST, "/login", form: ["username": "thachdai.cv", "password": DemoLoader.password, CSRF.field: token])
            #expect(signedIn.status == .seeOther)
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("cchc-session=") })
            #expect(!cookie.contains("planted-id"))
            // A password change ends the other sessions.
            let a = try await TestClient.session(app, "thachdai.cv")
            let b = try await TestClient.session(app, "thachdai.cv")
            #expect(try await a.get("/").status == .ok)
            let officer = try await TestClient.api(app, "thachha.noivu")
            let user = try await app.user("thachdai.cv")
            let change = AccountService.UpdateInput(fullName: user.fullName, unitID: user.$unit.id, role: "specialist", isActive: true, password: "mat-khau-moi-2021")
            #expect(try await officer.send(.PUT, "/api/v1/users/\(user.id!)", json: change).status == .ok)
            #expect(try await a.get("/").status == .seeOther)
            #expect(try await b.get("/units").status == .seeOther)
            // Sessions expire on the server.
            let c = try await TestClient.session(app, "thachkenh.cv")
            #expect(try await c.get("/").status == .ok)
            clock.advance(by: SessionRules.absolute + 60)
            #expect(try await c.get("/").status == .seeOther)
            // Logout is audited.
            let d = try await TestClient.session(app, "thachkenh.cv")
            #expect(try await d.send(.POST, "/logout").status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.logout").count() == 1)
        }
    }

    @Test func repeatedWrongPasswordsSlowThenLockTheAccount() async throws {
        try await withTestApp(now: march10) { app in
            let clock = app.clock as! FixedClock
            for _ in 0..<5 {
                let wrong = try await TestClient.login(app, "quangtho.cv", password: "sai-mat-khau")
                #expect([.unauthorized, .tooManyRequests].contains(wrong.status))
            }
            // 50 wrong passwords, then the right one, no longer succeeds at once.
            let right = try await TestClient.login(app, "quangtho.cv", password: DemoLoader.password)
            #expect(right.status == .tooManyRequests)
            #expect(Int(right.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            let api = try await TestClient(app).send(.POST, "/api/v1/auth/token", json: ["username": "quangtho.cv", "password": DemoLoader.password])
            #expect(api.status == .tooManyRequests)
            #expect(api.headers.first(name: .retryAfter) != nil)
            // After the wait it works; the failures were logged.
            clock.advance(by: 3600)
            #expect(try await TestClient.login(app, "quangtho.cv", password: DemoLoader.password).status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.failed").count() >= 5)
            // Twenty failures lock the account until an administrator or the standing agency lifts it.
            var attempts = 0
            while attempts < LoginPolicy.accountLockFailures {
                let res = try await TestClient.login(app, "quangtho.cv", password: "sai-mat-khau")
                if res.status != .tooManyRequests { attempts += 1 }
                clock.advance(by: Double(res.headers.first(name: .retryAfter).flatMap { Int($0) } ?? 0) + 1)
                if res.status == .forbidden { break }
            }
            clock.advance(by: LoginPolicy.maxDelay + 1)
            let locked = try await TestClient.login(app, "quangtho.cv", password: DemoLoader.password)
            #expect(locked.status == .forbidden)
            #expect(locked.text.contains("Tài khoản đã bị khóa"))
            let user = try await app.user("quangtho.cv")
            let hue = try await TestClient.api(app, "quangdien.noivu")
            #expect(try await hue.send(.POST, "/api/v1/users/\(user.id!)/unlock").status == .ok)
            #expect(try await TestClient.login(app, "quangtho.cv", password: DemoLoader.password).status == .seeOther)
            // Revoking a token is logged too.
            let revoking = try await TestClient.api(app, "quangtho.cv")
            #expect(try await revoking.send(.DELETE, "/api/v1/auth/token").status == .noContent)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.revoke").count() == 1)
            // An unknown account costs the same Bcrypt work as a wrong password.
            _ = try await TestClient.login(app, "khong.ton.tai", password: "sai-mat-khau")
            #expect(app.storage[LoginPolicy.DummyHashKey.self] != nil)
        }
    }

    @Test func thePasswordPolicyNamesWhatIsWrong() {
        #expect(Passwords.validate("ngan")?.message == "Mật khẩu: cần ít nhất 10 ký tự.")
        #expect(Passwords.validate("1234567890")?.message == "Mật khẩu: không được chỉ gồm chữ số.")
        #expect(Passwords.validate("aaaaaaaaaaaa")?.message == "Mật khẩu: quá đơn giản (lặp lại ít ký tự).")
        #expect(Passwords.validate("MatKhau@123")?.message == "Mật khẩu: quá phổ biến, dễ đoán.")
        #expect(Passwords.validate("thachdai.cv-2021", username: "thachdai.cv")?.message == "Mật khẩu: không được chứa tên đăng nhập.")
        #expect(Passwords.validate("mây-trắng-bay-2021") == nil)
    }

    // MARK: 8. CSRF and headers

    @Test func aCrossSiteFormPostChangesNothing() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI", api: false)
            let cv = try await TestClient.session(app, "thachdai.cv")
            let revision = try await cv.revision(path)
            let officer = try await TestClient.session(app, "thachha.noivu")
            let before = try await app.auditCount()
            let evil = try await cv.send(.POST, path, formPairs: [("revision", revision), ("v:1.1.1", "99"), ("documentsPresent", "1")],
                                         headers: ["Origin": "http://evil.example", "Host": "127.0.0.1:8080"])
            #expect(evil.status == .forbidden)
            var noToken = cv
            noToken.csrf = "sai"
            #expect(try await noToken.send(.POST, path, formPairs: [("revision", revision), ("v:1.1.1", "99")]).status == .forbidden)
            let user = try await app.user("thachdai.ld")
            let reset = try await officer.send(.POST, "/users/\(user.id!)", form: ["fullName": "X", "unitID": String(user.$unit.id), "role": "leader",
                                                                                    "isActive": "on", "password": "mat-khau-cua-ke-gian"],
                                               headers: ["Origin": "http://evil.example", "Host": "127.0.0.1:8080"])
            #expect(reset.status == .forbidden)
            #expect(try await app.auditCount() == before)
            // The same origin passes.
            let same = try await cv.send(.POST, path, formPairs: [("revision", revision), ("v:1.1.1", "21"), ("documentsPresent", "1")],
                                         headers: ["Origin": "http://127.0.0.1:8080", "Host": "127.0.0.1:8080"])
            #expect(same.status == .seeOther)
            // Login CSRF: a login form posted without the cookie's token is refused.
            let forged = try await TestClient(app).send(.POST, "/login", form: ["username": "thachdai.cv", "password": DemoLoader.password])
            #expect(forged.status == .forbidden)
        }
    }

    @Test func everyRouteSendsTheSecurityHeaders() async throws {
        try await withTestApp(now: march10) { app in
            let officer = try await TestClient.session(app, "thachha.noivu")
            let api = try await TestClient.api(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            var checked = 0
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .constant(let c): return c
                    case .parameter("unitID"): return String(thachHa.id!)
                    case .parameter("periodID"): return String(q1.id!)
                    case .parameter("year"): return "2021"
                    case .parameter("kind"): return "Q1"
                    case .parameter: return "1"
                    default: return "x"
                    }
                }.joined(separator: "/")
                let client = path.hasPrefix("/api/") ? api : officer
                let res = try await client.send(route.method, path)
                let h = res.headers
                #expect(h.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(route.method) \(path)")
                #expect(h.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(h.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(h.first(name: "Referrer-Policy") == "same-origin")
                if !path.hasPrefix("/assets/") { #expect(h.first(name: .cacheControl) == "no-store", "\(path)") }
                checked += 1
            }
            #expect(checked > 50)
            // No page carries an inline script.
            for page in ["/", "/units", "/units/\(thachHa.id!)/reports/\(q1.id!)", "/login"] {
                let html = try await officer.get(page).text
                #expect(!html.contains("<script>") && !html.contains(" onclick="))
            }
        }
    }

    // MARK: 9. Uploads

    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    @Test func hostileWorkbooksAreRefusedWithoutBeingInflated() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI") + "/xlsx"
            let cv = try await TestClient.api(app, "thachdai.cv")
            let form = try FormCodec.decodeChecked(Data(BuiltInForms.seed002.utf8))
            let valid = try ExcelWordTests.sheet(form, set: ["1.1.1": [.integer(12)]])
            // (a) The workbook's own parts plus large extra parts: they are never inflated.
            let source = try Archive(data: valid, accessMode: .read)
            var entries: [(String, Data)] = []
            for entry in source {
                var d = Data()
                _ = try source.extract(entry) { d.append($0) }
                entries.append((entry.path, d))
            }
            let padding = Data(count: 40 * 1024 * 1024)
            let padded = try Self.zip(entries + [("customXml/item1.xml", padding), ("customXml/item2.xml", padding)])
            #expect(padded.count < 1_000_000)
            // (How long a refusal takes is for the benchmarks, not a timed assertion here.)
            let res = try await ExcelWordTests.upload(app, cv, path, padded)
            #expect(res.status == .ok)
            // (b) A cell at A10000000: refused before its rows are walked.
            let far = try Self.zip(entries.map { name, data in
                guard name == "xl/worksheets/sheet1.xml" else { return (name, data) }
                let xml = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</sheetData>", with: "<row r=\"10000000\"><c r=\"A10000000\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")
                return (name, Data(xml.utf8))
            })
            let res2 = try await ExcelWordTests.upload(app, cv, path, far)
            #expect(res2.status == .unprocessableEntity)
            #expect(res2.text.contains("quá lớn"))
            // (c) A sheet that inflates beyond the limit.
            let bomb = try Self.zip(entries.map { name, data in name == "xl/worksheets/sheet1.xml" ? (name, Data(count: 40 * 1024 * 1024)) : (name, data) })
            #expect(try await ExcelWordTests.upload(app, cv, path, bomb).status == .unprocessableEntity)
            // (d) Not a workbook at all, whatever the name.
            #expect(try await ExcelWordTests.upload(app, cv, path, Data("<html>".utf8)).status == .unprocessableEntity)
        }
    }

    // MARK: 10. Exports that cannot carry formulas

    @Test func exportsWriteFormulaLikeTextAsText() async throws {
        try await withTestApp(now: march10) { app in
            try await Unit.query(on: app.db).filter(\.$code == "HT-THA-THACHDAI").set(\.$name, to: "=HYPERLINK(\"http://evil.example\")").update()
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.session(app, "thachha.noivu")
            let csv = try await officer.get("/units/\(thachHa.id!)/timeliness.csv?year=2021").text
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""))
            #expect(!csv.contains(",\"=HYPERLINK"))
            #expect(CSV.text("+1") == "\"'+1\"" && CSV.text("-x") == "\"'-x\"" && CSV.text("@SUM(A1)") == "\"'@SUM(A1)\"" && CSV.text("Xã") == "\"Xã\"")
            let xlsx = Data(buffer: try await officer.get("/units/\(thachHa.id!)/consolidation/2021/Q1/export.xlsx").body)
            let archive = try Archive(data: xlsx, accessMode: .read)
            for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
                var xml = Data()
                _ = try archive.extract(entry) { xml.append($0) }
                #expect(!String(decoding: xml, as: UTF8.self).contains("<f>"), "\(entry.path) không được chứa công thức")
            }
        }
    }

    // MARK: 13. Audit you can read back

    @Test func theLogIsAppendOnlyFilterableAndHoldsBeforeAndAfter() async throws {
        try await withTestApp(now: march10) { app in
            let path = try await Self.reportPath(app, "HT-THA-THACHDAI")
            let cv = try await TestClient.api(app, "thachdai.cv")
            struct Save: Content { var values: [String: String]; var revision: Int }
            #expect(try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "12"], revision: 0)).status == .ok)
            #expect(try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "15"], revision: 1)).status == .ok)
            let officer = try await TestClient.api(app, "thachha.noivu")
            let events = try await officer.get("/api/v1/audit?user=thachdai.cv&action=report.save").json([AuditEventDTO].self)
            #expect(events.count == 2)
            #expect(events.first?.changes["v.1.1.1"] == "12 → 15")
            #expect(events.last?.changes["v.1.1.1"] == "(trống) → 12")
            let page = try await TestClient.session(app, "thachha.noivu").get("/audit?user=thachdai.cv&action=report.save&from=10/03/2021&to=10/03/2021")
            #expect(page.text.contains("12 → 15"))
            #expect(try await officer.get("/api/v1/audit?user=thachdai.cv&from=11/03/2021").json([AuditEventDTO].self).isEmpty)
            // Another commune's officer sees none of it.
            let other = try await TestClient.api(app, "quangdien.noivu")
            #expect(try await other.get("/api/v1/audit?user=thachdai.cv").json([AuditEventDTO].self).isEmpty)
            // Rows cannot be deleted or rewritten, even by the database's own users.
            await #expect(throws: (any Error).self) { try await AuditEvent.query(on: app.db).delete() }
            await #expect(throws: (any Error).self) { try await AuditEvent.query(on: app.db).set(\.$summary, to: "sửa").update() }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$summary == "sửa").count() == 0)
        }
    }
}
