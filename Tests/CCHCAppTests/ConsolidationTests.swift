import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

@Suite("Tổng hợp số liệu theo cây đơn vị")
struct ConsolidationTests {
    static let form = FormDefinition(code: "TH-2030", title: "Biểu thử tổng hợp", year: 2030, indicators: [
        Indicator(code: "1", name: "Nhóm", kind: .group),
        Indicator(code: "1.1", parent: "1", name: "Số nhiệm vụ", unit: "Nhiệm vụ", kind: .count),
        Indicator(code: "1.2", parent: "1", name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", kind: .percent, fraction: true,
                  numeratorLabel: "Số hồ sơ đúng hạn", denominatorLabel: "Tổng số hồ sơ"),
        Indicator(code: "1.3", parent: "1", name: "Hình thức", kind: .choice, choices: [.init(value: 1, label: "Phát phiếu"), .init(value: 2, label: "Kết hợp")]),
        Indicator(code: "1.4", parent: "1", name: "Biên chế có mặt", unit: "Người", kind: .count, measure: .snapshot),
        Indicator(code: "1.5", parent: "1", name: "Tỷ lệ trực tuyến", unit: "%", kind: .percent, fraction: true,
                  numeratorLabel: "Hồ sơ trực tuyến", denominatorLabel: "Tổng số hồ sơ"),
    ])

    /// Province → district → communes A, B, C; A and B submitted/accepted, C only a draft.
    @Test func smallTreeAgainstHandComputedFigures() async throws {
        try await withTestApp(demo: false) { app in
            let db = app.db
            func unit(_ code: String, _ name: String, _ kind: UnitKind, _ parent: CCHCApp.Unit?) async throws -> CCHCApp.Unit {
                try await TreeFixture.unit(db, code, name, kind, parent)
            }
            let p = try await unit("P", "Tỉnh Thử", .province, nil)
            let d = try await unit("P-D", "Huyện Thử", .district, p)
            let a = try await unit("P-D-A", "Xã A", .commune, d)
            let b = try await unit("P-D-B", "Xã B", .commune, d)
            let c = try await unit("P-D-C", "Xã C", .commune, d)
            let (formRecord, q1) = try await TreeFixture.q1(db, issuer: d, form: Self.form)
            func report(_ u: CCHCApp.Unit, _ state: ReportState, _ values: [String: IndicatorValue]) async throws {
                try await TreeFixture.report(db, u, q1, formID: formRecord.id!, state, values)
            }
            try await report(a, .accepted, ["1.1": .init(number: 10), "1.2": .init(numerator: 9, denominator: 10), "1.3": .init(number: 1),
                                            "1.4": .init(number: 5), "1.5": .init(numerator: 30, denominator: 40)])
            try await report(b, .submitted, ["1.1": .init(number: 5), "1.2": .init(numerator: 50, denominator: 100), "1.3": .init(number: 2),
                                             "1.4": .init(number: 7), "1.5": .init(number: 20)])
            // A draft is not received: it must not count.
            try await report(c, .draft, ["1.1": .init(number: 1000), "1.2": .init(numerator: 1, denominator: 1000)])

            let result = try await ConsolidationService.consolidate(jurisdiction: d, year: 2030, kind: .q1, on: db)
            let f = Dictionary(result.figures.map { ($0.code, $0) }, uniquingKeysWith: { x, _ in x })
            // sums
            #expect(f["1.1"]?.value == 15)
            #expect(f["1.1"]?.reports == 2)
            // recomputed percentage: 59/110 = 53,6 %, not the average of 90 % and 50 % (70 %)
            #expect(f["1.2"]?.numerator == 59 && f["1.2"]?.denominator == 110)
            #expect(abs((f["1.2"]?.value ?? 0) - 53.636363) < 0.001)
            #expect(f["1.2"]?.display == "53,6 % (59/110 hồ sơ)")
            #expect(f["1.2"]?.simpleAverage == nil)
            // a unit that gave only a percentage: weighted and simple side by side, and said so
            #expect(f["1.5"]?.numerator == 30 && f["1.5"]?.denominator == 40)
            #expect(abs((f["1.5"]?.simpleAverage ?? 0) - 47.5) < 0.001)
            #expect(f["1.5"]?.display == "75 % (30/40 hồ sơ) · bình quân giản đơn 47,5 %")
            #expect(f["1.5"]?.note?.contains("1 đơn vị chỉ báo cáo tỷ lệ %") == true)
            // distribution
            #expect(f["1.3"]?.distribution == ["1": 1, "2": 1])
            #expect(f["1.3"]?.display == "Chưa có mã của cấp báo cáo — cấp dưới: Phát phiếu: 1 · Kết hợp: 1")
            // snapshot adds across units
            #expect(f["1.4"]?.value == 12)
            // missing: C (only a draft); never the district itself, whose own report goes upward
            #expect(Set(result.missing.map(\.name)) == ["Xã C"])
            #expect(Set(result.included.map(\.name)) == ["Xã A", "Xã B"])

            // The province over districts over communes sees the same figures.
            let province = try await ConsolidationService.consolidate(jurisdiction: p, year: 2030, kind: .q1, on: db)
            #expect(province.figures.first { $0.code == "1.1" }?.value == 15)
            #expect(Set(province.missing.map(\.name)) == ["Huyện Thử", "Xã C"])

            // The switch: accepted reports only.
            let accepted = try await ConsolidationService.consolidate(jurisdiction: d, year: 2030, kind: .q1, acceptedOnly: true, on: db)
            #expect(accepted.figures.first { $0.code == "1.1" }?.value == 10)
            #expect(Set(accepted.missing.map(\.name)) == ["Xã B", "Xã C"])

            // Units × indicators for the workbook's second sheet.
            let matrix = try await ConsolidationService.matrix(jurisdiction: d, year: 2030, kind: .q1, on: db)
            #expect(matrix.map(\.unit) == ["Xã A", "Xã B"])
            #expect(matrix[1].values["1.5"]?.number == 20)
        }
    }

