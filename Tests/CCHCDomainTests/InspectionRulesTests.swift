import Foundation
import Testing
@testable import CCHCDomain

/// Seed 003's procedure in dates, and block 1.2 counted for a window.
@Suite("Kiểm tra CCHC: thời hạn, khắc phục, số liệu 1.2")
struct InspectionRulesTests {
    @Test func thePreVisitReportIsDueThreeDaysBeforeTheVisitAndMovesWithIt() {
        #expect(InspectionRules.preVisitDue(visit: Day(2022, 6, 15)!, days: 3) == Day(2022, 6, 12)!)
        // The visit moved to 01/07: the report moves with it, across the month.
        #expect(InspectionRules.preVisitDue(visit: Day(2022, 7, 1)!, days: 3) == Day(2022, 6, 28)!)
        #expect(InspectionRules.preVisitDue(visit: Day(2022, 7, 1)!, days: 3, unannounced: true) == nil)
    }

    @Test func aConclusionDatedDGivesRemediationDueDPlusTheSetDays() {
        #expect(InspectionRules.remediationDue(conclusion: Day(2022, 6, 20)!, days: 15) == Day(2022, 7, 5)!)
        #expect(InspectionRules.remediationDue(conclusion: Day(2022, 12, 25)!, days: 15) == Day(2023, 1, 9)!)
    }

    @Test func onTimeIsJudgedInVietnamTime() {
        let last = Day(2022, 5, 19)!
        // 23:30 on 19/05 in Vietnam is 16:30 UTC: on time; 00:10 on 20/05 in Vietnam is 17:10 UTC on the 19th: late.
        #expect(InspectionRules.onTime(sent: last.startInVietnam.addingTimeInterval(23.5 * 3600), lastDay: last) == true)
        #expect(InspectionRules.onTime(sent: last.endInVietnam.addingTimeInterval(600), lastDay: last) == false)
        // "Trước ngày 20/5/2022": the 19th is the last day.
        #expect(DueDate(day: Day(2022, 5, 20)!, strict: true).lastDay == last)
    }

    @Test func aFindingIsOverdueOnlyWhileOpenPastItsDeadline() {
        let due = Day(2022, 7, 5)!
        #expect(!FindingState.of(status: .open, due: due, fixedOn: nil, today: due).isOverdue)
        let overdue = FindingState.of(status: .open, due: due, fixedOn: nil, today: Day(2022, 7, 9)!)
        #expect(overdue.overdueDays == 4 && overdue.label == "Quá hạn khắc phục 4 ngày")
        let late = FindingState.of(status: .fixed, due: due, fixedOn: Day(2022, 7, 7)!, today: Day(2022, 7, 9)!)
        #expect(!late.isOverdue && late.lateDays == 2 && late.label == "Đã khắc phục, chờ xác minh (chậm 2 ngày)")
        #expect(FindingState.of(status: .verified, due: due, fixedOn: Day(2022, 7, 1)!, today: Day(2022, 8, 1)!).label == "Đã xác minh, kết thúc")
    }

    @Test func blockOnePointTwoCountsTheWindow() {
        let visits = [InspectionCounts.Visit(unitID: 1, concludedOn: Day(2022, 6, 20)!),
                      InspectionCounts.Visit(unitID: 1, concludedOn: Day(2022, 7, 2)!),     // the same unit twice: one unit
                      InspectionCounts.Visit(unitID: 2, concludedOn: Day(2022, 10, 3)!),    // after the window
                      InspectionCounts.Visit(unitID: 3, concludedOn: nil)]                  // not concluded
        let findings = [InspectionCounts.Finding(foundOn: Day(2022, 6, 20)!, verifiedOn: Day(2022, 7, 10)!),
                        InspectionCounts.Finding(foundOn: Day(2022, 6, 20)!, verifiedOn: Day(2022, 9, 20)!),   // closed after the cut-off
                        InspectionCounts.Finding(foundOn: Day(2022, 7, 2)!, verifiedOn: nil),
                        InspectionCounts.Finding(foundOn: Day(2022, 10, 3)!, verifiedOn: Day(2022, 10, 5)!)]
        let c = InspectionCounts.count(from: Day(2021, 12, 15)!, through: Day(2022, 9, 14)!, inScope: 19, visits: visits, findings: findings)
        #expect(c == InspectionCounts(inScope: 19, inspected: 1, found: 3, resolved: 1))
    }

    @Test func scopeAsWritten() {
        #expect(InspectionScope().required(of: 19) == 19)
        #expect(InspectionScope(share: 0.5).required(of: 19) == 10)
        #expect(InspectionScope(units: ["Xã Xuân Hội", "Xã Xuân Yên"]).required(of: 19) == 2)
        #expect(InspectionScope(minimumPerGroup: ["communes": 5, "offices": 2]).required(of: 19, groups: ["communes": 17, "offices": 2]) == 7)
    }

    @Test func thePlanJSONRoundTripsAndItsProblemsAreNamed() throws {
        let plan = InspectionPlanDocument(unit: "HT-NXU", year: 2022, rounds: [
            InspectionRound(number: 1, label: "Đợt 1", from: Day(2022, 6, 1)!, to: Day(2022, 7, 31)!,
                            selfDue: DueDate(day: Day(2022, 5, 20)!, strict: true)),
            InspectionRound(number: 1, label: "Đợt 2", from: Day(2022, 11, 30)!, to: Day(2022, 10, 1)!),
        ])
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(InspectionPlanDocument.self, from: data) == plan)
        let problems = plan.problems().map(\.message)
        #expect(problems.contains("Đợt 1 bị lặp"))
        #expect(problems.contains("Đợt 2: ngày kết thúc trước ngày bắt đầu"))
        // Defaults: seed 003's checklist, 3 days before a visit, 15 days to remedy.
        let minimal = try JSONDecoder().decode(InspectionPlanDocument.self, from: Data(#"{"unit":"HT-NXU","year":2022}"#.utf8))
        #expect(minimal.preVisitDays == 3 && minimal.remediationDays == 15 && minimal.checklist.count == 9)
    }
}
