import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// Issue 12: the inspection journey through the pages, its dates on a clock the test sets, and block 1.2 of a report.
@Suite("Kiểm tra CCHC: kế hoạch, tự kiểm tra, kiểm tra, vấn đề, khắc phục, xác minh")
struct InspectionTests {
    struct N: Decodable { let n: Int }

    @Test func nghiXuansQ3ReportCountsBlockOnePointTwoAsATestDoes() async throws {
        try await withTestApp(now: Day(2022, 9, 15)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let district = try await app.unit(code: "HT-NXU")
            let officer = try await TestClient.api(app, "nghixuan.noivu")
            let table = try await officer.get("/api/v1/units/\(district.id!)/timeliness?year=2022").json(TimelinessTable.self)
            let q3 = try #require(table.periods.first { $0.kind == .q3 })
            // Counted independently, in SQL, for Q3's window 15/12/2021 – 14/09/2022.
            let sql = app.db as! any SQLDatabase
            let inspected = try await sql.raw("""
                SELECT COUNT(DISTINCT v.unit_id) AS n FROM inspection_visits v JOIN inspection_plans p ON p.id = v.plan_id
                WHERE p.unit_id = \(bind: district.id!) AND v.concluded_on >= '2021-12-15' AND v.concluded_on <= '2022-09-14'
                """).first(decoding: N.self)?.n
            let found = try await sql.raw("""
                SELECT COUNT(*) AS n FROM inspection_findings f JOIN inspection_visits v ON v.id = f.visit_id JOIN inspection_plans p ON p.id = v.plan_id
                WHERE p.unit_id = \(bind: district.id!) AND f.found_on >= '2021-12-15' AND f.found_on <= '2022-09-14'
                """).first(decoding: N.self)?.n
            let resolved = try await sql.raw("""
                SELECT COUNT(*) AS n FROM inspection_findings f JOIN inspection_visits v ON v.id = f.visit_id JOIN inspection_plans p ON p.id = v.plan_id
                WHERE p.unit_id = \(bind: district.id!) AND f.found_on >= '2021-12-15' AND f.found_on <= '2022-09-14'
                  AND f.status = 'verified' AND f.verified_on <= '2022-09-14'
                """).first(decoding: N.self)?.n
            let communes = try await Unit.query(on: app.db).filter(\.$parent.$id == district.id!).filter(\.$isStandingAgency == false).all()
                .filter { !$0.kind.isOffice && !$0.isRetired }.count
            let dto = try await officer.get("/api/v1/units/\(district.id!)/reports/\(q3.id)").json(ReportingAPI.ReportDTO.self)
            let computed = Dictionary(dto.computed.map { ($0.code, $0.value) }, uniquingKeysWith: { a, _ in a })
            #expect(computed["1.2.1"] == Double(communes))
            #expect(computed["1.2.2"] == Double(try #require(inspected)))
            #expect(computed["1.2.3"] == Double(try #require(found)))
            #expect(computed["1.2.4"] == Double(try #require(resolved)))
            // The demo's figures as its generator counted them (scripts/make_demo_inspection.py).
            #expect([computed["1.2.1"], computed["1.2.2"], computed["1.2.3"], computed["1.2.4"]] == [17, 5, 14, 11])
            // One finding is overdue on 15/09/2022, and the overview says so.
            let view = try await officer.get("/api/v1/units/\(district.id!)/inspections?year=2022").json(InspectionView.self)
            #expect(view.findings.filter { $0.state.isOverdue }.count == 1)
            #expect(view.selfReports.filter { $0.round == 1 && $0.late }.count == 4)   // three sent late, one never sent
            // The PAR index's "remediation" duty reads the same records: Xuân Phổ's overdue finding → not done.
            let overdueUnit = try #require(view.findings.first { $0.state.isOverdue }?.unitID)
            let pho = try #require(try await Unit.find(overdueUnit, on: app.db))
            #expect(pho.code == "HT-NXU-XUANPHO")
            #expect(try await ParSystemInputs.remediation(unit: pho, year: 2022, today: Day(2022, 9, 15)!, on: app.db)?.0 == .missing)
            let untouched = try await app.unit(code: "HT-THA-THACHDAI")
            #expect(try await ParSystemInputs.remediation(unit: untouched, year: 2022, today: Day(2022, 9, 15)!, on: app.db)?.0 == .onTime)
        }
    }

