import Fluent
import Foundation
import CCHCDomain

/// The demo's present: the current year in Thạch Hà, built on seed 000's patterns, so the first screen is a living system.
/// Its 2021 regime (day 13, cut-offs on the 10th, the year report due 15/11) carried to this year; the communes' reports of
/// the periods already due in every state (Thạch Đài's latest returned, some missing and overdue by the days since), this
/// year's plans with tasks due around today (one overdue by three days, one due next week), and this year's inspection plan
/// (a self-inspection due next week, a finding overdue, a visit coming). Loaded only when this year is after the seeds'
/// (2023 on): the seeds' 2021 and 2022 stay as they are, as history.
struct DemoPresent {
    let db: any Database
    let now: Date

    var today: Day { Day(now) }
    var year: Int { today.year }

    func load() async throws {
        guard year >= 2023, let province = try await Unit.query(on: db).filter(\.$code == "HT").first(),
              let pattern = try await RegimeRecord.query(on: db).join(Unit.self, on: \RegimeRecord.$issuer.$id == \Unit.$id)
                .filter(Unit.self, \.$code == "HT-THA").filter(\.$year == 2021).first(), let provinceForm = pattern.$form.id else { return }
        // The province's regime for its districts, on seed 000's pattern: the districts' own reports go up under it.
        let provincePeriods = try await regime(province, from: pattern, formID: provinceForm).filter { $0.onRequest != true }
        // Thạch Hà (seed 000's 2021 regime) and Nghi Xuân (its assumed 2022 one): this year's reports; Thạch Hà's plans and
        // inspections too. Hà Tĩnh's province sees both districts report.
        for (code, seedYear, officer) in [("HT-THA", 2021, "thachha.noivu"), ("HT-NXU", 2022, "nghixuan.noivu")] {
            guard let district = try await Unit.query(on: db).filter(\.$code == code).first(),
                  let old = try await RegimeRecord.query(on: db).filter(\.$issuer.$id == (try district.requireID())).filter(\.$year == seedYear).first(),
                  let formID = old.$form.id else { continue }
            let communes = try await Unit.query(on: db).filter(\.$parent.$id == (try district.requireID())).all()
                .filter { $0.kind.tier == .commune && !$0.isRetired }.sorted { $0.code < $1.code }
            let periods = try await regime(district, from: old, formID: formID)
            let due = periods.filter { $0.onRequest != true }.sorted { $0.lastDay < $1.lastDay }
            let latest = due.last { $0.lastDay < today }
            try await DemoReporting(db: db).loadReports(communes: communes, periods: due, formID: formID, year: year, officer: officer) { i, period in
                story(i, period, latest: latest, unit: communes[i])
            }
            try await districtReports(district, periods: provincePeriods, formID: provinceForm, leader: officer.replacingOccurrences(of: ".noivu", with: ".ld"))
            guard code == "HT-THA" else { continue }
            try await plans(district, communes: communes)
            try await inspections(district, communes: communes)
        }
    }

    /// Past periods: mostly accepted on time; the latest one with a few still to come in (overdue), one awaiting the leader,
    /// Thạch Đài's returned. Periods not yet due: a few drafts begun.
    func story(_ i: Int, _ period: PeriodRecord, latest: PeriodRecord?, unit: Unit) -> DemoReporting.Story {
        guard period.lastDay < today else {
            return i % 3 == 0 && period.lastDay.adding(days: -6) < today ? .draft : .missing
        }
        guard period.id == latest?.id else { return i % 5 == 4 ? .accepted(lateDays: 2) : .accepted(lateDays: 0) }
        if unit.code == "HT-THA-THACHDAI" { return .returned }
        switch i % 6 {
        case 0, 1: return .submitted(lateDays: 0)
        case 2: return .accepted(lateDays: 0)
        case 3: return .awaitingLeader
        case 4: return .missing
        default: return today.days(until: period.lastDay) < -2 ? .submitted(lateDays: 1) : .submitted(lateDays: 0)
        }
    }

