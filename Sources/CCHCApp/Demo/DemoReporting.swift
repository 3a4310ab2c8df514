import Fluent
import Foundation
import CCHCDomain

/// The reporting part of the demo: the 2021 regimes of Thạch Hà (seed 000), An Khê (seed 002) and
/// Sóc Trăng (seed 004) exactly as the documents write them — slips included — and the Q1 and H1
/// 2021 reports of the Thạch Hà communes in every state, so the timeliness page tells a story.
struct DemoReporting {
    let db: any Database

    struct RegimeSpec {
        var issuerCode: String
        var deadlineDay: Int
        var document: String
        var periods: [(String, String, String, String, String?, String?)] // kind, from, to, deadline, estimateFrom, estimateTo
        /// The issuer's offices' own windows, where the document gives them (kind, from, to, deadline).
        var officePeriods: [(String, String, String, String)] = []
        /// The supplementary report, owed when asked (from, to, deadline).
        var supplement: (String, String, String)?
        var year = 2021
    }

    static let regimes: [RegimeSpec] = [
        // Seed 000, 164/UBND-NV: day 13; cut-offs on the 10th; the annual report due 15/11/2021 with
        // data to 20/11/2021 (after its own deadline — a slip the check points out) and estimates.
        RegimeSpec(issuerCode: "HT-THA", deadlineDay: 13, document: "164/UBND-NV ngày 25/01/2021", periods: [
            ("Q1", "15/12/2020", "10/03/2021", "13/03/2021", nil, nil),
            ("H1", "15/12/2020", "10/06/2021", "13/06/2021", nil, nil),
            ("Q3", "15/06/2021", "10/09/2021", "13/09/2021", nil, nil),
            ("Y", "15/12/2020", "20/11/2021", "15/11/2021", "15/11/2021", "14/12/2021"),
        ], officePeriods: [
            // §III: the district's offices report the year from 15/12/2020 to 14/12/2021; the document gives them
            // no other deadline than the units' 15/11/2021 — a slip the check points out.
            ("Y", "15/12/2020", "14/12/2021", "15/11/2021"),
        ], supplement: ("01/12/2021", "14/12/2021", "17/12/2021")),
        // The supplement's window is the document's ("báo cáo bổ sung số liệu chính xác từ 01/12/2021 đến 14/12/2021");
        // it gives no deadline — 17/12/2021 is the one the Phòng Nội vụ sets when it asks.
        // Seed 002, 158/UBND-NV: day 05; month-end cut-offs.
        RegimeSpec(issuerCode: "GL-AKH", deadlineDay: 5, document: "158/UBND-NV ngày 08/02/2021", periods: [
            ("Q1", "15/12/2020", "28/02/2021", "05/03/2021", nil, nil),
            ("H1", "15/12/2020", "31/05/2021", "05/06/2021", nil, nil),
            ("Q3", "01/06/2021", "31/08/2021", "05/09/2021", nil, nil),
            ("Y", "15/12/2020", "30/11/2021", "05/12/2021", nil, nil),
        ]),
        // Seed 004, 142/KH-UBND: day 18; 15th–14th windows; Q3 printed as from 15/6/2020 (a slip).
        RegimeSpec(issuerCode: "ST", deadlineDay: 18, document: "142/KH-UBND ngày 24/12/2020", periods: [
            ("Q1", "15/12/2020", "14/03/2021", "18/03/2021", nil, nil),
            ("H1", "15/12/2020", "14/06/2021", "18/06/2021", nil, nil),
            ("Q3", "15/06/2020", "14/09/2021", "18/09/2021", nil, nil),
            ("Y", "15/12/2020", "14/12/2021", "18/12/2021", nil, nil),
        ]),
        // Nghi Xuân's 2022 regime, assumed for the inspections demo (seed 003 is its 2022 inspection plan): windows from
        // 15/12 of the year before, cut-offs on the 14th, reports due the 18th.
        RegimeSpec(issuerCode: "HT-NXU", deadlineDay: 18, document: "12/UBND-NV ngày 10/01/2022 (giả định cho dữ liệu mẫu)", periods: [
            ("Q1", "15/12/2021", "14/03/2022", "18/03/2022", nil, nil),
            ("H1", "15/12/2021", "14/06/2022", "18/06/2022", nil, nil),
            ("Q3", "15/12/2021", "14/09/2022", "18/09/2022", nil, nil),
            ("Y", "15/12/2021", "14/12/2022", "18/12/2022", nil, nil),
        ], year: 2022),
    ]

