import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Issue 13: one duty model over reports, plans, inspections and the PAR index; each role's work list checked against the
/// stored data; reminders once each at the right Vietnam days, by real SMTP; the calendar feed and its revocation.
@Suite("Việc phải làm: lịch việc, trang Việc của tôi, nhắc hạn, lịch .ics")
struct DutiesTests {
    /// 01/12/2021, 09:00 in Vietnam: Thạch Đài owes its year report, its overdue plan, an assigned task, the district's
    /// self-inspection (set up here) and its PAR-index self-assessment (a round opened here).
    static let december = Day(2021, 12, 1)!.startInVietnam.addingTimeInterval(9 * 3600)

    /// The district's 2021 inspection plan (self-inspection "trước ngày 20/12/2021") and a PAR round (self-assessment by 10/12).
    static func setUp(_ app: Application) async throws {
        let thachHa = try await app.unit(code: "HT-THA")
        let plan = InspectionPlanDocument(unit: "", year: 2021, rounds: [
            InspectionRound(number: 1, label: "Đợt 1", from: Day(2021, 12, 21)!, to: Day(2021, 12, 31)!,
                            selfDue: DueDate(day: Day(2021, 12, 20)!, strict: true))])
        let officer = try await TestClient.session(app, "thachha.noivu")
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(try await officer.send(.POST, "/units/\(thachHa.id!)/inspections/plan", form: ["json": json, "year": "2021"]).status == .seeOther)
        #expect(try await officer.send(.POST, "/par/frameworks", form: ["json": ParIndexJourneyTests.framework]).status == .seeOther)
        let framework = try #require(try await ParFrameworkRecord.query(on: app.db).filter(\.$code == "TH-XA").first())
        #expect(try await officer.send(.POST, "/par/rounds", form: ["frameworkID": "\(framework.id!)", "opensOn": "15/11/2021",
                                                                    "selfDue": "10/12/2021", "answerDue": "20/12/2021"]).status == .seeOther)
    }

    @Test func eachRolesWorkListHoldsItsDutiesInDueOrderAsTheDataSays() async throws {
        try await withTestApp(now: Self.december) { app in
            try await Self.setUp(app)
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            let work = try await TestClient.api(app, "thachdai.cv").get("/api/v1/my-work").json(MyWork.self)
            let owed = work.owed.map(\.duty)
            // In due order, overdue first.
            #expect(owed.map(\.due) == owed.map(\.due).sorted())
            #expect(Set(owed.map(\.kind)).isSuperset(of: [.report, .planIssuance, .planTask, .selfInspection, .parSelfAssessment]))
            // The year report: the regime's deadline for the year period, as stored; no report yet.
            let regime = try #require(try await RegimeService.applicable(for: dai, year: 2021, on: app.db))
            let periods = try await RegimeService.periods(of: regime, on: app.db)
            let reports = try await Report.query(on: app.db).filter(\.$unit.$id == dai.id!).filter(\.$isCurrent == true).all()
            for p in periods where p.onRequest != true {
                let sent = reports.first { $0.$period.id == p.id && $0.firstSubmittedAt != nil }
                let line = work.owed.first { $0.duty.id == "report:\(dai.id!):\(p.id!)" }
                if sent == nil && p.lastDay.year == 2021 || sent == nil && p.lastDay >= Day(2021, 12, 1)! {
                    #expect(line?.duty.dueDay == p.lastDay, "\(p.kind)")
                } else if sent != nil {
                    #expect(line == nil, "\(p.kind) was sent")
                }
            }
            // The plan: not issued, due before 30/01/2021 (last day 29/01), overdue.
            let issue = try #require(owed.first { $0.kind == .planIssuance })
            #expect(issue.dueDay == Day(2021, 1, 29)! && issue.status(now: Self.december) == .overdue)
            // Tasks assigned to it as lead by the district's plan, open, each by its last due day.
            let assigned = try await PlanAssignmentRecord.query(on: app.db).filter(\.$unit.$id == dai.id!).filter(\.$role == "lead")
                .with(\.$task).all().filter { $0.status != .done && $0.status != .doneLate && $0.status != .cancelled && $0.task.lastDue != nil }
            let listedTasks = owed.filter { $0.id.hasPrefix("assigned:") }
            #expect(Set(listedTasks.map(\.id)) == Set(assigned.filter { Day(iso: $0.task.lastDue!)!.year >= 2020 }.map { "assigned:\($0.id!)" }))
            // The self-inspection (19/12) and the PAR self-assessment (10/12).
            #expect(owed.first { $0.kind == .selfInspection }?.dueDay == Day(2021, 12, 19)!)
            #expect(owed.first { $0.kind == .parSelfAssessment }?.dueDay == Day(2021, 12, 10)!)
            // The page lists them in the same order.
            let page = try await TestClient.session(app, "thachdai.cv").get("/").text
            let positions = work.owed.prefix(6).compactMap { page.range(of: $0.duty.url.htmlEscapedForTest)?.lowerBound }
            #expect(page.contains("Việc phải làm") && positions.count >= 3)

            // The leader: the same duties, and the self-inspection the specialist saved waits for the signature.
            let cv = try await TestClient.session(app, "thachdai.cv")
            #expect(try await cv.send(.POST, "/units/\(dai.id!)/inspections/self", formPairs: [("year", "2021"), ("round", "1"),
                                                                                               ("answer:0", "Đã thực hiện")]).status == .seeOther)
            let leader = try await TestClient.api(app, "thachdai.ld").get("/api/v1/my-work").json(MyWork.self)
            #expect(leader.owed.map(\.duty.id) == work.owed.map(\.duty.id))
            #expect(leader.toSign.contains { $0.title.contains("tự kiểm tra") && $0.unitName == "Xã Thạch Đài" })
            #expect(try await TestClient.session(app, "thachdai.ld").get("/").text.contains("Chờ bạn ký"))

            // The district officer: every report its communes sent and it has not yet taken or returned waits for review.
            let thachHa = try await app.unit(code: "HT-THA")
            let children = try await Unit.query(on: app.db).filter(\.$parent.$id == thachHa.id!).all().compactMap(\.id)
            let waiting = try await Report.query(on: app.db).filter(\.$unit.$id ~~ children).filter(\.$isCurrent == true)
                .filter(\.$state == .submitted).count()
            let officer = try await TestClient.api(app, "thachha.noivu").get("/api/v1/my-work").json(MyWork.self)
            #expect(officer.toReview.filter { $0.title.hasPrefix("Tiếp nhận báo cáo") }.count == waiting)
            #expect(officer.changes.contains { $0.title.contains("tự kiểm tra") })
        }
    }

    @Test func remindersFireOnceEachOnTheirVietnamDaysAndArriveBySMTP() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withTestApp(now: Self.december) { app in
            try await Self.setUp(app)
            let clock = try #require(app.clock as? FixedClock)
            let user = try await app.user("thachdai.cv")
            user.email = "chuyenvien@thachdai.gov.vn"
            try await user.save(on: app.db)
            let mailer = SMTPMailer(settings: MailSettings(host: "127.0.0.1", port: sink.port, from: "cchc@thachha.gov.vn"))
            func run(_ at: Date) async throws -> ReminderService.Outcome {
                // A new service each time: what was sent is in the database, as after a restart.
                try await ReminderService(db: app.db, rules: ReminderRules(daysBefore: [5, 1]), mailer: mailer, logger: app.logger).run(now: at)
            }
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            /// Thạch Đài's reminders of its PAR-index self-assessment (due 10/12/2021).
            func parReminders() async throws -> [ReminderRecord] {
                try await ReminderRecord.query(on: app.db).filter(\.$unitID == dai.id!).all().filter { $0.dutyID.hasPrefix("par-self:") }
            }
            func parMails() -> [SMTPSink.Received] { sink.messages().filter { $0.subject.contains("Tự đánh giá chỉ số CCHC năm 2021") } }
            var mailed = 0
            // 04/12 23:30 in Vietnam (16:30 UTC): not yet five days before 10/12.
            mailed += try await run(Day(2021, 12, 4)!.startInVietnam.addingTimeInterval(23.5 * 3600)).mailed
            #expect(try await parReminders().isEmpty)
            // 05/12 00:30 in Vietnam (04/12 17:30 UTC): five days before — one reminder to each of the commune's two accounts,
            // e-mailed to the one with an address.
            let fifth = Day(2021, 12, 5)!.startInVietnam.addingTimeInterval(0.5 * 3600)
            clock.set(fifth)
            let first = try await run(fifth)
            mailed += first.mailed
            #expect(first.created > 0 && first.failed == 0)
            let five = try await parReminders()
            #expect(five.count == 2 && five.allSatisfy { $0.rule == "before-5" })
            #expect(sink.waitFor(count: mailed, timeout: 5).count == mailed)
            #expect(parMails().count == 1)
            #expect(parMails().allSatisfy { $0.to == ["chuyenvien@thachdai.gov.vn"] && $0.subject.contains("còn 5 ngày")
                                            && $0.text.contains("Kính gửi Chuyên viên UBND xã Thạch Đài") })
            // Run again later the same day, with a new service (as after a restart): nothing twice.
            let again = try await run(fifth.addingTimeInterval(3600))
            #expect(again.created == 0 && again.mailed == 0)
            #expect(sink.messages().count == mailed)
            // 09/12: one day before; 10/12: on the day; 11/12: overdue — each once, each mailed once.
            for (day, rule) in [(9, "before-1"), (10, "due"), (11, "overdue")] {
                let at = Day(2021, 12, day)!.startInVietnam.addingTimeInterval(8 * 3600)
                mailed += try await run(at).mailed
                mailed += try await run(at.addingTimeInterval(600)).mailed
                let fired = try await parReminders().filter { $0.rule == rule }
                #expect(fired.count == 2, "\(rule)")
            }
            #expect(try await parReminders().count == 8)
            #expect(sink.waitFor(count: mailed, timeout: 5).count == mailed && parMails().count == 4)
            // In the app: unread reminders on the work list until marked read.
            let session = try await TestClient.session(app, "thachdai.cv")
            #expect(try await session.get("/").text.contains("Nhắc hạn mới"))
            #expect(try await session.send(.POST, "/reminders/read").status == .seeOther)
            #expect(!(try await session.get("/").text.contains("Nhắc hạn mới")))
        }
    }

    @Test func theCalendarFeedHoldsEveryDutyAndARevokedAddressIsGone() async throws {
        try await withTestApp(now: Self.december) { app in
            try await Self.setUp(app)
            let dai = try await app.unit(code: "HT-THA-THACHDAI")
            let api = try await TestClient.api(app, "thachdai.cv")
            let made = try await api.send(.POST, "/api/v1/calendar/feeds", json: ["unitID": dai.id!])
            #expect(made.status == .created)
            let feed = try made.json(CalendarFeedDTO.self)
            let url = try #require(feed.url)
            let path = try #require(URLComponents(string: url)?.path)
            let ics = try await TestClient(app).get(path)
            #expect(ics.status == .ok && ics.headers.contentType?.description.hasPrefix("text/calendar") == true)
            // Every duty of the unit in 2020–2022, as the duties pages list them, is one event with its UID.
            var expected: Set<String> = []
            for year in 2020...2022 {
                let duties = try await api.get("/api/v1/units/\(dai.id!)/duties?year=\(year)").json(UnitDuties.self)
                expected.formUnion(duties.duties.map { "\($0.duty.id)@cchc" })
            }
            let unfolded = ics.text.replacingOccurrences(of: "\r\n ", with: "")
            let uids = Set(unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) })
            #expect(!expected.isEmpty && uids == expected)
            #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1 == expected.count)
            // Revoked: 404; another user cannot revoke it.
            let other = try await TestClient.api(app, "thachha.noivu")
            #expect(try await other.send(.POST, "/api/v1/calendar/feeds/\(feed.id)/revoke").status == .notFound)
            #expect(try await api.send(.POST, "/api/v1/calendar/feeds/\(feed.id)/revoke").status == .ok)
            #expect(try await TestClient(app).get(path).status == .notFound)
            #expect(try await TestClient(app).get("/ics/nothing-here.ics").status == .notFound)
        }
    }

    /// The dashboard's report column agrees with the timeliness table (computed apart), its totals add up, the ranking follows
    /// the rule shown; the .xlsx opens; the overview's figures link onward; a commune's specialist is kept out.
    @Test func theDashboardAgreesWithTheTimelinessTableAndTheOverviewLinksOnward() async throws {
        try await withTestApp(now: Self.december) { app in
            try await Self.setUp(app)
            let thachHa = try await app.unit(code: "HT-THA")
            let api = try await TestClient.api(app, "thachha.noivu")
            let d = try await api.get("/api/v1/units/\(thachHa.id!)/dashboard?year=2021").json(DutyDashboard.self)
            let table = try #require(try await TimelinessService.table(jurisdiction: thachHa, year: 2021, now: Self.december, sort: nil, on: app.db))
            func count(_ status: String) -> Int {
                table.rows.reduce(0) { sum, row in sum + row.cells.filter { $0.status == status }.count }
            }
            let reports = try #require(d.byKind[DutyKind.report.rawValue])
            #expect(d.rows.count == table.rows.count)
            #expect(reports.onTime == count("on_time") && reports.late == count("late"))
            // In December every returned report is past its deadline: overdue, and counted as returned too.
            #expect(reports.returned == count("returned") && reports.overdue == count("overdue") + count("returned"))
            #expect(d.total == d.rows.reduce(DutyTally()) { $0 + $1.total })
            let rates = d.ranking.map { $0.tally.rate ?? -1 }
            #expect(rates == rates.sorted(by: >) && d.ranking.first?.rank == 1)
            let xlsx = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/dashboard.xlsx?year=2021")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/dashboard?year=2021").text
            #expect(page.contains("<svg") && page.contains("Xếp hạng thi đua") && page.contains(DutyTally.rule.prefix(40)) && !page.contains("&lt;span"))
            let o = try await api.get("/api/v1/units/\(thachHa.id!)/overview?year=2021").json(LeaderOverview.self)
            #expect(o.periods.count == table.periods.count && !o.figures.isEmpty && o.figures.allSatisfy { $0.url.hasPrefix("/") })
            #expect(try await TestClient.session(app, "thachha.ld").get("/units/\(thachHa.id!)/overview?year=2021").status == .ok)
            // The trend of 1.1.1 over 2021's periods: Quý I and 6 tháng as the consolidation itself gives them (no 2020 reports).
            let trend = try #require(try await api.get("/api/v1/units/\(thachHa.id!)/overview?year=2021&code=1.1.1").json(LeaderOverview.self).trend)
            #expect(trend.code == "1.1.1" && trend.series.map(\.year) == [2020, 2021] && trend.series[0].values.allSatisfy { $0 == nil })
            for (i, kind) in ["Q1", "H1"].enumerated() {
                let c = try await api.get("/api/v1/units/\(thachHa.id!)/consolidation/2021/\(kind)").json(ConsolidatedReport.self)
                #expect(trend.series[1].values[i] == c.figures.first { $0.code == "1.1.1" }?.value, "\(kind)")
            }
            #expect(trend.series[1].values[0] != nil)
            #expect(try await TestClient.api(app, "thachdai.cv").get("/api/v1/units/\(thachHa.id!)/dashboard?year=2021").status == .notFound)
        }
    }

    /// The overview's PAR-index part on Quảng Điền's published 2019 round (seed 001): Quảng Thọ up 4,47 on 2018, each area's
    /// average within its maximum, the charts drawn.
    @Test func theOverviewShowsThePARIndexYearOnYearAndByArea() async throws {
        try await withTestApp(now: Day(2020, 3, 2)!.startInVietnam.addingTimeInterval(9 * 3600)) { app in
            let district = try await app.unit(code: "TTH-QDI")
            let o = try await TestClient.api(app, "quangdien.noivu").get("/api/v1/units/\(district.id!)/overview?year=2019")
                .json(LeaderOverview.self)
            let par = try #require(o.par)
            #expect(par.published && par.totals.count == par.movers.count && !par.areas.isEmpty)
            let quangTho = try #require(par.movers.first { $0.unitName == "Xã Quảng Thọ" })
            #expect(abs((quangTho.delta ?? 0) - 4.47) < 0.005)
            // A penalty area (điểm trừ) averages at or below zero; every other within [0; its maximum].
            #expect(par.areas.allSatisfy { a in
                a.average.map { a.name.hasPrefix("Điểm trừ") ? $0 <= 0.001 : ($0 >= 0 && $0 <= a.max + 0.001) } ?? false
            }, "\(par.areas)")
            let page = try await TestClient.session(app, "quangdien.noivu").get("/units/\(district.id!)/overview?year=2019").text
            #expect(page.contains("Thay đổi so với năm trước") && page.contains("Điểm bình quân theo lĩnh vực"))
        }
    }
}

extension String {
    /// A URL as a page writes it in an attribute.
    var htmlEscapedForTest: String { replacingOccurrences(of: "&", with: "&amp;") }
}
