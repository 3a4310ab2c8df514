import Foundation
import Testing
@testable import CCHCDomain

@Suite("Chỉ số CCHC: phương pháp chấm, tại các biên")
struct ParIndexMethodTests {
    func leaf(_ method: ParMethod?, max: Double, notApplicableFull: Bool? = nil) -> ParCriterion {
        ParCriterion(code: "x", name: "Tiêu chí thử", max: max, notApplicableFull: notApplicableFull, method: method)
    }

    func points(_ c: ParCriterion, _ input: ParInput?) throws -> Double {
        try ParScoring.scoreLeaf(c, input).get().points
    }

    func failure(_ c: ParCriterion, _ input: ParInput?) -> String? {
        if case .failure(let p) = ParScoring.scoreLeaf(c, input) { return p.message }
        return nil
    }

    // MARK: deduction — seed 001, 1.3.3

    @Test func deductionGivesOneAndAHalfOfTwoForAYearWithOneMonthOfThreeItems() throws {
        let c = leaf(.deduction(ParDeduction(per: .month, required: 4, penalty: 0.5)), max: 2)
        let r = try ParScoring.scoreLeaf(c, .counts([4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4])).get()
        #expect(r.points == 1.5)
        #expect(r.explanation == "Yêu cầu 4/tháng; tháng 3 thiếu 1: 1 × 0,5 = −0,5 → 1,5/2")
        // More than required in other months does not make up for the short one.
        #expect(try points(c, .counts([9, 9, 3, 9, 9, 9, 9, 9, 9, 9, 9, 9])) == 1.5)
        // Exactly the required count everywhere: full points.
        #expect(try points(c, .counts(Array(repeating: 4, count: 12))) == 2)
        // Four missing items reach 0; more stay at the floor 0.
        #expect(try points(c, .counts([0] + Array(repeating: 4, count: 11))) == 0)
        let many = try ParScoring.scoreLeaf(c, .counts(Array(repeating: 0, count: 12))).get()
        #expect(many.points == 0 && many.explanation.contains("không dưới 0"))
        // The wrong number of months is refused, not guessed.
        #expect(failure(c, .counts([4, 4, 4])) == "cần số lượng của 12 tháng, có 3")
        #expect(failure(c, .counts([-1] + Array(repeating: 4, count: 11))) != nil)
    }

    @Test func deductionBelowZeroOnlyWhereTheFrameworkAllowsIt() throws {
        let c = leaf(.deduction(ParDeduction(per: .quarter, required: 1, penalty: 1, floor: -1)), max: 2)
        #expect(try points(c, .counts([0, 0, 0, 0])) == -1)
        #expect(try points(c, .counts([0, 0, 1, 1])) == 0)
        let year = leaf(.deduction(ParDeduction(per: .year, required: 10, penalty: 0.25)), max: 1)
        let r = try ParScoring.scoreLeaf(year, .counts([8])).get()
        #expect(r.points == 0.5 && r.explanation == "Yêu cầu 10/năm; thiếu 2: 2 × 0,25 = −0,5 → 0,5/1")
    }

    // MARK: bands — edges as written

    @Test func bandEdgeWrittenInclusiveAndExclusive() throws {
        // "trên 90 % → 2; từ 70 % đến 90 % → 1; dưới 70 % → 0"
        let c = leaf(.bands(input: "Tỷ lệ hồ sơ đúng hạn (%)", bands: [
            ParBand(min: 90, minInclusive: false, points: 2),
            ParBand(min: 70, max: 90, points: 1),
            ParBand(max: 70, maxInclusive: false, points: 0),
        ]), max: 2)
        #expect(try points(c, .measured(90)) == 1)          // 90 is "từ 70 đến 90", not "trên 90"
        #expect(try points(c, .measured(90.01)) == 2)
        #expect(try points(c, .measured(70)) == 1)          // 70 is "từ 70", not "dưới 70"
        #expect(try points(c, .measured(69.99)) == 0)
        #expect(try points(c, .measured(0.3 * 300)) == 1)   // 90.00000000000001 is still 90
        #expect(try ParScoring.scoreLeaf(c, .measured(90)).get().explanation == "Tỷ lệ hồ sơ đúng hạn (%) = 90, từ 70 đến 90 → 1/2")
        #expect(try ParScoring.scoreLeaf(c, .measured(95)).get().explanation == "Tỷ lệ hồ sơ đúng hạn (%) = 95, trên 90 → 2/2")
        // Written the other way: "từ 90 % → 2; từ 70 % đến dưới 90 % → 1".
        let other = leaf(.bands(input: nil, bands: [ParBand(min: 90, points: 2), ParBand(min: 70, max: 90, maxInclusive: false, points: 1)]), max: 2)
        #expect(try points(other, .measured(90)) == 2)
        #expect(try points(other, .measured(89.999)) == 1)
        let below = try ParScoring.scoreLeaf(other, .measured(10)).get()
        #expect(below.points == 0 && below.explanation.contains("không thuộc khoảng nào"))
        #expect(ParBand(min: 70, max: 90, maxInclusive: false, points: 1).text == "từ 70 đến dưới 90")
        #expect(ParBand(max: 70, maxInclusive: false, points: 0).text == "dưới 70")
    }

