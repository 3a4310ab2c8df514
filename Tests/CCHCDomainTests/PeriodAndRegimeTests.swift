import Foundation
import Testing
@testable import CCHCDomain

@Suite("Kỳ báo cáo, ngày tháng, chế độ báo cáo")
struct PeriodAndRegimeTests {
    @Test func dayArithmeticAcrossMonthEndsLeapYearsAndNewYear() throws {
        let d = try #require(Day(2020, 12, 31))
        #expect(d.adding(days: 1) == Day(2021, 1, 1))
        #expect(Day(2021, 2, 28)!.adding(days: 1) == Day(2021, 3, 1))
        #expect(Day(2024, 2, 28)!.adding(days: 1) == Day(2024, 2, 29))
        #expect(Day(2024, 2, 29)!.adding(days: 1) == Day(2024, 3, 1))
        #expect(Day(2100, 2, 29) == nil)
        #expect(Day(2000, 2, 29) != nil)
        #expect(Day(2020, 12, 15)!.days(until: Day(2021, 3, 14)!) == 89)
        #expect(Day(1970, 1, 1)!.ordinal == 0)
        for ordinal in stride(from: -800, through: 60_000, by: 37) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Day.clamped(2021, 2, 31) == Day(2021, 2, 28))
        #expect(Day(vietnamese: "5/3/2021") == Day(2021, 3, 5))
        #expect(Day(2021, 1, 5)!.longVietnamese == "ngày 05 tháng 01 năm 2021")
    }

    @Test func vietnamDayOfAMomentIgnoresTheServerZone() {
        // 2021-03-13 16:59:59 UTC is 23:59:59 on 13/03 in Vietnam; one second later it is the 14th.
        let lastSecond = Date(timeIntervalSince1970: 1_615_654_799)
        #expect(Day(lastSecond) == Day(2021, 3, 13))
        #expect(Day(lastSecond.addingTimeInterval(1)) == Day(2021, 3, 14))
        #expect(Day(2021, 3, 13)!.endInVietnam == lastSecond.addingTimeInterval(1))
    }

    @Test func decree09Preset() {
        let r = RegimePreset.decree09(issuer: "Tỉnh Sóc Trăng", year: 2021, deadlineDay: 18)
        #expect(r.periods.map(\.kind) == [.q1, .h1, .q3, .year])
        #expect(r.period(.q1)?.windowText == "15/12/2020 – 14/03/2021")
        #expect(r.period(.h1)?.windowText == "15/12/2020 – 14/06/2021")
        #expect(r.period(.q3)?.windowText == "15/06/2021 – 14/09/2021")
        #expect(r.period(.year)?.windowText == "15/12/2020 – 14/12/2021")
        #expect(r.period(.q1)?.deadline == Day(2021, 3, 18))
        #expect(r.period(.year)?.deadline == Day(2021, 12, 18))
        // Decree 09's own rule leaves nothing to warn about; its deadlines on a Saturday are only noted.
        #expect(RegimeCheck.check(r).filter { $0.kind != .nonWorkingDay }.isEmpty)
        #expect(RegimeCheck.check(r).map(\.message) == ["Kỳ Quý III/2021: thời hạn nộp 18/09/2021 rơi vào thứ Bảy.",
                                                        "Kỳ năm 2021: thời hạn nộp 18/12/2021 rơi vào thứ Bảy."])
        // day 31 in a 30-day month is clamped; monthly windows meet
        let monthly = RegimePreset.decree09(issuer: "X", year: 2024, deadlineDay: 31, months: true)
        #expect(monthly.period(.h1)?.deadline == Day(2024, 6, 30))
        #expect(monthly.period(.month(2))?.windowText == "15/01/2024 – 14/02/2024")
        #expect(monthly.period(.month(1))?.from == Day(2023, 12, 15))
        #expect(RegimeCheck.check(monthly).filter { $0.kind != .nonWorkingDay }.isEmpty)
    }

    @Test func periodCodes() throws {
        #expect(PeriodKind(code: "q1") == .q1)
        #expect(PeriodKind(code: "M07") == .month(7))
        #expect(PeriodKind(code: "M13") == nil)
        #expect(PeriodKind.h1.title(year: 2021) == "Báo cáo 6 tháng đầu năm 2021")
        let json = try JSONEncoder().encode([PeriodKind.q3, .month(3)])
        #expect(String(decoding: json, as: UTF8.self) == #"["Q3","M03"]"#)
    }

    func regime(_ rows: [(String, String, String, String)], year: Int = 2021) -> Regime {
        Regime(issuer: "Thử", year: year, periods: rows.map {
            ReportingPeriod(kind: PeriodKind(code: $0.0)!, from: Day(vietnamese: $0.1)!, to: Day(vietnamese: $0.2)!, deadline: Day(vietnamese: $0.3)!)
        })
    }

    @Test func checkFindsAGap() {
        // Thạch Hà 2021 (seed 000): H1 ends 10/06, Q3 starts 15/06.
        let w = RegimeCheck.check(regime([("Q1", "15/12/2020", "10/03/2021", "13/03/2021"), ("H1", "15/12/2020", "10/06/2021", "13/06/2021"),
                                          ("Q3", "15/06/2021", "10/09/2021", "13/09/2021")]))
        #expect(w.map(\.kind) == [.gap, .nonWorkingDay, .nonWorkingDay])
        #expect(w[0].message.contains("bỏ trống 4 ngày: 11/06/2021 – 14/06/2021"))
        // 13/03/2021 was a Saturday and 13/06/2021 a Sunday.
        #expect(w[1].message == "Kỳ Quý I/2021: thời hạn nộp 13/03/2021 rơi vào thứ Bảy.")
        #expect(w[2].message == "Kỳ 6 tháng đầu năm 2021: thời hạn nộp 13/06/2021 rơi vào Chủ nhật.")
    }

    @Test func checkFindsAnOverlap() {
        let w = RegimeCheck.check(regime([("H1", "15/12/2020", "14/06/2021", "18/06/2021"), ("Q3", "01/06/2021", "14/09/2021", "18/09/2021")]))
        #expect(w.contains { $0.kind == .overlap && $0.message.contains("trùng nhau 14 ngày: 01/06/2021 – 14/06/2021") })
    }

    @Test func checkFindsAWindowEndingAfterItsDeadline() {
        // Thạch Hà's annual report: data to 20/11/2021, due 15/11/2021.
        let w = RegimeCheck.check(regime([("Y", "15/12/2020", "20/11/2021", "15/11/2021")]))
        #expect(w.map(\.kind) == [.afterDeadline, .uncovered, .deadlineMonth])
        #expect(w[0].message == "Kỳ năm 2021: chốt số liệu đến 20/11/2021, sau thời hạn nộp báo cáo 15/11/2021.")
        // Without its estimate window, 21/11–14/12 belongs to no period; and the deadline is not in December.
        #expect(w[1].message == "Số liệu từ 21/11/2021 đến 14/12/2021 (24 ngày) không thuộc khoảng chốt số liệu hay ước tính của kỳ nào.")
        #expect(w[2].message == "Kỳ năm 2021: thời hạn nộp 15/11/2021 không thuộc tháng cuối kỳ (tháng 12/2021).")
    }

    @Test func checkFindsSocTrangSlip() {
        // Seed 004 prints Q3 as from 15/6/2020.
        let w = RegimeCheck.check(regime([("H1", "15/12/2020", "14/06/2021", "18/06/2021"), ("Q3", "15/06/2020", "14/09/2021", "18/09/2021")]))
        let kinds = Set(w.map(\.kind))
        #expect(kinds.contains(.length))
        #expect(kinds.contains(.outsideYear))
        #expect(kinds.contains(.overlap))
        #expect(w.contains { $0.message.contains("15/06/2020 – 14/09/2021 dài 457 ngày") })
        // The overlap is H1's whole window, 182 days — not the 365 days from Q3's misprinted start.
        #expect(w.contains { $0.kind == .overlap && $0.message.contains("trùng nhau 182 ngày: 15/12/2020 – 14/06/2021") })
    }

    @Test func checkFindsOrderAndParentDeadline() {
        let sub = regime([("Q1", "14/03/2021", "15/12/2020", "20/03/2021")])
        let parent = regime([("Q1", "15/12/2020", "14/03/2021", "18/03/2021")])
        let w = RegimeCheck.check(sub, parent: parent, parentName: "Tỉnh Hà Tĩnh")
        #expect(w.contains { $0.kind == .order && $0.message.contains("14/03/2021 sau ngày kết thúc 15/12/2020") })
        #expect(w.contains { $0.kind == .parentDeadline && $0.message.contains("20/03/2021 muộn hơn thời hạn cấp trên (Tỉnh Hà Tĩnh) yêu cầu cho cùng kỳ: 18/03/2021") })
    }

    @Test func estimateWindowOverlappingTheCutOffIsPointedOut() {
        var r = regime([("Y", "15/12/2020", "14/11/2021", "15/11/2021")])
        r.periods[0].estimateFrom = Day(2021, 11, 10)
        r.periods[0].estimateTo = Day(2021, 12, 14)
        let w = RegimeCheck.check(r)
        #expect(w.map(\.kind) == [.estimate, .deadlineMonth])
        #expect(w[0].message.contains("trùng với khoảng chốt số liệu 5 ngày"))
    }

    @Test func regimeJSONMatchesTheInterface() throws {
        let json = #"{"issuer":"UBND huyện Thạch Hà","year":2021,"deadlineDay":13,"periods":[{"kind":"Y","from":"2020-12-15","to":"2021-11-20","deadline":"2021-11-15","estimateFrom":"2021-11-15","estimateTo":"2021-12-14"}]}"#
        let r = try JSONDecoder().decode(Regime.self, from: Data(json.utf8))
        #expect(r.periods[0].estimateTo == Day(2021, 12, 14))
        #expect(r.deadlineDay == 13)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Regime.self, from: Data(#"{"issuer":"x","year":2021,"periods":[{"kind":"Q5","from":"2021-01-01","to":"2021-01-02","deadline":"2021-01-03"}]}"#.utf8)) }
    }
}

