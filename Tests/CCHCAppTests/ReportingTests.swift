import Foundation
import Fluent
import Testing
import VaporTesting
import ZIPFoundation
@testable import CCHCApp
@testable import CCHCDomain

/// 2021-03-10 09:00 in Vietnam: Q1 2021 of Thạch Hà is due 13/03/2021.
let march10 = Day(2021, 3, 10)!.startInVietnam.addingTimeInterval(9 * 3600)

extension Application {
    func period(issuer: String, kind: String, year: Int = 2021) async throws -> PeriodRecord {
        let unit = try await self.unit(code: issuer)
        let regime = try #require(try await RegimeRecord.query(on: db).filter(\.$issuer.$id == unit.id!).filter(\.$year == year).first())
        return try #require(try await PeriodRecord.query(on: db).filter(\.$regime.$id == regime.id!).filter(\.$kind == kind).first())
    }
}

@Suite("Báo cáo định kỳ: lập, ký, gửi, trả lại, tiếp nhận")
struct ReportingJourneyTests {
    @Test func thachDaiJourneyOverThePages() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/units/\(thachDai.id!)/reports/\(q1.id!)"
            let cv = try await TestClient.session(app, "thachdai.cv")
            let ld = try await TestClient.session(app, "thachdai.ld")
            let officer = try await TestClient.session(app, "thachha.noivu")

            // The specialist opens the empty report: the form by section, narrative, Phụ lục 3A.
            let empty = try await cv.get(path)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Báo cáo Quý I/2021 — Xã Thạch Đài"))
            #expect(empty.text.contains("15/12/2020 – 10/03/2021"))
            #expect(empty.text.contains("name=\"v:1.1.1\""))
            #expect(empty.text.contains("name=\"n:3.4.2\""))
            #expect(empty.text.contains("Phụ lục 3A"))
            #expect(empty.text.contains("Sắp đến hạn (còn 3 ngày)"))