    @Test func indicatorReadsAFigureThroughBands() throws {
        let c = leaf(.indicator(indicator: "3.4.1", bands: [ParBand(min: 95, points: 3), ParBand(max: 95, maxInclusive: false, points: 1)]), max: 3)
        let r = try ParScoring.scoreLeaf(c, .indicator(95)).get()
        #expect(r.points == 3 && r.explanation == "Chỉ tiêu 3.4.1 = 95, từ 95 → 3/3")
        #expect(try points(c, .indicator(94.9)) == 1)
    }

    // MARK: the others

    @Test func manualOnItsStepAndWithinItsMax() throws {
        let c = leaf(.manual(step: 0.25), max: 2)
        #expect(try points(c, .manual(0)) == 0)
        #expect(try points(c, .manual(2)) == 2)
        #expect(try points(c, .manual(1.75)) == 1.75)
        #expect(failure(c, .manual(1.3)) == "điểm chấm 1,3 không theo bước 0,25")
        #expect(failure(c, .manual(2.25)) == "điểm chấm 2,25 vượt điểm tối đa 2")
        #expect(failure(c, .manual(-0.25)) == "điểm chấm -0,25 không được âm")
        // No method: manual, any figure with 2 decimals.
        let free = leaf(nil, max: 10)
        #expect(try points(free, .manual(5.13)) == 5.13)
        #expect(failure(free, .manual(5.131)) != nil)
        // A missing input scores 0, said so.
        let none = try ParScoring.scoreLeaf(free, nil).get()
        #expect(none.points == 0 && none.missing && none.explanation == "Chưa có số liệu → 0/10")
    }

    @Test func booleanAndLevels() throws {
        let b = leaf(.boolean, max: 1.5)
        #expect(try points(b, .boolean(true)) == 1.5)
        #expect(try points(b, .boolean(false)) == 0)
        #expect(failure(b, .measured(1)) == "số liệu nhập không phù hợp với phương pháp chấm \"Đạt / không đạt\"")
        // "ban hành kịp thời 1 / không kịp thời 0,5 / không ban hành 0"
        let l = leaf(.levels([ParLevel(label: "Ban hành kịp thời", points: 1), ParLevel(label: "Không kịp thời", points: 0.5),
                              ParLevel(label: "Không ban hành", points: 0)]), max: 1)
        #expect(try points(l, .level("ban hành kịp thời")) == 1)
        #expect(try points(l, .level("KHÔNG KỊP THỜI")) == 0.5)
        #expect(try points(l, .level("Không ban hành")) == 0)
        #expect(failure(l, .level("Đúng hạn"))?.hasPrefix("mức \"Đúng hạn\" không có") == true)
    }

    @Test func deadlineFromTheDutiesTimeliness() throws {
        let c = leaf(.deadline(ParDeadline(duties: ["plan", "report:Q1"], onTime: 2, late: 1, missing: 0)), max: 2)
        #expect(try points(c, .duties(["plan": .onTime, "report:Q1": .onTime])) == 2)
        let late = try ParScoring.scoreLeaf(c, .duties(["plan": .onTime, "report:Q1": .late])).get()
        #expect(late.points == 1 && late.explanation == "report:Q1 chậm hạn → 1/2")
        #expect(try points(c, .duties(["plan": .late, "report:Q1": .missing])) == 0)
        #expect(try points(c, .duties(["plan": .onTime])) == 0)      // a duty with no record is missing
        #expect(try points(c, .deadline(.late)) == 1)
        // From the reporting module's own records.
        #expect(ParDutyOutcome(Timeliness.onTime) == .onTime)
        #expect(ParDutyOutcome(Timeliness.resubmitted(daysLate: 0)) == .onTime)
        #expect(ParDutyOutcome(Timeliness.late(days: 3)) == .late)
        #expect(ParDutyOutcome(Timeliness.overdue(daysLate: 1)) == .missing)
        #expect(ParDutyOutcome(Timeliness.notDueYet(daysLeft: 4)) == nil)
    }

    @Test func bonusAndPenaltyAreCapped() throws {
        let bonus = leaf(.bonus(cap: 2), max: 2)
        #expect(try points(bonus, .points(1.5)) == 1.5)
        let capped = try ParScoring.scoreLeaf(bonus, .points(3)).get()
        #expect(capped.points == 2 && capped.explanation == "Điểm thưởng 3, tối đa 2 → +2")
        #expect(try points(bonus, nil) == 0)
        let penalty = leaf(.penalty(cap: 3), max: 0)
        #expect(try points(penalty, .points(1)) == -1)
        #expect(try points(penalty, .points(-5)) == -3)
    }

    @Test func notApplicableGivesFullPointsOnlyWhereTheFrameworkSaysSo() throws {
        let yes = leaf(.boolean, max: 2, notApplicableFull: true)
        let r = try ParScoring.scoreLeaf(yes, .notApplicable).get()
        #expect(r.points == 2 && r.notApplicable && r.explanation == "Không phát sinh: được điểm tối đa → 2/2")
        #expect(failure(leaf(.boolean, max: 2), .notApplicable) == "bộ tiêu chí không cho tính đủ điểm khi \"không phát sinh\"")
    }

    @Test func aTypedScoreOverridesAnyMethod() throws {
        // The appraiser may set a score on any criterion.
        let c = leaf(.deduction(ParDeduction(per: .month, required: 4, penalty: 0.5)), max: 2)
        #expect(try points(c, .manual(1)) == 1)
    }
}