    /// The district's own reports to the province: every period already due, signed and sent on its last day.
    func districtReports(_ district: Unit, periods: [PeriodRecord], formID: Int, leader username: String) async throws {
        let leader = try await User.query(on: db).filter(\.$username == username).first()
        for (n, p) in periods.enumerated() where p.lastDay < today {
            let report = try Report(unit: district, periodID: try p.requireID(), formID: formID)
            // Nghi Xuân sent its Quý I two days late.
            let late = district.code == "HT-NXU" && n == 0 ? 2.0 : 0
            let at = p.lastDay.startInVietnam.addingTimeInterval(16 * 3600 + late * 86_400)
            report.state = .submitted
            report.firstSubmittedAt = at
            report.submittedAt = at
            report.submittedBy = leader?.id
            report.docNumber = "\(60 + n)/BC-UBND"
            report.docDate = Day(at).iso
            try await report.create(on: db)
            try await Audit.record(on: db, at: at, actor: nil, action: "report.submit", entity: "report", entityID: report.id, unit: district,
                                   summary: "Ký, gửi \(p.periodKind.titleInSentence(year: year)) của \(district.name), văn bản số \(report.docNumber!)")
        }
    }

    /// Seed 000's regime carried to this year, its days the same.
    func regime(_ district: Unit, from old: RegimeRecord, formID: Int) async throws -> [PeriodRecord] {
        let shift = year - old.year
        func moved(_ iso: String) -> String {
            guard let d = Day(iso: iso) else { return iso }
            return Day.clamped(d.year + shift, d.month, d.day).iso
        }
        let regime = RegimeRecord()
        regime.$issuer.id = try district.requireID()
        regime.year = year
        regime.deadlineDay = old.deadlineDay
        regime.$form.id = formID
        regime.document = "\(15 + shift)/UBND-NV ngày \(Day.clamped(year, 1, 20).vietnamese) (theo mẫu của văn bản \(old.document ?? "năm \(old.year)"))"
        try await regime.create(on: db)
        var out: [PeriodRecord] = []
        for p in try await RegimeService.periods(of: old, on: db) {
            let row = PeriodRecord()
            row.$regime.id = try regime.requireID()
            row.kind = p.kind
            row.fromDay = moved(p.fromDay)
            row.toDay = moved(p.toDay)
            row.deadline = moved(p.deadline)
            row.estimateFrom = p.estimateFrom.map(moved)
            row.estimateTo = p.estimateTo.map(moved)
            row.deadlineStrict = p.deadlineStrict
            row.onRequest = p.onRequest
            row.windowGiven = p.windowGiven
            try await row.create(on: db)
            out.append(row)
        }
        for p in try await OfficePeriodRecord.query(on: db).filter(\.$regime.$id == (try old.requireID())).all() {
            let row = OfficePeriodRecord()
            row.$regime.id = try regime.requireID()
            row.kind = p.kind
            row.fromDay = moved(p.fromDay)
            row.toDay = moved(p.toDay)
            row.deadline = moved(p.deadline)
            try await row.create(on: db)
        }
        for s in try await SectionAssignment.query(on: db).filter(\.$regime.$id == (try old.requireID())).all() {
            try await SectionAssignment(regimeID: try regime.requireID(), section: s.section, officeID: s.$office.id).create(on: db)
        }
        try await Audit.record(on: db, at: Day.clamped(year, 1, 20).startInVietnam.addingTimeInterval(9 * 3600), actor: nil, action: "regime.create",
                               entity: "regime", entityID: regime.id, unit: district, summary: "Ban hành chế độ báo cáo năm \(year) của \(district.name)")
        return out
    }

    /// "Trước ngày dd/MM/yyyy" for a day after today (or on it).
    func before(_ days: Int) -> String { "Trước ngày \(today.adding(days: days + 1).vietnamese)" }
    func on(_ days: Int) -> String { "Ngày \(today.adding(days: days).vietnamese)" }