    @Test func demoThachHaQ1() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let api = try await TestClient.api(app, "thachha.noivu")
            let res = try await api.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1")
            #expect(res.status == .ok)
            let report = try res.json(ConsolidatedReport.self)
            #expect(report.missing.contains { $0.name == "Xã Thạch Đài" })
            #expect(report.included.count >= 10)
            let rate = try #require(report.figures.first { $0.code == "3.4.2" })
            // The recomputed rate differs visibly from the plain average of the communes' rates.
            let matrix = try await ConsolidationService.matrix(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            let rates = matrix.compactMap { $0.values["3.4.2"] }.compactMap(\.numeric)
            let average = rates.reduce(0, +) / Double(rates.count)
            #expect(abs((rate.value ?? 0) - average) > 2, "tính lại \(rate.value ?? 0) so với bình quân \(average)")
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/consolidation/2021/Q1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Chưa có báo cáo"))
            #expect(page.text.contains("Xã Thạch Đài"))
            // Any cell drills down to the units' own values; H1 compares with Q1.
            let drill = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/consolidation/2021/H1?code=1.1.1")
            #expect(drill.text.contains("số liệu của từng đơn vị"))
            #expect(drill.text.contains("Kỳ trước (Quý I)"))
            #expect(drill.text.contains("Cùng kỳ năm 2020"))
            // A commune cannot see the district's consolidation.
            #expect(try await TestClient.api(app, "thachdai.cv").get("/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1").status == .notFound)
        }
    }

    /// The list of units in and missing counts only reports on the period's form, like the figures do.
    @Test func aReportOnAnotherFormIsNeitherCountedNorListedAsIn() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let api = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1"
            let before = try await api.get(path).json(ConsolidatedReport.self)
            let moved = try #require(before.included.first { $0.id != thachHa.id })
            let other = #"{"code":"KHAC","title":"Biểu khác","year":2021,"indicators":[{"code":"1","name":"Một","kind":"count"}],"rules":[]}"#
            let created = try await api.send(.POST, "/api/v1/forms", body: ByteBuffer(string: other), headers: ["Content-Type": "application/json"])
            let otherID = try created.json(ReportingAPI.FormSummary.self).id
            try await Report.query(on: app.db).filter(\.$unit.$id == moved.id).set(\.$form.$id, to: otherID).update()
            let after = try await api.get(path).json(ConsolidatedReport.self)
            #expect(!after.included.contains { $0.id == moved.id })
            #expect(after.missing.contains { $0.id == moved.id })
            let matrix = try await ConsolidationService.matrix(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            #expect(!matrix.contains { $0.unit == moved.name })
        }
    }

    /// The workbook's second sheet (units × indicators) is on the basis the first sheet says.
    @Test func theWorkbooksSecondSheetHonoursAcceptedOnly() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let api = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/consolidation/2021/Q1"
            let accepted = try await api.get(path + "?accepted=1").json(ConsolidatedReport.self)
            let everything = try await api.get(path).json(ConsolidatedReport.self)
            #expect(accepted.included.count < everything.included.count)
            let sheets = try XLSXReader.read(Data(buffer: try await api.get(path + "/xlsx?accepted=1").body))
            #expect(sheets[1].maxRow == accepted.included.count + 1)
            let all = try XLSXReader.read(Data(buffer: try await api.get(path + "/xlsx").body))
            #expect(all[1].maxRow == everything.included.count + 1)
        }
    }
}
