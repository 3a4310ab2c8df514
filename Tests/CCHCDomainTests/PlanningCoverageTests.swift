import Foundation
import Testing
@testable import CCHCDomain

/// The coverage check of a unit's plan and the progress of its tasks.
@Suite("Kiểm tra kế hoạch và tiến độ nhiệm vụ")
struct PlanningCoverageTests {
    /// Seed 000: "Hoàn thành trước ngày 30/01/2021".
    static let deadline = DueDate(day: Day(2021, 1, 30)!, strict: true)
    static let districtPlan = "Kế hoạch số 10/KH-UBND ngày 22/01/2021 của UBND huyện"

    /// Tasks Thạch Hà's plan assigns to its communes.
    static let assigned: [AssignedTask] = [
        AssignedTask(id: "10/KH-UBND#1", title: "Xây dựng, ban hành và tổ chức thực hiện Kế hoạch CCHC năm 2021", area: .direction, plan: districtPlan),
        AssignedTask(id: "10/KH-UBND#2", title: "Xây dựng và tổ chức thực hiện Kế hoạch tuyên truyền CCHC năm 2021", area: .direction, plan: districtPlan),
        AssignedTask(id: "10/KH-UBND#3", title: "Rà soát, công bố, công khai thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả",
                     area: .procedures, plan: districtPlan),
        AssignedTask(id: "10/KH-UBND#4", title: "Tự đánh giá, chấm điểm Chỉ số CCHC năm 2021", area: .direction, plan: districtPlan),
    ]

    /// A commune's plan covering the six areas and all but the communications plan the district assigned.
    static var communePlan: PlanDocument {
        func task(_ area: String, _ detail: String, _ time: String = "Quý 4/2021") -> PlanTaskEntry {
            PlanTaskEntry(area: area, detail: detail, product: "Báo cáo kết quả", lead: ["Công chức Văn phòng - Thống kê"], timeFrame: time)
        }
        return PlanDocument(unit: "HT-THA-THACHDAI", year: 2021, document: PlanIssuance(number: "05/KH-UBND", date: Day(2021, 1, 28), signer: "Nguyễn Văn A"),
                            tasks: [
                                task("Cải cách thể chế", "Rà soát văn bản quy phạm pháp luật của HĐND, UBND xã"),
                                task("Cải cách thủ tục hành chính", "Rà soát, công khai TTHC tại Bộ phận tiếp nhận và trả kết quả của xã", "Hàng quý"),
                                task("Cải cách tổ chức bộ máy", "Kiện toàn tổ chức, bộ máy theo quy định"),
                                task("Cải cách công vụ", "Đánh giá, xếp loại cán bộ, công chức", "Tháng 12/2021"),
                                task("Cải cách tài chính công", "Thực hiện cơ chế tự chủ về kinh phí quản lý hành chính", "Trong năm 2021"),
                                task("Xây dựng và phát triển Chính phủ điện tử", "Sử dụng hệ thống quản lý văn bản và hồ sơ công việc", "Thường xuyên"),
                                task("Công tác chỉ đạo điều hành", "Ban hành Kế hoạch cải cách hành chính năm 2021 của UBND xã", "Trước ngày 30/01/2021"),
                                task("Công tác chỉ đạo điều hành", "Tự chấm điểm Chỉ số CCHC năm 2021", "Tháng 10/2021"),
                            ])
    }

    @Test func seed004PlanIsComplete() {
        #expect(PlanCoverage.check(plan: Seed004.plan, assigned: [], deadline: nil).isEmpty)
    }

