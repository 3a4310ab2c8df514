import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Seeds 000 and 004: annual plans, their coverage, the cascade of assigned tasks, sign-off, progress and the files.
@Suite("Kế hoạch CCHC: bảng nhiệm vụ, kiểm tra, giao việc, tiến độ")
struct PlanningTests {
    static let at = Day(2021, 3, 1)!.startInVietnam.addingTimeInterval(9 * 3600)

    static func plan(_ client: TestClient, _ unit: CCHCApp.Unit, kind: String = "cchc") async throws -> PlanView {
        try await client.get("/api/v1/units/\(unit.id!)/plans/2021/\(kind)").json(PlanView.self)
    }

    @Test func theDemoHoldsSocTrangsTaskTableRowForRow() async throws {
        try await withTestApp(now: Self.at) { app in
            let province = try await app.unit(code: "ST")
            let view = try await Self.plan(try await TestClient.api(app, "admin"), province)
            let transcribed = try PlanFiles.demoPlan()
            #expect(view.tasks.count == transcribed.tasks.count)
            let byArea = [4, 4, 3, 4, 3, 3, 8] // seed 004's appendix, counted area by area
            #expect(view.tasks.count == byArea.reduce(0, +))
            for (task, expected) in zip(view.tasks, transcribed.tasks) {
                #expect(task.entry.area == expected.area)
                #expect(task.entry.task == expected.task)
                #expect(task.entry.detail == expected.detail)
                #expect(task.entry.product == expected.product)
                #expect(task.entry.lead == expected.lead)
                #expect(task.entry.coordinators == expected.coordinators)
                #expect(task.entry.timeFrame == expected.timeFrame)
            }
            #expect(view.document?.number == "142/KH-UBND")
            #expect(view.document?.date == Day(2020, 12, 24)!)
            // Seed 004's first task: "Sở Tư pháp" leads; "UBND cấp huyện" among the coordinators names every district.
            let first = try #require(view.tasks.first)
            #expect(first.assignees.contains { $0.unitName == "Sở Tư pháp" && $0.role == "lead" })
            let milestones = try #require(view.tasks.first { $0.entry.timeFrame.contains("Ngày 15/11/2021") })
            #expect(milestones.timeFrame.dues.map(\.day) == [Day(2021, 2, 28)!, Day(2021, 11, 15)!])
        }
    }

    @Test func coverageFlagsAMissingAreaAnAssignedTaskMissingAndALatePlan() async throws {
        try await withTestApp(now: Self.at) { app in
            let officer = try await TestClient.api(app, "thachha.noivu")
            // Thạch Long's plan has no task for "Cải cách tài chính công".
            let long = try await Self.plan(officer, try await app.unit(code: "HT-THA-THACHLONG"))
            #expect(long.warnings.contains { $0.kind == .areaMissing && $0.area == .publicFinance })
            #expect(long.warnings.contains { $0.message.contains("Cải cách tài chính công") })
            // Tượng Sơn's leaves out a task the district's plan gives the communes to lead.
            let tuong = try await Self.plan(officer, try await app.unit(code: "HT-THA-TUONGSON"))
            let missing = try #require(tuong.warnings.first { $0.kind == .assignedMissing })
            #expect(missing.message.contains("Rà soát, hệ thống hóa văn bản quy phạm pháp luật"))
            #expect(missing.message.contains("10/KH-UBND-NV"))
            #expect(!tuong.warnings.contains { $0.kind == .areaMissing })
            // Thạch Kênh issued on 05/02/2021, the district's deadline being "trước ngày 30/01/2021".
            let kenh = try await Self.plan(officer, try await app.unit(code: "HT-THA-THACHKENH"))
            #expect(kenh.deadline == DueDate(day: Day(2021, 1, 30)!, strict: true))
            #expect(kenh.warnings.contains { $0.kind == .issuedLate })
            // The district's tracking table says the same, unit by unit; Thạch Đài has issued nothing.
            let thachHa = try await app.unit(code: "HT-THA")
            let list = try await officer.get("/api/v1/units/\(thachHa.id!)/plans?year=2021").json(PlanListPage.Model.self)
            let kenhRow = try #require(list.below.first { $0.unitName == "Xã Thạch Kênh" })
            #expect(kenhRow.timeliness == "Ban hành chậm 7 ngày")
            #expect(kenhRow.late)
            let dai = try #require(list.below.first { $0.unitName == "Xã Thạch Đài" })
            #expect(dai.timeliness == "Quá hạn 31 ngày, chưa ban hành")
            #expect(dai.warnings.contains { $0.kind == .notIssued })
            #expect(list.below.filter { $0.timeliness == "Ban hành đúng hạn" }.count >= 15)
        }
    }