    /// Seed 000 §II.2: which Thạch Hà office supplies which section.
    static let thachHaSections: [(String, String)] = [
        ("HT-THA-VP", "1.3"), ("HT-THA-VP", "1.4"), ("HT-THA-VP", "3"),
        ("HT-THA-NV", "1.1"), ("HT-THA-NV", "1.2"), ("HT-THA-NV", "4"), ("HT-THA-NV", "5"),
        ("HT-THA-TP", "2"), ("HT-THA-TCKH", "6"), ("HT-THA-VHTT", "7.1"), ("HT-THA-KTHT", "7.2"),
    ]

    func load(now: Date) async throws {
        guard let form = try await FormService.find(code: "CCHC-TK-2021", year: 2021, on: db) else { return }
        let formID = try form.requireID()
        var thachHaRegime: RegimeRecord?
        for spec in Self.regimes {
            guard let issuer = try await Unit.query(on: db).filter(\.$code == spec.issuerCode).first() else { continue }
            let regime = RegimeRecord()
            regime.$issuer.id = try issuer.requireID()
            regime.year = spec.year
            regime.deadlineDay = spec.deadlineDay
            regime.$form.id = formID
            regime.document = spec.document
            try await regime.create(on: db)
            func period(_ p: (String, String, String, String, String?, String?)) -> ReportingPeriod {
                ReportingPeriod(kind: PeriodKind(code: p.0)!, from: Day(vietnamese: p.1)!, to: Day(vietnamese: p.2)!, deadline: Day(vietnamese: p.3)!,
                                estimateFrom: p.4.flatMap { Day(vietnamese: $0) }, estimateTo: p.5.flatMap { Day(vietnamese: $0) })
            }
            var periods = spec.periods.map(period)
            if let (from, to, deadline) = spec.supplement {
                periods.append(ReportingPeriod(kind: .supplement, from: Day(vietnamese: from)!, to: Day(vietnamese: to)!,
                                               deadline: Day(vietnamese: deadline)!, onRequest: true))
            }
            // The annual period's estimate window makes the estimate a report of its own.
            for p in Regime(issuer: issuer.name, year: spec.year, periods: periods).reportedPeriods {
                let row = PeriodRecord()
                row.$regime.id = try regime.requireID()
                row.set(p)
                try await row.create(on: db)
            }
            for p in spec.officePeriods {
                let row = OfficePeriodRecord()
                row.$regime.id = try regime.requireID()
                row.set(period((p.0, p.1, p.2, p.3, nil, nil)))
                try await row.create(on: db)
            }
            try await Audit.record(on: db, at: Day(spec.year, 1, 25)!.startInVietnam.addingTimeInterval(9 * 3600), actor: nil, action: "regime.create",
                                   entity: "regime", entityID: regime.id, unit: issuer,
                                   summary: "Ban hành chế độ báo cáo năm \(spec.year) của \(issuer.name) (\(spec.document))")
            if spec.issuerCode == "HT-THA" { thachHaRegime = regime }
        }
        guard let regime = thachHaRegime, let district = try await Unit.query(on: db).filter(\.$code == "HT-THA").first() else { return }
        let regimeID = try regime.requireID()
        // As the standing agency enters them on the assignment page: the form's "Cơ quan" column as suggested,
        // then seed 000's own list on top (7.2 to the Phòng Kinh tế - Hạ tầng).
        let offices = try await Unit.query(on: db).filter(\.$parent.$id == (try district.requireID())).all().filter(\.kind.isOffice)
        let named = offices.compactMap { o in o.id.map { ($0, o.name) } }
        var assignments = SectionAssignments.suggested(form: try form.definition(), offices: named).assignments
        for (code, section) in Self.thachHaSections {
            if let office = offices.first(where: { $0.code == code }) { assignments[section] = try office.requireID() }
        }
        for (section, office) in assignments.sorted(by: { $0.key < $1.key }) {
            try await SectionAssignment(regimeID: regimeID, section: section, officeID: office).create(on: db)
        }
        try await loadThachHaReports(regime: regime, formID: formID)
    }

