import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// Issue 11's journey through the pages, as the people do it: a framework written elsewhere is imported, a round opened, a
/// commune scores itself with an uploaded file, its leader submits, withdraws and resubmits, the council changes a score, the
/// commune answers, the council closes and publishes, the ranking shows, and the weak criteria become a plan.
@Suite("Chỉ số CCHC: tự đánh giá, thẩm định, giải trình, công bố, kế hoạch nâng cao")
struct ParIndexJourneyTests {
    /// Someone else's framework, in the shape, with its own codes: nothing in the code knows them.
    static let framework = """
    { "code": "TH-XA", "title": "Bộ tiêu chí CCHC cấp xã của huyện Thạch Hà", "year": 2021, "group": "communes",
      "criteria": [
        { "code": "A", "name": "Chỉ đạo, điều hành", "max": 6 },
        { "code": "A1", "parent": "A", "name": "Ban hành kế hoạch CCHC đúng hạn", "max": 2,
          "method": { "type": "deadline", "duties": ["plan"], "onTime": 2, "late": 1, "missing": 0 } },
        { "code": "A2", "parent": "A", "name": "Tin, bài tuyên truyền CCHC", "max": 2, "office": "Văn hóa - Thông tin",
          "method": { "type": "deduction", "per": "month", "required": 2, "penalty": 0.25 } },
        { "code": "A3", "parent": "A", "name": "Kiểm tra CCHC", "max": 2, "office": "Văn phòng",
          "method": { "type": "levels", "levels": [ { "label": "kịp thời", "points": 2 }, { "label": "không kịp thời", "points": 1 },
                                                     { "label": "không kiểm tra", "points": 0 } ] } },
        { "code": "B", "name": "Thủ tục hành chính", "max": 4 },
        { "code": "B1", "parent": "B", "name": "Hồ sơ giải quyết đúng hạn", "max": 3, "office": "Bộ phận một cửa",
          "method": { "type": "bands", "input": "tỷ lệ hồ sơ đúng hạn (%)",
                      "bands": [ { "min": 95, "points": 3 }, { "min": 80, "max": 95, "maxInclusive": false, "points": 2 },
                                 { "max": 80, "maxInclusive": false, "points": 0 } ] } },
        { "code": "B2", "parent": "B", "name": "Niêm yết TTHC", "max": 1, "method": { "type": "boolean" }, "notApplicableFull": true }
      ],
      "classes": [ { "label": "Tốt", "min": 8, "everyCriterionMinShare": 0.5 }, { "label": "Khá", "min": 6 } ] }
    """

    static let december = Day(2021, 12, 1)!.startInVietnam.addingTimeInterval(9 * 3600)

    static func location(_ r: TestingHTTPResponse) -> String { r.headers.first(name: .location) ?? "" }

