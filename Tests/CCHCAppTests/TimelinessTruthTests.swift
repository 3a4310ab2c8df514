import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// Timeliness as the standing agency must see it, and the emulation ranking built on it (issue 9).
@Suite("Theo dõi nộp báo cáo trung thực, xếp hạng thi đua")
struct TimelinessTruthTests {
    @Test func resubmissionsDecideAndInternalStepsChangeNothing() async throws {
        try await withTestApp(now: Day(2021, 7, 1)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/timeliness?year=2021"
            let table = try await officer.get(path).json(TimelinessTable.self)
            let q1 = table.periods[0].id
            let cell = { (row: TimelinessTable.Row) -> TimelinessTable.Cell in Self.cell(row, q1) }
            // The standing agency receives; it owes nothing to its own jurisdiction.
            #expect(!table.rows.contains { $0.unitName == "Phòng Nội vụ" })
            // The demo's late resubmission after a return, and a return still waiting.
            let resubmitted = try #require(table.rows.first { cell($0).label.hasPrefix("Nộp lại muộn") })
            let resubmittedCell = cell(resubmitted)
            #expect(resubmittedCell.status == "late")
            #expect(resubmittedCell.daysLate == 20)
            let waiting = try #require(table.rows.first { cell($0).status == "returned" })
            #expect(cell(waiting).label.hasPrefix("Bị trả lại, chờ nộp lại"))

            // The returned commune sends its corrected report to its own leader: the district still sees it as returned.
            let unit = try #require(try await Unit.find(waiting.unitID, on: app.db))
            let slug = unit.code.replacingOccurrences(of: "HT-THA-", with: "").lowercased()
            let cv = try await TestClient.api(app, "\(slug).cv")
            let reportPath = "/api/v1/units/\(unit.id!)/reports/\(q1)"
            let dto = try await cv.get(reportPath).json(ReportingAPI.ReportDTO.self)
            #expect(try await cv.send(.POST, reportPath + "/sendToLeader", json: ["revision": dto.revision]).status == .ok)
            let after = try await officer.get(path).json(TimelinessTable.self)
            let again = try #require(after.rows.first { $0.unitID == waiting.unitID })
            #expect(cell(again).status == "returned")
            #expect(cell(again).state == "returned")

            // Its leader sends it now, months after the deadline: late, judged on the resubmission.
            let ld = try await TestClient.api(app, "\(slug).ld")
            #expect(try await ld.send(.POST, reportPath + "/submit", json: ["docNumber": "99/BC-UBND", "docDate": "01/07/2021"]).status == .ok)
            let lateTable = try await officer.get(path).json(TimelinessTable.self)
            let late = try #require(lateTable.rows.first { $0.unitID == waiting.unitID })
            #expect(cell(late).status == "late")
            #expect(cell(late).label.hasPrefix("Nộp lại muộn"))
        }
    }

    static func cell(_ row: TimelinessTable.Row, _ period: Int) -> TimelinessTable.Cell {
        row.cells.first { $0.periodID == period }!
    }

    @Test func theEmulationRankingFollowsItsStatedRule() async throws {
        try await withTestApp(now: Day(2021, 7, 1)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.session(app, "thachha.noivu")
            let table = try await TestClient.api(app, "thachha.noivu").get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021")
                .json(TimelinessTable.self)
            #expect(table.ranking.count == table.rows.count)
            #expect(table.emulationRule.hasPrefix("Xếp hạng theo: ít kỳ quá hạn chưa nộp nhất"))
            // Ranked: no unit has fewer missing reports than one above it, and ties share a rank.
            for (a, b) in zip(table.ranking, table.ranking.dropFirst()) {
                #expect(a.rank <= b.rank)
                #expect(a.missing <= b.missing)
                if a.missing == b.missing && a.late == b.late && a.daysLate == b.daysLate && a.returned == b.returned { #expect(a.rank == b.rank) }
            }
            #expect(table.ranking.first?.rank == 1)
            #expect(table.ranking.contains { $0.daysLate >= 20 })
            let page = try await officer.get("/units/\(thachHa.id!)/timeliness?year=2021")
            #expect(page.text.contains("Tổng hợp thi đua: chấp hành chế độ báo cáo năm 2021"))
            let xlsx = try await officer.get("/units/\(thachHa.id!)/emulation.xlsx?year=2021")
            #expect(xlsx.status == .ok)
            let sheet = try #require(try XLSXReader.read(Data(buffer: xlsx.body)).first)
            #expect(sheet.cells["B4"] == "Đơn vị")
            #expect(sheet.cells["A5"] == "1")
            #expect(sheet.cells["B5"] == table.ranking[0].unitName)
        }
    }

    @Test func rankingRuleInTheDomain() {
        let ranked = Emulation.rank([
            (1, "Xã B", [.onTime, .late(days: 3)]),
            (2, "Xã A", [.onTime, .onTime]),
            (3, "Xã C", [.overdue(daysLate: 10), .onTime]),
            (4, "Xã Đ", [.onTime, .resubmitted(daysLate: 0)]),
            (5, "Xã E", [.returned(overdue: true), .onTime]),
        ])
        #expect(ranked.map(\.unitName) == ["Xã A", "Xã Đ", "Xã E", "Xã B", "Xã C"])
        #expect(ranked.map(\.rank) == [1, 1, 3, 4, 5])
        #expect(ranked[3].daysLate == 3)
    }
}