            // A save with a wrong type is refused whole, and keeps everything typed.
            let bad = try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), ("v:1.1.1", "20"), ("v:1.1.2", "mười"), ("narrative:khoKhan", "Thiếu máy tính"), ("documentsPresent", "1")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Dòng 1.1.2 (Số nhiệm vụ đã hoàn thành): giá trị “mười” không phải là số."))
            // Each message leads to its row (a long form on a phone).
            #expect(bad.text.contains("<li><a href=\"#i-1.1.2\">Dòng 1.1.2"))
            #expect(bad.text.contains("value=\"mười\""))
            #expect(bad.text.contains("Thiếu máy tính"))
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).count() == 0)

            // A good save, with a consistency warning (completed > planned).
            let saved = try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), 
                ("v:1.1.1", "20"), ("v:1.1.2", "25"), ("n:3.4.2", "45"), ("d:3.4.2", "50"), ("v:1.4.2", "2"),
                ("narrative:toChuc", "Đã ban hành kế hoạch."), ("documentsPresent", "1"),
                ("docNumber", "05/KH-UBND"), ("docDate", "20/01/2021"), ("docSummary", "Kế hoạch CCHC năm 2021"), ("docIssuer", "UBND xã Thạch Đài"),
            ])
            #expect(saved.status == .seeOther)
            let page = try await cv.get(path)
            #expect(page.text.contains("Cảnh báo số liệu"))
            #expect(page.text.contains("(1.1.2 = 25, 1.1.1 = 20)"))
            #expect(page.text.contains("05/KH-UBND"))

            // The specialist cannot submit; sends to the leader instead.
            let refused = try await cv.send(.POST, path + "/actions/submit", form: ["docNumber": "12/BC-UBND", "docDate": "12/03/2021"])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Chỉ lãnh đạo đơn vị mới được ký và gửi báo cáo"))
            #expect(try await cv.send(.POST, path + "/actions/sendToLeader").status == .seeOther)

            // The leader submits under a document number and date.
            let noNumber = try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "", "docDate": "12/03/2021"])
            #expect(noNumber.status == .unprocessableEntity)
            #expect(noNumber.text.contains("Số, ký hiệu văn bản: cần ghi"))
            // Headed for the step that stopped, and the saved Phụ lục 3A still in its boxes (the action form's "docNumber"
            // is the signed document's, not a 3A row: a save from this page must not erase the list).
            #expect(noNumber.text.contains("Chưa ký và gửi được"))
            #expect(!noNumber.text.contains("Chưa lưu được"))
            #expect(noNumber.text.contains("value=\"05/KH-UBND\""))
            let noDate = try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "12/BC-UBND", "docDate": "31/02/2021"])
            #expect(noDate.text.contains("Ngày văn bản: “31/02/2021”: tháng 2/2021 không có ngày 31."))
            #expect(try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "12/BC-UBND", "docDate": "12/03/2021"]).status == .seeOther)
            // A submitted report is not editable: the page says it is locked, why and what to do — not "no access".
            let locked = try await cv.send(.POST, path, formPairs: [("v:1.1.1", "21")])
            #expect(locked.status == .forbidden)
            #expect(locked.text.contains("Báo cáo đã khóa"))
            #expect(locked.text.contains("đề nghị UBND Huyện Thạch Hà"))
            #expect(!locked.text.contains("Không có quyền truy cập"))

            // The standing agency returns it with a comment.
            let noComment = try await officer.send(.POST, path + "/actions/return", form: ["comment": " "])
            #expect(noComment.status == .conflict)
            // On the report page itself, under the comment box, headed for the step.
            #expect(noComment.text.contains("Chưa trả lại được"))
            #expect(noComment.text.contains("<textarea id=\"comment-return\" name=\"comment\""))
            #expect(noComment.text.contains("Ý kiến trả lại: cần ghi rõ nội dung cần sửa"))
            #expect(try await officer.send(.POST, path + "/actions/return", form: ["comment": "Dòng 1.1.2 lớn hơn 1.1.1, đề nghị sửa."]).status == .seeOther)
            let returned = try await cv.get(path)
            #expect(returned.text.contains("Ý kiến trả lại:"))
            #expect(returned.text.contains("Dòng 1.1.2 lớn hơn 1.1.1, đề nghị sửa."))

            // Fixed, resubmitted, accepted.
            #expect(try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), ("v:1.1.1", "20"), ("v:1.1.2", "18"), ("n:3.4.2", "45"), ("d:3.4.2", "50")]).status == .seeOther)
            #expect(try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "13/BC-UBND", "docDate": "13/03/2021"]).status == .seeOther)
            #expect(try await officer.send(.POST, path + "/actions/accept").status == .seeOther)

            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).first())
            #expect(report.state == .accepted)
            #expect(report.docNumber == "13/BC-UBND")
            #expect(report.firstSubmittedAt == march10)
            // Accepted reports are locked; the workbook is offered to read, not to fill, and its upload refused.
            #expect(try await cv.send(.POST, path, formPairs: [("v:1.1.1", "21")]).status == .forbidden)
            let acceptedPage = try await cv.get(path)
            #expect(acceptedPage.text.contains("Tải số liệu Excel (.xlsx)"))
            #expect(!acceptedPage.text.contains("để điền"))
            #expect(!acceptedPage.text.contains("Nhận số liệu từ Excel"))

            // The audit log shows every step, and the page its history.
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entity == "report").filter(\.$entityID == report.id!).sort(\.$id).all().map(\.action)
            #expect(actions == ["report.save", "report.sendToLeader", "report.submit", "report.return", "report.save", "report.submit", "report.accept"])
            let final = try await officer.get(path)
            #expect(final.text.contains("Đã tiếp nhận"))
            #expect(final.text.contains("Nộp lại đúng hạn (sau khi bị trả lại)"))
            #expect(final.text.contains("Trả lại báo cáo quý i/2021 của Xã Thạch Đài") || final.text.contains("Trả lại"))

            // A correction after acceptance is a new version; versions compare side by side.
            #expect(try await cv.send(.POST, path + "/actions/newVersion").status == .seeOther)
            #expect(try await cv.send(.POST, path, formPairs: [("revision", try await cv.revision(path)), ("v:1.1.1", "20"), ("v:1.1.2", "19"), ("n:3.4.2", "45"), ("d:3.4.2", "50")]).status == .seeOther)
            let versions = try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions.map(\.isCurrent) == [false, true])
            #expect(versions[0].state == .accepted && versions[1].state == .draft)
            let compare = try await cv.get(path + "/compare?a=1&b=2")
            #expect(compare.status == .ok)
            #expect(compare.text.contains("1 chỉ tiêu khác nhau."))
        }
    }

    @Test func journeyOverTheAPI() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/api/v1/units/\(thachDai.id!)/reports/\(q1.id!)"
            let cv = try await TestClient.api(app, "thachdai.cv")
            let ld = try await TestClient.api(app, "thachdai.ld")
            let officer = try await TestClient.api(app, "thachha.noivu")

            struct Body: Encodable, Sendable {
                struct Fraction: Encodable, Sendable { var numerator: String; var denominator: String }
                var values: [String: String]
                var fractions: [String: Fraction]
                var revision: Int? = 0
                func encode(to encoder: any Encoder) throws {
                    struct K: CodingKey { var stringValue: String; var intValue: Int? { nil }; init(stringValue: String) { self.stringValue = stringValue }; init?(intValue: Int) { nil } }
                    var c = encoder.container(keyedBy: K.self)
                    try c.encodeIfPresent(revision, forKey: K(stringValue: "revision"))
                    var v = c.nestedContainer(keyedBy: K.self, forKey: K(stringValue: "values"))
                    for (k, x) in values { try v.encode(x, forKey: K(stringValue: k)) }
                    for (k, x) in fractions { try v.encode(x, forKey: K(stringValue: k)) }
                }
            }
            let bad = try await cv.send(.PUT, path, json: Body(values: ["1.1.1": "abc", "3.4.1": "140"], fractions: [:]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("1.1.1") && bad.text.contains("140"))
            let ok = try await cv.send(.PUT, path, json: Body(values: ["1.1.1": "20", "1.1.2": "25"], fractions: ["3.4.2": .init(numerator: "45", denominator: "50")]))
            #expect(ok.status == .ok)
            let result = try ok.json(ReportingAPI.SaveResult.self)
            #expect(result.warnings.contains { $0.codes == ["1.1.2", "1.1.1"] })
            #expect(result.report.values.first { $0.code == "3.4.2" }?.display == "45/50 (90 %)")
            #expect(result.report.availableActions == ["save", "sendToLeader"])

            #expect(try await cv.send(.POST, path + "/submit", json: ["docNumber": "1/BC-UBND", "docDate": "2021-03-12"]).status == .conflict)
            let submitted = try await ld.send(.POST, path + "/submit", json: ["docNumber": "12/BC-UBND", "docDate": "12/03/2021"])
            #expect(submitted.status == .ok)
            #expect(try submitted.json(ReportingAPI.ReportDTO.self).state == "submitted")
            #expect(try await officer.send(.POST, path + "/return", json: ["comment": "Sửa 1.1.2"]).status == .ok)
            let afterReturn = try await cv.get(path).json(ReportingAPI.ReportDTO.self).revision
            // A save based on an older read is refused, nothing overwritten; one based on the latest read goes through.
            let stale = try await cv.send(.PUT, path, json: Body(values: ["1.1.2": "17"], fractions: [:], revision: afterReturn - 1))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("không ghi đè"))
            #expect(try await cv.send(.PUT, path, json: Body(values: ["1.1.2": "17"], fractions: [:], revision: nil)).status == .unprocessableEntity)
            #expect(try await cv.send(.PUT, path, json: Body(values: ["1.1.2": "18"], fractions: [:], revision: afterReturn)).status == .ok)
            #expect(try await ld.send(.POST, path + "/submit", json: ["docNumber": "13/BC-UBND", "docDate": "13/03/2021"]).status == .ok)
            let accepted = try await officer.send(.POST, path + "/accept")
            let dto = try accepted.json(ReportingAPI.ReportDTO.self)
            #expect(dto.state == "accepted")
            #expect(dto.timeliness == "on_time")
            // the partial JSON save kept the earlier figures
            #expect(dto.values.first { $0.code == "1.1.1" }?.number == 20)
            #expect(dto.values.first { $0.code == "1.1.2" }?.number == 18)

            // Another commune cannot read it; a leader of another commune cannot submit it.
            let kenh = try await TestClient.api(app, "thachkenh.ld")
            #expect(try await kenh.get(path).status == .notFound)
            #expect(try await kenh.send(.POST, path + "/submit", json: ["docNumber": "1", "docDate": "12/03/2021"]).status == .notFound)
        }
    }

    @Test func timelinessAtTheDeadlinesLastMinute() async throws {
        let lastMinute = Day(2021, 3, 13)!.startInVietnam.addingTimeInterval(23 * 3600 + 59 * 60)
        try await withTestApp(now: lastMinute) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let ld = try await TestClient.api(app, "thachdai.ld")
            let path = "/api/v1/units/\(thachDai.id!)/reports/\(q1.id!)"
            // An empty report is never sent: the specialist enters a figure first.
            struct Save: Encodable { var values: [String: String]; var revision: Int }
            #expect(try await TestClient.api(app, "thachdai.cv").send(.PUT, path, json: Save(values: ["1.1.1": "3"], revision: 0)).status == .ok)
            #expect(try await ld.send(.POST, path + "/submit", json: ["docNumber": "12/BC-UBND", "docDate": "13/03/2021"]).status == .ok)
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let row = try #require(table.rows.first { $0.unitName == "Xã Thạch Đài" })
            #expect(row.cells.first { $0.periodID == q1.id! }?.status == "on_time")

            // One minute later another commune's leader is late by one day.
            (app.clock as! FixedClock).advance(by: 60)
            let kenh = try await app.unit(code: "HT-THA-THACHKENH")
            let kenhLeader = try await TestClient.api(app, "thachkenh.ld")
            let h1 = try await kenhLeader.get("/api/v1/units/\(kenh.id!)/reports/\(q1.id!)").json(ReportingAPI.ReportDTO.self)
            #expect(h1.unitID == kenh.id!)
            _ = try await TestClient.api(app, "thachkenh.cv").send(.PUT, "/api/v1/units/\(kenh.id!)/reports/\(q1.id!)",
                                                                  json: Save(values: ["1.1.1": "3"], revision: h1.revision))
            let submit = try await kenhLeader.send(.POST, "/api/v1/units/\(kenh.id!)/reports/\(q1.id!)/submit", json: ["docNumber": "9/BC-UBND", "docDate": "14/03/2021"])
            if submit.status == .ok {
                let late = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
                let cell = late.rows.first { $0.unitName == "Xã Thạch Kênh" }?.cells.first { $0.periodID == q1.id! }
                #expect(cell?.status == "late")
                #expect(cell?.daysLate == 1)
            } else {
                // Thạch Kênh's demo Q1 report may already be in a state that cannot be submitted.
                #expect(submit.status == .conflict)
            }
        }
    }

    @Test func timelinessPageTellsTheDemoStory() async throws {
        try await withTestApp(now: Day(2021, 7, 1)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.session(app, "thachha.noivu")
            let page = try await officer.get("/units/\(thachHa.id!)/timeliness?year=2021")
            #expect(page.status == .ok)
            for label in ["Nộp đúng hạn", "Nộp muộn", "Bị trả lại", "Quá hạn", "Chưa đến hạn"] {
                #expect(page.text.contains(label), "thiếu \(label)")
            }
            let table = try await TestClient.api(app, "thachha.noivu").get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            #expect(table.periods.map(\.kind.code) == ["Q1", "H1", "Q3", "Y", "YE", "YS"]) // the estimate and the supplement beside the year
            #expect(table.rows.count >= 22 + 5) // communes and offices; never the standing agency
            let q1 = table.periods[0].id
            let counts = table.totals.first { $0.periodID == q1 }!.counts
            #expect((counts["on_time"] ?? 0) > 0 && (counts["late"] ?? 0) > 0 && (counts["returned"] ?? 0) > 0 && (counts["overdue"] ?? 0) > 0)
            let states = Set(try await Report.query(on: app.db).all().map(\.state))
            #expect(states == Set(ReportState.allCases))
            let csv = try await officer.get("/units/\(thachHa.id!)/timeliness.csv?year=2021")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.contains("text/csv") == true)
            #expect(csv.text.contains("Xã Thạch Đài"))
            #expect(csv.text.contains("Tổng: Đúng hạn"))
            // Sorted by the most late first.
            let sorted = try await TestClient.api(app, "thachha.noivu").get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021&sort=late").json(TimelinessTable.self)
            #expect(sorted.rows.first!.lateOrMissing >= sorted.rows.last!.lateOrMissing)
        }
    }

    @Test func specialistSeesLastPeriodBesideEachRow() async throws {
        try await withTestApp(now: Day(2021, 6, 1)!.startInVietnam) { app in
            // Thạch Hải (index 2 in the demo) has an accepted Q1 and a submitted H1.
            let unit = try await app.unit(code: "HT-THA-THACHHAI")
            let h1 = try await app.period(issuer: "HT-THA", kind: "H1")
            let page = try await TestClient.session(app, "thachhai.cv").get("/units/\(unit.id!)/reports/\(h1.id!)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Kỳ trước (Quý I)"))
            let q1Values = try await ReportService.values(of: try await Report.query(on: app.db).filter(\.$unit.$id == unit.id!)
                .filter(\.$period.$id == (try await app.period(issuer: "HT-THA", kind: "Q1")).id!).first(), on: app.db)
            let tasks = try #require(q1Values["1.1.1"]?.number)
            let prevCells = page.text.components(separatedBy: "<td class=\"prev\">").dropFirst().prefix(4).map { String($0.prefix(20)) }
            #expect(page.text.contains("<td class=\"prev\">\(Int(tasks))</td>"), "\(prevCells)")
        }
    }
}

