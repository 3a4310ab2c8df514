import Fluent
import Foundation
import CCHCDomain

/// The demo's 2021 plans: Sóc Trăng's (seed 004) imported through the .docx importer from the file made for the demo;
/// Thạch Hà's (10/KH-UBND-NV, seed 000), which assigns tasks to its communes and sets 30/01/2021 for theirs; the
/// communes' plans, numbered and dated as their registers and their reports' Phụ lục 3A hold them — most on time, Thạch
/// Kênh late, Thạch Long missing an area, Tượng Sơn missing an assigned task, Thạch Đài not issued — and progress on
/// several tasks, some overdue.
struct DemoPlanning {
    let db: any Database

    static let thachHaTasks: [PlanTaskEntry] = [
        PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Ban hành Kế hoạch CCHC năm 2021 của đơn vị", product: "Kế hoạch",
                      lead: ["Phòng Nội vụ"], coordinators: ["Các phòng, ban chuyên môn", "UBND cấp xã"], timeFrame: "Tháng 01/2021"),
        PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Kiểm tra công tác CCHC tại các đơn vị",
                      product: "- Kế hoạch kiểm tra\n- Thông báo kết luận", lead: ["Phòng Nội vụ"], coordinators: ["Văn phòng HĐND-UBND"],
                      timeFrame: "Quý 2/2021"),
        PlanTaskEntry(area: "Cải cách thể chế", detail: "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
                      product: "Báo cáo kết quả rà soát", lead: ["UBND cấp xã"], coordinators: ["Phòng Tư pháp"], timeFrame: "Quý 3/2021"),
        PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa cấp xã",
                      product: "Danh mục TTHC được niêm yết", lead: ["UBND các xã, thị trấn"], coordinators: ["Văn phòng HĐND-UBND"],
                      timeFrame: "Tháng 02/2021"),
        PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Số hóa hồ sơ, kết quả giải quyết TTHC",
                      product: "Báo cáo kết quả số hóa", lead: ["Văn phòng HĐND-UBND"], coordinators: ["UBND cấp xã"], timeFrame: "Thường xuyên"),
        PlanTaskEntry(area: "Cải cách tổ chức bộ máy", detail: "Sắp xếp, kiện toàn các tổ chức phối hợp liên ngành",
                      product: "Quyết định kiện toàn", lead: ["Phòng Nội vụ"], coordinators: [], timeFrame: "Quý 4/2021"),
        PlanTaskEntry(area: "Cải cách chế độ công vụ", detail: "Đánh giá, xếp loại cán bộ, công chức cấp xã năm 2021",
                      product: "Kết quả đánh giá, xếp loại", lead: ["UBND cấp xã"], coordinators: ["Phòng Nội vụ"],
                      timeFrame: "Trước ngày 15/12/2021"),
        PlanTaskEntry(area: "Cải cách tài chính công", detail: "Thực hiện cơ chế tự chủ về tài chính tại các đơn vị sự nghiệp",
                      product: "Báo cáo", lead: ["Phòng Tài chính - Kế hoạch"], coordinators: ["Các cơ quan có liên quan"],
                      timeFrame: "Trong năm 2021"),
        PlanTaskEntry(area: "Xây dựng và phát triển Chính phủ điện tử", detail: "Sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
                      product: "Tỷ lệ văn bản được ký số", lead: ["Phòng Văn hóa - Thông tin"], coordinators: ["UBND cấp xã"],
                      timeFrame: "- Tháng 06/2021\n- Tháng 12/2021"),
    ]

    /// A commune's own plan: one task per area, and the tasks the district assigned it, carried in its own words.
    static func communeTasks(skipArea: String? = nil, skipAssigned: Bool = false) -> [PlanTaskEntry] {
        var out: [PlanTaskEntry] = [
            PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Tuyên truyền CCHC trên hệ thống truyền thanh của xã", product: "Tin, bài",
                          lead: ["Công chức Văn hóa - Xã hội"], coordinators: [], timeFrame: "Hàng quý và năm 2021"),
            PlanTaskEntry(area: "Cải cách thể chế", detail: "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
                          product: "Báo cáo kết quả rà soát", lead: ["Công chức Tư pháp - Hộ tịch"], coordinators: [], timeFrame: "Quý 3/2021"),
            PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa",
                          product: "Danh mục TTHC được niêm yết", lead: ["Bộ phận Một cửa"], coordinators: [], timeFrame: "Tháng 02/2021"),
            PlanTaskEntry(area: "Cải cách tổ chức bộ máy", detail: "Rà soát, bố trí cán bộ, công chức đúng vị trí việc làm",
                          product: "Báo cáo", lead: ["Công chức Văn phòng - Thống kê"], coordinators: [], timeFrame: "Quý 2/2021"),
            PlanTaskEntry(area: "Cải cách chế độ công vụ", detail: "Đánh giá, xếp loại cán bộ, công chức cấp xã năm 2021",
                          product: "Kết quả đánh giá", lead: ["Chủ tịch UBND xã"], coordinators: [], timeFrame: "Trước ngày 15/12/2021"),
            PlanTaskEntry(area: "Cải cách tài chính công", detail: "Công khai dự toán, quyết toán ngân sách xã", product: "Báo cáo công khai",
                          lead: ["Công chức Tài chính - Kế toán"], coordinators: [], timeFrame: "Trong năm 2021"),
            PlanTaskEntry(area: "Xây dựng và phát triển Chính phủ điện tử", detail: "Sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
                          product: "Văn bản được ký số", lead: ["Công chức Văn phòng - Thống kê"], coordinators: [],
                          timeFrame: "- Tháng 06/2021\n- Tháng 12/2021"),
        ]
        if let skipArea { out.removeAll { $0.area == skipArea } }
        if skipAssigned, let i = out.firstIndex(where: { $0.detail.hasPrefix("Rà soát, hệ thống hóa") }) {
            // The district's task is not carried; the area keeps a task of the commune's own.
            out[i] = PlanTaskEntry(area: "Cải cách thể chế", detail: "Tuyên truyền, phổ biến pháp luật cho nhân dân trên địa bàn",
                                   product: "Hội nghị, tin bài", lead: ["Công chức Tư pháp - Hộ tịch"], coordinators: [], timeFrame: "Trong năm 2021")
        }
        return out
    }

    /// The day a Thạch Hà commune issued its plan (`index`: among the communes by code, Thạch Đài left out, as the demo's
    /// reports and register count them): 20–27/01/2021, Thạch Kênh's on 05/02/2021 — after "trước ngày 30/01/2021".
    static func communePlanDay(code: String, index: Int) -> Day {
        code == "HT-THA-THACHKENH" ? Day(2021, 2, 5)! : Day(2021, 1, 20 + index % 8)!
    }

    func load() async throws {
        // Sóc Trăng, seed 004: the task table read from the Word file made for the demo.
        if let province = try await Unit.query(on: db).filter(\.$code == "ST").first() {
            let (plan, _) = try PlanFiles.demoPlanFromDOCX()
            let record = try await PlanService(db: db, actor: nil, now: Day(2020, 12, 24)!.startInVietnam).save(plan, unit: province)
            try await issue(record, number: "142/KH-UBND", day: Day(2020, 12, 24)!, signer: "Trần Văn Lâu", accepted: false)
            try await link(record, unit: province, number: "142/KH-UBND")
        }
        guard let district = try await Unit.query(on: db).filter(\.$code == "HT-THA").first() else { return }
        let plan = PlanDocument(unit: district.name, year: 2021, document: nil, tasks: Self.thachHaTasks)
        let record = try await PlanService(db: db, actor: nil, now: Day(2021, 1, 22)!.startInVietnam).save(plan, unit: district)
        record.subordinateDeadline = Day(2021, 1, 30)!.iso
        record.subordinateDeadlineStrict = true // "Hoàn thành trước ngày 30/01/2021"
        try await issue(record, number: "10/KH-UBND-NV", day: Day(2021, 1, 22)!, signer: "Trần Việt Hà", accepted: false)

        // Thạch Đài has not issued its plan: overdue in the district's tracking (and kept clean for the tests).
        let communes = try await Unit.query(on: db).filter(\.$parent.$id == (try district.requireID())).all()
            .filter { $0.kind.tier == .commune && $0.code != "HT-THA-THACHDAI" }.sorted { $0.code < $1.code }
        for (n, commune) in communes.enumerated() {
            let code = commune.code
            let tasks = Self.communeTasks(skipArea: code == "HT-THA-THACHLONG" ? "Cải cách tài chính công" : nil,
                                          skipAssigned: code == "HT-THA-TUONGSON")
            let issued = Self.communePlanDay(code: code, index: n)
            let doc = PlanDocument(unit: commune.name, year: 2021, tasks: tasks)
            let saved = try await PlanService(db: db, actor: nil, now: issued.startInVietnam).save(doc, unit: commune)
            // The register holds the plan (DemoRegister): the same number and day, linked to it.
            try await issue(saved, number: "\(n + 3)/KH-UBND", day: issued, signer: nil, accepted: n % 3 != 0)
            try await link(saved, unit: commune, number: "\(n + 3)/KH-UBND")
            try await progress(saved, n: n)
        }
        // The district's own tasks: some done, one late, the rest in progress.
        for task in try await PlanQueries.tasks(of: record, on: db) {
            switch task.position {
            case 1: task.status = .done; task.completedOn = Day(2021, 1, 22)!.iso
            case 2: task.status = .doneLate; task.completedOn = Day(2021, 7, 12)!.iso
            case 4, 6: task.status = .inProgress
            default: continue
            }
            try await task.save(on: db)
        }
        // Thạch Hà's plan is in its register already (DemoRegister): linked to it.
        try await link(record, unit: district, number: "10/KH-UBND-NV")
    }

    /// The register's entry for a plan (DemoRegister put it there) points at the plan.
    func link(_ plan: PlanRecord, unit: Unit, number: String) async throws {
        guard let registered = try await RegisterDocument.query(on: db).filter(\.$unit.$id == (try unit.requireID()))
            .filter(\.$numberText == number).first() else { return }
        registered.sourceKind = "plan"
        registered.sourceID = plan.id
        try await registered.save(on: db)
    }

    /// Signed and sent on `day` (09:00 Vietnam time), accepted two days later when `accepted`.
    func issue(_ plan: PlanRecord, number: String, day: Day, signer: String?, accepted: Bool) async throws {
        let at = day.startInVietnam.addingTimeInterval(9 * 3600)
        plan.docNumber = number
        plan.docDate = day.iso
        plan.signer = signer
        plan.state = accepted ? .accepted : .submitted
        plan.firstSubmittedAt = at
        plan.submittedAt = at
        if accepted { plan.acceptedAt = at.addingTimeInterval(2 * 86_400) }
        plan.revision += 1
        try await plan.save(on: db)
        let unit = try await Unit.find(plan.$unit.id, on: db)
        try await Audit.record(on: db, at: at, actor: nil, action: "plan.submit", entity: "plan", entityID: plan.id, unit: unit,
                               summary: "Ký ban hành và gửi: \(plan.planKind.title.lowercasedFirst) năm \(plan.year) của \(unit?.name ?? "") (số \(number))")
    }

    /// Progress on a commune's tasks and on those the district assigned it: done on time, done late, in progress (overdue).
    func progress(_ plan: PlanRecord, n: Int) async throws {
        let tasks = try await PlanQueries.tasks(of: plan, on: db)
        for t in tasks {
            switch (t.position + n) % 4 {
            case 0: t.status = .done; t.completedOn = t.due.map(\.lastDay).max()?.adding(days: -3).iso
            case 1 where t.due.contains { $0.day.month <= 6 }:
                t.status = .doneLate; t.completedOn = t.due.map(\.lastDay).max()?.adding(days: 9).iso
            case 2: t.status = .inProgress
            default: break
            }
            if t.status.isDone && t.completedOn == nil { t.completedOn = Day(2021, 12, 20)!.iso }
            try await t.save(on: db)
        }
        let assignments = try await PlanAssignmentRecord.query(on: db).filter(\.$unit.$id == plan.$unit.id).all()
        for (i, a) in assignments.enumerated() where (i + n) % 3 == 0 {
            guard let task = try await PlanTaskRecord.find(a.$task.id, on: db) else { continue }
            a.status = .done
            a.completedOn = (task.due.map(\.lastDay).max() ?? Day(2021, 12, 1)!).adding(days: -5).iso
            try await a.save(on: db)
        }
    }
}