    @Test func aCommuneDraftsSignsAndSendsItsPlanAndTheDistrictSeesItsProgressOnAssignedTasks() async throws {
        try await withTestApp(now: Self.at) { app in
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            let cv = try await TestClient.api(app, "thachdai.cv"), ld = try await TestClient.api(app, "thachdai.ld")
            let path = "/api/v1/units/\(dai.id!)/plans/2021/cchc"
            let before = try await Self.plan(cv, dai)
            #expect(before.id == nil)
            #expect(before.assigned.count >= 4)
            // A row without its content is refused, naming it; nothing is written.
            let bad = PlanDocument(unit: dai.name, year: 2021, tasks: [
                PlanTaskEntry(area: "Cải cách thể chế", detail: "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
                              product: "Báo cáo", lead: ["Công chức Tư pháp - Hộ tịch"], timeFrame: "Quý 3/2021"),
                PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "  "),
            ])
            let refused = try await cv.send(.PUT, path, json: PlanningAPI.PlanInput(plan: bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Nhiệm vụ dòng 2: chưa ghi nội dung nhiệm vụ."))
            #expect(try await PlanRecord.query(on: app.db).filter(\.$unit.$id == dai.id!).count() == 0)
            // The plan: the commune's tasks, carrying what the district gave it.
            let doc = PlanDocument(unit: dai.name, year: 2021, tasks: DemoPlanning.communeTasks())
            let saved = try await cv.send(.PUT, path, json: PlanningAPI.PlanInput(plan: doc))
            #expect(saved.status == .ok)
            let view = try saved.json(PlanView.self)
            #expect(view.tasks.count == 7)
            #expect(view.tasks.first { $0.entry.timeFrame == "Quý 3/2021" }?.timeFrame.dues == [DueDate(day: Day(2021, 9, 30)!)])
            #expect(!view.warnings.contains { $0.kind == .areaMissing || $0.kind == .assignedMissing })
            #expect(view.warnings.contains { $0.kind == .notIssued })
            // Sign-off: sent to the leader, signed and sent with its number; the district receives it.
            #expect(try await cv.send(.POST, path + "/actions/sendToLeader").status == .ok)
            let noNumber = try await ld.send(.POST, path + "/actions/submit", json: ["docDate": "31/02/2021"])
            #expect(noNumber.status == .unprocessableEntity)
            #expect(noNumber.text.contains("Số, ký hiệu kế hoạch: chưa nhập"))
            let noNumberText = noNumber.text.replacingOccurrences(of: "\\/", with: "/")
            #expect(noNumberText.contains("tháng 2/2021 không có ngày 31"))
            let signed = try await ld.send(.POST, path + "/actions/submit", json: ["docNumber": "05/KH-UBND", "docDate": "01/03/2021"])
            #expect(signed.status == .ok)
            let sent = try signed.json(PlanView.self)
            #expect(sent.state == .submitted)
            #expect(sent.warnings.contains { $0.kind == .issuedLate })
            let officer = try await TestClient.api(app, "thachha.noivu")
            #expect(try await officer.send(.POST, path + "/actions/accept").json(PlanView.self).state == .accepted)
            // Accepted, the plan's page offers no task editor, even when asked for one by its address.
            let asked = try await TestClient.session(app, "thachdai.cv").get("/units/\(dai.id!)/plans/2021/cchc?edit=1")
            #expect(asked.status == .ok)
            #expect(!asked.text.contains("plan edit") && !asked.text.contains("Sửa bảng nhiệm vụ"))
            // Signed, it is a document of the commune's register, linked to the plan.
            let registered = try #require(try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == dai.id!)
                .filter(\.$numberText == "05/KH-UBND").first())
            #expect(registered.sourceKind == "plan" && registered.sourceID == sent.id)
            #expect(registered.directsCCHC)
            // Another commune cannot read it.
            #expect(try await TestClient.api(app, "thachkenh.cv").get(path).status == .notFound)
            // Progress on a task the district assigned: recorded by the commune, seen by the district.
            let task = try #require(sent.assigned.first { $0.title.hasPrefix("Niêm yết") })
            let progress = PlanService.ProgressInput(status: .done, completedOn: "25/02/2021", note: nil, revision: task.revision)
            let recorded = try await cv.send(.PUT, path + "/assigned/\(task.assignmentID)", json: progress)
            #expect(recorded.status == .ok)
            let thachHa = try await app.unit(code: "HT-THA")
            let district = try await Self.plan(officer, thachHa)
            let districtTask = try #require(district.tasks.first { $0.id == task.taskID })
            let mine = try #require(districtTask.assignees.first { $0.unitID == dai.id! })
            #expect(mine.state.status == .done)
            #expect(mine.state.onTime == true)
            // Evidence is a document of the commune's register: one it does not hold is refused, naming it; its plan is kept.
            let unknown = PlanService.ProgressInput(status: .done, completedOn: "25/02/2021", note: nil, evidence: "99/BC-UBND",
                                                    revision: nil)
            let noSuch = try await cv.send(.PUT, path + "/assigned/\(task.assignmentID)", json: unknown)
            #expect(noSuch.status == .unprocessableEntity)
            #expect(noSuch.text.replacingOccurrences(of: "\\/", with: "/").contains("không có “99/BC-UBND”"))
            let shown = PlanService.ProgressInput(status: .done, completedOn: "25/02/2021", note: nil, evidence: "05/kh-ubnd", revision: nil)
            let withEvidence = try await cv.send(.PUT, path + "/assigned/\(task.assignmentID)", json: shown)
            #expect(withEvidence.status == .ok)
            let evidence = try #require(try withEvidence.json(PlanView.self).assigned.first { $0.assignmentID == task.assignmentID }).evidence
            #expect(evidence.map(\.number) == ["05/KH-UBND"])
            // A completion day in the future is refused, naming it.
            let future = PlanService.ProgressInput(status: .done, completedOn: "01/04/2021", note: nil, revision: nil)
            let tooSoon = try await cv.send(.PUT, path + "/assigned/\(task.assignmentID)", json: future)
            #expect(tooSoon.status == .unprocessableEntity)
            let tooSoonText = tooSoon.text.replacingOccurrences(of: "\\/", with: "/")
            #expect(tooSoonText.contains("01/04/2021 chưa đến"))
            // Who did what is recorded.
            let events = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["plan.create", "plan.submit", "plan.accept",
                                                                                      "plan.assignment.progress"]).all()
            #expect(events.contains { $0.action == "plan.submit" && $0.username == "thachdai.ld" })
            #expect(events.contains { $0.action == "plan.assignment.progress" && $0.username == "thachdai.cv" })
            // The district's progress page lists the commune's progress.
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/plans/2021/cchc/progress")
            #expect(page.status == .ok)
            #expect(page.text.contains("Xã Thạch Đài"))
            // By unit: the communes, then the offices, each in Vietnamese order (Đ after D, before L).
            let byUnit = try #require(page.text.components(separatedBy: "Theo đơn vị").last?.components(separatedBy: "</table>").first)
            let order = ["Thị trấn Thạch Hà", "Xã Đỉnh Bàn", "Xã Lưu Vĩnh Sơn", "Xã Việt Tiến", "Phòng Kinh tế - Hạ tầng", "Văn phòng HĐND và UBND"]
            let positions = order.compactMap { byUnit.range(of: ">\($0)<")?.lowerBound }
            #expect(positions.count == order.count && positions == positions.sorted(), "\(order)")
        }
    }

    @Test func theTaskTableSurvivesJSONAndExcelRoundTrips() async throws {
        try await withTestApp(now: Self.at) { app in
            let province = try await app.unit(code: "ST")
            let admin = try await TestClient.session(app, "admin")
            let json = try await admin.get("/units/\(province.id!)/plans/2021/cchc/export.json")
            #expect(json.status == .ok)
            let exported = try JSONDecoder().decode(PlanDocument.self, from: Data(buffer: json.body))
            #expect(exported.tasks.count == (try PlanFiles.demoPlan().tasks.count))
            #expect(exported.tasks.allSatisfy { $0.due != nil })
            let xlsx = try await admin.get("/units/\(province.id!)/plans/2021/cchc/export.xlsx")
            #expect(xlsx.status == .ok)
            let (fromExcel, problems) = try PlanImport.tasks(Data(buffer: xlsx.body), filename: "kh.xlsx", year: 2021)
            #expect(problems.isEmpty)
            #expect(fromExcel == exported.tasks)
            let docx = try await admin.get("/units/\(province.id!)/plans/2021/cchc/export.docx")
            #expect(docx.status == .ok)
            let (fromWord, wordProblems) = try PlanImport.tasks(Data(buffer: docx.body), filename: "kh.docx", year: 2021)
            #expect(wordProblems.isEmpty)
            #expect(fromWord == exported.tasks)
            // Something that is not a plan file is refused with the reason.
            #expect(throws: CCHCError.self) { try PlanImport.tasks(Data("xin chào".utf8), filename: "a.txt", year: 2021) }
        }
    }
}
