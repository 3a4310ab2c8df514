import Foundation
import Testing
@testable import CCHCDomain

/// The estimate and the supplementary report (seed 000 §II.1b), regimes that give deadlines only, and the
/// day-phrase messages they share.
@Suite("Kỳ ước đạt, kỳ bổ sung và chế độ chỉ nêu hạn nộp")
struct AccompanyingPeriodsTests {
    static let year = ReportingPeriod(kind: .year, from: Day(2020, 12, 15)!, to: Day(2021, 11, 20)!, deadline: Day(2021, 11, 15)!,
                                      estimateFrom: Day(2021, 11, 15)!, estimateTo: Day(2021, 12, 14)!)

    @Test func theEstimateIsDerivedFromTheAnnualPeriod() {
        let regime = Regime(issuer: "Huyện Thạch Hà", year: 2021, periods: [Self.year])
        let reported = regime.reportedPeriods
        #expect(reported.map(\.kind) == [.year, .estimate])
        let estimate = reported[1]
        #expect(estimate.windowText == "15/11/2021 – 14/12/2021")
        #expect(estimate.deadline == Day(2021, 11, 15)!)
        // No estimate window, no estimate report.
        var plain = Self.year
        plain.estimateFrom = nil
        plain.estimateTo = nil
        #expect(Regime(issuer: "", year: 2021, periods: [plain]).reportedPeriods.map(\.kind) == [.year])
        #expect(PeriodKind(code: "YE") == .estimate && PeriodKind(code: "YS") == .supplement)
        #expect(PeriodKind.estimate.title(year: 2021) == "Báo cáo số liệu ước đạt cuối năm 2021")
        #expect(PeriodKind.year < .estimate && PeriodKind.estimate < .supplement)
        #expect(PeriodKind.supplement.previousInYear == nil)
    }

    @Test func theSupplementIsCheckedOnItsOwn() {
        let supplement = ReportingPeriod(kind: .supplement, from: Day(2021, 12, 1)!, to: Day(2021, 12, 14)!, deadline: Day(2021, 12, 10)!,
                                         onRequest: true)
        let warnings = RegimeCheck.check(Regime(issuer: "", year: 2021, periods: [Self.year, supplement]))
        // Its window inside the year's is by design: no overlap, no length warning for it.
        #expect(!warnings.contains { $0.period == "YS" && ($0.kind == .overlap || $0.kind == .length) })
        #expect(warnings.contains { $0.kind == .supplement && $0.message.contains("thời hạn nộp 10/12/2021 trước ngày kết thúc số liệu bổ sung 14/12/2021") })
        let fine = ReportingPeriod(kind: .supplement, from: Day(2021, 12, 1)!, to: Day(2021, 12, 14)!, deadline: Day(2021, 12, 17)!)
        #expect(!RegimeCheck.check(Regime(issuer: "", year: 2021, periods: [Self.year, fine])).contains { $0.kind == .supplement })
    }

    @Test func onRequestReportsAreNotOwedUntilSent() {
        let deadline = Day(2021, 12, 17)!
        let later = Day(2021, 12, 30)!.startInVietnam
        #expect(Timeliness.evaluate(deadline: deadline, now: later, submittedAt: nil).onRequest(true) == .notRequested)
        #expect(Timeliness.evaluate(deadline: deadline, now: later, submittedAt: nil).onRequest(false) == .overdue(daysLate: 13))
        let sentLate = Day(2021, 12, 20)!.startInVietnam
        #expect(Timeliness.evaluate(deadline: deadline, now: later, submittedAt: sentLate).onRequest(true) == .late(days: 3))
        let standing = Emulation.rank([(1, "Xã A", [.notRequested, .onTime])])
        #expect(standing.first?.missing == 0)
        #expect(standing.first?.onTime == 1)
    }

    @Test func aRegimeWithDeadlinesOnlyDecodesAndIsCheckedForWhatIsMissing() throws {
        let json = #"{"issuer": "Xã A", "year": 2019, "periods": [{"kind": "Q1", "deadline": "2019-03-05", "deadlineStrict": true},"#
            + #"{"kind": "Q3", "deadline": "05/09/2019"}]}"#
        let regime = try JSONDecoder().decode(Regime.self, from: Data(json.utf8))
        let q1 = try #require(regime.period(.q1))
        #expect(!q1.hasGivenWindow)
        #expect(q1.windowText == "01/01/2019 – 03/03/2019")
        #expect(regime.period(.q3)?.windowText == "01/07/2019 – 04/09/2019")
        let warnings = RegimeCheck.check(regime)
        #expect(warnings.filter { $0.kind == .noWindow }.count == 2)
        #expect(warnings.contains { $0.message.hasPrefix("Kỳ Quý I/2019: chế độ chỉ nêu thời hạn nộp (trước ngày 05/03/2019), không nêu thời gian chốt số liệu") })
        // Nothing is said about windows the regime never gave.
        #expect(!warnings.contains { [.length, .afterDeadline, .gap, .overlap, .uncovered, .tooLittleTime].contains($0.kind) })
        // Written back as it was given.
        let encoded = String(decoding: try JSONEncoder().encode(regime), as: UTF8.self)
        #expect(!encoded.contains("\"from\""))
        #expect(try JSONDecoder().decode(Regime.self, from: Data(encoded.utf8)) == regime)
        // Half a window is refused, naming the period.
        let half = #"{"issuer": "", "year": 2019, "periods": [{"kind": "Q1", "from": "2019-01-01", "deadline": "2019-03-05"}]}"#
        let halfRegime = try JSONDecoder().decode(Regime.self, from: Data(half.utf8))
        #expect(halfRegime.problems().contains { $0.message.hasPrefix("Quý I: cần cả ngày bắt đầu (from) và ngày kết thúc (to)") })
    }

    @Test func olderGuidanceWithDeadlinesOnlyIsRead() {
        let text = "Chế độ báo cáo: Báo cáo quý gửi trước ngày 05 của tháng cuối quý; báo cáo 6 tháng gửi trước ngày 05/6/2019; "
            + "báo cáo năm gửi trước ngày 05/12/2019."
        let (read, notes) = RegimeReader.read(text, year: 2019)
        guard let regime = read else { Issue.record("no regime read"); return }
        #expect(regime.periods.map(\.kind) == [.q1, .h1, .q3, .year])
        #expect(regime.periods.allSatisfy { !$0.hasGivenWindow && $0.deadlineStrict == true })
        #expect(regime.period(.q3)?.deadline == Day(2019, 9, 5)!)
        #expect(notes.contains { $0.hasPrefix("Quý I: văn bản chỉ nêu thời hạn nộp, không nêu thời gian chốt số liệu") })
    }

    @Test func aDayThatDoesNotExistIsToldApartFromAWrongShape() {
        #expect(VNDate.problem("31/02/2021") == "“31/02/2021”: tháng 2/2021 không có ngày 31.")
        #expect(VNDate.problem("15/13/2021") == "“15/13/2021”: không có tháng 13.")
        #expect(VNDate.problem("2021.02.03") == "“2021.02.03” không đúng dạng dd/MM/yyyy.")
    }
}
