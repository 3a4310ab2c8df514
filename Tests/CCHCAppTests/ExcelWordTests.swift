import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

@Suite("Excel và Word: xuất, nhập")
struct ExcelWordTests {
    static func upload(_ app: Application, _ client: TestClient, _ path: String, _ data: Data) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.PUT, path, headers: ["Authorization": "Bearer \(client.token!)", "Content-Type": Exports.xlsxType],
                                            body: ByteBuffer(data: data))
    }

    /// The blank form of the period with some cells set: code → (D, E, F).
    static func sheet(_ form: FormDefinition, set: [String: [XLSXCell]], extraRows: [[XLSXCell]] = []) throws -> Data {
        var sheet = ReportWorkbook.form(form, values: [:], title: "Thử")
        for (i, row) in sheet.rows.enumerated() {
            guard case .text(let code)? = row.first, let cells = set[code] else { continue }
            for (j, c) in cells.enumerated() { sheet.rows[i][3 + j] = c }
        }
        sheet.rows += extraRows
        return try XLSXWorkbook(sheets: [sheet]).data()
    }

    @Test func uploadIsRefusedWholeWithEveryProblemListed() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let form = try FormCodec.decodeChecked(Data(BuiltInForms.seed002.utf8))
            let cv = try await TestClient.api(app, "thachdai.cv")
            let path = "/api/v1/units/\(thachDai.id!)/reports/\(q1.id!)/xlsx"
            let bad = try Self.sheet(form, set: ["1.1.1": [.text("mười hai")], "3.4.1": [.integer(140)], "1.1.2": [.integer(5)]],
                                     extraRows: [[.text("9.9.9"), .text("Chỉ tiêu lạ"), .empty, .integer(3)]])
            let res = try await Self.upload(app, cv, path, bad)
            #expect(res.status == .unprocessableEntity)
            struct Body: Decodable { struct E: Decodable { let fields: [FieldError]? }; let error: E }
            let fields = try res.json(Body.self).error.fields ?? []
            #expect(fields.count == 3, "\(fields.map(\.message))")
            #expect(fields.contains { $0.message.contains("mã chỉ tiêu “9.9.9” không có trong biểu CCHC-TK-2021") })
            #expect(fields.contains { $0.message.hasPrefix("Hàng ") && $0.message.contains("Dòng 1.1.1") && $0.message.contains("“mười hai” không phải là số") })
            #expect(fields.contains { $0.message.contains("Dòng 3.4.1") && $0.message.contains("tỷ lệ phải từ 0 đến 100 (%), nhận được 140") })
            // nothing saved, not even the good cell
            #expect(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).count() == 0)

            // A correct one is applied whole.
            let good = try Self.sheet(form, set: ["1.1.1": [.integer(12)], "1.1.2": [.integer(5)], "3.4.1": [.decimal(91.5)],
                                                  "3.4.2": [.empty, .integer(1245), .integer(1364)], "1.4.2": [.integer(2)]])
            let ok = try await Self.upload(app, cv, path, good)
            #expect(ok.status == .ok)
            #expect(try ok.json(ExportAPI.ImportResult.self).changed)
            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachDai.id!).first())
            let values = try await ReportService.values(of: report, on: app.db)
            #expect(values["1.1.1"]?.number == 12)
            #expect(values["3.4.1"]?.number == 91.5)
            #expect(values["3.4.2"] == IndicatorValue(numerator: 1245, denominator: 1364))
            #expect(values["1.4.2"]?.number == 2)

            // The file the system produces, uploaded unchanged, changes nothing.
            let exported = try await cv.get(path)
            #expect(exported.status == .ok)
            #expect(exported.headers.contentType?.description.contains("spreadsheetml") == true)
            let bytes = Data(buffer: exported.body)
            let events = try await AuditEvent.query(on: app.db).count()
            let again = try await Self.upload(app, cv, path, bytes)
            #expect(again.status == .ok)
            #expect(try again.json(ExportAPI.ImportResult.self).changed == false)
            #expect(try await AuditEvent.query(on: app.db).count() == events)
            #expect(try await ReportService.values(of: report, on: app.db) == values)

            // The page upload says the same in Vietnamese and keeps the report as it was.
            let page = try await TestClient.session(app, "thachdai.cv")
            var multipart = ByteBuffer()
            multipart.writeString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bieu.xlsx\"\r\nContent-Type: \(Exports.xlsxType)\r\n\r\n")
            multipart.writeBytes(bad)
            multipart.writeString("\r\n--B--\r\n")
            let pageRes = try await app.testing().sendRequest(.POST, "/units/\(thachDai.id!)/reports/\(q1.id!)/import.xlsx?_csrf=\(page.csrf!)",
                                                              headers: ["Cookie": page.cookie!, "Content-Type": "multipart/form-data; boundary=B"], body: multipart)
            #expect(pageRes.status == .unprocessableEntity)
            #expect(pageRes.text.contains("Tệp Excel chưa được nhận"))
            #expect(pageRes.text.contains("9.9.9"))
            #expect(try await ReportService.values(of: report, on: app.db) == values)
        }
    }

    @Test func workbooksHoldNumbersAsNumbers() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let res = try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1/xlsx")
            #expect(res.status == .ok)
            let sheets = try XLSXReader.read(Data(buffer: res.body))
            #expect(sheets.map(\.name) == ["Tổng hợp", "Đơn vị × chỉ tiêu"])
            let consolidated = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            let tasks = try #require(consolidated.figures.first { $0.code == "1.1.1" }?.value)
            let row = try #require(sheets[0].cells.first { $0.value == "1.1.1" }?.key.dropFirst())
            #expect(sheets[0].cells["D\(row)"] == String(Int(tasks)))
            #expect(sheets[1].maxRow == consolidated.included.count + 1)
            let docx = try await officer.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1/docx")
            #expect(docx.status == .ok)
            #expect(docx.body.readableBytes > 5_000)
        }
    }

    @Test func officialTextIsProducedByTheDomain() {
        #expect(OfficialText.placeAndDate("Thạch Hà", Day(2021, 1, 5)!) == "Thạch Hà, ngày 05 tháng 01 năm 2021")
        #expect(OfficialText.numberLine("12/BC-UBND") == "Số: 12/BC-UBND")
        #expect(OfficialText.numberLine("12") == "Số: 12/BC-UBND")
        #expect(OfficialText.numberLine(nil) == "Số:      /BC-UBND")
        #expect(OfficialText.place(of: "Huyện Thạch Hà") == "Thạch Hà")
        let district = IssuingBody(kind: .district, name: "Huyện Thạch Hà", parentKind: .province, parentName: "Tỉnh Hà Tĩnh")
        #expect(district.bodyLines == ["ỦY BAN NHÂN DÂN", "HUYỆN THẠCH HÀ"])
        #expect(district.superiorLines.isEmpty)
        #expect(OfficialText.reportSummary(.h1, year: 2021) == "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2021")
        #expect(OfficialText.appendixSubtitle(number: "12/BC-UBND", day: Day(2021, 1, 5)!, body: district)
                == "(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 01 năm 2021 của UBND huyện Thạch Hà)")
    }
}
