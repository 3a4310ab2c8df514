import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// Nothing uploaded lands in the wrong report, a blank cell erases nothing, and an empty report is
/// never sent (issue 9, "Nothing typed or uploaded is lost").
@Suite("Tải lên an toàn, báo cáo trống")
struct UploadSafetyTests {
    @Test func aWorkbookOfAnotherUnitOrPeriodIsRefusedAndABlankCellErasesNothing() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let thachKenh = try await app.unit(code: "HT-THA-THACHKENH")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let h1 = try await app.period(issuer: "HT-THA", kind: "H1")
            let form = try FormCodec.decodeChecked(Data(BuiltInForms.seed002.utf8))
            let daiPath = "/api/v1/units/\(thachDai.id!)/reports/\(q1.id!)/xlsx"
            let dai = try await TestClient.api(app, "thachdai.cv")
            let saved = try await ExcelWordTests.upload(app, dai, daiPath, try ExcelWordTests.sheet(form, set: [
                "1.1.1": [.integer(12)], "1.1.2": [.integer(5)], "2.1": [.integer(3)]]))
            #expect(saved.status == .ok)
            let exported = Data(buffer: try await dai.get(daiPath).body)

            // Thạch Đài's Q1 file into Thạch Kênh's report: refused, naming both.
            let kenh = try await TestClient.api(app, "thachkenh.cv")
            let wrongUnit = try await ExcelWordTests.upload(app, kenh, "/api/v1/units/\(thachKenh.id!)/reports/\(q1.id!)/xlsx", exported)
            #expect(wrongUnit.status == .unprocessableEntity)
            struct Refusal: Decodable { struct E: Decodable { let message: String }; let error: E }
            let refusal = try wrongUnit.json(Refusal.self).error.message
            #expect(refusal.contains("Tệp này là biểu của Xã Thạch Đài, Báo cáo Quý I/2021"), "\(refusal)")
            #expect(refusal.contains("báo cáo của Xã Thạch Kênh"))
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == thachKenh.id!).filter(\.$period.$id == q1.id!).count() == 0)

            // …and into Thạch Đài's own H1: refused.
            let wrongPeriod = try await ExcelWordTests.upload(app, dai, "/api/v1/units/\(thachDai.id!)/reports/\(h1.id!)/xlsx", exported)
            #expect(wrongPeriod.status == .unprocessableEntity)
            #expect(try wrongPeriod.json(Refusal.self).error.message.contains("Báo cáo 6 tháng đầu năm 2021"))

            // A file with one figure changed and every other cell blank: the saved figures stay.
            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).first())
            let before = try await ReportService.values(of: report, on: app.db)
            let partial = try await ExcelWordTests.upload(app, dai, daiPath, try ExcelWordTests.sheet(form, set: ["1.1.2": [.integer(7)]]))
            #expect(partial.status == .ok)
            let result = try partial.json(ExportAPI.ImportResult.self)
            #expect(result.changes.count == 1)
            #expect(result.changes.first?.contains("1.1.2 Số nhiệm vụ đã hoàn thành: 5 → 7") == true)
            var after = try await ReportService.values(of: report, on: app.db)
            #expect(after.count == before.count)
            #expect(after["1.1.1"]?.number == 12 && after["1.1.2"]?.number == 7 && after["2.1"]?.number == 3)

            // Clearing takes an explicit "xóa".
            let cleared = try await ExcelWordTests.upload(app, dai, daiPath, try ExcelWordTests.sheet(form, set: ["2.1": [.text("xóa")]]))
            #expect(try cleared.json(ExportAPI.ImportResult.self).changes == ["Hàng \(Self.row(form, "2.1")) — 2.1 Số VBQPPL đã ban hành/tham mưu ban hành: 3 → (xóa)"])
            after = try await ReportService.values(of: report, on: app.db)
            #expect(after["2.1"] == nil && after["1.1.1"]?.number == 12)

            // The page shows the changes, row by row.
            let page = try await TestClient.session(app, "thachdai.cv")
            var multipart = ByteBuffer()
            multipart.writeString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bieu.xlsx\"\r\nContent-Type: \(Exports.xlsxType)\r\n\r\n")
            multipart.writeBytes(try ExcelWordTests.sheet(form, set: ["1.1.1": [.integer(13)]]))
            multipart.writeString("\r\n--B--\r\n")
            let pageRes = try await app.testing().sendRequest(.POST, "/units/\(thachDai.id!)/reports/\(q1.id!)/import.xlsx?_csrf=\(page.csrf!)",
                                                              headers: ["Cookie": page.cookie!, "Content-Type": "multipart/form-data; boundary=B"],
                                                              body: multipart)
            #expect(pageRes.status == .ok)
            #expect(pageRes.text.contains("Đã nhận tệp Excel: 1 thay đổi"))
            #expect(pageRes.text.contains("1.1.1 Số nhiệm vụ đề ra trong kế hoạch: 12 → 13"))
        }
    }

    static func row(_ form: FormDefinition, _ code: String) -> Int {
        ReportWorkbook.firstDataRow + (form.indicators.firstIndex { $0.code == code } ?? 0)
    }

    @Test func anEmptyReportCannotGoToTheLeader() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let cv = try await TestClient.session(app, "thachdai.cv")
            let path = "/units/\(thachDai.id!)/reports/\(q1.id!)"
            let res = try await cv.send(.POST, path + "/actions/sendToLeader", form: ["revision": "0"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Báo cáo chưa có số liệu hay nội dung nào"))
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).filter(\.$state == .awaitingLeader).count() == 0)

            // Typed text sent with "Lưu và trình lãnh đạo ký" is saved, then the report goes to the leader.
            let sent = try await cv.send(.POST, path + "/actions/sendToLeader", form: ["documentsPresent": "1", "revision": "0",
                                                                               "narrative:toChuc": "Đã ban hành kế hoạch CCHC năm 2021."])
            #expect(sent.status == .seeOther || sent.status == .found)
            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).first())
            #expect(report.state == .awaitingLeader)
            #expect(report.narrative["toChuc"] == "Đã ban hành kế hoạch CCHC năm 2021.")
        }
    }

    @Test func theLeaderSeesWhatChangedAfterTheReportWasSentForSignature() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let cv = try await TestClient.session(app, "thachdai.cv")
            let path = "/units/\(thachDai.id!)/reports/\(q1.id!)"
            let sent = try await cv.send(.POST, path + "/actions/sendToLeader", form: ["documentsPresent": "1", "revision": "0", "v:1.1.1": "12"])
            #expect(sent.status == .seeOther)
            let ld = try await TestClient.session(app, "thachdai.ld")
            #expect(!(try await ld.get(path).text.contains("Đã sửa sau khi trình ký")))
            // The specialist changes a figure while the report waits for the signature.
            let revision = try await cv.revision(path)
            #expect(try await cv.send(.POST, path, formPairs: [("documentsPresent", "1"), ("revision", revision), ("v:1.1.1", "15")]).status == .seeOther)
            let page = try await ld.get(path).text
            #expect(page.contains("Đã sửa sau khi trình ký — xem lại trước khi ký"))
            #expect(page.contains("1.1.1 Số nhiệm vụ đề ra trong kế hoạch</strong>: 12 → 15"))
        }
    }

    @Test func aSaveAfterTheSessionEndedAsksToSignInAndLeadsBackToThePage() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/units/\(thachDai.id!)/reports/\(q1.id!)"
            var stale = TestClient(app)
            stale.cookie = "cchc-session=does-not-exist"
            let res = try await stale.send(.POST, path + "/actions/sendToLeader", form: ["narrative:toChuc": "Đã gõ"],
                                           headers: ["Referer": "http://localhost\(path)", "Host": "localhost"])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/login?next=" + SiteURL.query(path))
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).count() == 0)
        }
    }
}