    @Test func theWholeRoundThroughThePages() async throws {
        try await withTestApp(now: Self.december) { app in
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            let council = try await TestClient.session(app, "thachha.noivu")
            // 1. The standing agency imports the framework (pasted JSON) and opens a round.
            let imported = try await council.send(.POST, "/par/frameworks", form: ["json": Self.framework])
            #expect(imported.status == .seeOther)
            let frameworkPage = try await council.get(Self.location(imported).components(separatedBy: "?")[0]).text
            #expect(frameworkPage.contains("Tin, bài tuyên truyền CCHC") && frameworkPage.contains("Yêu cầu 2/tháng"))
            let record = try #require(try await ParFrameworkRecord.query(on: app.db).filter(\.$code == "TH-XA").first())
            let wrongDate = try await council.send(.POST, "/par/rounds", form: ["frameworkID": "\(record.id!)", "opensOn": "15/11/2021",
                                                                               "selfDue": "31/11/2021", "answerDue": ""])
            #expect(wrongDate.status == .unprocessableEntity)
            #expect(wrongDate.text.contains("Hạn gửi tự đánh giá: “31/11/2021”: tháng 11/2021 không có ngày 31.")
                    && wrongDate.text.contains("Hạn giải trình: chưa nhập ngày"))
            let opened = try await council.send(.POST, "/par/rounds", form: ["frameworkID": "\(record.id!)", "opensOn": "15/11/2021",
                                                                            "selfDue": "10/12/2021", "answerDue": "20/12/2021"])
            #expect(opened.status == .seeOther)
            let round = try #require(try await ParRoundRecord.query(on: app.db).filter(\.$framework.$id == record.id!).first())
            let roundPage = try await council.get("/par/rounds/\(round.id!)").text
            #expect(roundPage.contains("Xã Thạch Đài") && roundPage.contains("Đang tự chấm"))
            let page = "/par/rounds/\(round.id!)/units/\(dai.id!)"

            // 2. The commune scores itself. The plan criterion is the system's: Thạch Đài issued no plan by 30/01/2021.
            let cv = try await TestClient.session(app, "thachdai.cv")
            let first = try await cv.get(page).text
            #expect(first.contains("Chưa ban hành kế hoạch CCHC năm 2021"))
            // A month short in the counts: refused, naming the criterion, the typing kept.
            let bad = try await cv.send(.POST, page, formPairs: [("revision", "0"), ("value:A2", "2 2 2 2 2 2 2 2 2 2 1"),
                                                                 ("value:A3", "kịp thời"), ("explanation:A3", "Đã kiểm tra 3 bộ phận")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Tiêu chí A2") && bad.text.contains("2 2 2 2 2 2 2 2 2 2 1") && bad.text.contains("Đã kiểm tra 3 bộ phận"))
            let saved = try await cv.send(.POST, page, formPairs: [
                ("revision", "0"), ("value:A2", "2 2 2 2 2 1 2 2 2 2 2 2"), ("evidence:A2", "Sổ theo dõi tin bài năm 2021"),
                ("value:A3", "kịp thời"), ("value:B1", "96,5 %"), ("value:B2", "không phát sinh"),
                ("explanation:B2", "Không có TTHC mới phải niêm yết trong năm")])
            #expect(saved.status == .seeOther)
            // The check file for A3, through the page's multipart form.
            var body = ByteBuffer()
            // The file goes with the page's whole form: the explanation typed beside it is saved with it.
            body.writeString("--B\r\nContent-Disposition: form-data; name=\"explanation:A3\"\r\n\r\nBiên bản kèm theo\r\n")
            body.writeString("--B\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nA3\r\n--B\r\nContent-Disposition: form-data; "
                             + "name=\"file\"; filename=\"Biên bản kiểm tra.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 kiem tra\r\n--B--\r\n")
            let uploaded = try await app.testing().sendRequest(.POST, "\(page)/files?_csrf=\(cv.csrf!)",
                                                               headers: ["Cookie": cv.cookie!, "Content-Type": "multipart/form-data; boundary=B"],
                                                               body: body)
            #expect(uploaded.status == .seeOther)
            let cvAPI = try await TestClient.api(app, "thachdai.cv")
            let scored = try await cvAPI.get("/api/v1/par/rounds/\(round.id!)/units/\(dai.id!)").json(ParAssessmentView.self)
            #expect(scored.rows.first { $0.code == "A1" }?.selfPoints == 0)          // system: no plan
            #expect(scored.rows.first { $0.code == "A2" }?.selfPoints == 1.75)       // one item short: −0,25
            #expect(scored.rows.first { $0.code == "B1" }?.selfPoints == 3)
            #expect(scored.rows.first { $0.code == "B2" }?.selfPoints == 1)          // không phát sinh: full
            #expect(scored.rows.first { $0.code == "A3" }?.files.map(\.fileName) == ["Biên bản kiểm tra.pdf"])
            #expect(scored.rows.first { $0.code == "A3" }?.explanation == "Biên bản kèm theo")
            #expect(ParPoints.same(scored.selfTotal, 7.75))

            // 3. The specialist cannot submit; the leader can. A1 (system data) and the others have evidence or an explanation.
            let refused = try await cv.send(.POST, "\(page)/actions/submit", formPairs: [("revision", "\(scored.revision)")])
            #expect(refused.status == .forbidden)
            let ld = try await TestClient.session(app, "thachdai.ld")
            // B1 has neither evidence nor an explanation: the submission is refused, naming it.
            let unexplained = try await ld.send(.POST, "\(page)/actions/submit", formPairs: [("revision", "\(scored.revision)")])
            #expect(unexplained.status == .unprocessableEntity)
            #expect(unexplained.text.contains("Tiêu chí B1: chưa có tài liệu kiểm chứng, phải viết giải trình"))
            #expect(try await ld.send(.POST, "\(page)/actions/submit", formPairs: [
                ("revision", "\(scored.revision)"), ("evidence:B1", "Báo cáo tình hình giải quyết TTHC năm 2021")]).status == .seeOther)
            // …withdraws it before the deadline, corrects A2, and sends it again.
            var rev = try await ld.revision(page)
            #expect(try await ld.send(.POST, "\(page)/actions/withdraw", formPairs: [("revision", rev)]).status == .seeOther)
            rev = try await ld.revision(page)
            #expect(try await ld.send(.POST, "\(page)/actions/submit", formPairs: [("revision", rev), ("value:A2", "2 2 2 2 2 2 2 2 2 2 2 2")])
                .status == .seeOther)
            let sent = try await cvAPI.get("/api/v1/par/rounds/\(round.id!)/units/\(dai.id!)").json(ParAssessmentView.self)
            #expect(sent.state == "submitted" && sent.withdrawals == 1 && ParPoints.same(sent.selfTotal, 8))
            // What the system scored is written in as it stood when sent: the plan criterion now holds its data.
            let a1 = try #require(sent.rows.first { $0.code == "A1" })
            #expect(a1.value == "plan: không thực hiện" && a1.evidence.contains { $0.hasPrefix("Dữ liệu hệ thống: Chưa ban hành kế hoạch") })

            // 4. The council lowers A3 with a comment and sends its result; the difference stands out.
            rev = try await council.revision(page)
            #expect(try await council.send(.POST, "\(page)/actions/send", formPairs: [
                ("revision", rev), ("points:A3", "1"), ("comment:A3", "Chưa chỉ rõ nội dung khắc phục của từng cá nhân")]).status == .seeOther)
            let appraisedPage = try await cv.get(page).text
            #expect(appraisedPage.contains("row-warn") && appraisedPage.contains("Chưa chỉ rõ nội dung khắc phục"))
            // The withdrawal is gone: the council has scored.
            #expect(try await ld.send(.POST, "\(page)/actions/withdraw", formPairs: [("revision", try await ld.revision(page))]).status == .conflict)

            // 5. The commune answers once.
            rev = try await ld.revision(page)
            #expect(try await ld.send(.POST, "\(page)/actions/answer", formPairs: [
                ("revision", rev), ("answer:A3", "Đã có thông báo kết luận kiểm tra ngày 20/11/2021")]).status == .seeOther)
            #expect(try await ld.send(.POST, "\(page)/actions/answer", formPairs: [
                ("revision", try await ld.revision(page)), ("answer:A3", "lần nữa")]).status == .conflict)

            // 6. The council keeps its score, closes and publishes.
            let roundPath = "/par/rounds/\(round.id!)"
            for state in ["appraisal", "closed", "published"] {
                let r = try await council.send(.POST, roundPath, formPairs: [("revision", try await council.revision(roundPath)), ("state", state)])
                #expect(r.status == .seeOther, "chuyển \(state)")
            }
            let results = try await council.get("\(roundPath)/results").text
            #expect(results.contains("Xã Thạch Đài") && results.contains("Xếp hạng"))
            let view = try await TestClient.api(app, "thachha.noivu").get("/api/v1/par/rounds/\(round.id!)").json(ParRoundView.self)
            let row = try #require(view.units.first { $0.unitID == dai.id! })
            #expect(row.rank == 1 && ParPoints.same(row.total ?? 0, 7) && row.classLabel == "Khá")
            // The class and the area points are kept with the total, so the ranking reads them instead of scoring again.
            let kept = try #require(try await ParAssessmentRecord.query(on: app.db).filter(\.$round.$id == round.id!).filter(\.$unit.$id == dai.id!).first())
            #expect(kept.finalClass == "Khá")
            #expect(ParStoredCard(kept).map { c in view.areas.map { c.areaPoints[$0.code] ?? -1 } } == row.areaPoints)
            // The commune sees its own rank now; not another district's round.
            let mine = try await cvAPI.get("/api/v1/par/rounds/\(round.id!)/units/\(dai.id!)").json(ParAssessmentView.self)
            #expect(mine.standing == "01/1" && mine.classLabel == "Khá")
            #expect(try await TestClient.session(app, "quangtho.cv").get(roundPath).status == .notFound)

            // 7. The weak criteria become next year's plan, grouped by the section responsible.
            let planned = try await cv.send(.POST, "\(page)/actions/plan", formPairs: [("revision", "\(mine.revision)")])
            #expect(planned.status == .seeOther)
            let plan = try await cvAPI.get("/api/v1/units/\(dai.id!)/plans/2022/parImprovement").json(PlanView.self)
            #expect(plan.tasks.contains { $0.entry.task.contains("A1") })
            #expect(plan.tasks.contains { $0.entry.task.contains("A3") && $0.entry.lead == ["Văn phòng"] })
            // Who did what, when.
            let actions = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["par.self.submit", "par.self.withdraw", "par.appraisal.send",
                                                                                    "par.answer", "par.round.published"]).all().map(\.action)
            #expect(Set(actions).count == 5)
        }
    }

    /// The demo as seed 001 tells it: Quảng Thọ 92,63 in 2019, 01/11, +4,47 on 88,16; its weak criteria with their sections;
    /// the 2020 round open for self-assessment; the ranking shared by tied units; the improvement plan in seed 001's shape.
    @Test func quangDienAsSeed001TellsIt() async throws {
        try await withTestApp(now: Day(2020, 11, 20)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let district = try await TestClient.api(app, "quangdien.noivu")
            let rounds = try await district.get("/api/v1/par/rounds").json([ParIndexAPI.RoundSummary].self)
            #expect(rounds.map(\.year).sorted() == [2018, 2019, 2020])
            let r2019 = try #require(rounds.first { $0.year == 2019 })
            let view = try await district.get("/api/v1/par/rounds/\(r2019.id)").json(ParRoundView.self)
            #expect(view.units.count == 11 && view.state == "published")
            let tho = try #require(view.units.first { $0.unitName == "Xã Quảng Thọ" })
            #expect(tho.rank == 1 && !tho.tied && tho.total.map { ParPoints.text($0) } == "92,63" && tho.change == "+4,47")
            #expect(view.units.contains { $0.tied })
            // Every scored assessment of the demo keeps the card its entries score to (what the ranking shows without scoring).
            let framework = try await ParQueries.framework(try #require(try await ParRoundRecord.find(r2019.id, on: app.db)).$framework.id,
                                                          on: app.db).framework()
            let scored = try await ParAssessmentRecord.query(on: app.db).filter(\.$round.$id == r2019.id).filter(\.$total != nil).all()
            let entries = try await ParQueries.entries(of: scored.compactMap(\.id), on: app.db)
            #expect(scored.count == view.units.filter { $0.total != nil }.count && scored.count > 5)
            for a in scored {
                let rescored = ParStoredCard(ParEvaluation.evaluate(framework, entries: entries[a.id!] ?? [:], system: [:]).finalCard, framework: framework)
                #expect(ParStoredCard(a) == rescored, "\(a.$unit.id)")
            }
            let quangTho = try await app.unit(code: "TTH-QDI-QUANGTHO")
            let own = try await TestClient.api(app, "quangtho.cv")
            let mine = try await own.get("/api/v1/par/rounds/\(r2019.id)/units/\(quangTho.id!)").json(ParAssessmentView.self)
            #expect(mine.standing == "01/11")
            #expect(mine.changeSentence == "cao hơn năm 2018 là 4,47 điểm (năm 2018 đạt 88,16 điểm)")
            #expect(Array(mine.weakest.prefix(4)).map(\.code).first == "1.4")
            #expect(Set(mine.weakest.prefix(4).map(\.code)) == ["1.4", "2.1.1.1", "2.1.3", "1.3.3"])
            #expect(mine.rows.first { $0.code == "1.3.3" }.map { ParPoints.outOf($0.points, $0.max) } == "1,5/2")
            #expect(mine.rows.first { $0.code == "2.1" }.map { ParPoints.outOf($0.points, $0.max) } == "10/11")
            // The commune does not see the round's other units.
            #expect(try await own.get("/api/v1/par/rounds/\(r2019.id)").status == .notFound)
            // 2020: open, every unit drafting.
            let r2020 = try await district.get("/api/v1/par/rounds/\(try #require(rounds.first { $0.year == 2020 }).id)").json(ParRoundView.self)
            #expect(r2020.state == "selfAssessment" && r2020.units.allSatisfy { $0.state == "draft" })
            // The improvement plan: tasks grouped by section, naming the criterion and the points at stake.
            let plan = try await own.send(.POST, "/api/v1/par/rounds/\(r2019.id)/units/\(quangTho.id!)/actions/plan", json: ["revision": mine.revision])
            #expect(plan.status == .created)
            let drafted = try plan.json(PlanView.self)
            #expect(drafted.year == 2020 && drafted.kind == .parImprovement)
            #expect(drafted.tasks.contains { $0.entry.detail.hasPrefix("1.4 ") && $0.entry.detail.contains("5/6 (mất 1 điểm)") })
            #expect(drafted.tasks.contains { $0.entry.detail.contains("2.1.3") && $0.entry.lead == ["Tư pháp"] })
            // The files: the ranking and the score sheet, read back.
            let page = try await TestClient.session(app, "quangdien.noivu")
            let xlsx = try await page.get("/par/rounds/\(r2019.id)/results.xlsx")
            #expect(xlsx.status == .ok)
            let rows = ParFiles.rows(of: try #require(try XLSXReader.read(Data(xlsx.body.readableBytesView)).first))
            let thoRow = try #require(rows.first { $0.contains("Xã Quảng Thọ") })
            #expect(thoRow.first == "1" && thoRow.contains { $0.hasPrefix("92.63") || $0 == "92,63" })
            let sheet = try await page.get("/par/rounds/\(r2019.id)/units/\(quangTho.id!)/sheet.docx")
            #expect(sheet.status == .ok && Data(sheet.body.readableBytesView).starts(with: [0x50, 0x4B]))
        }
    }
}