    /// A small deterministic generator, so the demo is the same on every machine.
    struct Seeded {
        var state: UInt64
        init(_ text: String) { state = text.unicodeScalars.reduce(1469598103934665603) { ($0 ^ UInt64($1.value)) &* 1099511628211 } }
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    /// Figures for one commune and period, consistent with the form's rules.
    static func figures(code: String, period: String, size: Int) -> [String: IndicatorValue] {
        var r = Seeded(code + period)
        let half = period == "Q1" ? 1 : 2
        var v: [String: IndicatorValue] = [:]
        func n(_ code: String, _ x: Int) { v[code] = IndicatorValue(number: Double(x)) }
        let tasks = r.next(18...32)
        n("1.1.1", tasks)
        n("1.1.2", min(tasks, r.next(4...10) * half))
        n("1.1.3", r.next(2...6) * half)
        let issues = r.next(0...4)
        n("1.2.3", issues)
        n("1.2.4", r.next(0...issues))
        let assigned = r.next(2...6) * half
        let onTime = r.next(0...assigned)
        n("1.3.1", assigned)
        n("1.3.2", onTime)
        n("1.3.3", r.next(0...(assigned - onTime)))
        n("1.4.1", r.next(30...120) * half)
        n("1.4.2", r.next(0...2))
        n("2.3", r.next(0...5))
        // Every commune reports the province's catalogue of commune-level procedures — one has not updated its count,
        // a slip the consolidation names.
        let procedures = code.hasSuffix("THACHLONG") ? 98 : 103
        n("3.1.3", procedures)
        n("3.1.3.b", procedures)
        // Dossiers resolved on time: big communes do well, small ones less so, so the district's
        // recomputed rate differs visibly from the plain average of the communes' rates.
        let dossiers = size * half
        let rate = size > 600 ? r.next(95...99) : r.next(62...80)
        v["3.4.2"] = IndicatorValue(numerator: Double(dossiers * rate / 100), denominator: Double(dossiers))
        n("4.2.1", r.next(19...23))
        n("4.2.2", min(v["4.2.1"]!.number.map { Int($0) }!, r.next(18...23)))
        n("5.2.1", r.next(0...1))
        n("7.1", r.next(0...1))
        let online = r.next(20...60) * half
        v["7.7.3"] = IndicatorValue(numerator: Double(min(online, dossiers)), denominator: Double(dossiers))
        return v
    }

    /// Story of the Thạch Hà communes for Q1 and H1 2021.
    enum Story { case accepted(lateDays: Int), submitted(lateDays: Int), returned, resubmitted(lateDays: Int), awaitingLeader, draft, missing }

    static func story(index: Int, period: String) -> Story {
        switch (period, index % 8) {
        case ("Q1", 0), ("Q1", 1), ("Q1", 2): .accepted(lateDays: 0)
        case ("Q1", 3): .submitted(lateDays: 0)
        case ("Q1", 4): .accepted(lateDays: 3)
        case ("Q1", 5): .returned
        case ("Q1", 6): .resubmitted(lateDays: 20)
        case ("Q1", _): .missing
        case (_, 0), (_, 1): .accepted(lateDays: 0)
        case (_, 2): .submitted(lateDays: 0)
        case (_, 3): .awaitingLeader
        case (_, 4): .draft
        case (_, 5): .submitted(lateDays: 2)
        case (_, 6): .returned
        default: .missing
        }
    }

    private func loadThachHaReports(regime: RegimeRecord, formID: Int) async throws {
        guard let district = try await Unit.query(on: db).filter(\.$code == "HT-THA").first() else { return }
        let communes = try await Unit.query(on: db).filter(\.$parent.$id == (try district.requireID())).all()
            .filter { $0.kind.tier == .commune && $0.code != "HT-THA-THACHDAI" }
            .sorted { $0.code < $1.code }
        let periods = try await RegimeService.periods(of: regime, on: db).filter { $0.kind == "Q1" || $0.kind == "H1" }
        try await loadDistrictOwnDraft(district, periods: periods, formID: formID)
        try await loadReports(communes: communes, periods: periods, formID: formID, year: 2021) { i, period in Self.story(index: i, period: period.kind) }
    }

