import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Issue 10 §7: rows whose form names a `source` are pre-filled from the plan, the register and the tasks assigned
/// from above, for the report's window; an override keeps its reason and the standing agency sees it.
@Suite("Báo cáo tự điền: số liệu hệ thống tính từ kế hoạch và sổ văn bản")
struct ComputedFiguresTests {
    struct Save: Encodable { var values: [String: String]; var revision: Int; var reasons: [String: String]? }
    struct Count: Decodable { let n: Int }

    @Test func aCommunesQ1ReportIsPrefilledWithWhatATestCountsAndAnOverrideKeepsItsReason() async throws {
        try await withTestApp(now: Day(2021, 3, 11)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let dai = try await app.unit(code: "HT-THA-THACHTRI")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let thachHa = try await app.unit(code: "HT-THA")
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let q1 = try #require(table.periods.first { $0.kind == .q1 })
            // Counted independently, in SQL, for Q1's window 15/12/2020 – 10/03/2021.
            let sql = app.db as! any SQLDatabase
            let tasks = try await sql.raw("""
                SELECT COUNT(*) AS n FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                WHERE p.unit_id = \(bind: dai.id!) AND p.year = 2021 AND p.kind = 'cchc'
                """).first(decoding: Count.self)?.n
            let done = try await sql.raw("""
                SELECT COUNT(*) AS n FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                WHERE p.unit_id = \(bind: dai.id!) AND p.year = 2021 AND p.kind = 'cchc'
                  AND t.status IN ('done', 'doneLate') AND t.completed_on <= '2021-03-10'
                """).first(decoding: Count.self)?.n
            let directing = try await sql.raw("""
                SELECT COUNT(*) AS n FROM register_documents
                WHERE unit_id = \(bind: dai.id!) AND directs_cchc = \(bind: true) AND issued_on >= '2020-12-15' AND issued_on <= '2021-03-10'
                """).first(decoding: Count.self)?.n
            let cv = try await TestClient.api(app, "thachtri.cv")
            let path = "/api/v1/units/\(dai.id!)/reports/\(q1.id)"
            let dto = try await cv.get(path).json(ReportingAPI.ReportDTO.self)
            let computed = Dictionary(dto.computed.map { ($0.code, $0.value) }, uniquingKeysWith: { a, _ in a })
            #expect(computed["1.1.1"] == Double(try #require(tasks)))
            #expect(computed["1.1.2"] == Double(try #require(done)))
            #expect(computed["1.1.3"] == Double(try #require(directing)))
            #expect(tasks == 7)
            // The page pre-fills the computed figures and says where they come from.
            let page = try await TestClient.session(app, "thachtri.cv").get("/units/\(dai.id!)/reports/\(q1.id)")
            #expect(page.text.contains("name=\"v:1.1.1\" value=\"7\""))
            #expect(page.text.contains("7 nhiệm vụ trong Kế hoạch số"))
            // A different figure without a reason is kept as entered and shown as unexplained; with one, it keeps its reason.
            let unexplained = try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "9"], revision: dto.revision, reasons: [:]))
            #expect(unexplained.status == .ok)
            let first = try unexplained.json(ReportingAPI.SaveResult.self).report
            #expect(first.sources["1.1.1"] == nil)
            let flagged = try await TestClient.session(app, "thachha.noivu").get("/units/\(dai.id!)/reports/\(q1.id)")
            #expect(flagged.text.contains("Khác số hệ thống tính, chưa ghi lý do"))
            let saved = try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "9", "1.1.2": String(Int(computed["1.1.2"]!))],
                                                                 revision: first.revision,
                                                                 reasons: ["1.1.1": "Thêm 2 nhiệm vụ theo Kế hoạch bổ sung số 15/KH-UBND"]))
            #expect(saved.status == .ok)
            let after = try saved.json(ReportingAPI.SaveResult.self).report
            #expect(after.sources["1.1.1"] == ReportService.ValueSource(source: "override", note: "Thêm 2 nhiệm vụ theo Kế hoạch bổ sung số 15/KH-UBND"))
            #expect(after.sources["1.1.2"]?.source == "computed")
            // The standing agency sees the reason beside the computed figure.
            let seen = try await TestClient.session(app, "thachha.noivu").get("/units/\(dai.id!)/reports/\(q1.id)")
            #expect(seen.text.contains("Đơn vị đã sửa: Thêm 2 nhiệm vụ theo Kế hoạch bổ sung số 15/KH-UBND"))
        }
    }

    @Test func aFormNamesOnlySourcesTheSystemKnows() throws {
        var form = FormDefinition(code: "X", title: "Biểu thử", year: 2021, indicators: [
            Indicator(code: "1", name: "Số nhiệm vụ", kind: .count),
            Indicator(code: "2", name: "Ghi chú", kind: .text),
        ])
        form.indicators[0].source = "plan.tasks"
        #expect(form.problems().isEmpty)
        form.indicators[0].source = "plan.tasksPlanned"
        #expect(form.problems().contains { $0.hasPrefix("Chỉ tiêu 1: nguồn tự tính “plan.tasksPlanned” không có") })
        form.indicators[0].source = nil
        form.indicators[1].source = "register.directing"
        #expect(form.problems().contains("Chỉ tiêu 2: nguồn tự tính chỉ dùng cho dòng số đếm hoặc số."))
    }
}
