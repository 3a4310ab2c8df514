import Foundation
import Testing
@testable import CCHCDomain

/// A returned report is judged by its resubmission, and nothing inside the unit changes what the
/// standing agency sees (issue 9, "Timeliness that tells the truth").
@Suite struct ResubmissionTests {
    let deadline = Day(2021, 3, 18)!
    func at(_ d: Int, _ m: Int) -> Date { Day(2021, m, d)!.startInVietnam.addingTimeInterval(10 * 3600) }

    @Test func sentOnTimeReturnedAndResubmittedTwoMonthsLaterIsLate() {
        let t = Timeliness.evaluate(deadline: deadline, now: at(1, 6), firstSubmittedAt: at(10, 3), lastSubmittedAt: at(17, 5),
                                    returnedAt: at(12, 3))
        #expect(t == .resubmitted(daysLate: 60))
        #expect(t.code == "late")
        #expect(t.label == "Nộp lại muộn 60 ngày (sau khi bị trả lại)")
    }

    @Test func returnedAndNotYetResubmittedWaitsWhateverTheUnitDoesInside() {
        // The unit has sent it to its own leader: still "returned, awaiting resubmission".
        let t = Timeliness.evaluate(deadline: deadline, now: at(20, 3), firstSubmittedAt: at(10, 3), lastSubmittedAt: at(10, 3),
                                    returnedAt: at(12, 3))
        #expect(t == .returned(overdue: true))
        #expect(t.label == "Bị trả lại, chờ nộp lại (đã quá hạn)")
    }

    @Test func resubmittedBeforeTheDeadlineIsOnTime() {
        let t = Timeliness.evaluate(deadline: deadline, now: at(20, 3), firstSubmittedAt: at(10, 3), lastSubmittedAt: at(18, 3),
                                    returnedAt: at(12, 3))
        #expect(t == .resubmitted(daysLate: 0) && t.code == "on_time")
    }

    @Test func neverReturnedIsJudgedOnTheFirstSubmission() {
        let t = Timeliness.evaluate(deadline: deadline, now: at(1, 6), firstSubmittedAt: at(20, 3), lastSubmittedAt: at(20, 3), returnedAt: nil)
        #expect(t == .late(days: 2))
    }
}

/// "trước ngày X" ends the day before; "chậm nhất là ngày X" ends on X (issue 9).
@Suite struct StrictDeadlineTests {
    @Test func beforeDayXMeansTheDayBefore() {
        let inclusive = ReportingPeriod(kind: .q1, from: Day(2020, 12, 15)!, to: Day(2021, 3, 14)!, deadline: Day(2021, 3, 18)!)
        var strict = inclusive
        strict.deadlineStrict = true
        #expect(inclusive.lastDay == Day(2021, 3, 18)!)
        #expect(strict.lastDay == Day(2021, 3, 17)!)
        #expect(strict.deadlineText == "trước ngày 18/03/2021")
        #expect(inclusive.deadlineText == "chậm nhất ngày 18/03/2021")
        let onTheDay = Day(2021, 3, 18)!.startInVietnam.addingTimeInterval(9 * 3600)
        #expect(Timeliness.evaluate(deadline: inclusive.lastDay, now: onTheDay, submittedAt: onTheDay) == .onTime)
        #expect(Timeliness.evaluate(deadline: strict.lastDay, now: onTheDay, submittedAt: onTheDay) == .late(days: 1))
    }
}