@Suite("Thời hạn nộp báo cáo")
struct TimelinessTests {
    let deadline = Day(2021, 3, 13)!

    @Test func lastMinuteOfTheDeadlineDayInVietnamIsOnTime() {
        let lastMinute = deadline.startInVietnam.addingTimeInterval(23 * 3600 + 59 * 60)   // 23:59 Vietnam = 16:59 UTC
        #expect(Timeliness.evaluate(deadline: deadline, now: lastMinute, submittedAt: lastMinute) == .onTime)
        let midnight = deadline.endInVietnam                                           // 00:00 on the 14th
        #expect(Timeliness.evaluate(deadline: deadline, now: midnight, submittedAt: midnight) == .late(days: 1))
        // An instant that is still the 13th in UTC but already the 14th in Vietnam is late.
        let utcEvening = Date(timeIntervalSince1970: 1_615_658_400)                      // 2021-03-13 18:00 UTC
        #expect(Timeliness.evaluate(deadline: deadline, now: utcEvening, submittedAt: utcEvening) == .late(days: 1))
    }

    @Test func statesBeforeAndAfterTheDeadline() {
        let early = Day(2021, 2, 20)!.startInVietnam
        #expect(Timeliness.evaluate(deadline: deadline, now: early, submittedAt: nil) == .notDueYet(daysLeft: 21))
        let soon = Day(2021, 3, 10)!.startInVietnam
        #expect(Timeliness.evaluate(deadline: deadline, now: soon, submittedAt: nil) == .dueSoon(daysLeft: 3))
        #expect(Timeliness.evaluate(deadline: deadline, now: deadline.startInVietnam, submittedAt: nil) == .dueSoon(daysLeft: 0))
        let after = Day(2021, 3, 20)!.startInVietnam.addingTimeInterval(3600)
        #expect(Timeliness.evaluate(deadline: deadline, now: after, submittedAt: nil) == .overdue(daysLate: 7))
        #expect(Timeliness.evaluate(deadline: deadline, now: after, submittedAt: Day(2021, 3, 18)!.startInVietnam) == .late(days: 5))
        #expect(Timeliness.evaluate(deadline: deadline, now: after, submittedAt: nil, returned: true) == .returned(overdue: true))
        #expect(Timeliness.evaluate(deadline: deadline, now: early, submittedAt: nil, returned: true) == .returned(overdue: false))
        #expect(Timeliness.late(days: 4).label == "Nộp muộn 4 ngày")
    }
}

