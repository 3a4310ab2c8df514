import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Seed 000 §III: the district's offices report the year by their own window; they are judged by
/// their own deadline, not the communes'.
@Suite("Kỳ báo cáo riêng của các cơ quan chuyên môn")
struct OfficePeriodsTests {
    @Test func officesAreJudgedByTheirOwnDeadline() async throws {
        try await withTestApp(now: Day(2021, 12, 1)!.startInVietnam) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/regimes/2021"
            let current = try await officer.get(path).json(ReportingAPI.RegimeDTO.self)
            // The demo holds §III as written: the offices' year runs 15/12/2020–14/12/2021.
            #expect(current.regime.officePeriod(.year)?.windowText == "15/12/2020 – 14/12/2021")
            #expect(current.warnings.contains { $0.hasPrefix("Các cơ quan chuyên môn — Kỳ năm 2021: chốt số liệu đến 14/12/2021") })
            // Give the offices their own deadline, 18/12/2021.
            var regime = current.regime
            regime.officePeriods = [ReportingPeriod(kind: .year, from: Day(2020, 12, 15)!, to: Day(2021, 12, 14)!, deadline: Day(2021, 12, 18)!)]
            let saved = try await officer.send(.PUT, path, json: ReportingAPI.RegimeInput(regime: regime, formID: current.formID,
                                                                                           document: current.document, revision: current.revision))
            #expect(saved.status == .ok)
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let year = try #require(table.periods.first { $0.kind == .year }).id
            let office = try #require(table.rows.first { $0.unitName == "Phòng Tư pháp" })
            let commune = try #require(table.rows.first { $0.unitName == "Xã Thạch Đài" })
            #expect(office.cells.first { $0.periodID == year }?.status == "not_due")
            #expect(commune.cells.first { $0.periodID == year }?.status == "overdue")
            // The office's own report shows its own window and deadline.
            let tp = try await app.unit(code: "HT-THA-TP")
            let own = try await TestClient.session(app, "thachha.tp.cv").get("/units/\(tp.id!)/reports/\(year)")
            #expect(own.text.contains("15/12/2020 – 14/12/2021"))
            #expect(own.text.contains("18/12/2021"))
            // An office period for a kind the units do not have is refused, naming it.
            regime.officePeriods = [ReportingPeriod(kind: .month(3), from: Day(2021, 2, 15)!, to: Day(2021, 3, 14)!, deadline: Day(2021, 3, 18)!)]
            let refused = try await officer.send(.PUT, path, json: ReportingAPI.RegimeInput(regime: regime, formID: current.formID,
                                                                                             document: current.document, revision: current.revision + 1))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Cơ quan chuyên môn, Tháng 3: chế độ chưa có kỳ này cho các đơn vị."))
            // The page has the offices' table.
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/regimes/2021")
            #expect(page.text.contains("Các cơ quan chuyên môn của Huyện Thạch Hà, nếu khác"))
            #expect(page.text.contains("name=\"odeadline:Y\" value=\"18/12/2021\""))
        }
    }

    @Test func aDeadlineWrittenBeforeDayXEndsTheDayBefore() async throws {
        try await withTestApp(now: Day(2021, 3, 13)!.startInVietnam.addingTimeInterval(10 * 3600)) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/regimes/2021"
            let current = try await officer.get(path).json(ReportingAPI.RegimeDTO.self)
            var regime = current.regime
            let q1 = try #require(regime.periods.firstIndex { $0.kind == .q1 })
            regime.periods[q1].deadlineStrict = true // "trước ngày 13/03/2021": the 12th is the last day
            let saved = try await officer.send(.PUT, path, json: ReportingAPI.RegimeInput(regime: regime, formID: current.formID,
                                                                                           document: current.document, revision: current.revision))
            #expect(saved.status == .ok)
            #expect(try saved.json(ReportingAPI.RegimeDTO.self).regime.periods[q1].deadlineStrict == true)
            let table = try await officer.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021").json(TimelinessTable.self)
            let period = try #require(table.periods.first { $0.kind == .q1 })
            #expect(period.deadline == "trước 13/03/2021")
            // On the 13th, a commune that has not sent its Q1 is already overdue.
            let dai = try #require(table.rows.first { $0.unitName == "Xã Thạch Đài" })
            #expect(dai.cells.first { $0.periodID == period.id }?.status == "overdue")
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/regimes/2021")
            #expect(page.text.contains("name=\"strict:Q1\" checked"))
        }
    }
}