    /// Each commune's report of each period, as `story` tells it, with the audit trail of its steps.
    func loadReports(communes: [Unit], periods: [PeriodRecord], formID: Int, year: Int, officer officerName: String = "thachha.noivu",
                     story storyOf: (Int, PeriodRecord) -> Story) async throws {
        let officer = try await User.query(on: db).filter(\.$username == officerName).first()
        for (i, unit) in communes.enumerated() {
            let slug = unit.code.replacingOccurrences(of: "HT-THA-", with: "").lowercased()
            let specialist = try await User.query(on: db).filter(\.$username == "\(slug).cv").first()
            let leader = try await User.query(on: db).filter(\.$username == "\(slug).ld").first()
            var reportNumber = 10 + i
            for period in periods {
                let story = storyOf(i, period)
                if case .missing = story { continue }
                let deadline = period.deadlineDay
                let report = try Report(unit: unit, periodID: try period.requireID(), formID: formID)
                let size = [250, 420, 800, 1_350, 560, 300, 980, 700][i % 8]
                var values = Self.figures(code: unit.code, period: period.kind, size: size)
                report.narrative = [
                    "toChuc": "UBND \(DemoLoader.shortName(unit.name)) đã ban hành Kế hoạch CCHC năm \(year), "
                        + "phân công nhiệm vụ cho từng công chức; tổ chức tuyên truyền CCHC qua hệ thống truyền thanh xã.",
                    "ketQua2": "Bộ phận một cửa tiếp nhận và giải quyết hồ sơ TTHC đúng quy định; "
                        + "niêm yết công khai đầy đủ TTHC.",
                    "khoKhan": "Cơ sở vật chất bộ phận một cửa còn thiếu; một số người dân chưa quen nộp hồ sơ trực tuyến.",
                    "kienNghi": "Đề nghị huyện hỗ trợ trang thiết bị cho bộ phận một cửa.",
                ]
                var events: [(Date, User?, String, String)] = []
                let draftedAt = deadline.startInVietnam.addingTimeInterval(-6 * 86_400 + 9 * 3600)
                events.append((draftedAt, specialist, "report.save", "Lưu \(period.periodKind.titleInSentence(year: year)) của \(unit.name)"))
                func submit(lateDays: Int) {
                    let at = deadline.startInVietnam.addingTimeInterval(Double(lateDays) * 86_400 + (lateDays == 0 ? -86_400 + 15 * 3600 : 10 * 3600))
                    events.append((at.addingTimeInterval(-3 * 3600), specialist, "report.sendToLeader",
                                   "Trình lãnh đạo ký \(period.periodKind.titleInSentence(year: year)) của \(unit.name)"))
                    report.state = .submitted
                    report.firstSubmittedAt = at
                    report.submittedAt = at
                    report.submittedBy = leader?.id
                    report.docNumber = "\(reportNumber)/BC-UBND"
                    report.docDate = Day(at).iso
                    reportNumber += 1
                    events.append((at, leader, "report.submit",
                                   "Ký, gửi \(period.periodKind.titleInSentence(year: year)) của \(unit.name), "
                                       + "văn bản số \(report.docNumber!) ngày \(Day(at).vietnamese)"))
                }
                switch story {
                case .accepted(let late):
                    submit(lateDays: late)
                    report.state = .accepted
                    report.acceptedAt = report.submittedAt!.addingTimeInterval(2 * 86_400)
                    report.acceptedBy = officer?.id
                    events.append((report.acceptedAt!, officer, "report.accept",
                                   "Tiếp nhận \(period.periodKind.titleInSentence(year: year)) của \(unit.name)"))
                case .submitted(let late):
                    submit(lateDays: late)
                case .returned:
                    submit(lateDays: 0)
                    // The story: completed tasks reported above planned ones.
                    values["1.1.2"] = IndicatorValue(number: (values["1.1.1"]?.number ?? 20) + 4)
                    report.state = .returned
                    report.returnedAt = report.submittedAt!.addingTimeInterval(86_400)
                    report.returnComment = "Số nhiệm vụ đã hoàn thành (1.1.2) lớn hơn số nhiệm vụ đề ra trong kế hoạch (1.1.1); "
                        + "đề nghị rà soát, sửa lại và gửi lại báo cáo."
                    events.append((report.returnedAt!, officer, "report.return",
                                   "Trả lại \(period.periodKind.titleInSentence(year: year)) của \(unit.name): \(report.returnComment!)"))
                case .resubmitted(let late):
                    // Sent on time, returned the next day, sent again weeks after the deadline: late.
                    submit(lateDays: 0)
                    let returnedAt = report.submittedAt!.addingTimeInterval(86_400)
                    report.returnedAt = returnedAt
                    report.returnComment = "Đề nghị bổ sung số liệu mục 3.4.2 (tử số, mẫu số) và gửi lại báo cáo."
                    events.append((returnedAt, officer, "report.return",
                                   "Trả lại \(period.periodKind.titleInSentence(year: year)) của \(unit.name): \(report.returnComment!)"))
                    submit(lateDays: late)
                    report.firstSubmittedAt = events.first { $0.2 == "report.submit" }?.0
                case .awaitingLeader:
                    report.state = .awaitingLeader
                    events.append((draftedAt.addingTimeInterval(86_400), specialist, "report.sendToLeader",
                                   "Trình lãnh đạo ký \(period.periodKind.titleInSentence(year: year)) của \(unit.name)"))
                case .draft:
                    report.state = .draft
                case .missing:
                    break
                }
                try await report.create(on: db)
                let reportID = try report.requireID()
                for (code, value) in values {
                    try await ReportValue(reportID: reportID, code: code, value: value).create(on: db)
                }
                let planDay = DemoPlanning.communePlanDay(code: unit.code, index: i)
                let document = DirectingDocumentRow(numberSymbol: "\(i + 3)/KH-UBND",
                                                    issuedOn: Day.clamped(year, planDay.month, planDay.day).iso,
                                                    summary: "Kế hoạch cải cách hành chính năm \(year)",
                                                    issuer: "UBND \(DemoLoader.shortName(unit.name))")
                try await DirectingDocument(reportID: reportID, position: 1, row: document)
                    .create(on: db)
                for (at, user, action, summary) in events {
                    let e = AuditEvent()
                    e.at = at
                    e.userID = user?.id
                    e.username = user?.username ?? "hệ thống"
                    e.action = action
                    e.entity = "report"
                    e.entityID = reportID
                    e.unitID = unit.id
                    e.unitPath = unit.path
                    e.summary = summary
                    try await e.create(on: db)
                }
            }
        }
    }