/// The stronger regime check of issue 9: days in no window, deadlines outside the last month, too little
/// time to compile, deadlines on days off, windows against the level above's.
@Suite struct RegimeCheckCoverageTests {
    func regime(_ rows: [(String, String, String, String)], year: Int = 2021) -> Regime {
        Regime(issuer: "Thử", year: year, periods: rows.map {
            ReportingPeriod(kind: PeriodKind(code: $0.0)!, from: Day(vietnamese: $0.1)!, to: Day(vietnamese: $0.2)!, deadline: Day(vietnamese: $0.3)!)
        })
    }

    @Test func anKhesYearLeavesTheFirstHalfOfDecemberToNoPeriod() {
        // Seed 002: the annual window ends 30/11/2021.
        let w = RegimeCheck.check(regime([("Q1", "15/12/2020", "28/02/2021", "05/03/2021"), ("H1", "15/12/2020", "31/05/2021", "05/06/2021"),
                                          ("Q3", "01/06/2021", "31/08/2021", "05/09/2021"), ("Y", "15/12/2020", "30/11/2021", "05/12/2021")]))
        #expect(w.contains { $0.kind == .uncovered && $0.message.contains("từ 01/12/2021 đến 14/12/2021 (14 ngày)") })
        #expect(w.contains { $0.kind == .nonWorkingDay && $0.message.contains("05/06/2021 rơi vào thứ Bảy") })
    }