    /// The district's plan of this year (issued in January, communes' plans due 30/01) and the communes' own.
    func plans(_ district: Unit, communes: [Unit]) async throws {
        let tasks: [PlanTaskEntry] = [
            PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Ban hành Kế hoạch CCHC năm \(year) của đơn vị", product: "Kế hoạch",
                          lead: ["Phòng Nội vụ"], coordinators: ["UBND cấp xã"], timeFrame: "Tháng 01/\(year)"),
            PlanTaskEntry(area: "Cải cách thể chế", detail: "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
                          product: "Báo cáo kết quả rà soát", lead: ["UBND cấp xã"], coordinators: ["Phòng Tư pháp"], timeFrame: on(-3)),
            PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa cấp xã",
                          product: "Danh mục TTHC được niêm yết", lead: ["UBND các xã, thị trấn"], coordinators: ["Văn phòng HĐND-UBND"],
                          timeFrame: "Tháng 02/\(year)"),
            PlanTaskEntry(area: "Cải cách tổ chức bộ máy", detail: "Sắp xếp, kiện toàn các tổ chức phối hợp liên ngành",
                          product: "Quyết định kiện toàn", lead: ["Phòng Nội vụ"], coordinators: [], timeFrame: on(12)),
            PlanTaskEntry(area: "Cải cách chế độ công vụ", detail: "Đánh giá, xếp loại cán bộ, công chức cấp xã năm \(year)",
                          product: "Kết quả đánh giá, xếp loại", lead: ["UBND cấp xã"], coordinators: ["Phòng Nội vụ"], timeFrame: before(6)),
            PlanTaskEntry(area: "Cải cách tài chính công", detail: "Công khai dự toán, quyết toán ngân sách xã",
                          product: "Báo cáo công khai", lead: ["UBND cấp xã"], coordinators: ["Phòng Tài chính - Kế hoạch"], timeFrame: "Quý 1/\(year)"),
            PlanTaskEntry(area: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", detail: "Tỷ lệ hồ sơ TTHC trực tuyến toàn trình",
                          product: "Báo cáo", lead: ["Văn phòng HĐND-UBND"], coordinators: ["UBND cấp xã"], timeFrame: "Thường xuyên"),
        ]
        let planning = DemoPlanning(db: db)
        let issuedOn = Day.clamped(year, 1, 20)
        let record = try await PlanService(db: db, actor: nil, now: issuedOn.startInVietnam)
            .save(PlanDocument(unit: district.name, year: year, tasks: tasks), unit: district)
        record.subordinateDeadline = Day.clamped(year, 1, 30).iso
        record.subordinateDeadlineStrict = true
        try await planning.issue(record, number: "\(8 + year - 2021)/KH-UBND-NV", day: issuedOn, signer: "Trần Việt Hà", accepted: false)
        for t in try await PlanQueries.tasks(of: record, on: db) where t.position == 1 || t.position == 3 {
            t.status = .done
            t.completedOn = (t.due.map(\.lastDay).max() ?? issuedOn).adding(days: -2).iso
            try await t.save(on: db)
        }
        // The communes: their plans issued on time (Thạch Kênh late, Tượng Sơn not yet); the assigned tasks half done.
        for (n, commune) in communes.enumerated() where commune.code != "HT-THA-TUONGSON" {
            let mine = [PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Tiếp nhận, giải quyết hồ sơ TTHC đúng hạn",
                                      product: "Báo cáo", lead: ["Công chức Văn phòng - Thống kê"], timeFrame: "Thường xuyên"),
                        PlanTaskEntry(area: "Cải cách chế độ công vụ", detail: "Đánh giá, xếp loại cán bộ, công chức năm \(year)",
                                      product: "Kết quả đánh giá", lead: ["Công chức Văn phòng - Thống kê"], timeFrame: before(6))]
            let day = commune.code == "HT-THA-THACHKENH" ? Day.clamped(year, 2, 5) : Day.clamped(year, 1, 20 + n % 8)
            let saved = try await PlanService(db: db, actor: nil, now: day.startInVietnam).save(PlanDocument(unit: commune.name, year: year, tasks: mine),
                                                                                               unit: commune)
            try await planning.issue(saved, number: "\(n + 2)/KH-UBND", day: day, signer: nil, accepted: n % 3 != 0)
        }
        let taskIDs = try await PlanQueries.tasks(of: record, on: db).compactMap(\.id)
        let assignments = try await PlanAssignmentRecord.query(on: db).filter(\.$task.$id ~~ taskIDs).with(\.$task).all()
        for (i, a) in assignments.enumerated() where i % 2 == 0 {
            guard let last = a.task.due.map(\.lastDay).max(), last < today.adding(days: 10) else { continue }
            a.status = .done
            a.completedOn = min(last, today).adding(days: -1).iso
            try await a.save(on: db)
        }
    }

    /// This year's inspection plan: round 1 done (a finding at Thạch Đài overdue, one fixed), round 2 ahead with the
    /// self-inspection due next week and a visit scheduled.
    func inspections(_ district: Unit, communes: [Unit]) async throws {
        guard communes.count >= 3 else { return }
        let first = (from: today.adding(days: -75), to: today.adding(days: -45))
        let doc = InspectionPlanDocument(unit: district.code, year: year, purpose: ["Đánh giá việc thực hiện nhiệm vụ CCHC năm \(year)"], rounds: [
            InspectionRound(number: 1, label: "Đợt 1", from: first.from, to: first.to, selfDue: DueDate(day: first.from.adding(days: -10), strict: true),
                            scope: InspectionScope(units: communes.prefix(4).map(\.code), text: "Kiểm tra 04 xã")),
            InspectionRound(number: 2, label: "Đợt 2", from: today.adding(days: 14), to: today.adding(days: 40),
                            selfDue: DueDate(day: today.adding(days: 7), strict: true), scope: InspectionScope(text: "Các xã, thị trấn")),
        ], document: PlanIssuance(number: "\(30 + year - 2021)/KH-UBND", date: Day.clamped(year, 3, 10), signer: "Trần Việt Hà"))
        let plan = try await InspectionService(db: db, actor: nil, now: Day.clamped(year, 3, 10).startInVietnam).savePlan(doc, unit: district)
        let planID = try plan.requireID()
        let team = InspectionTeam(leader: "Trưởng phòng Nội vụ", members: ["Chuyên viên Phòng Nội vụ", "Phó Trưởng phòng Tư pháp"])
        for (i, unit) in communes.prefix(4).enumerated() {
            let s = InspectionSelfReportRecord()
            s.$plan.id = planID
            s.round = 1
            s.$unit.id = try unit.requireID()
            s.unitPath = unit.path
            s.answers = Dictionary(uniqueKeysWithValues: doc.checklist.indices.map { (String($0), "Đã thực hiện theo kế hoạch") })
            s.sentAt = first.from.adding(days: i == 3 ? -8 : -12).startInVietnam.addingTimeInterval(10 * 3600)
            s.sentBy = "Chủ tịch UBND \(unit.name)"
            s.revision = 0
            s.updatedBy = "hệ thống"
            s.updatedAt = s.sentAt
            try await s.create(on: db)
        }
        // Round 1: two visits concluded; round 2: one scheduled.
        let visits: [(Unit, Day, Day?, Int?)] = [(communes.first { $0.code == "HT-THA-THACHDAI" } ?? communes[0], first.from.adding(days: 5),
                                                  today.adding(days: -20), 1),
                                                 (communes[1], first.from.adding(days: 12), first.from.adding(days: 14), 1),
                                                 (communes[2], today.adding(days: 16), nil, 2)]
        for (n, (unit, day, concluded, round)) in visits.enumerated() {
            let v = InspectionVisitRecord()
            v.$plan.id = planID
            v.round = round
            v.$unit.id = try unit.requireID()
            v.unitPath = unit.path
            v.visitOn = day.iso
            v.unannounced = false
            v.team = team
            v.history = []
            if concluded != nil {
                v.preReport = "Báo cáo kết quả thực hiện công tác CCHC của \(unit.name) (gửi Đoàn kiểm tra)."
                v.preReportAt = day.adding(days: -4).startInVietnam.addingTimeInterval(9 * 3600)
            }
            v.concludedOn = concluded?.iso
            v.conclusionNumber = concluded.map { _ in "\(40 + n)/TB-UBND" }
            v.conclusion = concluded.map { _ in "Đoàn kiểm tra đã kiểm tra công tác CCHC tại \(unit.name); còn tồn tại cần khắc phục." }
            v.revision = 0
            v.updatedBy = "hệ thống"
            v.updatedAt = now
            try await v.create(on: db)
            guard let concluded else { continue }
            let f = InspectionFindingRecord()
            f.$visit.id = try v.requireID()
            f.area = n == 0 ? ReformArea.procedures.rawValue : ReformArea.eGovernment.rawValue
            f.description = n == 0 ? "Niêm yết TTHC tại Bộ phận Một cửa chưa đầy đủ, chưa cập nhật danh mục mới"
                : "Chưa sử dụng chữ ký số trong văn bản điện tử gửi đi"
            f.severity = n == 0 ? "major" : "minor"
            f.responsible = n == 0 ? "Bộ phận Một cửa" : "Văn phòng UBND xã"
            f.foundOn = concluded.iso
            f.due = InspectionRules.remediationDue(conclusion: concluded, days: doc.remediationDays).iso
            f.status = n == 0 ? .open : .verified
            if n != 0 {
                f.fixedOn = concluded.adding(days: 9).iso
                f.remediation = "Đã đăng ký và sử dụng chữ ký số cho lãnh đạo và văn thư"
                f.verifiedOn = concluded.adding(days: 13).iso
                f.verifiedBy = "thachha.noivu"
            }
            f.revision = 0
            f.updatedBy = "hệ thống"
            f.updatedAt = now
            try await f.create(on: db)
        }
    }
}