@Suite("Biểu mẫu là dữ liệu; chế độ báo cáo")
struct FormsAndRegimesTests {
    static var fixture: Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/other-locality-form.json")
        return FileManager.default.contents(atPath: url.path)!
    }

    @Test func builtInFormIsCompleteAndClean() throws {
        let form = try FormCodec.decodeChecked(Data(BuiltInForms.seed002.utf8))
        #expect(form.problems().isEmpty)
        #expect(form.indicators.filter { $0.kind != .group }.count >= 75)
        for code in ["1.1.1", "1.2.4", "1.3.3", "1.4.2", "2.5", "3.1.3.a", "3.4.4", "4.3.4", "5.4.3", "6.5", "7.7.4"] {
            #expect(form.indicator(code) != nil, "thiếu \(code)")
        }
        #expect(form.indicator("1.4.2")?.choices?.map(\.label) == ["Trực tuyến", "Phát phiếu", "Kết hợp"])
        #expect(form.rules.contains { $0.expr.replacingOccurrences(of: " ", with: "") == "[1.3.2]+[1.3.3]<=[1.3.1]" })
        #expect(form.office(of: "2.3")?.contains("Tư pháp") == true)
        #expect(form.indicator("6.1")?.measure == .cumulative)
    }

    @Test func anotherLocalitysFormImportsAndIsFilledAndValidated() async throws {
        try await withTestApp(now: march10) { app in
            // Import through the API as the standing agency of An Khê.
            let officer = try await TestClient.api(app, "ankhe.noivu")
            var req = TestClient(app)
            req.token = officer.token
            let imported = try await app.testing().sendRequest(.POST, "/api/v1/forms", headers: ["Authorization": "Bearer \(officer.token!)", "Content-Type": "application/json"],
                                                                 body: ByteBuffer(data: Self.fixture))
            #expect(imported.status == .created)
            let summary = try imported.content.decode(ReportingAPI.FormSummary.self)
            let form = try FormCodec.decodeChecked(Self.fixture)
            #expect(summary.code == form.code)
            // The regime of An Khê for that year uses it (set over the API).
            let anKhe = try await app.unit(code: "GL-AKH")
            let regime = RegimePreset.decree09(issuer: anKhe.name, year: form.year, deadlineDay: 18)
            let saved = try await officer.send(.PUT, "/api/v1/units/\(anKhe.id!)/regimes/\(form.year)", json: ReportingAPI.RegimeInput(regime: regime, formID: summary.id, document: "01/UBND-NV"))
            #expect(saved.status == .ok)
            let savedWarnings = try saved.json(ReportingAPI.RegimeDTO.self).warnings
            #expect(savedWarnings.isEmpty, "\(savedWarnings)")
            // A ward fills it: every kind of row, no code change.
            let ward = try await Unit.query(on: app.db).filter(\.$parent.$id == anKhe.id!).filter(\.$kind == .ward).first()!
            let wardUser = try await User.query(on: app.db).filter(\.$unit.$id == ward.id!).filter(\.$role == .specialist).first()!
            let client = try await TestClient.session(app, wardUser.username)
            let period = try await app.period(issuer: "GL-AKH", kind: "Q1", year: form.year)
            let path = "/units/\(ward.id!)/reports/\(period.id!)"
            let page = try await client.get(path)
            #expect(page.status == .ok)
            let fraction = try #require(form.indicators.first { $0.fraction == true })
            let choice = try #require(form.indicators.first { $0.kind == .choice })
            let text = try #require(form.indicators.first { $0.kind == .text })
            let parts = form.indicators.filter { $0.partOf == true }
            let parent = try #require(form.indicator(parts[0].parent!))
            #expect(page.text.contains("name=\"n:\(fraction.code)\""))
            #expect(page.text.contains("name=\"v:\(choice.code)\""))
            // Out-of-range input is refused, naming the row.
            let bad = try await client.send(.POST, path, formPairs: [("revision", try await client.revision(path)), ("n:\(fraction.code)", "9"), ("d:\(fraction.code)", "3"), ("v:\(choice.code)", "99")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Dòng \(fraction.code)"))
            #expect(bad.text.contains("Dòng \(choice.code)"))
            // Of-which rows exceeding their parent are a warning naming the rows.
            let good = try await client.send(.POST, path, formPairs: [("revision", try await client.revision(path)), 
                ("n:\(fraction.code)", "3"), ("d:\(fraction.code)", "9"), ("v:\(choice.code)", String(choice.choices![0].value)),
                ("v:\(text.code)", "Ghi chú của phường"), ("v:\(parent.code)", "5"), ("v:\(parts[0].code)", "4"), ("v:\(parts[1].code)", "3"),
            ])
            #expect(good.status == .seeOther)
            let after = try await client.get(path)
            #expect(after.text.contains("Các dòng “Trong đó”"))
            #expect(after.text.contains("vượt dòng \(parent.code) = 5"))
        }
    }

    @Test func importRefusesABrokenFormListingEveryProblem() async throws {
        try await withTestApp(demo: false) { app in
            let json = #"{"code":"X","title":"","year":2021,"indicators":[{"code":"1.1","parent":"1","name":"A","kind":"count"},{"code":"2","name":"B","kind":"choice"}],"rules":[{"expr":"[1.1] <= [9]","message":"m"}]}"#
            await #expect(throws: ValidationFailure.self) { _ = try await FormService.importForm(Data(json.utf8), on: app.db, actor: nil, now: Date()) }
            do {
                _ = try await FormService.importForm(Data(json.utf8), on: app.db, actor: nil, now: Date())
            } catch let f as ValidationFailure {
                #expect(f.errors.count == 4)
            }
            #expect(try await FormRecord.query(on: app.db).filter(\.$code == "X").count() == 0)
        }
    }

    @Test func demoRegimesAreAsTheDocumentsWriteThem() async throws {
        try await withTestApp(now: march10) { app in
            let officer = try await TestClient.api(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let dto = try await officer.get("/api/v1/units/\(thachHa.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            #expect(dto.regime.period(.q1)?.windowText == "15/12/2020 – 10/03/2021")
            #expect(dto.regime.period(.year)?.deadline == Day(2021, 11, 15))
            #expect(dto.warnings.contains { $0.contains("bỏ trống 4 ngày") })
            #expect(dto.warnings.contains { $0.contains("chốt số liệu đến 20/11/2021, sau thời hạn nộp báo cáo 15/11/2021") })
            let admin = try await TestClient.api(app, "admin")
            let st = try await app.unit(code: "ST")
            let soc = try await admin.get("/api/v1/units/\(st.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            #expect(soc.warnings.contains { $0.contains("15/06/2020 – 14/09/2021") })
            let anKhe = try await app.unit(code: "GL-AKH")
            let ak = try await admin.get("/api/v1/units/\(anKhe.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            #expect(ak.regime.period(.q3)?.windowText == "01/06/2021 – 31/08/2021")
            #expect(ak.regime.period(.q1)?.deadline == Day(2021, 3, 5))
            // the regime page shows the warnings and never refuses
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/regimes/2021")
            #expect(page.text.contains("những điểm chưa khớp"))
        }
    }

    @Test func regimeCheckCommandExitCodes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try JSONEncoder().encode(RegimePreset.decree09(issuer: "Tỉnh Sóc Trăng", year: 2021, deadlineDay: 18))
        try clean.write(to: dir.appendingPathComponent("clean.json"))
        let slips = #"{"issuer":"Huyện Thạch Hà","year":2021,"periods":[{"kind":"H1","from":"2020-12-15","to":"2021-06-10","deadline":"2021-06-13"},{"kind":"Q3","from":"2021-06-15","to":"2021-09-10","deadline":"2021-09-13"},{"kind":"Y","from":"2020-12-15","to":"2021-11-20","deadline":"2021-11-15"}]}"#
        try Data(slips.utf8).write(to: dir.appendingPathComponent("slips.json"))
        try Data("{ not json".utf8).write(to: dir.appendingPathComponent("bad.json"))
        var out: [String] = []
        var err: [String] = []
        #expect(RegimeFileCheck.run(path: dir.appendingPathComponent("clean.json").path, output: { out.append($0) }, error: { err.append($0) }) == 0)
        // Decree 09's rule: nothing to warn about, only its Saturday deadlines noted.
        #expect(out == ["Lưu ý: Kỳ Quý III/2021: thời hạn nộp 18/09/2021 rơi vào thứ Bảy.", "Lưu ý: Kỳ năm 2021: thời hạn nộp 18/12/2021 rơi vào thứ Bảy."])
        out = []
        #expect(RegimeFileCheck.run(path: dir.appendingPathComponent("slips.json").path, output: { out.append($0) }, error: { err.append($0) }) == 1)
        // the gap after H1, the year's window after its deadline, 21/11–14/12 in no window, the deadline not in December
        #expect(out.filter { !$0.hasPrefix("Lưu ý") }.count == 4, "\(out)")
        #expect(out.filter { $0.hasPrefix("Lưu ý") } == ["Lưu ý: Kỳ 6 tháng đầu năm 2021: thời hạn nộp 13/06/2021 rơi vào Chủ nhật."])
        #expect(RegimeFileCheck.run(path: dir.appendingPathComponent("bad.json").path, output: { out.append($0) }, error: { err.append($0) }) == 2)
        #expect(RegimeFileCheck.run(path: dir.appendingPathComponent("missing.json").path, output: { out.append($0) }, error: { err.append($0) }) == 2)
        #expect(err.count == 2)
    }
}

@Suite("Phần của các cơ quan chuyên môn")
struct OfficeSectionsTests {
    @Test func officesFillTheirSectionsOfTheDistrictsReport() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/units/\(thachHa.id!)/reports/\(q1.id!)"
            // The Justice office may type only section 2.
            let tp = try await TestClient.session(app, "thachha.tp.cv")
            let page = try await tp.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"v:2.1\""))
            #expect(!page.text.contains("name=\"v:1.1.1\""))
            let saved = try await tp.send(.POST, path, formPairs: [("officeRevision", try await tp.revision(path, field: "officeRevision")), ("v:2.1", "3"), ("v:1.1.1", "99"), ("topicReport", "Báo cáo chuyên đề cải cách thể chế quý I.")])
            #expect(saved.status == .seeOther)
            // Only the head of office confirms its part is done.
            let notHead = try await tp.send(.POST, path, formPairs: [("officeRevision", try await tp.revision(path, field: "officeRevision")),
                                                                     ("v:2.1", "3"), ("officeDone", "on")])
            #expect(notHead.status == .unprocessableEntity)
            #expect(notHead.text.contains("Chỉ lãnh đạo cơ quan (trưởng phòng) xác nhận hoàn thành"))
            let head = try await TestClient.session(app, "thachha.tp.ld")
            #expect(try await head.send(.POST, path, formPairs: [("officeRevision", try await head.revision(path, field: "officeRevision")),
                                                                ("v:2.1", "3"), ("officeDone", "on")]).status == .seeOther)
            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachHa.id!).first())
            let values = try await ReportService.values(of: report, on: app.db)
            #expect(values["2.1"]?.number == 3)
            #expect(values["1.1.1"] == nil)
            // The standing agency sees who has done their part.
            let officer = try await TestClient.session(app, "thachha.noivu")
            let view = try await officer.get(path)
            #expect(view.text.contains("Phần của các cơ quan chuyên môn"))
            #expect(view.text.contains("Phòng Tư pháp"))
            #expect(view.text.contains("Đã xong"))
            #expect(view.text.contains("Chưa xong"))
            #expect(view.text.contains("Báo cáo chuyên đề cải cách thể chế quý I."))
            // The officer's own save keeps the office's figures.
            #expect(try await officer.send(.POST, path, formPairs: [("revision", try await officer.revision(path)), ("v:1.1.1", "40"), ("v:2.1", "3")]).status == .seeOther)
            let after = try await ReportService.values(of: report, on: app.db)
            #expect(after["1.1.1"]?.number == 40 && after["2.1"]?.number == 3)
            // The standing agency assembles the draft: topic reports into the outline, who is missing.
            #expect(try await officer.send(.POST, path + "/assemble").status == .seeOther)
            let assembled = try #require(try await Report.find(report.id!, on: app.db)).narrative
            #expect(assembled["ketQua1"] == "Phòng Tư pháp: Báo cáo chuyên đề cải cách thể chế quý I.")
            #expect(assembled["toChuc"]?.contains("chưa nhận được báo cáo của: ") == true)
            #expect(assembled["toChuc"]?.contains("Xã Thạch Đài") == true)
            // Its Word document carries the consolidated figures of the whole district in the appendix.
            let docx = try await officer.get(path + "/export.docx")
            #expect(docx.status == .ok)
            let archive = try Archive(data: Data(buffer: docx.body), accessMode: .read, pathEncoding: nil)
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let consolidated = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            let tasks = try #require(consolidated.figures.first { $0.code == "1.1.1" }?.display)
            #expect(String(decoding: xml, as: UTF8.self).contains(">\(tasks)<"))
            #expect(String(decoding: xml, as: UTF8.self).contains("Phòng Tư pháp: Báo cáo chuyên đề cải cách thể chế quý I."))
            // A commune's specialist cannot assemble the district's report.
            #expect(try await tp.send(.POST, path + "/assemble").status == .forbidden)
            // The district leader signs it.
            let ld = try await TestClient.session(app, "thachha.ld")
            #expect(try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "45/BC-UBND", "docDate": "12/03/2021"]).status == .seeOther)
        }
    }
}