    @Test func aDeadlineTheDayAfterTheCutOffOverAWeekendLeavesNoWorkingDay() {
        // Window to Friday 30/04/2021 (a holiday), deadline Sunday 02/05: no working day between.
        let w = RegimeCheck.check(regime([("M04", "15/03/2021", "30/04/2021", "02/05/2021")]))
        #expect(w.contains { $0.kind == .tooLittleTime && $0.message.contains("không có ngày làm việc nào") })
        #expect(WorkingDays.weekday(Day(2021, 3, 13)!) == 6)
        #expect(WorkingDays.holiday(Day(2021, 2, 11)!) == "Tết Nguyên đán")
        #expect(WorkingDays.holiday(Day(2021, 4, 21)!) == "Giỗ Tổ Hùng Vương")
        // 30/4 (holiday), 1–2/5 (weekend), then Monday 3/5 and Tuesday 4/5 (a compensatory day off is not known here).
        #expect(WorkingDays.count(after: Day(2021, 4, 29)!, through: Day(2021, 5, 4)!) == 2)
    }

    @Test func windowsAreComparedWithTheLevelAbove() {
        let sub = regime([("Q1", "15/12/2020", "20/03/2021", "25/03/2021")])
        let parent = regime([("Q1", "15/12/2020", "14/03/2021", "18/03/2021")])
        let w = RegimeCheck.check(sub, parent: parent, parentName: "Tỉnh Hà Tĩnh")
        #expect(w.contains { $0.kind == .parentWindow && $0.message.contains("khác cấp trên (Tỉnh Hà Tĩnh): 15/12/2020 – 14/03/2021; chốt sau cấp trên") })
    }
}