    @Test func theJourneyThroughThePages() async throws {
        let march = Day(2022, 3, 20)!.startInVietnam.addingTimeInterval(9 * 3600)
        try await withTestApp(now: march) { app in
            let clock = try #require(app.clock as? FixedClock)
            let thachHa = try await app.unit(code: "HT-THA"), dai = try await app.unit(code: "HT-THA-THACHDAI")
            var team = try await TestClient.session(app, "thachha.noivu")
            // 1. The plan, as JSON on the page: one round, self-inspection "trước ngày 20/5/2022", 3 and 15 days.
            let plan = InspectionPlanDocument(unit: "", year: 2022, purpose: ["Đánh giá việc thực hiện kế hoạch CCHC"], rounds: [
                InspectionRound(number: 1, label: "Đợt 1", from: Day(2022, 6, 1)!, to: Day(2022, 7, 31)!, selfDue: DueDate(day: Day(2022, 5, 20)!, strict: true))])
            let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
            let base = "/units/\(thachHa.id!)/inspections"
            #expect(try await team.send(.POST, "\(base)/plan", form: ["json": json, "year": "2022", "revision": "0"]).status == .seeOther)
            let bad = try await team.send(.POST, "\(base)/plan", form: ["json": "{ \"year\": 2022", "year": "2022"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("JSON của kế hoạch kiểm tra không đọc được")
                    && bad.text.contains("{ &quot;year&quot;: 2022"))
            // 2. Thạch Đài's self-inspection: its specialist drafts, the leader sends — late, on 20/05 in Vietnam time.
            var cv = try await TestClient.session(app, "thachdai.cv"), ld = try await TestClient.session(app, "thachdai.ld")
            let mine = "/units/\(dai.id!)/inspections"
            let answers = (0..<9).map { ("answer:\($0)", "Đã thực hiện nội dung \($0 + 1)") }
            #expect(try await cv.send(.POST, "\(mine)/self", formPairs: [("year", "2022"), ("round", "1")] + answers).status == .seeOther)
            let refused = try await ld.send(.POST, "\(mine)/self", formPairs: [("year", "2022"), ("round", "1"), ("send", "1"), ("answer:0", "x")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Nội dung kiểm tra 2"))
            // The clock jumps weeks ahead: sessions expire meanwhile, so each step signs in again.
            clock.set(Day(2022, 5, 20)!.startInVietnam.addingTimeInterval(60))
            ld = try await TestClient.session(app, "thachdai.ld")
            let sent = try await ld.send(.POST, "\(mine)/self", formPairs: [("year", "2022"), ("round", "1"), ("send", "1")] + answers)
            #expect(sent.status == .seeOther, "\(sent.headers.first(name: .location) ?? "") \(sent.text.prefix(300))")
            var api = try await TestClient.api(app, "thachha.noivu")
            team = try await TestClient.session(app, "thachha.noivu")
            var view = try await api.get("/api/v1/units/\(thachHa.id!)/inspections?year=2022").json(InspectionView.self)
            #expect(view.selfReports.first { $0.unitID == dai.id! }?.status == "Nộp muộn 1 ngày")
            // A round's visit outside the round's window is refused, naming the window; the typing stays.
            let outside = try await team.send(.POST, "\(base)/visits", form: ["year": "2022", "unitID": "\(dai.id!)", "round": "1",
                                                                                "date": "15/09/2022", "leader": "Trưởng phòng Nội vụ"])
            #expect(outside.status == .unprocessableEntity && outside.text.contains("ngoài thời gian kiểm tra của Đợt 1 (01/06/2022 – 31/07/2022)")
                    && outside.text.contains("value=\"Trưởng phòng Nội vụ\""))
            // 3. A visit on 15/06: its pre-visit report is due 12/06; moved to 01/07, due 28/06, the move kept.
            let scheduled = try await team.send(.POST, "\(base)/visits", form: ["year": "2022", "unitID": "\(dai.id!)", "round": "1",
                                                                                  "date": "15/06/2022", "leader": "Trưởng phòng Nội vụ",
                                                                                  "members": "Chuyên viên Phòng Nội vụ\nPhó Trưởng phòng Tư pháp"])
            #expect(scheduled.status == .seeOther, "\(scheduled.headers.first(name: .location) ?? "") \(scheduled.text.prefix(600))")
            let visitPath = try #require(scheduled.headers.first(name: .location))
            let visitID = try #require(Int(visitPath.split(separator: "/").last ?? ""))
            let apiVisit = "/api/v1/units/\(dai.id!)/inspections/visits/\(visitID)"
            var detail = try await api.get(apiVisit).json(InspectionAPI.VisitDetail.self)
            #expect(detail.visit.preReportDue == Day(2022, 6, 12)!)
            #expect(try await team.send(.POST, "\(visitPath)/move", formPairs: [("revision", "\(detail.revision)"), ("date", "01/07/2022"),
                                                                               ("reason", "Trùng lịch tiếp công dân")]).status == .seeOther)
            detail = try await api.get(apiVisit).json(InspectionAPI.VisitDetail.self)
            #expect(detail.visit.date == Day(2022, 7, 1)! && detail.visit.preReportDue == Day(2022, 6, 28)!)
            #expect(detail.visit.moves.map(\.from) == [Day(2022, 6, 15)!])
            // 4. The commune's written report, on 27/06: on time.
            clock.set(Day(2022, 6, 27)!.startInVietnam.addingTimeInterval(10 * 3600))
            (cv, team, api) = (try await TestClient.session(app, "thachdai.cv"), try await TestClient.session(app, "thachha.noivu"),
                               try await TestClient.api(app, "thachha.noivu"))
            #expect(try await cv.send(.POST, "\(visitPath)/prereport", formPairs: [("revision", "\(detail.revision)"),
                                                                                 ("preReport", "Báo cáo kết quả CCHC 6 tháng")]).status == .seeOther)
            // 5. The conclusion on 05/07 with two findings: remediation due 20/07.
            clock.set(Day(2022, 7, 5)!.startInVietnam.addingTimeInterval(10 * 3600))
            (cv, team, api) = (try await TestClient.session(app, "thachdai.cv"), try await TestClient.session(app, "thachha.noivu"),
                               try await TestClient.api(app, "thachha.noivu"))
            detail = try await api.get(apiVisit).json(InspectionAPI.VisitDetail.self)
            #expect(detail.visit.preReportStatus == "Đúng hạn")
            let concluded = try await team.send(.POST, "\(visitPath)/conclude", formPairs: [
                ("revision", "\(detail.revision)"), ("concludedOn", "05/07/2022"), ("number", "55/TB-UBND"),
                ("conclusion", "Xã đã triển khai kế hoạch; còn tồn tại cần khắc phục."),
                ("area:1", "procedures"), ("description:1", "Niêm yết TTHC chưa đầy đủ"), ("severity:1", "major"), ("responsible:1", "Bộ phận một cửa"),
                ("area:2", "eGovernment"), ("description:2", "Chưa dùng chữ ký số"), ("responsible:2", "Văn phòng UBND xã")])
            #expect(concluded.status == .seeOther)
            detail = try await api.get(apiVisit).json(InspectionAPI.VisitDetail.self)
            #expect(detail.findings.count == 2 && detail.findings.allSatisfy { $0.due == Day(2022, 7, 20)! })
            // The conclusion is in the district's register, pointing back at the visit.
            let registered = try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == thachHa.id!).filter(\.$numberText == "55/TB-UBND").first()
            #expect(registered?.sourceKind == "inspection" && registered?.sourceID == visitID && registered?.issuedOn == "2022-07-05")
            let first = try #require(detail.findings.first), second = try #require(detail.findings.last)
            // 6. One fixed on time and verified; the other overdue on 22/07.
            clock.set(Day(2022, 7, 18)!.startInVietnam.addingTimeInterval(10 * 3600))
            (cv, team, api) = (try await TestClient.session(app, "thachdai.cv"), try await TestClient.session(app, "thachha.noivu"),
                               try await TestClient.api(app, "thachha.noivu"))
            #expect(try await cv.send(.POST, "\(visitPath)/findings/\(first.id)/remediate", formPairs: [
                ("revision", "\(first.revision)"), ("remediation", "Đã niêm yết đủ 112 TTHC")]).status == .seeOther)
            detail = try await api.get(apiVisit).json(InspectionAPI.VisitDetail.self)
            let fixed = try #require(detail.findings.first { $0.id == first.id })
            #expect(try await cv.send(.POST, "\(visitPath)/findings/\(first.id)/verify", formPairs: [("revision", "\(fixed.revision)")]).status == .forbidden)
            #expect(try await team.send(.POST, "\(visitPath)/findings/\(first.id)/verify", formPairs: [("revision", "\(fixed.revision)")]).status == .seeOther)
            clock.set(Day(2022, 7, 22)!.startInVietnam.addingTimeInterval(10 * 3600))
            (cv, team, api) = (try await TestClient.session(app, "thachdai.cv"), try await TestClient.session(app, "thachha.noivu"),
                               try await TestClient.api(app, "thachha.noivu"))
            view = try await api.get("/api/v1/units/\(thachHa.id!)/inspections?year=2022").json(InspectionView.self)
            #expect(view.findings.first { $0.id == first.id }?.status == .verified)
            #expect(view.findings.first { $0.id == second.id }?.state.label == "Quá hạn khắc phục 2 ngày")
            let page = try await team.get(visitPath).text
            #expect(page.contains("Quá hạn khắc phục 2 ngày") && page.contains("Đã xác minh, kết thúc"))
            // The conclusion notice and the plan as .docx, read back.
            let notice = try await team.get("\(visitPath)/conclusion.docx")
            #expect(notice.status == .ok)
            let (paragraphs, tables) = try InspectionDocumentsTests.read(Data(notice.body.readableBytesView))
            let text = (paragraphs + tables.flatMap(InspectionDocumentsTests.texts)).joined(separator: "\n")
            #expect(text.contains("Niêm yết TTHC chưa đầy đủ") && text.contains("20/07/2022"))
            #expect(try await team.get("\(base)/plan.docx?year=2022").status == .ok)
            // Another district's officer sees none of it.
            #expect(try await TestClient.session(app, "nghixuan.noivu").get(visitPath).status == .notFound)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["inspection.plan.create", "inspection.self.send",
                "inspection.visit.schedule", "inspection.visit.move", "inspection.visit.prereport", "inspection.visit.conclude",
                "inspection.finding.remediate", "inspection.finding.verify"]).all().map(\.action)
            #expect(Set(actions).count == 8)
        }
    }

    /// Issue 12 §1: the inspection plan is a plan of the planning capability's kind "kế hoạch kiểm tra" — its tasks made from the
    /// rounds (the communes' self-inspection assigned to them), signed off like any plan, and no longer edited once signed.
    @Test func theInspectionPlanIsSignedOffAndTrackedAsAPlan() async throws {
        try await withTestApp(now: Day(2022, 3, 20)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let team = try await TestClient.session(app, "thachha.noivu")
            let plan = InspectionPlanDocument(unit: "", year: 2022, rounds: [
                InspectionRound(number: 1, label: "Đợt 1", from: Day(2022, 6, 1)!, to: Day(2022, 7, 31)!,
                                selfDue: DueDate(day: Day(2022, 5, 20)!, strict: true)),
                InspectionRound(number: 2, label: "Đợt 2", from: Day(2022, 10, 1)!, to: Day(2022, 11, 30)!, scope: InspectionScope(share: 0.5))])
            let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
            let base = "/units/\(thachHa.id!)/inspections"
            #expect(try await team.send(.POST, "\(base)/plan", form: ["json": json, "year": "2022"]).status == .seeOther)
            let record = try #require(try await PlanRecord.query(on: app.db).filter(\.$unit.$id == thachHa.id!).filter(\.$year == 2022)
                .filter(\.$kind == "inspection").first())
            #expect(record.state == .draft)
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$plan.$id == record.id!).sort(\.$position).all()
            // Round 1: self-inspection by 19/05 and the visits by 31/07; round 2 (no self-inspection deadline): the visits; follow-up.
            #expect(tasks.count == 4)
            #expect(tasks.first?.lastDue == "2022-05-19" && tasks[1].lastDue == "2022-07-31" && tasks[2].lastDue == "2022-11-30")
            // The self-inspection task is assigned to every commune of the district, each to track.
            let communes = try await Unit.query(on: app.db).filter(\.$parent.$id == thachHa.id!)
                .filter(\.$kind ~~ [.commune, .ward, .township]).filter(\.$retiredOn == nil).count()
            let assigned = try await PlanAssignmentRecord.query(on: app.db).filter(\.$task.$id == tasks[0].id!).count()
            #expect(communes > 0 && assigned == communes)
            let api = try await TestClient.api(app, "thachha.noivu")
            let view = try await api.get("/api/v1/units/\(thachHa.id!)/inspections?year=2022").json(InspectionView.self)
            #expect(view.signOff?.tasks == 4 && view.signOff?.state == .draft)
            #expect(try await team.get("\(base)?year=2022").text.contains("Trang kế hoạch: ký ban hành, theo dõi 4 nhiệm vụ"))
            // Signed: 30/KH-UBND of 25/03/2022 — then the rounds are no longer edited, and the refusal says why.
            let path = "/api/v1/units/\(thachHa.id!)/plans/2022/inspection"
            #expect(try await api.send(.POST, path + "/actions/sendToLeader").status == .ok)
            let ld = try await TestClient.api(app, "thachha.ld")
            #expect(try await ld.send(.POST, path + "/actions/submit", json: ["docNumber": "30/KH-UBND", "docDate": "25/03/2022"]).status == .ok)
            let again = try await team.send(.POST, "\(base)/plan", form: ["json": json, "year": "2022"])
            #expect(again.status == .conflict || again.status == .unprocessableEntity)
            #expect(again.text.contains("không sửa được"))
            let page = try await team.get("\(base)?year=2022").text
            #expect(page.contains("Kế hoạch kiểm tra số 30/KH-UBND") && page.contains("ngày 25/03/2022"))
            let registered = try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == thachHa.id!).filter(\.$numberText == "30/KH-UBND").first()
            #expect(registered?.sourceKind == "plan" && registered?.sourceID == record.id)
        }
    }
}
