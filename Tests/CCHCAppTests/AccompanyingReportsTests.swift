import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Seed 000 §II.1b: the annual report's estimated figures (15/11–14/12/2021) are reported separately and
/// consolidated apart; a supplementary report of exact figures (01/12–14/12/2021) is owed only when asked.
@Suite("Báo cáo ước đạt cuối năm và báo cáo bổ sung")
struct AccompanyingReportsTests {
    struct Save: Encodable { var values: [String: String]; var revision: Int }

    @Test func theEstimateIsAReportOfItsOwnConsolidatedApart() async throws {
        try await withTestApp(now: Day(2021, 11, 14)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let year = try #require(table.periods.first { $0.kind == .year })
            let estimate = try #require(table.periods.first { $0.kind == .estimate })
            // Its window is the annual period's estimate window; it is due with the annual report.
            #expect(estimate.window == "15/11/2021 – 14/12/2021")
            #expect(estimate.deadline == year.deadline)
            #expect(estimate.label == "Ước đạt cuối năm")
            // The regime as the API gives it keeps the estimate inside the annual period, not as a period of its own.
            let regime = try await officer.get("/api/v1/units/\(thachHa.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            #expect(!regime.regime.periods.contains { $0.kind == .estimate })
            #expect(regime.regime.period(.year)?.estimateFrom == Day(2021, 11, 15))

            // Thạch Đài reports 7 for 1.1.1 in the year and 2 in the estimate.
            let cv = try await TestClient.api(app, "thachdai.cv"), ld = try await TestClient.api(app, "thachdai.ld")
            for (period, value, number) in [(year.id, "7", "40/BC-UBND"), (estimate.id, "2", "41/BC-UBND")] {
                let path = "/api/v1/units/\(dai.id!)/reports/\(period)"
                let dto = try await cv.get(path).json(ReportingAPI.ReportDTO.self)
                #expect(try await cv.send(.PUT, path, json: Save(values: ["1.1.1": value], revision: dto.revision)).status == .ok)
                let sent = try await ld.send(.POST, path + "/submit", json: ["docNumber": number, "docDate": "14/11/2021"])
                #expect(sent.status == .ok)
            }
            // Consolidated apart: the estimate's figure is the estimate's, the year's is not increased by it.
            let yearFigures = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .year, on: app.db)
            let estimateFigures = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .estimate, on: app.db)
            let daiYear = try await app.db.query(Report.self).filter(\.$unit.$id == dai.id!).filter(\.$period.$id == year.id).all()
            #expect(daiYear.count == 1)
            #expect(estimateFigures.figures.first { $0.code == "1.1.1" }?.value == 2)
            #expect(estimateFigures.included.map(\.name) == ["Xã Thạch Đài"])
            #expect(yearFigures.figures.first { $0.code == "1.1.1" }?.value.map { $0 >= 7 } == true)
            #expect(!yearFigures.included.isEmpty)
            // Both are on time in the district's grid.
            let after = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let row = try #require(after.rows.first { $0.unitID == dai.id! })
            #expect(row.cells.first { $0.periodID == estimate.id }?.status == "on_time")
            // The annual report's page says where the estimate goes.
            let page = try await TestClient.session(app, "thachdai.cv").get("/units/\(dai.id!)/reports/\(year.id)")
            #expect(page.text.contains("Báo cáo số liệu ước đạt cuối năm 2021"))
        }
    }

    @Test func theSupplementIsOwedOnlyWhenAsked() async throws {
        try await withTestApp(now: Day(2021, 12, 20)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let supplement = try #require(table.periods.first { $0.kind == .supplement })
            #expect(supplement.window == "01/12/2021 – 14/12/2021")
            let kenh = try await app.unit(code: "HT-THA-THACHKENH")
            let row = try #require(table.rows.first { $0.unitID == kenh.id! })
            // Past its deadline and not sent: not overdue, and not counted missing in the emulation ranking.
            let cell = try #require(row.cells.first { $0.periodID == supplement.id })
            #expect(cell.status == "on_request")
            #expect(cell.label == "Chỉ nộp khi được yêu cầu")
            let regime = try await officer.get("/api/v1/units/\(thachHa.id!)/regimes/2021").json(ReportingAPI.RegimeDTO.self)
            #expect(regime.regime.period(.supplement)?.onRequest == true)
            // Sent late, it is judged like any other report.
            let cv = try await TestClient.api(app, "thachkenh.cv"), ld = try await TestClient.api(app, "thachkenh.ld")
            let path = "/api/v1/units/\(kenh.id!)/reports/\(supplement.id)"
            let dto = try await cv.get(path).json(ReportingAPI.ReportDTO.self)
            #expect(try await cv.send(.PUT, path, json: Save(values: ["1.1.1": "1"], revision: dto.revision)).status == .ok)
            #expect(try await ld.send(.POST, path + "/submit", json: ["docNumber": "50/BC-UBND", "docDate": "20/12/2021"]).status == .ok)
            let after = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let sent = try #require(after.rows.first { $0.unitID == kenh.id! }?.cells.first { $0.periodID == supplement.id })
            #expect(sent.status == "late")
            #expect(sent.daysLate == 3)
            // Signed, the report is a document of the commune's register, linked to it.
            let registered = try #require(try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == kenh.id!)
                .filter(\.$numberText == "50/BC-UBND").first())
            #expect(registered.sourceKind == "report" && registered.issuedOn == "2021-12-20")
        }
    }

    @Test func aRegimeWithDeadlinesOnlyIsSavedAndSaysWhatIsMissing() async throws {
        try await withTestApp(now: Day(2019, 2, 1)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let json = """
                {"regime": {"issuer": "Huyện Thạch Hà", "year": 2019, "periods": [
                  {"kind": "Q1", "deadline": "2019-03-05", "deadlineStrict": true},
                  {"kind": "Y", "deadline": "2019-12-05", "deadlineStrict": true}]}}
                """
            let saved = try await officer.send(.PUT, "/api/v1/units/\(thachHa.id!)/regimes/2019", body: ByteBuffer(string: json),
                                              headers: ["Content-Type": "application/json"])
            #expect(saved.status == .ok)
            let dto = try saved.json(ReportingAPI.RegimeDTO.self)
            let q1 = try #require(dto.regime.period(.q1))
            #expect(q1.hasGivenWindow == false)
            #expect(q1.windowText == "01/01/2019 – 03/03/2019")
            #expect(dto.warnings.contains { $0.hasPrefix("Kỳ Quý I/2019: chế độ chỉ nêu thời hạn nộp (trước ngày 05/03/2019)") })
            // Written back as it was given: no window.
            let again = try await officer.get("/api/v1/units/\(thachHa.id!)/regimes/2019")
            #expect(!again.text.contains("\"from\""))
            // The page shows the window empty, to be filled in.
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/regimes/2019")
            #expect(page.text.contains("name=\"from:Q1\" value=\"\""))
            #expect(page.text.contains("name=\"deadline:Q1\" value=\"05/03/2019\""))
        }
    }
}