    /// The district's own Q1 draft, as its offices fill it: the figures that are the district's own
    /// (`own`), the area-wide ones its offices keep (`areaWide`) and its own coded answers (`choice`).
    private func loadDistrictOwnDraft(_ district: Unit, periods: [PeriodRecord], formID: Int) async throws {
        guard let q1 = periods.first(where: { $0.kind == "Q1" }) else { return }
        let report = try Report(unit: district, periodID: try q1.requireID(), formID: formID)
        try await report.create(on: db)
        let values: [String: IndicatorValue] = [
            "1.2.1": .init(number: 39), "1.2.2": .init(number: 6), "1.2.3": .init(number: 4), "1.2.4": .init(number: 3),
            "1.3.1": .init(number: 12), "1.3.2": .init(number: 10), "1.3.3": .init(number: 1),
            "3.1.3.a": .init(number: 236), "3.1.3.b": .init(number: 103),
            "3.4.1": .init(numerator: 1_912, denominator: 1_950), "3.4.2": .init(numerator: 5_874, denominator: 6_240),
            "4.1.1": .init(number: 12), "7.1": .init(number: 1), "7.2": .init(number: 2), "7.3": .init(number: 1),
            "7.6.2": .init(numerator: 22, denominator: 22),
        ]
        for (code, value) in values.sorted(by: { $0.key < $1.key }) {
            try await ReportValue(reportID: try report.requireID(), code: code, value: value).create(on: db)
        }
    }
}