    @Test func areaWithNoTaskIsNamed() {
        var plan = Seed004.plan
        plan.tasks.removeAll { ReformArea.match($0.area) == .publicFinance }
        let warnings = PlanCoverage.check(plan: plan, assigned: [], deadline: nil)
        #expect(warnings == [CoverageWarning(kind: .areaMissing, message: "Chưa có nhiệm vụ nào thuộc lĩnh vực “Cải cách tài chính công”.",
                                             area: .publicFinance)])
    }

    @Test func directionNeedNotHaveATask() {
        var plan = Seed004.plan
        plan.tasks.removeAll { ReformArea.match($0.area) == .direction }
        #expect(PlanCoverage.check(plan: plan, assigned: [], deadline: nil).isEmpty)
        plan.tasks.removeAll()
        #expect(PlanCoverage.check(plan: plan, assigned: [], deadline: nil).compactMap(\.area) == ReformArea.required)
    }

    @Test func missingLeadProductTimeFrameAreNamedWithTheRow() {
        let tasks = [
            PlanCoverage.Task(row: 1, area: "Cải cách thể chế", title: "Rà soát văn bản", lead: ["Công chức Tư pháp - Hộ tịch"],
                              product: "Báo cáo", timeFrame: "Quý 4/2021"),
            PlanCoverage.Task(row: 2, area: "Cải cách công vụ", title: "Tổ chức tuyển dụng công chức", lead: [" "], product: "",
                              timeFrame: ""),
            PlanCoverage.Task(row: 3, area: "Cải cách tài chính công", title: "Tự chủ kinh phí", lead: ["Kế toán"], product: "Báo cáo",
                              timeFrame: "Đầu năm"),
            PlanCoverage.Task(row: 4, area: "Tuyên truyền", title: "Tuyên truyền CCHC", lead: ["Văn hóa"], product: "Tin bài",
                              timeFrame: "Quý 3/2021 và đầu năm 2022"),
            PlanCoverage.Task(row: 5, area: "", title: "Việc khác", lead: ["Văn phòng"], product: "Báo cáo", timeFrame: "Thường xuyên"),
        ]
        let warnings = PlanCoverage.check(tasks: tasks, assigned: [], year: 2021, issued: Day(2021, 1, 20), deadline: Self.deadline)
        let perRow = warnings.filter { $0.row != nil }
        #expect(perRow.map(\.kind) == [.leadMissing, .productMissing, .timeFrameMissing, .timeFrameUnread, .areaUnknown, .timeFrameUnread, .areaUnknown])
        #expect(perRow.map(\.row) == [2, 2, 2, 3, 4, 4, 5])
        #expect(perRow[0].message == "Nhiệm vụ dòng 2 (“Tổ chức tuyển dụng công chức”): chưa có cơ quan chủ trì.")
        #expect(perRow[1].message == "Nhiệm vụ dòng 2 (“Tổ chức tuyển dụng công chức”): chưa có sản phẩm.")
        #expect(perRow[2].message == "Nhiệm vụ dòng 2 (“Tổ chức tuyển dụng công chức”): chưa có thời gian thực hiện.")
        #expect(perRow[3].message.hasPrefix("Nhiệm vụ dòng 3 (“Tự chủ kinh phí”): thời gian thực hiện “Đầu năm” chưa đọc được hết. Chưa đọc được “Đầu năm”"))
        #expect(perRow[3].area == .publicFinance)
        #expect(perRow[4].message == "Nhiệm vụ dòng 4 (“Tuyên truyền CCHC”): lĩnh vực “Tuyên truyền” không phải một lĩnh vực cải cách hành chính.")
        #expect(perRow[5].message.contains("“đầu năm 2022”"))
        #expect(perRow[6].message == "Nhiệm vụ dòng 5 (“Việc khác”): chưa ghi lĩnh vực.")
        // The areas with no task are named too; the plan was issued on time.
        #expect(warnings.filter { $0.kind == .areaMissing }.compactMap(\.area) == [.procedures, .organisation, .eGovernment])
        #expect(!warnings.contains { $0.kind == .issuedLate || $0.kind == .notIssued })
    }

    @Test func issuedAfterTheDeadlineByNDays() {
        func check(_ issued: Day?, today: Day? = nil) -> [CoverageWarning] {
            PlanCoverage.check(tasks: [], assigned: [], year: 2021, issued: issued, deadline: Self.deadline, today: today)
                .filter { $0.kind == .issuedLate || $0.kind == .notIssued }
        }
        // "trước ngày 30/01/2021": the 29th is the last day.
        #expect(check(Day(2021, 1, 29)).isEmpty)
        #expect(check(Day(2021, 1, 30)).map(\.message) == ["Kế hoạch ban hành ngày 30/01/2021, chậm 1 ngày so với hạn (trước ngày 30/01/2021)."])
        #expect(check(Day(2021, 2, 2)).map(\.message) == ["Kế hoạch ban hành ngày 02/02/2021, chậm 4 ngày so với hạn (trước ngày 30/01/2021)."])
        #expect(check(nil).map(\.message) == ["Chưa ban hành kế hoạch (hạn: trước ngày 30/01/2021)."])
        #expect(check(nil, today: Day(2021, 1, 25)).map(\.message) == ["Chưa ban hành kế hoạch (hạn: trước ngày 30/01/2021)."])
        #expect(check(nil, today: Day(2021, 2, 5)).map(\.message) == ["Chưa ban hành kế hoạch (hạn: trước ngày 30/01/2021); đã quá hạn 7 ngày."])
        #expect(check(nil).map(\.kind) == [.notIssued])
        // "chậm nhất ngày 30/01/2021": the 30th is still on time.
        let inclusive = PlanCoverage.check(tasks: [], assigned: [], year: 2021, issued: Day(2021, 1, 31), deadline: DueDate(day: Day(2021, 1, 30)!))
        #expect(inclusive.first?.message == "Kế hoạch ban hành ngày 31/01/2021, chậm 1 ngày so với hạn (chậm nhất ngày 30/01/2021).")
        // No deadline set: only a plan not issued is said.
        #expect(PlanCoverage.check(tasks: [], assigned: [], year: 2021, issued: Day(2021, 3, 1), deadline: nil).allSatisfy { $0.kind == .areaMissing })
    }

    @Test func assignedTaskMissingFromACommunesPlan() {
        let warnings = PlanCoverage.check(plan: Self.communePlan, assigned: Self.assigned, deadline: Self.deadline)
        #expect(warnings == [
            CoverageWarning(kind: .assignedMissing,
                            message: "Chưa có nhiệm vụ “Xây dựng và tổ chức thực hiện Kế hoạch tuyên truyền CCHC năm 2021” do \(Self.districtPlan) giao.",
                            area: .direction, assignedID: "10/KH-UBND#2"),
        ])
        let tasks = Self.communePlan.tasks.enumerated().map { PlanCoverage.Task($1, row: $0 + 1) }
        #expect(PlanCoverage.carriers(tasks: tasks, assigned: Self.assigned) == ["10/KH-UBND#1": 7, "10/KH-UBND#3": 2, "10/KH-UBND#4": 8])
    }

    @Test func aLinkedTaskCarriesItsAssignedTaskWhateverItsWords() {
        var plan = Self.communePlan
        plan.tasks.append(PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Phổ biến trên loa truyền thanh", product: "Tin bài",
                                        lead: ["Văn hóa - Xã hội"], timeFrame: "Hằng tháng"))
        var links = [String?](repeating: nil, count: plan.tasks.count)
        links[plan.tasks.count - 1] = "10/KH-UBND#2"
        #expect(PlanCoverage.check(plan: plan, links: links, assigned: Self.assigned, deadline: Self.deadline).isEmpty)
        // A link to an assigned task no higher plan holds.
        links[0] = "99/KH-UBND#1"
        let warnings = PlanCoverage.check(plan: plan, links: links, assigned: Self.assigned, deadline: Self.deadline)
        #expect(warnings.map(\.kind) == [.assignedUnknown])
        #expect(warnings.first?.row == 1 && warnings.first?.assignedID == "99/KH-UBND#1")
    }

    @Test func oneTaskCarriesOneAssignedTaskTheClosestFirst() {
        // Only "Kế hoạch CCHC": it carries the plan, and the communications plan is missing — not both matched to it.
        let tasks = [PlanCoverage.Task(row: 1, area: "Công tác chỉ đạo điều hành", title: "Xây dựng Kế hoạch CCHC năm 2021 của UBND xã",
                                       lead: ["Chủ tịch UBND xã"], product: "Kế hoạch", timeFrame: "Tháng 01/2021")]
        let carried = PlanCoverage.carriers(tasks: tasks, assigned: Array(Self.assigned.prefix(2)))
        #expect(carried == ["10/KH-UBND#1": 1])
        // Carried the other way round when the task is the communications plan.
        let other = [PlanCoverage.Task(row: 1, area: "Công tác chỉ đạo điều hành", title: "Kế hoạch tuyên truyền cải cách hành chính năm 2021",
                                       lead: ["Văn hóa"], product: "Kế hoạch", timeFrame: "Tháng 02/2021")]
        #expect(PlanCoverage.carriers(tasks: other, assigned: Array(Self.assigned.prefix(2))) == ["10/KH-UBND#2": 1])
    }

    @Test func similarity() {
        #expect(PlanCoverage.similarity("Tự đánh giá, chấm điểm Chỉ số CCHC năm 2021", "Tự chấm điểm Chỉ số CCHC năm 2021") >= 0.5)
        #expect(PlanCoverage.similarity("Rà soát TTHC", "Tổ chức rà soát thủ tục hành chính thuộc thẩm quyền của xã") == 1)
        #expect(PlanCoverage.similarity("Kiện toàn Tổ kiểm tra công vụ", "Ban hành Kế hoạch CCHC năm 2021") == 0)
        // "CCHC" and "cải cách hành chính" tell no tasks apart.
        #expect(PlanCoverage.similarity("Tuyên truyền CCHC", "Kế hoạch cải cách hành chính") == 0)
        #expect(PlanCoverage.similarity("", "Kế hoạch") == 0)
    }

    // MARK: Progress

    static let q1 = planDues(["31/03/2021"])

    @Test func statusTitles() {
        #expect(TaskStatus.allCases.map(\.title) == ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Hoàn thành chậm", "Hủy"])
        #expect(TaskStatus.done.isDone && TaskStatus.doneLate.isDone && !TaskStatus.cancelled.isDone)
    }

    @Test func notDoneBeforeAndAfterTheDue() {
        let before = TaskProgress(status: .notStarted).state(dues: Self.q1, today: Day(2021, 3, 29)!)
        #expect(before == TaskState(status: .notStarted, daysLeft: 2, nextDue: Self.q1[0], label: "Chưa thực hiện"))
        let onTheDay = TaskProgress(status: .inProgress).state(dues: Self.q1, today: Day(2021, 3, 31)!)
        #expect(onTheDay.daysLeft == 0 && !onTheDay.isOverdue && onTheDay.label == "Đang thực hiện")
        let after = TaskProgress(status: .inProgress).state(dues: Self.q1, today: Day(2021, 4, 5)!)
        #expect(after == TaskState(status: .inProgress, overdueDays: 5, label: "Quá hạn 5 ngày"))
        #expect(after.isOverdue)
    }

    @Test func doneOnTimeOrLate() {
        let onTime = TaskProgress(status: .done, completedOn: Day(2021, 3, 31)).state(dues: Self.q1, today: Day(2021, 5, 1)!)
        #expect(onTime == TaskState(status: .done, onTime: true, label: "Hoàn thành"))
        let late = TaskProgress(status: .done, completedOn: Day(2021, 4, 3)).state(dues: Self.q1, today: Day(2021, 5, 1)!)
        #expect(late == TaskState(status: .doneLate, lateDays: 3, onTime: false, label: "Hoàn thành chậm 3 ngày"))
        // The dates decide, not what was ticked.
        let tickedLate = TaskProgress(status: .doneLate, completedOn: Day(2021, 3, 1)).state(dues: Self.q1, today: Day(2021, 5, 1)!)
        #expect(tickedLate.status == .done && tickedLate.onTime == true)
        #expect(TaskProgress.completionStatus(completedOn: Day(2021, 4, 1)!, dues: Self.q1) == .doneLate)
        #expect(TaskProgress.completionStatus(completedOn: Day(2021, 4, 1)!, dues: []) == .done)
    }

    @Test func strictDueIsLateOnTheDayItself() {
        let dues = TimeFrame.read("Trước ngày 15/12/2021", year: 2021).dues
        #expect(TaskProgress(status: .done, completedOn: Day(2021, 12, 14)).state(dues: dues, today: Day(2021, 12, 20)!).onTime == true)
        let onTheDay = TaskProgress(status: .done, completedOn: Day(2021, 12, 15)).state(dues: dues, today: Day(2021, 12, 20)!)
        #expect(onTheDay.status == .doneLate && onTheDay.lateDays == 1)
        #expect(TaskProgress(status: .notStarted).state(dues: dues, today: Day(2021, 12, 15)!).overdueDays == 1)
    }

    @Test func milestonesAreJudgedOnTheLastAndTheNextIsShown() {
        let dues = TimeFrame.read("- Tháng 02/2021\n- Ngày 15/11/2021", year: 2021).dues
        let march = TaskProgress(status: .inProgress).state(dues: dues, today: Day(2021, 3, 10)!)
        #expect(!march.isOverdue && march.nextDue == DueDate(day: Day(2021, 11, 15)!) && march.daysLeft == 250)
        let december = TaskProgress(status: .inProgress).state(dues: dues, today: Day(2021, 12, 1)!)
        #expect(december.overdueDays == 16 && december.label == "Quá hạn 16 ngày")
        #expect(TaskProgress(status: .done, completedOn: Day(2021, 11, 15)).state(dues: dues, today: Day(2021, 12, 1)!).onTime == true)
    }

    @Test func noDueIsNeverOverdue() {
        let continuous = TimeFrame.read("Thường xuyên", year: 2021).dues
        let state = TaskProgress(status: .inProgress).state(dues: continuous, today: Day(2022, 6, 1)!)
        #expect(state == TaskState(status: .inProgress, label: "Đang thực hiện"))
        #expect(TaskProgress(status: .done, completedOn: Day(2021, 6, 1)).state(dues: [], today: Day(2022, 6, 1)!).onTime == true)
    }

    @Test func cancelledNeedsAReasonAndIsNeverOverdue() {
        let cancelled = TaskProgress(status: .cancelled, cancelReason: "Không phát sinh thủ tục mới trong năm")
        #expect(cancelled.validate(today: Day(2021, 6, 1)!).isEmpty)
        #expect(cancelled.state(dues: Self.q1, today: Day(2021, 12, 1)!) == TaskState(status: .cancelled, label: "Hủy: Không phát sinh thủ tục mới trong năm"))
        let noReason = TaskProgress(status: .cancelled, cancelReason: "  ")
        #expect(noReason.validate(today: Day(2021, 6, 1)!) == [FieldError(field: "cancelReason", message: "Lý do hủy: bắt buộc khi hủy nhiệm vụ.")])
    }

    @Test func recordsThatDoNotAddUp() {
        let today = Day(2021, 6, 1)!
        #expect(TaskProgress(status: .done).validate(today: today).map(\.field) == ["completedOn"])
        #expect(TaskProgress(status: .done, completedOn: Day(2021, 6, 2)).validate(today: today).first?.message
            == "Ngày hoàn thành 02/06/2021 chưa đến (hôm nay là 01/06/2021).")
        #expect(TaskProgress(status: .inProgress, completedOn: Day(2021, 5, 2)).validate(today: today).first?.message
            == "Ngày hoàn thành: nhiệm vụ đang ở trạng thái “Đang thực hiện”, chưa hoàn thành.")
        #expect(TaskProgress(status: .done, completedOn: Day(2021, 5, 2)).validate(today: today).isEmpty)
        // A completion day makes the task done whatever status was ticked; done without a day stays as ticked.
        #expect(TaskProgress(status: .inProgress, completedOn: Day(2021, 5, 2)).state(dues: Self.q1, today: today).status == .doneLate)
        #expect(TaskProgress(status: .doneLate).state(dues: Self.q1, today: today) == TaskState(status: .doneLate, onTime: false, label: "Hoàn thành chậm"))
    }

    @Test func codable() throws {
        let p = TaskProgress(status: .cancelled, cancelReason: "Trùng nhiệm vụ")
        #expect(try JSONDecoder().decode(TaskProgress.self, from: JSONEncoder().encode(p)) == p)
        let w = CoverageWarning(kind: .areaMissing, message: "…", area: .publicFinance)
        #expect(try JSONDecoder().decode(CoverageWarning.self, from: JSONEncoder().encode(w)) == w)
    }
}
